package org.peel.offenders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reoffending before and after cohort entry, beside a matched comparison group: each cohort member is matched to the
 * offender outside the cohort whose score on the entry date is nearest theirs (ties by offender id, each used once), so
 * that the two groups start from similar histories. Offences are counted in the window before entry (entry − days,
 * entry] and after it (entry, entry + days]. A fall in the cohort alone may be regression to the mean; the comparison
 * group shows how much.
 */
public final class ReoffendingComparison {

    private ReoffendingComparison() {
    }

    /** One group's figures. */
    public record Group(int people, int offencesBefore, int offencesAfter, int reoffendedAfter) {

        public double meanBefore() {
            return people == 0 ? 0 : (double) offencesBefore / people;
        }

        public double meanAfter() {
            return people == 0 ? 0 : (double) offencesAfter / people;
        }

        /** Share of the group with at least one offence after entry. */
        public double reoffendingRate() {
            return people == 0 ? 0 : (double) reoffendedAfter / people;
        }
    }

    /** The cohort and its comparison group; {@code unmatched} cohort members found no one outside the cohort. */
    public record Result(LocalDate entry, int windowDays, Group cohort, Group comparison, int unmatched) {
    }

    public static Result compare(List<OffenderScore> scores, Set<String> cohortIds, Map<String, List<LocalDate>> offenceDates,
                                 LocalDate entry, int windowDays) {
        List<OffenderScore> members = new ArrayList<>();
        List<OffenderScore> pool = new ArrayList<>();
        for (OffenderScore s : scores) {
            (cohortIds.contains(s.offenderId()) ? members : pool).add(s);
        }
        members.sort(CohortRule.PRIORITY);
        Set<String> used = new HashSet<>();
        List<String> matched = new ArrayList<>();
        List<String> matchedMembers = new ArrayList<>();
        int unmatched = 0;
        for (OffenderScore m : members) {
            OffenderScore best = pool.stream().filter(p -> !used.contains(p.offenderId()))
                    .min(Comparator.comparingDouble((OffenderScore p) -> Math.abs(p.score() - m.score()))
                            .thenComparing(OffenderScore::offenderId)).orElse(null);
            if (best == null) {
                unmatched++;
                continue;
            }
            used.add(best.offenderId());
            matched.add(best.offenderId());
            matchedMembers.add(m.offenderId());
        }
        return new Result(entry, windowDays, group(matchedMembers, offenceDates, entry, windowDays),
                group(matched, offenceDates, entry, windowDays), unmatched);
    }

    private static Group group(List<String> ids, Map<String, List<LocalDate>> dates, LocalDate entry, int days) {
        LocalDate from = entry.minusDays(days);
        LocalDate to = entry.plusDays(days);
        int before = 0;
        int after = 0;
        int reoffended = 0;
        for (String id : ids) {
            int a = 0;
            for (LocalDate d : dates.getOrDefault(id, List.of())) {
                if (d.isAfter(from) && !d.isAfter(entry)) {
                    before++;
                } else if (d.isAfter(entry) && !d.isAfter(to)) {
                    a++;
                }
            }
            after += a;
            reoffended += a > 0 ? 1 : 0;
        }
        return new Group(ids.size(), before, after, reoffended);
    }
}
