package org.peel.synthetic;

import org.peel.organisedcrime.Disruption;
import org.peel.organisedcrime.GroupFacts;
import org.peel.organisedcrime.OcgScore;
import org.peel.organisedcrime.OcgScoring;
import org.peel.organisedcrime.OcgSettings;
import org.peel.organisedcrime.Reach;
import org.peel.organisedcrime.SignificantEvents;
import org.peel.organisedcrime.Violence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The OCG register: groups as mapped with their activities, capability, violence and reach; members (principals,
 * significant and peripheral) and associates; disruptions over time; and every assessment, scored by Peel's own
 * scoring ({@link OcgScoring}, the register's default model) with significant events decided by Peel's own rule
 * ({@link SignificantEvents}). Principals and most members are drawn from the force's suspects (in proportion to how
 * often they offend), so OCG members are the prolific offenders they are in real records; associates are ordinary
 * residents around them.
 *
 * <p>Size: {@value #ACTIVE_PER_MILLION} groups per million residents are active on the last day of the generated year
 * (the inspection's 1,855 groups for the Met, 217 per million, at mid-2015), and a quarter as many again were mapped
 * and archived before it. Each group is assessed when mapped and then again when due (every
 * {@link OcgSettings#DEFAULT_INTERVAL_DAYS} days, or within a month of a significant event), though the analysts fall
 * behind: {@value #MISSED_PERCENT}% of due reassessments slip by a month, so some scores are stale.
 */
final class OrganisedCrimeGroups implements RecordType {

    static final int ACTIVE_PER_MILLION = 217;
    static final int MISSED_PERCENT = 20;

    static final Table OCG = Table.of("ocg", "id", "name", "borough_code", "principal_activity", "band", "mapped_on",
            "activities", "firearms", "violence", "corruption", "money_laundering", "specialist_skills", "reach",
            "lead_officer", "status", "archived_on", "score", "model_version", "last_assessed", "archive_reason");
    static final Table ASSESSMENT = Table.of("ocg_assessment", "ocg_id", "model_version", "score", "band",
            "contributions", "reasons", "facts", "assessed_on", "assessed_by", "recorded_at");
    static final Table DISRUPTION = Table.of("ocg_disruption", "ocg_id", "heading", "impact", "occurred_on", "summary",
            "arrests", "principal_arrested", "charges", "principal_charged", "cash_seized", "drugs_seized",
            "firearms_seized", "scpos", "scpo_conditions", "score_before", "band_before", "recorded_by", "recorded_at");
    static final Table EVENT = Table.of("ocg_event", "ocg_id", "kind", "occurred_on", "detail", "recorded_by",
            "recorded_at");

    private static final String[] ACTIVITIES = {"drugs supply", "acquisitive crime", "violence", "fraud", "firearms",
            "money laundering", "organised immigration crime", "child sexual exploitation"};
    private static final Weighted ACTIVITY = Weighted.of(45, 15, 11, 8, 6, 6, 5, 4);
    private static final Weighted VIOLENCE = Weighted.of(25, 30, 35, 10);
    private static final Weighted REACH = Weighted.of(45, 35, 15, 5);
    private static final Weighted HEADING = Weighted.of(70, 12, 10, 8);
    private static final Weighted IMPACT = Weighted.of(30, 35, 25, 10);
    private static final String[] NAME_ENDINGS = {"Crew", "Boys", "Firm", "Family", "Gang", "Network", "Mob"};
    private static final String[] RANKS = {"DI", "DCI", "DS"};

    @Override
    public String name() {
        return "ocg";
    }

    @Override
    public List<Table> tables() {
        return List.of(OCG, ASSESSMENT, DISRUPTION, EVENT);
    }

    /** A group's facts as they change over its life. */
    private static final class Facts {
        List<String> activities;
        int members;
        int principals;
        boolean firearms;
        Violence violence;
        boolean corruption;
        boolean laundering;
        boolean skills;
        Reach reach;

        GroupFacts scored() {
            return new GroupFacts(activities, members, principals, firearms, violence, corruption, laundering, reach);
        }
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        OcgSettings settings = OcgSettings.defaults();
        LocalDate reference = world.end.minusDays(1);
        long active = Math.max(1, world.scaled(world.force.population() * ACTIVE_PER_MILLION / 1_000_000.0));
        long archivedBefore = Math.round(active * 0.25);
        int refDay = (int) reference.toEpochDay();
        int endDay = (int) world.end.toEpochDay();
        for (long n = 1; n <= active + archivedBefore; n++) {
            boolean activeAtReference = n <= active;
            int mapped;
            int archived;
            if (activeAtReference) {
                mapped = refDay - rnd.nextInt(4 * 365);
                archived = rnd.nextInt(100) < 8 ? refDay + 1 + rnd.nextInt(Math.max(1, endDay - refDay)) : Integer.MIN_VALUE;
            } else {
                mapped = refDay - 5 * 365 + rnd.nextInt(4 * 365);
                archived = Math.min(refDay, mapped + 120 + rnd.nextInt(3 * 365));
            }
            if (archived != Integer.MIN_VALUE && archived >= endDay) {
                archived = Integer.MIN_VALUE;
            }
            group(world, rnd, settings, world.id("OCG", n), mapped, archived);
        }
    }

    private void group(World world, SplittableRandom rnd, OcgSettings settings, String id, int mapped, int archived) {
        int area = world.places.draw(null, rnd);
        Area place = world.places.area(area);
        String name = Names.STREET_STEMS.get(rnd.nextInt(Names.STREET_STEMS.size())) + " "
                + NAME_ENDINGS[rnd.nextInt(NAME_ENDINGS.length)];
        Facts f = new Facts();
        int predominant = ACTIVITY.draw(rnd);
        List<String> activities = new ArrayList<>(List.of(ACTIVITIES[predominant]));
        int further = rnd.nextInt(100) < 20 ? 2 : rnd.nextInt(100) < 50 ? 1 : 0;
        for (int i = 0; i < further; i++) {
            String a = ACTIVITIES[ACTIVITY.draw(rnd)];
            if (!activities.contains(a)) {
                activities.add(a);
            }
        }
        f.activities = activities;
        f.firearms = activities.contains("firearms") || rnd.nextInt(100) < (predominant == 0 ? 25 : 12);
        f.violence = Violence.values()[f.firearms ? Math.max(2, VIOLENCE.draw(rnd)) : VIOLENCE.draw(rnd)];
        f.corruption = rnd.nextInt(100) < 8;
        f.laundering = activities.contains("money laundering") || rnd.nextInt(100) < 35;
        f.skills = rnd.nextInt(100) < 10;
        int reach = REACH.draw(rnd);
        if (activities.contains("organised immigration crime") || activities.contains("money laundering")) {
            reach = Math.max(reach, 2);
        }
        f.reach = Reach.values()[reach];

        // members: one or two principals, then significant and peripheral members, and associates
        long recordedAt = mapped * 86_400L + 9 * 3600 + rnd.nextInt(9 * 3600);
        int members = 3 + Math.min(37, (int) Mix.lognormal(rnd, 5, 0.7));
        int principals = rnd.nextInt(100) < 10 ? 0 : rnd.nextInt(100) < 25 ? 2 : 1;
        for (int m = 0; m < members; m++) {
            int person = !world.suspects.isEmpty() && rnd.nextDouble() < (m < principals ? 0.9 : 0.7)
                    ? world.suspects.draw(rnd)
                    : world.people.resident(area, rnd, 16, 45, rnd.nextDouble() < 0.9 ? Boolean.TRUE : null);
            world.nominals.add(person);
            String role = m < principals ? "principal" : rnd.nextInt(100) < 35 ? "significant" : "peripheral";
            world.person(person, "ocg", id, place.boroughCode(), role, recordedAt, rnd);
        }
        int associates = rnd.nextInt(7);
        for (int a = 0; a < associates; a++) {
            world.person(world.people.resident(area, rnd, 18, 65, null), "ocg", id, place.boroughCode(), "associate",
                    recordedAt, rnd);
        }
        f.members = members;
        f.principals = principals;

        // its life: assessed when mapped, disrupted now and then, reassessed when due
        int lastDay = archived != Integer.MIN_VALUE ? archived : (int) world.end.toEpochDay() - 1;
        OcgScore current = assess(world, settings, id, f, mapped, rnd);
        int assessed = mapped;
        int lastAssessedDay = mapped;
        int eventDay = Integer.MIN_VALUE;
        double disruptionsPerDay = (0.5 + 2.5 * (current.score() / 100.0)) / 365.0;
        int nextDisruption = mapped + gap(rnd, disruptionsPerDay);
        for (int day = mapped + 1; day <= lastDay; day++) {
            if (day == nextDisruption) {
                Disruption d = disruption(rnd, settings, f, LocalDate.ofEpochDay(day));
                long at = day * 86_400L + 6 * 3600 + rnd.nextInt(12 * 3600);
                world.out(DISRUPTION).text(id).text(d.heading()).text(d.impact()).date(day).text(d.summary())
                        .number(d.arrests()).bool(d.principalArrested()).number(d.charges()).bool(d.principalCharged())
                        .decimal(d.cashSeized().doubleValue(), 2).text(d.drugsSeized()).number(d.firearmsSeized())
                        .number(d.scpos()).text(d.scpoConditions()).decimal(current.score(), 2).text(current.band())
                        .text(RecordingPasses.ACTOR).time(at).end();
                for (SignificantEvents.Event e : SignificantEvents.of(d, settings)) {
                    world.out(EVENT).text(id).text(e.kind()).date(day).text(e.detail()).text(RecordingPasses.ACTOR)
                            .time(at).end();
                    eventDay = day;
                }
                // what the disruption changed: guns seized, violence checked
                if (d.firearmsSeized() > 0) {
                    f.firearms = false;
                }
                if ("major".equals(d.impact()) && f.violence.ordinal() > 0 && rnd.nextBoolean()) {
                    f.violence = Violence.values()[f.violence.ordinal() - 1];
                }
                nextDisruption = day + 1 + gap(rnd, disruptionsPerDay);
            }
            boolean afterEvent = eventDay > assessed && day >= eventDay + 3 + rnd.nextInt(28);
            boolean intervalPassed = day >= assessed + settings.intervalDays();
            if ((afterEvent || intervalPassed) && rnd.nextInt(100) >= MISSED_PERCENT) {
                current = assess(world, settings, id, f, day, rnd);
                assessed = day;
                lastAssessedDay = day;
            } else if (intervalPassed && !afterEvent) {
                assessed += 30; // slipped by a month
            }
        }
        String officer = RANKS[rnd.nextInt(RANKS.length)] + " " + Names.STREET_STEMS.get(rnd.nextInt(Names.STREET_STEMS.size()));
        world.out(OCG).text(id).text(name).text(place.boroughCode()).text(f.activities.get(0)).text(current.band())
                .date(mapped).text(String.join(";", f.activities)).bool(f.firearms).text(f.violence.code())
                .bool(f.corruption).bool(f.laundering).bool(f.skills).text(f.reach.code()).text(officer)
                .text(archived == Integer.MIN_VALUE ? "active" : "archived").date(archived)
                .decimal(current.score(), 2).text(current.modelVersion()).date(lastAssessedDay)
                .text(archived == Integer.MIN_VALUE ? null : archiveReason(current, id)).end();
    }

    /**
     * Why a group left the register: dismantled when its last score was low, otherwise merged or moved away (chosen
     * from the id, so that the group's random stream, and so the rest of the force, is as before reasons were kept).
     */
    private static String archiveReason(OcgScore last, String id) {
        int pick = Math.floorMod(id.hashCode(), 4);
        if (last.score() < 40 || pick < 2) {
            return "Dismantled: principals convicted and no activity for six months";
        }
        return pick == 2 ? "Merged into another group on the register"
                : "No longer active in the force area: referred to the regional organised crime unit";
    }

    private OcgScore assess(World world, OcgSettings settings, String id, Facts f, int day, SplittableRandom rnd) {
        OcgScore s = OcgScoring.score(settings.model(), f.scored());
        long at = day * 86_400L + 10 * 3600 + rnd.nextInt(7 * 3600);
        world.out(ASSESSMENT).text(id).text(s.modelVersion()).decimal(s.score(), 2).text(s.band())
                .text(json(s.contributions())).text(json(s.reasons())).text(json(f.scored()))
                .date(day).text(RecordingPasses.ACTOR).time(at).end();
        return s;
    }

    private static Disruption disruption(SplittableRandom rnd, OcgSettings settings, Facts f, LocalDate on) {
        String heading = Disruption.HEADINGS.get(HEADING.draw(rnd));
        List<String> scale = settings.impactScale();
        String impact = scale.get(Math.min(scale.size() - 1, IMPACT.draw(rnd)));
        boolean pursue = "pursue".equals(heading);
        int arrests = pursue ? rnd.nextInt(7) : 0;
        boolean principalArrested = arrests > 0 && f.principals > 0 && rnd.nextInt(100) < 15;
        int charges = arrests == 0 ? 0 : rnd.nextInt(arrests + 1);
        boolean principalCharged = principalArrested && charges > 0 && rnd.nextInt(100) < 60;
        BigDecimal cash = pursue && rnd.nextInt(100) < 30 ? BigDecimal.valueOf(500L * (1 + rnd.nextInt(200))) : BigDecimal.ZERO;
        String drugs = pursue && f.activities.contains("drugs supply") && rnd.nextInt(100) < 40
                ? (1 + rnd.nextInt(20)) * 50 + " g class A" : null;
        int firearms = pursue && f.firearms && rnd.nextInt(100) < 20 ? 1 + rnd.nextInt(3) : 0;
        int scpos = pursue && rnd.nextInt(100) < 3 ? 1 : 0;
        String summary = switch (heading) {
            case "pursue" -> arrests > 0 ? "Warrant executed; " + arrests + " arrested" : "Search warrant executed";
            case "prevent" -> "Diversion work with young people around the group";
            case "protect" -> "Safeguarding visits to people exploited by the group";
            default -> "Partnership plan for the group's area";
        };
        return new Disruption(heading, impact, on, summary, arrests, principalArrested, charges, principalCharged,
                cash, drugs, firearms, scpos, scpos > 0 ? "Not to hold more than one mobile phone" : null);
    }

    /** Days to the next event of a Poisson process with this daily rate. */
    private static int gap(SplittableRandom rnd, double perDay) {
        return 1 + (int) Math.min(100_000, -Math.log(1 - rnd.nextDouble()) / perDay);
    }

    private static String json(Object value) {
        try {
            return org.peel.web.ApiJson.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
