package org.peel.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Offender nominals and their offending histories: everyone given a charge, caution or other disposal this
 * year, and every OCG member. This year's history is the force's recorded crimes that ended on a record, so its
 * volume and mix are those of detected crime. History before the year is drawn to match: the same mix of offence
 * groups, and the more someone offended this year, the longer their record tends to be, reaching back to their early
 * teens. Only people who offend this year are nominals, so earlier years hold fewer proven offences than this one
 * (those who have stopped offending are not generated). Each nominal carries the borough and ward they live in, so
 * that tasks go to that ward's neighbourhood team.
 */
final class Offenders implements RecordType {

    static final Table OFFENDER = Table.of("offender", "id", "borough_code", "first_offence_on", "offence_count",
            "ward_code");
    static final Table HISTORY = Table.of("offending_history", "offender_id", "seq", "offence_on", "offence_group",
            "disposal", "crime_id");

    private static final String[] PAST_DISPOSALS = {"Charged/summonsed", "Adult caution", "Community resolution",
            "Penalty Notice for Disorder", "Cannabis/khat warning"};
    private static final Weighted PAST_DISPOSAL = Weighted.of(55, 20, 12, 5, 8);

    @Override
    public String name() {
        return "offenders";
    }

    @Override
    public List<Table> tables() {
        return List.of(OFFENDER, HISTORY);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        // earlier proven offences take the mix of this year's: the force's recorded crime as it ends on a record,
        // so that a record is not full of vehicle crime and theft that are rarely detected (the recorded mix only
        // when nothing was proven this year)
        java.util.Map<String, Integer> proven = new java.util.TreeMap<>();
        world.offending.values().forEach(list -> list.forEach(o -> proven.merge(o.offenceGroup(), 1, Integer::sum)));
        java.util.Map<String, ? extends Number> mix = proven.isEmpty() ? world.force.crimeVolumes() : proven;
        List<String> groups = new ArrayList<>(mix.keySet());
        Weighted groupMix = new Weighted(groups.stream().mapToDouble(g -> mix.get(g).doubleValue()).toArray());
        TreeSet<Integer> known = new TreeSet<>(world.offending.keySet());
        known.addAll(world.nominals);
        // numbered in order of their first offence this year, ties in a seeded shuffle: numbering them in pool
        // order would put members of one household next to each other, a clue the records must not carry
        long salt = world.generation.seed();
        int never = Integer.MAX_VALUE;
        List<Integer> people = new ArrayList<>(known);
        people.sort(Comparator.<Integer>comparingInt(p -> world.offending.containsKey(p)
                        ? world.offending.get(p).get(0).day() : never)
                .thenComparingLong(p -> Mix.hash(salt, p)));
        TableOutput offenders = world.out(OFFENDER);
        TableOutput history = world.out(HISTORY);
        int startDay = (int) world.start.toEpochDay();
        long n = 0;
        for (int p : people) {
            String id = world.id("OF", ++n);
            List<World.Offence> offences = new ArrayList<>(world.offending.getOrDefault(p, List.of()));
            int thisYear = offences.size();
            int earliest = world.people.dateOfBirth(p) + 12 * 365;
            int past = earliest < startDay ? (int) Math.min(60, Mix.lognormal(rnd, 1.5 + 2 * thisYear, 0.9)) : 0;
            for (int i = 0; i < past; i++) {
                int day = earliest + rnd.nextInt(startDay - earliest);
                offences.add(new World.Offence(day, groups.get(groupMix.draw(rnd)),
                        PAST_DISPOSALS[PAST_DISPOSAL.draw(rnd)], null));
            }
            if (offences.isEmpty()) {
                // an OCG member with no record yet is still a nominal: intelligence, not convictions
                offences.add(new World.Offence(startDay - 1 - rnd.nextInt(365), groups.get(groupMix.draw(rnd)),
                        "Community resolution", null));
            }
            offences.sort(Comparator.comparingInt(World.Offence::day));
            Area place = world.places.area(world.people.area(p));
            offenders.text(id).text(place.boroughCode()).date(offences.get(0).day()).number(offences.size())
                    .text(place.wardCode()).end();
            int seq = 0;
            for (World.Offence o : offences) {
                history.text(id).number(++seq).date(o.day()).text(o.offenceGroup()).text(o.disposal()).text(o.crimeId()).end();
            }
            world.person(p, "offender", id, place.boroughCode(), "offender", startDay * 86_400L, rnd);
        }
    }
}
