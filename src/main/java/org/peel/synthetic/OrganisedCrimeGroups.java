package org.peel.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Organised crime groups as mapped: a principal subject, members and associates. Principal subjects and most
 * members are drawn from the force's suspects (in proportion to how often they offend), so OCG members are the
 * prolific offenders they are in real records; associates are ordinary residents around them.
 */
final class OrganisedCrimeGroups implements RecordType {

    static final Table OCG = Table.of("ocg", "id", "name", "borough_code", "principal_activity", "band", "mapped_on");

    /** Groups a year per resident (roughly 280 mapped groups for the Met). */
    private static final double GROUPS_PER_RESIDENT = 1 / 30_000.0;
    private static final String[] ACTIVITIES = {"Drugs supply", "Acquisitive crime", "Violence", "Fraud", "Firearms",
            "Money laundering", "Organised immigration crime", "Child sexual exploitation"};
    private static final Weighted ACTIVITY = Weighted.of(45, 15, 11, 8, 6, 6, 5, 4);
    private static final String[] BANDS = {"1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "3c"};
    private static final Weighted BAND = Weighted.of(2, 3, 4, 6, 9, 12, 16, 22, 26);
    private static final String[] NAME_ENDINGS = {"Crew", "Boys", "Firm", "Family", "Gang", "Network", "Mob"};

    @Override
    public String name() {
        return "ocg";
    }

    @Override
    public List<Table> tables() {
        return List.of(OCG);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        long total = Math.max(1, world.scaled(world.force.population() * GROUPS_PER_RESIDENT));
        TableOutput out = world.out(OCG);
        LocalDate mappedFrom = world.start.minusYears(3);
        int span = (int) (world.end.toEpochDay() - mappedFrom.toEpochDay());
        for (long n = 1; n <= total; n++) {
            String id = world.id("OCG", n);
            int area = world.places.draw(null, rnd);
            Area place = world.places.area(area);
            String name = Names.STREET_STEMS.get(rnd.nextInt(Names.STREET_STEMS.size())) + " "
                    + NAME_ENDINGS[rnd.nextInt(NAME_ENDINGS.length)];
            int mapped = (int) mappedFrom.toEpochDay() + rnd.nextInt(span);
            long recordedAt = mapped * 86_400L + 9 * 3600 + rnd.nextInt(9 * 3600);
            out.text(id).text(name).text(place.boroughCode()).text(ACTIVITIES[ACTIVITY.draw(rnd)])
                    .text(BANDS[BAND.draw(rnd)]).date(mapped).end();

            int members = 3 + Math.min(37, (int) Mix.lognormal(rnd, 5, 0.7));
            for (int m = 0; m < members; m++) {
                int person = !world.suspects.isEmpty() && rnd.nextDouble() < (m == 0 ? 0.9 : 0.7)
                        ? world.suspects.draw(rnd)
                        : world.people.resident(area, rnd, 16, 45, rnd.nextDouble() < 0.9 ? Boolean.TRUE : null);
                world.nominals.add(person);
                world.person(person, "ocg", id, place.boroughCode(), m == 0 ? "principal subject" : "member", recordedAt, rnd);
            }
            int associates = rnd.nextInt(7);
            for (int a = 0; a < associates; a++) {
                world.person(world.people.resident(area, rnd, 18, 65, null), "ocg", id, place.boroughCode(), "associate", recordedAt, rnd);
            }
        }
    }
}
