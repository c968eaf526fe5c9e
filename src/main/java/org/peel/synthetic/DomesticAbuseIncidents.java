package org.peel.synthetic;

import org.peel.vulnerability.DashAnswer;
import org.peel.vulnerability.DashAssessment;
import org.peel.vulnerability.DashGrade;
import org.peel.vulnerability.DashQuestionnaire;
import org.peel.vulnerability.DomesticAbuseSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Domestic abuse incidents: one for every crime flagged as domestic abuse, and more that were not crimes.
 * Couples recur (abuse is rarely a single incident). Each couple carries a hidden risk level (standard, medium or
 * high; it may rise as the abuse repeats) from which the victim's answers to the 27 DASH questions are drawn.
 * Officers raise a few grades on professional judgement, with a reason. The incident is written as the officer
 * reported it, graded from its answers ({@link DashAssessment}) but with no MARAC decision: once loaded, Peel's own
 * recording ({@code DomesticAbuseRecordingPass}, the form's code) counts the victim's earlier incidents through
 * resolved persons, applies the MARAC criteria and makes the referrals. Every incident is reviewed by a
 * supervisor, most within the 24 hours, some late.
 */
final class DomesticAbuseIncidents implements RecordType {

    static final Table INCIDENT = Table.of("domestic_abuse_incident", "id", "reported_at", "crime_id", "borough_code",
            "ward_code", "lsoa_code", "dash_risk", "marac_referral", "recorded_as", "relationship", "children",
            "definition_met", "dash_version", "dash_answers", "dash_yes", "dash_actuarial", "judgement",
            "judgement_reason", "incidents_12m", "marac_criteria", "recorded_by", "review_due_at", "reviewed_at",
            "reviewed_by");

    private static final String ACTOR = "peel:synthetic";
    private static final Weighted RISK_MIX = Weighted.of(0.62, 0.28, 0.10);
    /** Chance an officer raises a standard or medium grade to high on professional judgement. */
    private static final double JUDGEMENT_RAISES = 0.03;
    /** Chance a supervisor's review is late (after the 24 hours). */
    private static final double REVIEW_LATE = 0.12;
    /** Non-crime incidents per domestic abuse crime. */
    private static final double NON_CRIME_RATIO = 1.2;

    /**
     * How often a non-crime incident is an earlier couple's again, and the most incidents one victim reports in a
     * year. A victim graded high is referred to MARAC again at any incident within 12 months, so these two set the
     * repeat referral rate: SafeLives expects 28-40% of a MARAC's cases to be repeats (SafeLives, MARAC national
     * dataset and guidance on repeat referrals). Earlier, a 55% chance of an earlier incident's couple (so the couples
     * with most incidents were drawn most) and up to 12 a year made it about 59%; a quarter of non-crime incidents
     * recurring, drawn evenly over couples, and at most 6 a year keep it within SafeLives' range.
     */
    private static final double REPEAT_COUPLE = 0.25;
    private static final int MAX_INCIDENTS = 6;

    /** An earlier couple again (each couple as likely as another), or null for a new one. */
    private static int[] repeatCouple(List<int[]> couples, int[] incidents, SplittableRandom rnd) {
        if (couples.isEmpty() || rnd.nextDouble() >= REPEAT_COUPLE) {
            return null;
        }
        for (int tries = 0; tries < 8; tries++) {
            int[] c = couples.get(rnd.nextInt(couples.size()));
            if (incidents[c[0]] < MAX_INCIDENTS) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "domestic";
    }

    @Override
    public List<Table> tables() {
        return List.of(INCIDENT);
    }

    /** The victim's answers for a hidden risk level: the number of yes answers drawn within the level's band. */
    static List<DashAnswer> answers(int risk, SplittableRandom rnd) {
        int yes = switch (risk) {
            case 2 -> 14 + rnd.nextInt(8);   // 14-21
            case 1 -> 10 + rnd.nextInt(4);   // 10-13
            default -> rnd.nextInt(10);      // 0-9
        };
        List<DashAnswer> a = new ArrayList<>(Collections.nCopies(27, DashAnswer.NO));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            order.add(i);
        }
        for (int i = 26; i > 0; i--) {
            Collections.swap(order, i, rnd.nextInt(i + 1));
        }
        for (int i = 0; i < 27; i++) {
            if (i < yes) {
                a.set(order.get(i), DashAnswer.YES);
            } else if (rnd.nextDouble() < 0.06) {
                a.set(order.get(i), DashAnswer.NOT_KNOWN);
            }
        }
        return a;
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        List<World.DomesticCrime> crimes = world.domesticCrimes;
        int nonCrime = (int) Math.round(crimes.size() * NON_CRIME_RATIO);
        long[] order = new long[crimes.size() + nonCrime];
        for (int i = 0; i < order.length; i++) {
            long at = i < crimes.size() ? crimes.get(i).at() : world.time.draw(TimeModel.Profile.DOMESTIC, rnd);
            order[i] = (at - world.time.startSecond()) << 32 | i;
        }
        Arrays.sort(order);

        TableOutput out = world.out(INCIDENT);
        DomesticAbuseSettings settings = DomesticAbuseSettings.defaults();
        DashQuestionnaire checklist = DashQuestionnaire.acpo2009();
        List<int[]> couples = new ArrayList<>();
        int[] incidents = new int[world.people.size];
        java.util.Map<Long, Integer> coupleRisk = new java.util.HashMap<>();
        java.util.Map<Long, String> coupleRelationship = new java.util.HashMap<>();
        int[] couple;
        for (int n = 0; n < order.length; n++) {
            int i = (int) (order[n] & 0xffffffffL);
            long at = world.time.startSecond() + (order[n] >>> 32);
            String id = world.id("DA", n + 1);
            int victim;
            int perpetrator;
            int area;
            String crimeId = null;
            if (i < crimes.size()) {
                World.DomesticCrime c = crimes.get(i);
                victim = c.victim();
                perpetrator = c.perpetrator();
                area = c.area();
                crimeId = c.crimeId();
            } else if ((couple = repeatCouple(couples, incidents, rnd)) != null) {
                victim = couple[0];
                perpetrator = couple[1];
                area = world.people.area(victim);
            } else {
                area = world.places.draw(null, rnd);
                victim = world.people.resident(area, rnd, 16, 75, rnd.nextDouble() < 0.75 ? Boolean.FALSE : Boolean.TRUE);
                int partner = world.people.householdPartner(victim);
                perpetrator = partner >= 0 ? partner : world.people.resident(area, rnd, 16, 70, !world.people.male(victim));
            }
            incidents[victim]++;
            long coupleKey = (long) victim << 32 | perpetrator;
            if (!coupleRisk.containsKey(coupleKey)) {
                couples.add(new int[]{victim, perpetrator});
            }
            int risk = coupleRisk.computeIfAbsent(coupleKey, k -> RISK_MIX.draw(rnd));
            if (risk < 2 && incidents[victim] > 2 && rnd.nextDouble() < 0.2) {
                risk++;   // abuse that repeats tends to get worse
                coupleRisk.put(coupleKey, risk);
            }
            int partner = world.people.householdPartner(victim);
            String relationship = coupleRelationship.computeIfAbsent(coupleKey, k -> partner == perpetrator
                    ? "intimate-partner" : rnd.nextDouble() < 0.7 ? "ex-partner" : "family");
            List<DashAnswer> answers = answers(risk, rnd);
            DashGrade judgement = null;
            String judgementReason = null;
            if (risk < 2 && rnd.nextDouble() < JUDGEMENT_RAISES) {
                judgement = DashGrade.HIGH;
                judgementReason = "officer's concern beyond the checklist";
            }
            DashAssessment.Result dash = DashAssessment.assess(checklist, answers, judgement, judgementReason, settings);
            StringBuilder codes = new StringBuilder();
            answers.forEach(x -> codes.append(x.code()));
            long reviewDue = at + settings.reviewHours() * 3600L;
            long reviewed = rnd.nextDouble() < REVIEW_LATE ? reviewDue + 3600L * (1 + rnd.nextInt(72))
                    : at + 600L + rnd.nextInt(settings.reviewHours() * 3600 - 600);
            Area place = world.places.area(area);
            out.text(id).time(at).text(crimeId).text(place.boroughCode()).text(place.wardCode()).text(place.lsoaCode())
                    .text(dash.grade().code()).bool(false).text(crimeId == null ? "non-crime" : "crime")
                    .text(relationship).number(rnd.nextInt(3)).nothing()
                    .text(dash.version()).text(codes.toString()).number(dash.yes()).text(dash.actuarial().code())
                    .text(judgement == null ? null : judgement.code()).text(judgementReason).nothing()
                    .nothing().text(ACTOR).time(reviewDue).time(reviewed).text(ACTOR).end();
            world.person(victim, "domestic_abuse_incident", id, place.boroughCode(), "victim", at, rnd);
            world.person(perpetrator, "domestic_abuse_incident", id, place.boroughCode(), "perpetrator", at, rnd);
        }
    }
}
