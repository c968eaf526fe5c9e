package org.peel.offenders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A borough's cohort as managed: the rule's choice, less the offenders the borough removed, plus those it added, each
 * only by a recorded exception; and how far it departs from the rule.
 *
 * @param ruleChoice the offenders the rule chose for the borough, in priority order
 * @param managed    the cohort after the borough's exceptions: the rule's choice less removals, then additions
 * @param added      exceptions that add an offender the rule did not choose (an addition of one it chose changes nothing)
 * @param removed    exceptions that remove an offender the rule chose (a removal of one it did not choose changes nothing)
 */
public record BoroughCohort(String boroughCode, int capacity, List<String> ruleChoice, List<String> managed,
                            List<CohortException> added, List<CohortException> removed) {

    /**
     * Departure from the rule: offenders added plus offenders removed, over the size of the rule's choice (0 when the
     * rule chose nobody and nothing was changed; 1 or more when every place was changed or more).
     */
    public double departure() {
        int changed = added.size() + removed.size();
        if (ruleChoice.isEmpty()) {
            return changed == 0 ? 0 : 1;
        }
        return (double) changed / ruleChoice.size();
    }

    /** Whether the managed cohort holds more than the borough's capacity. */
    public boolean overCapacity() {
        return managed.size() > capacity;
    }

    /**
     * Each borough's cohort from the rule's choice and the live exceptions. Boroughs are those with a choice or an
     * exception, in code order.
     */
    public static List<BoroughCohort> of(List<OffenderScore> ruleCohort, List<CohortException> exceptions,
                                         java.util.function.ToIntFunction<String> capacity) {
        Map<String, List<String>> chosen = new TreeMap<>();
        for (OffenderScore s : ruleCohort) {
            chosen.computeIfAbsent(s.boroughCode(), k -> new ArrayList<>()).add(s.offenderId());
        }
        Map<String, List<CohortException>> byBorough = new TreeMap<>();
        for (CohortException e : exceptions) {
            byBorough.computeIfAbsent(e.boroughCode(), k -> new ArrayList<>()).add(e);
            chosen.computeIfAbsent(e.boroughCode(), k -> new ArrayList<>());
        }
        List<BoroughCohort> out = new ArrayList<>();
        chosen.forEach((borough, choice) -> {
            Set<String> managed = new LinkedHashSet<>(choice);
            List<CohortException> added = new ArrayList<>();
            List<CohortException> removed = new ArrayList<>();
            for (CohortException e : byBorough.getOrDefault(borough, List.of())) {
                if (e.kind() == CohortException.Kind.REMOVE && choice.contains(e.offenderId())) {
                    removed.add(e);
                    managed.remove(e.offenderId());
                }
            }
            for (CohortException e : byBorough.getOrDefault(borough, List.of())) {
                if (e.kind() == CohortException.Kind.ADD && !choice.contains(e.offenderId())) {
                    added.add(e);
                    managed.add(e.offenderId());
                }
            }
            out.add(new BoroughCohort(borough, capacity.applyAsInt(borough), List.copyOf(choice),
                    List.copyOf(managed), added, removed));
        });
        return out;
    }
}
