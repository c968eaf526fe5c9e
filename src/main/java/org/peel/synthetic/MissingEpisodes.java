package org.peel.synthetic;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Missing episodes. Most are children, and a small number of children go missing again and again (often
 * children in care); an earlier missing person is drawn in proportion to how often they have gone missing.
 */
final class MissingEpisodes implements RecordType {

    static final Table EPISODE = Table.of("missing_episode", "id", "reported_at", "found_at", "borough_code",
            "ward_code", "lsoa_code", "risk_grade", "child", "looked_after");

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
        return List.of(EPISODE);
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
            boolean lookedAfter = child && Mix.pick(person, 77, 100) < 30;
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
    }
}
