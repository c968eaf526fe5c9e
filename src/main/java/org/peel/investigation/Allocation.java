package org.peel.investigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The allocation engine's rule: from the investigators a force has, choose the one who should take a screened-in
 * crime now. A candidate qualifies when on duty, accredited to at least the PIP level the crime needs, holding its
 * specialism, working in the crime's borough (or, for specialisms a force runs centrally, in a central unit),
 * and with room under the caseload cap once the crime's weight is added. The qualifying candidate with the lowest
 * weighted caseload takes it; ties go to the lowest PIP level that meets the need (senior detectives stay free
 * for the work only they can do), then to the investigator id, so the same facts always give the same answer.
 * When nobody qualifies the crime goes to the supervisor's queue with the first test that left nobody standing.
 */
public final class Allocation {

    public static final String RULE_VERSION = "allocation-1";

    private Allocation() {
    }

    /** What a crime needs, from screening. */
    public record Need(String boroughCode, int pipLevel, Specialism specialism, Priority priority) {
    }

    /**
     * An investigator as the engine sees them. A central unit's investigators have no borough ({@code null}).
     * The weighted caseload is the sum of the weights of their open crimes.
     */
    public record Candidate(String investigatorId, String teamId, String boroughCode, int pipLevel,
                            Specialism specialism, boolean onDuty, int weightedCaseload) {
    }

    /** A force's allocation configuration: the caseload cap, each priority's weight, the centrally run specialisms. */
    public record Policy(int caseloadCap, Map<Priority, Integer> weights, Set<Specialism> centralSpecialisms) {
        public Policy {
            weights = Map.copyOf(weights);
            centralSpecialisms = centralSpecialisms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(centralSpecialisms));
        }

        /** A cap of 24 weighted units (eight high-priority crimes, or 24 routine ones); every specialism local. */
        public static Policy defaults() {
            Map<Priority, Integer> w = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                w.put(p, p.defaultWeight());
            }
            return new Policy(24, w, Set.of());
        }

        public int weightOf(Priority p) {
            return weights.getOrDefault(p, p.defaultWeight());
        }
    }

    /** The allocation decision, with the reasons and the rule version. */
    public sealed interface Decision permits Allocated, Queued {
        List<String> reasons();

        default String ruleVersion() {
            return RULE_VERSION;
        }
    }

    public record Allocated(Candidate investigator, int weight, List<String> reasons) implements Decision {
    }

    /** Nobody qualified: the crime waits in the supervisor's queue for this reason. */
    public record Queued(String reason, List<String> reasons) implements Decision {
    }

    public static Decision allocate(Need need, List<Candidate> candidates, Policy policy) {
        int weight = policy.weightOf(need.priority());
        boolean central = policy.centralSpecialisms().contains(need.specialism());
        String place = central ? "a central unit" : "borough " + need.boroughCode();
        List<String> reasons = new ArrayList<>();
        reasons.add("Needs " + need.specialism().label() + ", PIP " + need.pipLevel() + " or above, in " + place
                + "; a " + need.priority().name().toLowerCase(java.util.Locale.ROOT) + " priority crime weighs " + weight);

        List<Candidate> left = new ArrayList<>(candidates);
        record Test(String failure, Predicate<Candidate> passes) {
        }
        List<Test> tests = List.of(
                new Test("No investigator with the " + need.specialism().label() + " specialism in " + place,
                        c -> c.specialism() == need.specialism()
                                && (central ? c.boroughCode() == null : need.boroughCode().equals(c.boroughCode()))),
                new Test("No " + need.specialism().label() + " investigator in " + place + " is accredited to PIP "
                        + need.pipLevel() + " or above", c -> c.pipLevel() >= need.pipLevel()),
                new Test("No accredited " + need.specialism().label() + " investigator in " + place + " is on duty",
                        Candidate::onDuty),
                new Test("Every accredited " + need.specialism().label() + " investigator on duty in " + place
                        + " is at the caseload cap of " + policy.caseloadCap(),
                        c -> c.weightedCaseload() + weight <= policy.caseloadCap()));
        for (Test t : tests) {
            left.removeIf(t.passes().negate());
            if (left.isEmpty()) {
                reasons.add(t.failure());
                return new Queued(t.failure(), List.copyOf(reasons));
            }
        }
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::weightedCaseload)
                .thenComparingInt(Candidate::pipLevel).thenComparing(Candidate::investigatorId);
        left.sort(order);
        Candidate chosen = left.get(0);
        reasons.add(left.size() + (left.size() == 1 ? " investigator qualifies" : " investigators qualify"));
        reasons.add("Chosen " + chosen.investigatorId() + ": weighted caseload " + chosen.weightedCaseload()
                + " (cap " + policy.caseloadCap() + "), PIP " + chosen.pipLevel());
        if (left.size() > 1) {
            Candidate next = left.get(1);
            if (next.weightedCaseload() == chosen.weightedCaseload()) {
                reasons.add(next.pipLevel() != chosen.pipLevel()
                        ? "Tie on caseload with " + next.investigatorId() + " broken by the lower PIP level, keeping senior investigators free"
                        : "Tie on caseload and PIP level with " + next.investigatorId() + " broken by investigator id");
            }
        }
        return new Allocated(chosen, weight, List.copyOf(reasons));
    }
}
