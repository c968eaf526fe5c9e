package org.peel.synthetic;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Missing episodes. Most are children, and a small number of children go missing again and again (often
 * children in care); an earlier missing person is drawn in proportion to how often they have gone missing.
 *
 * <p>Of the children who went missing, some are truly being sexually exploited or groomed. Which ones is hidden
 * ground truth ({@link #CSE_TRUTH}, {@code ground_truth_cse.csv}), never written into a record: the more often a
 * child went missing, the likelier (going missing repeatedly is the commonest sign the inspections name), more so for
 * a child in care and for a teenager. Peel's reference gives no national rate, so the shares are Peel's modelling:
 * about one child in thirty missing once, one in four missing three or four times, two in three missing ten or more.
 */
final class MissingEpisodes implements RecordType {

    static final Table EPISODE = Table.of("missing_episode", "id", "reported_at", "found_at", "borough_code",
            "ward_code", "lsoa_code", "risk_grade", "child", "looked_after");

    /**
     * Every child who went missing in the year: the true person, their episodes, whether in care, their age at their
     * last episode as a child, and whether they are truly at risk of (or suffering) sexual exploitation.
     */
    static final Table CSE_TRUTH = new Table("synthetic_cse_truth", "ground_truth_cse.csv", List.of("true_person_id",
            "missing_episodes", "looked_after", "age", "at_risk"));

    /** Episodes a year per resident (the Met records roughly 40,000 a year). */
    private static final double EPISODES_PER_RESIDENT = 0.0045;
    /** The most episodes one person has in a year; the most persistent children go missing weekly. */
    private static final int MAX_EPISODES = 50;
    private static final String[] RISK = {"absent", "low", "medium", "high"};
    private static final Weighted CHILD_RISK = Weighted.of(0.25, 0.33, 0.34, 0.08);
    private static final Weighted ADULT_RISK = Weighted.of(0.15, 0.35, 0.38, 0.12);

    @Override
    public String name() {
        return "missing";
    }

    @Override
    public List<Table> tables() {
        return List.of(EPISODE, CSE_TRUTH);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        int total = (int) world.scaled(world.force.population() * EPISODES_PER_RESIDENT);
        long[] times = new long[total];
        for (int i = 0; i < total; i++) {
            times[i] = world.time.draw(TimeModel.Profile.MISSING, rnd);
        }
        Arrays.sort(times);
        TableOutput out = world.out(EPISODE);
        IntList missing = new IntList();
        int[] episodes = new int[world.people.size];
        int[] lastChildDay = new int[world.people.size];
        Arrays.fill(lastChildDay, Integer.MIN_VALUE);
        for (int n = 0; n < total; n++) {
            long at = times[n];
            int day = (int) Math.floorDiv(at, 86_400L);
            String id = world.id("MP", n + 1);
            int person = !missing.isEmpty() && rnd.nextDouble() < world.settings.missingRepeatShare()
                    ? missing.drawBelow(rnd, episodes, MAX_EPISODES) : -1;
            if (person < 0) {
                int area = world.places.draw(null, rnd);
                person = rnd.nextDouble() < 0.65 ? world.people.resident(area, rnd, 11, 17, null)
                        : world.people.resident(area, rnd, 18, 85, null);
            }
            missing.add(person);
            episodes[person]++;
            boolean child = world.people.ageYears(person, day) < 18;
            boolean lookedAfter = child && lookedAfter(person);
            if (child) {
                lastChildDay[person] = day;
            }
            int risk = (child ? CHILD_RISK : ADULT_RISK).draw(rnd);
            long found = at + (long) (Mix.lognormal(rnd, 14, 1.2) * 3600);
            int area = world.people.area(person);
            Area place = world.places.area(area);
            out.text(id).time(at).time(found < world.time.endSecond() ? found : Long.MIN_VALUE).text(place.boroughCode())
                    .text(place.wardCode()).text(place.lsoaCode()).text(RISK[risk]).bool(child).bool(lookedAfter).end();
            world.person(person, "missing_episode", id, place.boroughCode(), child ? "CHILD_PROTECTION" : null,
                    "missing person", at, rnd);
            if (rnd.nextDouble() < 0.75) {
                int reporter = world.people.householdPartner(person);
                if (reporter < 0 || !child) {
                    reporter = world.people.resident(area, rnd, 25, 80, null);
                }
                world.person(reporter, "missing_episode", id, place.boroughCode(),
                        child ? "CHILD_PROTECTION" : null, "reporting person", at, rnd);
            }
        }
        writeCseTruth(world, episodes, lastChildDay);
    }

    /** Whether a true person is a child in care when missing as a child: the same answer for every episode. */
    private static boolean lookedAfter(int person) {
        return Mix.pick(person, 77, 100) < 30;
    }

    /** Decides, in person order from a stream of its own, which of the children who went missing are exploited. */
    private static void writeCseTruth(World world, int[] episodes, int[] lastChildDay) {
        SplittableRandom rnd = world.random("cse-truth");
        TableOutput out = world.out(CSE_TRUTH);
        for (int p = 0; p < episodes.length; p++) {
            if (lastChildDay[p] == Integer.MIN_VALUE) {
                continue;
            }
            int age = world.people.ageYears(p, lastChildDay[p]);
            boolean inCare = lookedAfter(p);
            boolean atRisk = rnd.nextDouble() < cseRiskChance(episodes[p], inCare, age);
            out.text(world.key + "-T" + p).number(episodes[p]).bool(inCare).number(age).bool(atRisk).end();
        }
    }

    /**
     * The chance that a child who went missing {@code episodes} times in the year is truly exploited: rising with
     * repeat missing, half as much again for a child in care, and less than half for a child under 13.
     */
    static double cseRiskChance(int episodes, boolean lookedAfter, int age) {
        double chance = episodes >= 10 ? 0.65 : episodes >= 5 ? 0.45 : episodes >= 3 ? 0.25 : episodes == 2 ? 0.10 : 0.03;
        if (lookedAfter) {
            chance *= 1.5;
        }
        if (age < 13) {
            chance *= 0.4;
        }
        return Math.min(chance, 0.85);
    }
}
