package org.peel.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Domestic abuse incidents: one for every crime flagged as domestic abuse, and more that were not crimes.
 * Couples recur (abuse is rarely a single incident), and each incident carries a DASH grade, with high-risk
 * cases referred to MARAC.
 */
final class DomesticAbuseIncidents implements RecordType {

    static final Table INCIDENT = Table.of("domestic_abuse_incident", "id", "reported_at", "crime_id", "borough_code",
            "ward_code", "lsoa_code", "dash_risk", "marac_referral");

    private static final String[] RISK = {"standard", "medium", "high"};
    private static final Weighted RISK_MIX = Weighted.of(0.62, 0.28, 0.10);
    /** Non-crime incidents per domestic abuse crime. */
    private static final double NON_CRIME_RATIO = 1.2;

    /** The most incidents one victim reports in a year. */
    private static final int MAX_INCIDENTS = 12;

    /** An earlier couple again (more likely the more incidents they have had), or null for a new one. */
    private static int[] repeatCouple(List<int[]> couples, int[] incidents, SplittableRandom rnd) {
        if (couples.isEmpty() || rnd.nextDouble() >= 0.55) {
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
        List<int[]> couples = new ArrayList<>();
        int[] incidents = new int[world.people.size];
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
            couples.add(new int[]{victim, perpetrator});
            incidents[victim]++;
            int risk = RISK_MIX.draw(rnd);
            boolean marac = risk == 2 || (risk == 1 && rnd.nextDouble() < 0.05);
            Area place = world.places.area(area);
            out.text(id).time(at).text(crimeId).text(place.boroughCode()).text(place.wardCode()).text(place.lsoaCode())
                    .text(RISK[risk]).bool(marac).end();
            world.person(victim, "domestic_abuse_incident", id, place.boroughCode(), "victim", at, rnd);
            world.person(perpetrator, "domestic_abuse_incident", id, place.boroughCode(), "perpetrator", at, rnd);
        }
    }
}
