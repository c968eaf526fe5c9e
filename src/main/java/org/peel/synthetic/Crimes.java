package org.peel.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Recorded crimes in the force's real offence-group volumes, in time order, with victims, suspects and
 * witnesses as person records, domestic-abuse and hate flags, outcomes with realistic lags, and allocation to
 * investigators. Victims and offenders repeat (earlier victims and suspects are drawn again), and domestic
 * burglary clusters in space and time: for a few weeks after a burglary, homes nearby are at raised risk.
 *
 * <p>A share of sexual offences are rape (the force's share, {@link ForceSpec#rapeShare()}), flagged as the officer
 * would flag them, drawn from their own random stream ("rape"). A rape's records are what the law allows: a named
 * suspect is male, aged 12 or over and not the victim (Sexual Offences Act 2003 s1: rape is penetration with the penis);
 * a domestic rape's victim is a woman and her partner the suspect; and the outcome is one the rules accept for a rape,
 * never a caution or another out-of-court disposal.
 */
final class Crimes implements RecordType {

    static final Table CRIME = Table.of("crime", "id", "committed_at", "recorded_at", "offence_group", "police_uk_type",
            "borough_code", "ward_code", "lsoa_code", "latitude", "longitude", "domestic_abuse", "hate", "investigator_id");
    static final Table OUTCOME = Table.of("crime_outcome", "crime_id", "outcome_code", "outcome_date");
    /** The flags an officer set: here only rape, on sexual offences. */
    static final Table FLAG = Table.of("crime_flag", "crime_id", "flag");

    /**
     * Of rapes, those of a male victim (Home Office classes 19F to 19H). The shared data does not split rape by the
     * victim's sex, so this is the generator's setting: about one in ten.
     */
    static final double MALE_RAPE_VICTIM = 0.10;
    /** Draws of a male suspect other than the victim before a rape is left with no named suspect. */
    private static final int SUSPECT_TRIES = 50;

    /** The most crimes one person is suspected of in a year: prolific, but not hundreds. */
    private static final int MAX_SUSPECT_APPEARANCES = 30;
    /** The most domestic abuse crimes against one victim in a year. */
    private static final int MAX_DOMESTIC_CRIMES = 8;

    /** A domestic burglary still raising the risk around it. */
    private record Burglary(long at, int area, double lat, double lon, int victim) {
    }

    @Override
    public String name() {
        return "crime";
    }

    @Override
    public List<Table> tables() {
        return List.of(CRIME, OUTCOME, FLAG, RecordingFacts.CRIME_REPORT);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        SplittableRandom reported = world.random("crime-report");
        SplittableRandom rapes = world.random("rape");
        List<String> groups = new ArrayList<>(world.force.crimeVolumes().keySet());
        double[] volumes = groups.stream().mapToDouble(g -> world.force.crimeVolumes().get(g)).toArray();
        long[] counts = Weighted.apportion(world.scaled(Arrays.stream(volumes).sum()), volumes);
        OffenceGroup[] behaviour = groups.stream().map(OffenceGroup::of).toArray(OffenceGroup[]::new);
        OffenceGroup[] domesticBehaviour = Arrays.stream(behaviour).map(OffenceGroup::domesticOutcomes).toArray(OffenceGroup[]::new);

        int total = (int) Arrays.stream(counts).sum();
        byte[] groupOf = new byte[total];
        long[] order = new long[total];
        int k = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (long i = 0; i < counts[g]; i++, k++) {
                groupOf[k] = (byte) g;
                order[k] = (world.time.draw(behaviour[g].profile(), rnd) - world.time.startSecond()) << 32 | k;
            }
        }
        Arrays.sort(order);

        TableOutput crimes = world.out(CRIME);
        TableOutput outcomes = world.out(OUTCOME);
        TableOutput reports = world.out(RecordingFacts.CRIME_REPORT);
        TableOutput flags = world.out(FLAG);
        IntList victims = new IntList();
        int[] suspectCount = new int[world.people.size];
        int[] domesticCount = new int[world.people.size];
        IntList domesticVictims = new IntList();
        Map<Integer, Integer> partnerOf = new HashMap<>();
        List<Burglary> recentBurglaries = new ArrayList<>();
        int burglaryWindowStart = 0;
        long endSecond = world.time.endSecond();

        for (int n = 0; n < total; n++) {
            int idx = (int) (order[n] & 0xffffffffL);
            String group = groups.get(groupOf[idx]);
            OffenceGroup g = behaviour[groupOf[idx]];
            long at = world.time.startSecond() + (order[n] >>> 32);
            long recordedAt = Math.min(endSecond - 1, at + (long) (Mix.lognormal(rnd, 2, 1.5) * 3600));
            String id = world.id("CR", n + 1);
            boolean domestic = rnd.nextDouble() < g.domesticShare();
            boolean hate = rnd.nextDouble() < g.hateShare();
            OffenceGroup rules = domestic ? domesticBehaviour[groupOf[idx]] : g;
            boolean sexualOffence = group.toLowerCase(java.util.Locale.ROOT).startsWith("sexual");
            boolean rape = sexualOffence && rapes.nextDouble() < world.force.rapeShare();
            Boolean rapeVictimMale = rape ? rapes.nextDouble() < MALE_RAPE_VICTIM : null;

            int area;
            double[] point;
            int victim = -1;
            boolean homeBurglary = group.equals("Domestic burglary") || group.equals("Residential burglary");
            if (homeBurglary) {
                while (burglaryWindowStart < recentBurglaries.size()
                        && recentBurglaries.get(burglaryWindowStart).at() < at - world.settings.nearRepeatDays() * 86_400L) {
                    burglaryWindowStart++;
                }
                if (burglaryWindowStart < recentBurglaries.size() && rnd.nextDouble() < world.settings.nearRepeatShare()) {
                    Burglary near = recentBurglaries.get(burglaryWindowStart + rnd.nextInt(recentBurglaries.size() - burglaryWindowStart));
                    area = near.area();
                    if (rnd.nextDouble() < 0.2) {
                        point = new double[]{near.lat(), near.lon()};
                        victim = near.victim();
                    } else {
                        point = Places.near(near.lat(), near.lon(), 100, rnd);
                    }
                } else {
                    area = world.places.draw(g.policeUkType(), rnd);
                    point = world.places.point(area, rnd);
                }
                if (victim < 0) {
                    victim = world.people.resident(area, rnd, 18, 95, null);
                }
                recentBurglaries.add(new Burglary(at, area, point[0], point[1], victim));
            } else {
                area = world.places.draw(g.policeUkType(), rnd);
                point = world.places.point(area, rnd);
            }

            String code = rules.drawOutcome(rnd);
            boolean suspectNamed = OffenceGroup.SUSPECT_NAMED.contains(code) || (code.equals("0") && rnd.nextDouble() < 0.35);
            int day = (int) Math.floorDiv(recordedAt, 86_400L);
            long outcomeDay = day + Math.max(0, Math.round(Mix.lognormal(rnd, OffenceGroup.medianLagDays(code), 1.0)));
            if (!code.equals("0") && outcomeDay * 86_400L >= endSecond) {
                code = "0"; // as at the end of the period the investigation is still open
            }

            int suspect = -1;
            if (domestic) {
                if (victim < 0) {
                    int again = !domesticVictims.isEmpty() && rnd.nextDouble() < 0.3
                            ? domesticVictims.drawBelow(rnd, domesticCount, MAX_DOMESTIC_CRIMES) : -1;
                    if (again >= 0 && rape && world.people.male(again)) {
                        // her partner is the suspect of a domestic rape: a man's partner here is a woman
                        again = -1;
                    }
                    if (again >= 0) {
                        victim = again;
                        area = world.people.area(victim);
                        point = world.places.point(area, rnd);
                    } else {
                        Boolean male = rnd.nextDouble() < 0.75 ? Boolean.FALSE : Boolean.TRUE;
                        victim = world.people.resident(area, rnd, 16, 75, rape ? Boolean.FALSE : male);
                    }
                }
                domesticVictims.add(victim);
                domesticCount[victim]++;
                final int v = victim;
                suspect = partnerOf.computeIfAbsent(victim, x -> {
                    int partner = world.people.householdPartner(v);
                    return partner >= 0 ? partner : world.people.resident(world.people.area(v), rnd, 16, 70, !world.people.male(v));
                });
                partnerOf.putIfAbsent(suspect, victim);
            } else {
                if (victim < 0 && rnd.nextDouble() < g.victimShare()) {
                    victim = !victims.isEmpty() && rnd.nextDouble() < world.settings.crimeRepeatVictimShare()
                            ? victims.draw(rnd) : world.people.resident(area, rnd, 10, 95, rapeVictimMale);
                }
                if (suspectNamed) {
                    suspect = !world.suspects.isEmpty() && rnd.nextDouble() < world.settings.reoffendShare()
                            ? world.suspects.drawBelow(rnd, suspectCount, MAX_SUSPECT_APPEARANCES) : -1;
                    if (suspect < 0) {
                        suspect = world.people.resident(area, rnd, 12, 50, rnd.nextDouble() < 0.8 ? Boolean.TRUE : null);
                    }
                    for (int tries = 0; rape && (suspect == victim || !world.people.male(suspect)); tries++) {
                        suspect = tries < SUSPECT_TRIES ? world.people.resident(area, rapes, 12, 50, Boolean.TRUE) : -1;
                        if (suspect < 0) {
                            break;
                        }
                    }
                }
            }
            if (victim >= 0 && !domestic) {
                victims.add(victim);
            }
            if (code.equals("3") && suspect >= 0 && world.people.ageYears(suspect, day) < 18) {
                code = "2";
            }

            String investigator = null;
            String specialism = domestic ? OffenceGroup.DOMESTIC : g.specialism();
            if (suspectNamed || !specialism.equals(OffenceGroup.VOLUME) || rnd.nextDouble() < 0.3) {
                List<String> team = world.investigators.get(world.places.area(area).borough() + "|" + specialism);
                if (team != null && !team.isEmpty()) {
                    investigator = team.get(rnd.nextInt(team.size()));
                }
            }

            Area place = world.places.area(area);
            crimes.text(id).time(at).time(recordedAt).text(group).text(g.policeUkType()).text(place.boroughCode())
                    .text(place.wardCode()).text(place.lsoaCode()).decimal(point[0], 6).decimal(point[1], 6)
                    .bool(domestic).bool(hate).text(investigator).end();

            // a sexual offence's person records are withheld from roles that may not see sexual offences
            String sexual = sexualOffence ? "SEXUAL_OFFENCE" : null;
            if (rape && suspect >= 0 && (suspect == victim || !world.people.male(suspect))) {
                // the pool found no man to be her partner: a sexual offence, but not one the law calls rape
                rape = false;
            }
            if (rape) {
                flags.text(id).text("RAPE").end();
            }
            if (victim >= 0) {
                world.person(victim, "crime", id, place.boroughCode(), sexual, "victim", recordedAt, rnd);
            }
            int suspectDob = Integer.MIN_VALUE;
            boolean suspectOnRecord = false;
            if (suspect >= 0) {
                world.person(suspect, "crime", id, place.boroughCode(), sexual, "suspect", recordedAt, rnd);
                // the outcome is checked against the suspect as recorded, as Peel will check it
                suspectDob = world.lastRecordedDob();
                suspectOnRecord = world.lastRecordedNamed();
                world.suspects.add(suspect);
                suspectCount[suspect]++;
            }
            int witnesses = rnd.nextDouble() < g.witnessShare() ? (rnd.nextDouble() < 0.25 ? 2 : 1) : 0;
            for (int w = 0; w < witnesses; w++) {
                world.person(world.people.resident(area, rnd, 12, 90, null), "crime", id, place.boroughCode(), sexual, "witness", recordedAt, rnd);
            }
            java.util.Set<org.peel.investigation.SeriousOffence> serious = RecordingFacts.crime(reports, reported, id, group,
                    domestic, suspect >= 0, witnesses > 0, victim >= 0, domestic && victim >= 0 && domesticCount[victim] > 1);
            if (!code.equals("0")) {
                // the outcome drawn from the published mix is replaced by the nearest one Peel's rules allow here
                java.time.LocalDate born = suspectDob == Integer.MIN_VALUE ? null : java.time.LocalDate.ofEpochDay(suspectDob);
                java.time.LocalDate committedOn = java.time.LocalDate.ofEpochDay(Math.floorDiv(at, 86_400L));
                code = allowed(code, group, serious,
                        born == null ? null : java.time.Period.between(born, committedOn).getYears(),
                        born == null ? null : java.time.Period.between(born, java.time.LocalDate.ofEpochDay(outcomeDay)).getYears(),
                        suspectOnRecord, domestic, victim >= 0, day, (int) outcomeDay, rape);
                outcomes.text(id).text(code).date((int) outcomeDay).end();
                String disposal = suspect >= 0 ? OffenceGroup.DISPOSALS.get(code) : null;
                if (disposal != null) {
                    world.offended(suspect, new World.Offence((int) outcomeDay, group, disposal, id));
                }
            }
            if (domestic) {
                world.domesticCrimes.add(new World.DomesticCrime(id, recordedAt, area, point[0], point[1], victim, suspect));
            }
        }
    }

    /**
     * The drawn outcome when {@link org.peel.investigation.OutcomeValidation} accepts it for this crime; otherwise the
     * first of its nearest alternatives that it accepts (a caution of the right type for the age on the day, a charge
     * instead of a caution for an indictable-only offence, "victim does not support" for a domestic crime whose
     * suspect is known), ending with a charge, outcome 11 under 10, or "no suspect identified". For a rape the
     * cautions and other out-of-court disposals are refused, so they become a charge.
     */
    static String allowed(String code, String group, java.util.Set<org.peel.investigation.SeriousOffence> serious,
                          Integer ageAtOffence, Integer ageOnTheDay, boolean suspect, boolean domestic, boolean victim,
                          int recordedDay, int outcomeDay) {
        return allowed(code, group, serious, ageAtOffence, ageOnTheDay, suspect, domestic, victim, recordedDay, outcomeDay,
                false);
    }

    /** {@link #allowed} for a crime that may be a rape. */
    static String allowed(String code, String group, java.util.Set<org.peel.investigation.SeriousOffence> serious,
                          Integer ageAtOffence, Integer ageOnTheDay, boolean suspect, boolean domestic, boolean victim,
                          int recordedDay, int outcomeDay, boolean rape) {
        org.peel.investigation.OffenceGroup offence = org.peel.investigation.OffenceGroup.fromLabel(group)
                .orElse(org.peel.investigation.OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY);
        String caution = ageOnTheDay != null && ageOnTheDay < 18 ? "2" : "3";
        List<String> tries = new ArrayList<>(List.of(code));
        switch (code) {
            case "2", "3" -> tries.addAll(List.of(caution, "1"));
            case "6", "7" -> tries.addAll(List.of(caution, "8", "1"));
            case "8" -> tries.addAll(List.of(caution, "1"));
            case "14", "18" -> tries.addAll(List.of("16", "15", "10"));
            case "16" -> tries.addAll(List.of("15", "10"));
            default -> {
            }
        }
        tries.addAll(List.of("1", "11", "18", "20"));
        java.time.LocalDate recorded = java.time.LocalDate.ofEpochDay(recordedDay);
        java.time.LocalDate on = java.time.LocalDate.ofEpochDay(outcomeDay);
        for (String t : tries) {
            org.peel.investigation.OutcomeType type = org.peel.investigation.OutcomeType.ofCode(Integer.parseInt(t)).orElse(null);
            if (type != null && org.peel.investigation.OutcomeValidation.validate(new org.peel.investigation.OutcomeValidation.Facts(
                    type, offence, serious, suspect, ageAtOffence, ageOnTheDay, domestic, victim, recorded, on, rape)).valid()) {
                return t;
            }
        }
        return code;
    }
}
