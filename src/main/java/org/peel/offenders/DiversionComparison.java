package org.peel.offenders;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reoffending after a diversion referral beside a comparison group of similar offenders who were never referred.
 *
 * <p><b>Who is compared.</b> Each person's first referral (to the scheme in question, or to any scheme for the
 * whole) counts once, and only when its follow-up window has closed: referred on day R, followed up to R + window
 * on or before the date of the comparison. Referrals whose window is still open are counted apart, not guessed.
 *
 * <p><b>How the comparison group is matched.</b> On the day R of each referral, the referred person and every
 * offender never referred to any scheme are described by a {@link Profile} as of R: the band of their harm score
 * under the force's cohort rule ({@link #scoreBand}), their age band ({@link #ageBand}) and the offence group of
 * their most recent offence on or before R. The match is an offender with the same three (exact matching on the
 * stratum), and among those the one whose score is nearest the referred person's, ties by offender id; each offender
 * is used at most once, referrals taken in date order, ties by referral id. A referral with no one left in its
 * stratum, or with no offence on or before R, is unmatched and left out of both groups, so the two groups always hold
 * the same number of people.
 *
 * <p><b>What is counted.</b> For the referred person and their match alike: offences in the window (R, R + window]
 * (reoffending), and offences in the same length of window before, (R − window, R]. A lower reoffending rate among
 * those referred than among their matches suggests the scheme helps; matching on score band, age and offence group
 * removes the plainest differences, not all (motivation, for one, is not recorded), so it is evidence, not proof.
 */
public final class DiversionComparison {

    private DiversionComparison() {
    }

    /** Score bands, in days of harm: under 10, 10 to under 100, 100 to under 365, 365 and over. */
    public static String scoreBand(double score) {
        if (score < 10) {
            return "under 10";
        }
        if (score < 100) {
            return "10 to 99";
        }
        return score < 365 ? "100 to 364" : "365 and over";
    }

    /** Age bands on a day: 10–17, 18–24, 25–34, 35–49, 50 and over; "unknown" without a date of birth. */
    public static String ageBand(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null) {
            return "unknown";
        }
        int age = Period.between(dateOfBirth, on).getYears();
        if (age < 18) {
            return "10-17";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        return age < 50 ? "35-49" : "50+";
    }

    /** A person as of a day: their score and the stratum they are matched in. */
    public record Profile(double score, String scoreBand, String ageBand, String offenceGroup) {

        public static Profile of(double score, LocalDate dateOfBirth, LocalDate on, String latestOffenceGroup) {
            return new Profile(score, DiversionComparison.scoreBand(score), DiversionComparison.ageBand(dateOfBirth, on),
                    latestOffenceGroup);
        }

        boolean sameStratum(Profile other) {
            return scoreBand.equals(other.scoreBand) && ageBand.equals(other.ageBand)
                    && offenceGroup.equalsIgnoreCase(other.offenceGroup);
        }
    }

    /** A referral as compared: its id, the person (their standing offender id), the day and the scheme. */
    public record Referral(long id, String personId, LocalDate referredOn, Diversion.Scheme scheme) {
    }

    /** One group's figures. */
    public record Group(int people, int offencesBefore, int offencesAfter, int reoffended) {

        public double reoffendingRate() {
            return people == 0 ? 0 : (double) reoffended / people;
        }

        public double meanAfter() {
            return people == 0 ? 0 : (double) offencesAfter / people;
        }

        public double meanBefore() {
            return people == 0 ? 0 : (double) offencesBefore / people;
        }
    }

    /** A referred person and the offender matched to them. */
    public record Pair(Referral referral, String matchId) {
    }

    /**
     * The comparison: {@code referred} and {@code comparison} hold the same people count; {@code unmatched} followed-up
     * referrals found no match; {@code notYetFollowedUp} referrals' windows are still open.
     */
    public record Result(int windowDays, LocalDate asOf, Group referred, Group comparison, int unmatched,
                         int notYetFollowedUp, List<Pair> pairs) {
    }

    /**
     * Compares. {@code profile} describes a person as of a day (empty when they have no offence on or before it);
     * {@code neverReferred} is the pool the comparison group is drawn from (anyone ever referred is left out of it by
     * the caller); {@code offenceDates} holds every person's offence dates.
     */
    public static Result compare(List<Referral> referrals, Set<String> neverReferred,
                                 BiFunction<String, LocalDate, Optional<Profile>> profile,
                                 Map<String, List<LocalDate>> offenceDates, int windowDays, LocalDate asOf) {
        List<Referral> first = firstPerPerson(referrals);
        List<Pair> pairs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<String> pool = neverReferred.stream().sorted().toList();
        int unmatched = 0;
        int open = 0;
        for (Referral r : first) {
            if (r.referredOn().plusDays(windowDays).isAfter(asOf)) {
                open++;
                continue;
            }
            Optional<Profile> mine = profile.apply(r.personId(), r.referredOn());
            if (mine.isEmpty()) {
                unmatched++;
                continue;
            }
            String best = null;
            double bestGap = Double.MAX_VALUE;
            for (String candidate : pool) {
                if (used.contains(candidate)) {
                    continue;
                }
                Optional<Profile> theirs = profile.apply(candidate, r.referredOn());
                if (theirs.isEmpty() || !theirs.get().sameStratum(mine.get())) {
                    continue;
                }
                double gap = Math.abs(theirs.get().score() - mine.get().score());
                // the pool is in id order, so a strictly smaller gap is needed to displace: ties go to the lower id
                if (gap < bestGap) {
                    best = candidate;
                    bestGap = gap;
                }
            }
            if (best == null) {
                unmatched++;
                continue;
            }
            used.add(best);
            pairs.add(new Pair(r, best));
        }
        return new Result(windowDays, asOf, group(pairs, true, offenceDates, windowDays),
                group(pairs, false, offenceDates, windowDays), unmatched, open, pairs);
    }

    /** Each person's first referral, in date order (ties by referral id). */
    static List<Referral> firstPerPerson(List<Referral> referrals) {
        List<Referral> sorted = new ArrayList<>(referrals);
        sorted.sort(Comparator.comparing(Referral::referredOn).thenComparingLong(Referral::id));
        Set<String> seen = new HashSet<>();
        List<Referral> first = new ArrayList<>();
        for (Referral r : sorted) {
            if (seen.add(r.personId())) {
                first.add(r);
            }
        }
        return first;
    }

    private static Group group(List<Pair> pairs, boolean referred, Map<String, List<LocalDate>> dates, int window) {
        int before = 0;
        int after = 0;
        int reoffended = 0;
        for (Pair p : pairs) {
            String id = referred ? p.referral().personId() : p.matchId();
            LocalDate day = p.referral().referredOn();
            int a = 0;
            for (LocalDate d : dates.getOrDefault(id, List.of())) {
                if (d.isAfter(day.minusDays(window)) && !d.isAfter(day)) {
                    before++;
                } else if (d.isAfter(day) && !d.isAfter(day.plusDays(window))) {
                    a++;
                }
            }
            after += a;
            reoffended += a > 0 ? 1 : 0;
        }
        return new Group(pairs.size(), before, after, reoffended);
    }
}
