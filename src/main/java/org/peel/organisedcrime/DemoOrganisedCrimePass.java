package org.peel.organisedcrime;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Serious and organised crime on a freshly generated demonstration force, recorded through the capability's own stores
 * and rules, each change audited as the demo's: the force's preparedness for the six national threats, exercised when
 * the preparedness rule ({@link Preparedness}) says a threat is due, though not always in time, with debriefs, lessons
 * and capability reviews; an intelligence requirement for each borough with active groups; intelligence submitted
 * over the last year, each grade checked by the grading rule ({@link IntelligenceGrading}), linked to groups, and
 * the few graded reliable and direct about a group lately marked significant (a significant event for the group, so
 * it becomes due for reassessment); and a few tasks from lead responsible officers to the demo borough's
 * neighbourhood team, one overdue and one completed. Draws from its own seeded stream, so a demo is the same each time
 * for the same day.
 */
public final class DemoOrganisedCrimePass {

    private static final String BY = "demo";
    private static final long SEED = 2015_217L;
    /** How many years of preparedness record the demo holds. */
    private static final int PREPAREDNESS_YEARS = 4;
    /** Submissions a year about each active group, on average. */
    private static final double SUBMISSIONS_PER_GROUP = 4.0;
    /** Submissions a year about no group in each borough with groups. */
    private static final int OTHER_SUBMISSIONS_PER_BOROUGH = 6;

    private static final String[] SOURCE = {"1", "1", "1", "1", "2", "2", "2", "2", "2", "3"};
    private static final String[] INTELLIGENCE = {"A", "A", "A", "B", "B", "C", "C", "C", "D", "E"};
    private static final String[] SEEN = {
        "Young people seen carrying cash and small packages between addresses linked to the group",
        "Vehicles linked to the group seen parked outside the same address at night",
        "Residents report people waiting outside a flat used by the group, several visits an hour",
        "A person known to the group seen showing what looked like a weapon in a group chat",
        "A new phone line advertising drugs in the area, believed to be the group's",
        "Shop keeper reports being pressed to hold cash for people linked to the group",
        "Graffiti marking the group's territory near the estate, with threats to a rival group"};
    private static final String[] SEEN_ELSEWHERE = {
        "Groups of young people gathering late near the station, some from outside the borough",
        "A rise in reports of cuckooing: vulnerable tenants with new visitors",
        "Scooters used to deliver packages around the estate at night"};

    private DemoOrganisedCrimePass() {
    }

    /** What the pass recorded. */
    public record Summary(int preparednessEntries, int threatsToTest, int requirements, int submissions,
                          int significant, int tasks) {
    }

