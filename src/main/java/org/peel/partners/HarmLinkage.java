package org.peel.partners;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an assault a partner saw (an ambulance call-out, an emergency department attendance) was reported to the
 * police: it was when a recorded violent crime agrees with it on place, time and person. Place: both points within
 * {@link Settings#metres} of each other, or, when either has no point (a partner row given by postcode only), the
 * same ward. Time: the crime committed within {@link Settings#window} either side of the partner's time. Person:
 * the crime's victim, where recorded, of the same sex and an age within {@link Settings#ageYears} of the partner's
 * (ambulance crews estimate age); a crime with no victim recorded does not contradict. Of several crimes that agree,
 * the nearest in time is the match. An incident no crime agrees with is likely unreported.
 */
public final class HarmLinkage {

    public static final String VERSION = "partner-harm-link-1";

    private HarmLinkage() {
    }

    /** How close a crime must be to count as the same incident. */
    public record Settings(double metres, Duration window, int ageYears) {
        public static Settings defaults() {
            return new Settings(500, Duration.ofHours(3), 5);
        }

        /** {@code PEEL_HARM_LINK_METRES}, {@code PEEL_HARM_LINK_HOURS}, {@code PEEL_HARM_LINK_AGE_YEARS}. */
        public static Settings from(Map<String, String> environment) {
            Settings d = defaults();
            return new Settings(number(environment, "PEEL_HARM_LINK_METRES", d.metres()),
                    Duration.ofMinutes(Math.round(60 * number(environment, "PEEL_HARM_LINK_HOURS",
                            d.window().toMinutes() / 60.0))),
                    (int) number(environment, "PEEL_HARM_LINK_AGE_YEARS", d.ageYears()));
        }

        private static double number(Map<String, String> environment, String name, double otherwise) {
            String text = environment.get(name);
            if (text == null || text.isBlank()) {
                return otherwise;
            }
            try {
                double v = Double.parseDouble(text.trim());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + " must be a number of 0 or more, not '" + text + "'");
            }
        }
    }

    /** What the partner recorded: when, where (a point, a ward, or both), and the injured person's age and sex. */
    public record PartnerIncident(long id, Instant at, Double latitude, Double longitude, String wardCode,
                                  Integer age, String sex) {
    }

    /** A victim as the crime records them: sex and date of birth, either possibly unknown. */
    public record Victim(String sex, LocalDate birthDate) {
    }

    /** A recorded violent crime as the investigation capability publishes it, with its victims. */
    public record PoliceViolence(String crimeId, Instant committedAt, Double latitude, Double longitude,
                                 String wardCode, List<Victim> victims) {
    }

    /** The crime matched (null when none) and why. */
    public record Decision(boolean reported, String crimeId, List<String> reasons, String ruleVersion) {
    }

    public static Decision decide(PartnerIncident incident, Collection<PoliceViolence> crimes, Settings settings) {
        PoliceViolence best = null;
        long bestGap = Long.MAX_VALUE;
        String bestPlace = null;
        for (PoliceViolence c : crimes) {
            long gap = Math.abs(Duration.between(incident.at(), c.committedAt()).toMinutes());
            if (gap > settings.window().toMinutes()) {
                continue;
            }
            String place = samePlace(incident, c, settings);
            if (place == null || !samePerson(incident, c, settings)) {
                continue;
            }
            if (gap < bestGap || (gap == bestGap && c.crimeId().compareTo(best.crimeId()) < 0)) {
                best = c;
                bestGap = gap;
                bestPlace = place;
            }
        }
        if (best == null) {
            return new Decision(false, null, List.of("no recorded violence within " + (long) settings.metres()
                    + " m (or in the same ward) and " + settings.window().toMinutes() / 60.0 + " hours with a victim"
                    + " who could be the same person: likely unreported"), VERSION);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("crime " + best.crimeId() + " committed " + bestGap + " minutes apart, " + bestPlace);
        reasons.add(best.victims().isEmpty() ? "no victim recorded on the crime to compare"
                : "a victim of the crime agrees on sex and age");
        return new Decision(true, best.crimeId(), reasons, VERSION);
    }

    /** How the places agree ("120 m apart", "in the same ward"), or null when they do not. */
    static String samePlace(PartnerIncident incident, PoliceViolence crime, Settings settings) {
        if (incident.latitude() != null && incident.longitude() != null && crime.latitude() != null
                && crime.longitude() != null) {
            double m = metresBetween(incident.latitude(), incident.longitude(), crime.latitude(), crime.longitude());
            return m <= settings.metres() ? Math.round(m) + " m apart" : null;
        }
        return incident.wardCode() != null && incident.wardCode().equals(crime.wardCode()) ? "in the same ward" : null;
    }

    /** Whether any victim of the crime could be the partner's patient, or the crime names no victim to compare. */
    static boolean samePerson(PartnerIncident incident, PoliceViolence crime, Settings settings) {
        if (crime.victims().isEmpty()) {
            return true;
        }
        LocalDate day = incident.at().atZone(ZoneOffset.UTC).toLocalDate();
        for (Victim v : crime.victims()) {
            boolean sex = incident.sex() == null || v.sex() == null
                    || incident.sex().toUpperCase(Locale.ROOT).equals(v.sex().toUpperCase(Locale.ROOT));
            boolean age = incident.age() == null || v.birthDate() == null
                    || Math.abs(ChronoUnit.YEARS.between(v.birthDate(), day) - incident.age()) <= settings.ageYears();
            if (sex && age) {
                return true;
            }
        }
        return false;
    }

    /** Great-circle distance on a sphere of the Earth's mean radius; ample at the scale of a street. */
    static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Crimes sorted by when committed, so that a store can hand the rule only those near in time. */
    static Comparator<PoliceViolence> byTime() {
        return Comparator.comparing(PoliceViolence::committedAt).thenComparing(PoliceViolence::crimeId);
    }
}
