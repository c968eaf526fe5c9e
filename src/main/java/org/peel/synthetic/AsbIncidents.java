package org.peel.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ASB incidents under the NSIR categories, with the MPS's descriptive sub-types, callers and victims.
 * Repeat victims: a configured share of incidents with a victim go to someone who was already an ASB victim
 * (drawn in proportion to how often, so a few people suffer many incidents), and every other victim is a
 * first-time victim, which keeps the realised repeat share at the setting. Repeat locations: nuisance and
 * environmental incidents often recur at the same spot.
 */
final class AsbIncidents implements RecordType {

    static final Table ASB = Table.of("asb_incident", "id", "reported_at", "category", "sub_type", "borough_code",
            "ward_code", "lsoa_code", "latitude", "longitude");

    private static final String[] CATEGORIES = {"personal", "nuisance", "environmental"};
    private static final Weighted CATEGORY = Weighted.of(0.22, 0.70, 0.08);
    private static final String[][] SUB_TYPES = {
            {"Rowdy/nuisance neighbours", "Malicious/nuisance communications", "Rowdy or inconsiderate behaviour"},
            {"Rowdy or inconsiderate behaviour", "Vehicle nuisance/inappropriate use", "Street drinking", "Begging/vagrancy",
                    "Noise", "Trespass", "Fireworks", "Prostitution related activity", "Animal problems", "Rowdy/nuisance neighbours"},
            {"Vehicle abandoned - not stolen", "Littering/drug paraphernalia", "Animal problems", "Noise"}};
    private static final Weighted[] SUB_TYPE = {Weighted.of(40, 25, 35), Weighted.of(50, 12, 6, 5, 8, 4, 3, 2, 4, 6),
            Weighted.of(30, 45, 15, 10)};
    private static final double[] VICTIM_SHARE = {1.0, 0.3, 0.0};
    private static final double[] CALLER_SHARE = {0.95, 0.93, 0.8};

    @Override
    public String name() {
        return "asb";
    }

    @Override
    public List<Table> tables() {
        return List.of(ASB, RecordingFacts.ASB_CALL);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        SplittableRandom called = world.random("asb-call");
        int total = (int) world.scaled(world.force.asbVolume());
        long[] times = new long[total];
        for (int i = 0; i < total; i++) {
            times[i] = world.time.draw(TimeModel.Profile.ASB, rnd);
        }
        Arrays.sort(times);

        TableOutput out = world.out(ASB);
        TableOutput calls = world.out(RecordingFacts.ASB_CALL);
        IntList victims = new IntList();
        boolean[] wasVictim = new boolean[world.people.size];
        IntList spotAreas = new IntList();
        List<double[]> spots = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            long at = times[n];
            String id = world.id("ASB", n + 1);
            int category = CATEGORY.draw(rnd);
            String subType = SUB_TYPES[category][SUB_TYPE[category].draw(rnd)];
            boolean hasVictim = rnd.nextDouble() < VICTIM_SHARE[category];

            int area;
            double[] point;
            int victim = -1;
            if (hasVictim && !victims.isEmpty() && rnd.nextDouble() < world.settings.asbRepeatVictimShare()) {
                victim = victims.draw(rnd);
                area = rnd.nextDouble() < 0.85 ? world.people.area(victim) : world.places.draw("Anti-social behaviour", rnd);
                point = world.places.point(area, rnd);
            } else if (!hasVictim && !spots.isEmpty() && rnd.nextDouble() < 0.25) {
                int s = rnd.nextInt(spots.size());
                area = spotAreas.get(s);
                point = spots.get(s);
            } else {
                area = world.places.draw("Anti-social behaviour", rnd);
                point = world.places.point(area, rnd);
                if (hasVictim) {
                    victim = world.people.resident(area, rnd);
                    for (int tries = 0; tries < 20 && wasVictim[victim]; tries++) {
                        victim = tries < 10 ? world.people.resident(area, rnd) : rnd.nextInt(world.people.size);
                    }
                }
            }
            if (!hasVictim) {
                spotAreas.add(area);
                spots.add(point);
            }
            Area place = world.places.area(area);
            out.text(id).time(at).text(CATEGORIES[category]).text(subType).text(place.boroughCode())
                    .text(place.wardCode()).text(place.lsoaCode()).decimal(point[0], 6).decimal(point[1], 6).end();

            boolean hasCaller = rnd.nextDouble() < CALLER_SHARE[category];
            if (victim >= 0) {
                RecordingFacts.asbCall(calls, called, id, category == 0, wasVictim[victim]);
                victims.add(victim);
                wasVictim[victim] = true;
                boolean callerIsVictim = hasCaller && rnd.nextDouble() < 0.7;
                world.person(victim, "asb_incident", id, place.boroughCode(), callerIsVictim ? "caller and victim" : "victim", at, rnd);
                hasCaller = hasCaller && !callerIsVictim;
            }
            if (hasCaller) {
                world.person(world.people.resident(area, rnd, 16, 90, null), "asb_incident", id, place.boroughCode(), "caller", at, rnd);
            }
        }
    }
}
