package org.peel.synthetic;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How crimes of one Home Office offence group behave: the police.uk type they are published under, when they
 * happen, how often there is a personal victim, how often they are domestic abuse or hate crime, the team that
 * investigates them, and the distribution of outcome types. The outcome mixes follow the published national
 * pattern (most volume crime closes with no suspect identified; charge rates highest for homicide, weapons
 * and drugs); the exact shares are this generator's settings, not official figures.
 */
record OffenceGroup(String policeUkType, TimeModel.Profile profile, double victimShare, double witnessShare,
                    double domesticShare, double hateShare, String specialism, Weighted outcomes, String[] outcomeCodes) {

    static final String VOLUME = "Volume crime";
    static final String DOMESTIC = "Domestic abuse";
    static final String SEXUAL = "Sexual offences";
    static final String BURGLARY_ROBBERY = "Burglary and robbery";
    static final String MAJOR = "Major crime";
    static final String[] SPECIALISMS = {VOLUME, DOMESTIC, SEXUAL, BURGLARY_ROBBERY, MAJOR};

    /** Outcome types that mean a suspect was named. */
    static final Set<String> SUSPECT_NAMED = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "15", "16", "17", "20");
    /** Outcome types that go on an offender's record. */
    static final Map<String, String> DISPOSALS = Map.of("1", "Charged/summonsed", "2", "Youth caution",
            "3", "Adult caution", "4", "Taken into consideration", "6", "Penalty Notice for Disorder",
            "7", "Cannabis/khat warning", "8", "Community resolution");

    /** The outcome mix of domestic abuse crimes, whatever their group: a named suspect, and victims who often withdraw. */
    static final String DOMESTIC_OUTCOMES = "1:.18 3:.04 8:.02 15:.10 16:.52 14:.03 18:.02 0:.09";

    static OffenceGroup of(String homeOfficeGroup) {
        String g = homeOfficeGroup.toLowerCase(Locale.ROOT);
        if (g.equals("homicide")) {
            return make("Violence and sexual offences", TimeModel.Profile.NIGHT_ECONOMY, 1, .5, .2, .01, MAJOR,
                    "1:.70 15:.05 16:.03 5:.02 18:.05 0:.15");
        }
        if (g.startsWith("death or serious injury")) {
            return make("Violence and sexual offences", TimeModel.Profile.VEHICLE, 1, .5, 0, 0, MAJOR,
                    "1:.60 15:.05 18:.05 0:.30");
        }
        if (g.equals("violence with injury")) {
            return make("Violence and sexual offences", TimeModel.Profile.NIGHT_ECONOMY, 1, .3, .33, .02, VOLUME,
                    "1:.14 3:.04 8:.04 15:.12 16:.35 14:.08 18:.15 0:.08");
        }
        if (g.equals("violence without injury")) {
            return make("Violence and sexual offences", TimeModel.Profile.NIGHT_ECONOMY, 1, .25, .35, .03, VOLUME,
                    "1:.10 3:.04 8:.04 15:.10 16:.38 14:.10 18:.17 0:.07");
        }
        if (g.startsWith("stalking")) {
            return make("Violence and sexual offences", TimeModel.Profile.DOMESTIC, 1, .15, .40, .02, VOLUME,
                    "1:.10 3:.03 8:.03 15:.12 16:.38 14:.12 18:.15 0:.07");
        }
        if (g.startsWith("sexual")) {
            return make("Violence and sexual offences", TimeModel.Profile.NIGHT_ECONOMY, 1, .15, .25, .01, SEXUAL,
                    "1:.07 3:.01 15:.15 16:.25 14:.15 18:.10 0:.27");
        }
        if (g.equals("robbery")) {
            return make("Robbery", TimeModel.Profile.NIGHT_ECONOMY, 1, .25, .01, .01, BURGLARY_ROBBERY,
                    "1:.08 15:.08 16:.10 14:.06 18:.60 0:.08");
        }
        if (g.equals("domestic burglary") || g.equals("residential burglary")) {
            return make("Burglary", TimeModel.Profile.BURGLARY, 1, .15, .02, 0, BURGLARY_ROBBERY,
                    "1:.05 15:.04 14:.04 18:.80 0:.07");
        }
        if (g.contains("burglary")) {
            return make("Burglary", TimeModel.Profile.BURGLARY, .6, .15, 0, 0, BURGLARY_ROBBERY,
                    "1:.05 15:.04 14:.04 18:.80 0:.07");
        }
        if (g.startsWith("vehicle")) {
            return make("Vehicle crime", TimeModel.Profile.VEHICLE, 1, .1, .01, 0, VOLUME,
                    "1:.03 14:.03 18:.88 0:.06");
        }
        if (g.equals("theft from the person")) {
            return make("Theft from the person", TimeModel.Profile.DAYTIME, 1, .15, 0, 0, VOLUME,
                    "1:.02 14:.04 18:.90 0:.04");
        }
        if (g.equals("bicycle theft")) {
            return make("Bicycle theft", TimeModel.Profile.DAYTIME, 1, .05, 0, 0, VOLUME,
                    "1:.02 14:.04 18:.90 0:.04");
        }
        if (g.equals("shoplifting")) {
            return make("Shoplifting", TimeModel.Profile.DAYTIME, .05, .6, 0, 0, VOLUME,
                    "1:.30 3:.05 8:.08 6:.04 15:.05 14:.05 18:.35 0:.08");
        }
        if (g.startsWith("all other theft")) {
            return make("Other theft", TimeModel.Profile.DAYTIME, .9, .15, .02, 0, VOLUME,
                    "1:.04 8:.02 15:.03 14:.08 18:.78 0:.05");
        }
        if (g.startsWith("criminal damage")) {
            return make("Criminal damage and arson", TimeModel.Profile.VEHICLE, .9, .15, .12, .02, VOLUME,
                    "1:.06 3:.02 8:.04 16:.06 14:.10 18:.65 0:.07");
        }
        if (g.startsWith("drug")) {
            return make("Drugs", TimeModel.Profile.PROACTIVE, 0, .1, 0, 0, VOLUME,
                    "1:.30 3:.10 7:.35 8:.05 10:.03 15:.07 0:.10");
        }
        if (g.startsWith("possession of weapons")) {
            return make("Possession of weapons", TimeModel.Profile.PROACTIVE, 0, .2, .01, 0, VOLUME,
                    "1:.55 3:.08 8:.02 15:.10 18:.05 0:.20");
        }
        if (g.startsWith("public order")) {
            return make("Public order", TimeModel.Profile.NIGHT_ECONOMY, .5, .3, .05, .12, VOLUME,
                    "1:.15 3:.03 6:.05 8:.04 15:.08 16:.25 14:.10 18:.22 0:.08");
        }
        return make("Other crime", TimeModel.Profile.PROACTIVE, .3, .2, .02, .01, VOLUME,
                "1:.30 3:.05 15:.10 16:.05 18:.20 20:.10 0:.20");
    }

    private static OffenceGroup make(String type, TimeModel.Profile profile, double victim, double witness, double domestic,
                                     double hate, String specialism, String outcomes) {
        String[] parts = outcomes.split(" ");
        String[] codes = new String[parts.length];
        double[] weights = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] kv = parts[i].split(":");
            codes[i] = kv[0];
            weights[i] = Double.parseDouble(kv[1]);
        }
        return new OffenceGroup(type, profile, victim, witness, domestic, hate, specialism, new Weighted(weights), codes);
    }

    static OffenceGroup domesticOutcomes(OffenceGroup g) {
        return make(g.policeUkType, g.profile, 1, g.witnessShare, 1, g.hateShare, DOMESTIC, DOMESTIC_OUTCOMES);
    }

    String drawOutcome(SplittableRandom rnd) {
        return outcomeCodes[outcomes.draw(rnd)];
    }

    /** Median days from recording to the outcome, by outcome type. */
    static double medianLagDays(String code) {
        return switch (code) {
            case "18" -> 12;
            case "14" -> 25;
            case "15", "16" -> 45;
            case "1" -> 35;
            case "2", "3", "6", "7", "8" -> 10;
            default -> 30;
        };
    }
}