    public static Summary prepare(Jdbi jdbi, AuditTrail audit, Clock clock, Map<String, String> environment,
                                  String demoBorough) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int testDays = ThreatStore.testDaysFrom(environment.get("PEEL_SPR_TEST_DAYS"));
        OcgStore groups = new OcgStore(jdbi);
        IntelligenceStore intelligence = new IntelligenceStore(jdbi);
        PlaceStore places = new PlaceStore(jdbi);
        return jdbi.inTransaction(h -> {
            int entries = 0;
            int toTest = 0;
            List<String> threats = h.createQuery("select id from spr_threat order by ordinal").mapTo(String.class)
                    .list();
            for (String threat : threats) {
                List<Preparedness.Entry> record = preparedness(h, audit, threat, today, now, testDays, rnd);
                entries += record.size();
                toTest += Preparedness.of(record, today, testDays).alert() ? 1 : 0;
            }
            Map<String, List<OcgGroup>> byBorough = new LinkedHashMap<>();
            for (OcgGroup g : groups.activeGroups(null)) {
                byBorough.computeIfAbsent(g.boroughCode(), k -> new ArrayList<>()).add(g);
            }
            int requirements = 0;
            int submissions = 0;
            int significant = 0;
            for (Map.Entry<String, List<OcgGroup>> b : byBorough.entrySet()) {
                String borough = b.getKey();
                List<Ward> wards = places.wardsIn(borough);
                OcgGroup top = b.getValue().get(0);
                Instant set = now.minusSeconds(86_400L * (60 + rnd.nextInt(120)));
                long requirement = intelligence.insertRequirement(h, borough, null, top.id(),
                        "The " + top.predominantActivity() + " of " + top.name() + ", the borough's highest scoring"
                                + " group", "Addresses, vehicles and phones the group uses; young people drawn into"
                                + " it; weapons", today.plusDays(30 + rnd.nextInt(60)), BY, set);
                audited(h, audit, "intelligence.requirement", "intelligence_requirement", requirement, set,
                        borough + ": highest scoring group");
                requirements++;
                Long wardRequirement = null;
                if (!wards.isEmpty()) {
                    Ward w = wards.get(rnd.nextInt(wards.size()));
                    wardRequirement = intelligence.insertRequirement(h, borough, w.code(), null,
                            "Drug supply and exploitation in " + w.name(), "Cuckooed addresses, dealing at known"
                                    + " spots, children out late with cash or phones", today.plusDays(rnd.nextInt(90)),
                            BY, set);
                    audited(h, audit, "intelligence.requirement", "intelligence_requirement", wardRequirement, set,
                            borough + ": ward priority");
                    requirements++;
                }
                for (OcgGroup g : b.getValue()) {
                    int n = poisson(rnd, SUBMISSIONS_PER_GROUP);
                    for (int i = 0; i < n; i++) {
                        boolean sig = submit(h, audit, intelligence, groups, rnd, today, now, borough, wards,
                                g == top ? requirement : null, g, SEEN[rnd.nextInt(SEEN.length)]);
                        submissions++;
                        significant += sig ? 1 : 0;
                    }
                }
                for (int i = 0; i < OTHER_SUBMISSIONS_PER_BOROUGH; i++) {
                    submit(h, audit, intelligence, groups, rnd, today, now, borough, wards, wardRequirement, null,
                            SEEN_ELSEWHERE[rnd.nextInt(SEEN_ELSEWHERE.length)]);
                    submissions++;
                }
            }
            List<OcgGroup> tasked = taskedGroups(byBorough, demoBorough);
            String boroughName = places.borough(demoBorough).map(org.peel.place.Borough::name).orElse(demoBorough);
            for (OcgGroup g : tasked) {
                // a group based elsewhere is tasked here because it works here: its areas say so, so the borough's
                // officers see it among the groups in their area
                if (!AreaPicture.touches(g, demoBorough, java.util.Set.of(demoBorough, boroughName))) {
                    groups.addArea(h, g.id(), boroughName);
                }
            }
            int tasks = tasks(h, audit, groups, tasked, demoBorough, today, now);
            return new Summary(entries, toTest, requirements, submissions, significant, tasks);
        });
    }

    /**
     * One threat's record over the demo's years: whenever the rule says the threat needs testing (never exercised,
     * lapsed, or last assessed not prepared) an exercise follows within one to five months; otherwise the next is
     * planned around the end of the period, sometimes late. Each exercise has a debrief and, when it found gaps, a
     * lesson; a capability review follows every other exercise.
     */
    private static List<Preparedness.Entry> preparedness(Handle h, AuditTrail audit, String threat, LocalDate today,
                                                         Instant now, int testDays, SplittableRandom rnd) {
        List<Preparedness.Entry> record = new ArrayList<>();
        LocalDate day = today.minusYears(PREPAREDNESS_YEARS).plusDays(rnd.nextInt(365));
        int exercises = 0;
        while (true) {
            Preparedness.Status status = Preparedness.of(record, day, testDays);
            LocalDate held = status.alert() ? day.plusDays(30 + rnd.nextInt(120))
                    : status.lastExercised().plusDays(Math.max(30, testDays - 90 + rnd.nextInt(150)));
            if (held.isAfter(today)) {
                break;
            }
            exercises++;
            int draw = rnd.nextInt(10);
            String assessment = draw < 5 ? "prepared" : draw < 9 ? "partly prepared" : "not prepared";
            add(h, audit, threat, record, new Preparedness.Entry("exercise", held, "Exercise " + exercises
                    + ": multi-agency table-top and live play", assessment), today, now);
            add(h, audit, threat, record, new Preparedness.Entry("debrief", held.plusDays(7 + rnd.nextInt(14)),
                    "Debrief of exercise " + exercises, assessment), today, now);
            if (!"prepared".equals(assessment)) {
                add(h, audit, threat, record, new Preparedness.Entry("lesson", held.plusDays(30 + rnd.nextInt(30)),
                        "Lesson from exercise " + exercises + ": call-out lists and mutual aid requests", null),
                        today, now);
            }
            if (exercises % 2 == 0) {
                add(h, audit, threat, record, new Preparedness.Entry("capability review",
                        held.plusDays(60 + rnd.nextInt(60)), "Capability review after exercise " + exercises,
                        rnd.nextInt(10) < 7 ? "prepared" : "partly prepared"), today, now);
            }
            day = held.plusDays(1);
        }
        return record;
    }

    private static void add(Handle h, AuditTrail audit, String threat, List<Preparedness.Entry> record,
                            Preparedness.Entry e, LocalDate today, Instant now) {
        if (e.heldOn().isAfter(today)) {
            return;
        }
        Instant at = at(e.heldOn().plusDays(1), now);
        ThreatStore.insert(h, threat, e, "", BY, at);
        audit.record(h, AuditEvent.by(null, "spr.preparedness", "spr_threat", threat, AuditEvent.SUCCESS).asUser(BY)
                .detail(e.kind() + " on " + e.heldOn() + (e.assessment() == null ? "" : ": " + e.assessment())));
        record.add(e);
    }

    /**
     * One submission seen in the last year, graded and checked by the rule; returns whether it was marked significant
     * (graded reliable and known directly or corroborated, about a group, in the last six weeks, one in three).
     */
    private static boolean submit(Handle h, AuditTrail audit, IntelligenceStore store, OcgStore groups,
                                  SplittableRandom rnd, LocalDate today, Instant now, String borough, List<Ward> wards,
                                  Long requirement, OcgGroup group, String report) {
        boolean conditions = rnd.nextInt(100) < 15;
        IntelligenceGrading.Grade grade = IntelligenceGrading.grade(IntelligenceGrading.THREE_FIVE_TWO,
                SOURCE[rnd.nextInt(SOURCE.length)], INTELLIGENCE[rnd.nextInt(INTELLIGENCE.length)],
                conditions ? "C" : "P", conditions ? "Not to be shared outside the police without the originator's"
                        + " agreement" : null);
        if (!grade.valid()) {
            throw new IllegalStateException("the demo drew an invalid grade: " + grade.errors());
        }
        LocalDate observed = today.minusDays(rnd.nextInt(365));
        Instant submitted = at(observed.plusDays(rnd.nextInt(3)), null).plusSeconds(rnd.nextInt(8 * 3600));
        if (submitted.isAfter(now)) {
            submitted = now;
        }
        boolean significant = group != null && "1".equals(grade.source())
                && ("A".equals(grade.intelligence()) || "B".equals(grade.intelligence()))
                && observed.isAfter(today.minusDays(42)) && rnd.nextInt(3) == 0;
        String ward = wards.isEmpty() ? null : wards.get(rnd.nextInt(wards.size())).code();
        long id = store.insertSubmission(h, borough, ward, requirement, group == null ? null : group.id(), grade,
                significant, report, observed, BY, submitted);
        if (significant) {
            groups.insertEvent(h, group.id(), "significant_intelligence", observed, "intelligence " + id + " graded "
                    + grade.code() + " and marked significant", null, BY, submitted);
        }
        audited(h, audit, "intelligence.submit", "intelligence_submission", id, submitted, grade.scheme() + " "
                + grade.code() + (group == null ? "" : " on " + group.id()) + (significant ? ", significant" : ""));
        return significant;
    }

    /**
     * The groups the demo borough's team is tasked against: its own, highest scoring first, then, when it has fewer
     * than three, the force's highest scoring groups based elsewhere (groups work across borough lines), so the demo
     * shows an open, an overdue and a completed task whatever the seed puts in the borough.
     */
    private static List<OcgGroup> taskedGroups(Map<String, List<OcgGroup>> byBorough, String demoBorough) {
        Comparator<OcgGroup> highestFirst = Comparator.comparing((OcgGroup g) -> g.score() == null ? 0 : -g.score())
                .thenComparing(OcgGroup::id);
        List<OcgGroup> chosen = new ArrayList<>(byBorough.getOrDefault(demoBorough, List.of()).stream()
                .sorted(highestFirst).limit(3).toList());
        byBorough.entrySet().stream().filter(e -> !e.getKey().equals(demoBorough))
                .flatMap(e -> e.getValue().stream()).sorted(highestFirst).limit(3 - chosen.size())
                .forEach(chosen::add);
        return chosen;
    }

    /** Tasks to the demo borough's neighbourhood team against the groups chosen for it, in that order. */
    private static int tasks(Handle h, AuditTrail audit, OcgStore groups, List<OcgGroup> top, String borough,
                             LocalDate today, Instant now) {
        int n = 0;
        for (int i = 0; i < top.size(); i++) {
            OcgGroup g = top.get(i);
            String principal = groups.members(g.id()).stream().filter(m -> "Principal".equals(m.roleText()))
                    .map(OcgStore.Member::recordId).findFirst().orElse(null);
            OcgRegister.TaskOrder order = switch (i) {
                case 0 -> new OcgRegister.TaskOrder(principal, borough, null,
                        "Check who is living at the principal's recorded address",
                        "Intelligence that the principal has moved and stores drugs there", today.plusDays(5));
                case 1 -> new OcgRegister.TaskOrder(null, borough, null,
                        "Patrol the group's meeting place in the evenings and record who is seen",
                        "Residents report dealing there after dark", today.minusDays(3));
                default -> new OcgRegister.TaskOrder(null, borough, null,
                        "Visit the shops near the group's address and ask about people holding cash",
                        "The group is believed to launder cash through local shops", today.minusDays(10));
            };
            Instant tasked = now.minusSeconds(86_400L * (20 - 5L * i));
            long id = groups.insertTask(h, g.id(), order, BY, tasked);
            audit.record(h, AuditEvent.by(null, "ocg.task", "ocg", g.id(), AuditEvent.SUCCESS).asUser(BY)
                    .detail("task " + id + " to the neighbourhood team of " + borough));
            if (i == 2) {
                groups.closeTask(h, id, "completed", "Two shop keepers spoke to us; intelligence submitted",
                        "neighbourhood.officer", now.minusSeconds(86_400L * 2));
                audit.record(h, AuditEvent.by(null, "ocg.task.complete", "ocg", g.id(), AuditEvent.SUCCESS)
                        .asUser("neighbourhood.officer").detail("task " + id));
            }
            n++;
        }
        return n;
    }

    private static void audited(Handle h, AuditTrail audit, String action, String type, long id, Instant at,
                                String detail) {
        audit.record(h, AuditEvent.by(null, action, type, Long.toString(id), AuditEvent.SUCCESS).asUser(BY)
                .detail(detail));
    }

    /** Ten in the morning of the day (UTC), no later than {@code cap} when one is given. */
    private static Instant at(LocalDate day, Instant cap) {
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        return cap != null && at.isAfter(cap) ? cap : at;
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double limit = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rnd.nextDouble();
            k++;
        }
        return k;
    }
}
