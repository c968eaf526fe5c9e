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
 *
 * <p>At recording ({@link #allocate(Need, Pool, Policy)}) a screened-in crime is owned at once, by the first of:
 * <ol>
 * <li>the best qualifying investigator on duty;</li>
 * <li>for a high-priority crime whose next shift starts more than {@link Policy#urgentWaitHours()} away, a neighbouring
 * borough's investigator of the specialism on duty, else the borough's duty detective (any specialism, PIP 2 or the
 * crime's level if higher) — an urgent crime does not wait overnight;</li>
 * <li>the best qualifying investigator on the next shift, earliest start first, with the time work starts;</li>
 * <li>for a high-priority crime, the neighbouring borough or the duty detective even when the next shift is near;
 * for any other crime, a neighbouring borough's investigator of the specialism on duty with room under the cap;</li>
 * <li>otherwise nobody: the supervisor's queue, with the reason.</li>
 * </ol>
 * Nobody is ever given a crime above their PIP accreditation, and a crime that needs a specialist ({@link
 * Need#specialistOnly()}: a rape) is never given to a duty detective of another specialism: it waits for the next
 * shift of its own specialism, or a neighbouring borough's specialist, or the supervisor's queue. A rape's victim is
 * owed a specialist investigator from the start (the Victims' Code's enhanced service for the most serious crime,
 * standards §5.2; the College of Policing's sexual assault sign of a serious and complex investigation, §9.1).
 * The inspection's complaint was crimes waiting days for an
 * owner (HMIC PEEL 2015 effectiveness, investigation; field notes on crime management units); owning a crime at the
 * moment it is recorded is Peel's answer.
 */
public final class Allocation {

    public static final String RULE_VERSION = "allocation-3";

    private Allocation() {
    }

    /**
     * What a crime needs, from screening. {@code specialistOnly}: only an investigator of the specialism may own it,
     * never a duty detective of another (a rape).
     */
    public record Need(String boroughCode, int pipLevel, Specialism specialism, Priority priority,
                       boolean specialistOnly) {
        /** A need that a duty detective may cover when it is urgent. */
        public Need(String boroughCode, int pipLevel, Specialism specialism, Priority priority) {
            this(boroughCode, pipLevel, specialism, priority, false);
        }
    }

    /**
     * An investigator as the engine sees them. A central unit's investigators have no borough ({@code null}).
     * The weighted caseload is the sum of the weights of their open crimes.
     */
    public record Candidate(String investigatorId, String teamId, String boroughCode, int pipLevel,
                            Specialism specialism, boolean onDuty, int weightedCaseload,
                            java.time.LocalDateTime nextShiftStart) {
        /** A candidate whose next shift is not known (no duty rota, or none ahead). */
        public Candidate(String investigatorId, String teamId, String boroughCode, int pipLevel, Specialism specialism,
                         boolean onDuty, int weightedCaseload) {
            this(investigatorId, teamId, boroughCode, pipLevel, specialism, onDuty, weightedCaseload, null);
        }
    }

    /**
     * Everyone who could take a crime at recording: the crime's own team (its borough's investigators of the
     * specialism, or the central unit's), the same specialism in neighbouring boroughs, and the borough's duty detectives.
     */
    public record Pool(List<Candidate> team, List<Candidate> neighbours, List<Candidate> dutyDetectives) {
        public Pool {
            team = List.copyOf(team);
            neighbours = List.copyOf(neighbours);
            dutyDetectives = List.copyOf(dutyDetectives);
        }

        public static Pool of(List<Candidate> team) {
            return new Pool(team, List.of(), List.of());
        }
    }

    /** How an allocated crime came to its owner. */
    public enum Route {
        ON_DUTY("On duty now"), NEXT_SHIFT("Next shift"), NEIGHBOURING_BOROUGH("Neighbouring borough"),
        DUTY_DETECTIVE("Duty detective");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A force's allocation configuration: the caseload cap, each priority's weight, the centrally run specialisms. */
    public record Policy(int caseloadCap, Map<Priority, Integer> weights, Set<Specialism> centralSpecialisms,
                         int urgentWaitHours) {
        /** A policy where a high-priority crime waits at most an hour for the next shift. */
        public Policy(int caseloadCap, Map<Priority, Integer> weights, Set<Specialism> centralSpecialisms) {
            this(caseloadCap, weights, centralSpecialisms, 1);
        }

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

    /** Allocated; {@code startsAt} is when the owner starts work on it (null: now, on duty). */
    public record Allocated(Candidate investigator, int weight, List<String> reasons, Route route,
                            java.time.LocalDateTime startsAt) implements Decision {
        public Allocated(Candidate investigator, int weight, List<String> reasons) {
            this(investigator, weight, reasons, Route.ON_DUTY, null);
        }
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

    /** Allocation at recording, at {@code at}: on duty, else the paths in the class description. */
    public static Decision allocate(Need need, Pool pool, Policy policy, java.time.LocalDateTime at) {
        Decision first = allocate(need, pool.team(), policy);
        if (first instanceof Allocated) {
            return first;
        }
        Queued queued = (Queued) first;
        int weight = policy.weightOf(need.priority());
        boolean urgent = need.priority() == Priority.HIGH;
        boolean central = policy.centralSpecialisms().contains(need.specialism());
        List<String> reasons = new ArrayList<>(queued.reasons());
        Predicate<Candidate> room = c -> c.weightedCaseload() + weight <= policy.caseloadCap();
        List<Candidate> nextShift = pool.team().stream()
                .filter(c -> c.specialism() == need.specialism()
                        && (central ? c.boroughCode() == null : need.boroughCode().equals(c.boroughCode())))
                .filter(c -> c.pipLevel() >= need.pipLevel()).filter(room)
                .filter(c -> !c.onDuty() && c.nextShiftStart() != null && c.nextShiftStart().isAfter(at))
                .sorted(Comparator.comparing(Candidate::nextShiftStart).thenComparingInt(Candidate::weightedCaseload)
                        .thenComparingInt(Candidate::pipLevel).thenComparing(Candidate::investigatorId))
                .toList();
        boolean nextIsNear = !nextShift.isEmpty()
                && !nextShift.get(0).nextShiftStart().isAfter(at.plusHours(policy.urgentWaitHours()));
        if (urgent && !nextIsNear) {
            Decision cover = urgentCover(need, pool, weight, room, reasons);
            if (cover != null) {
                return cover;
            }
        }
        if (!nextShift.isEmpty()) {
            Candidate c = nextShift.get(0);
            reasons.add("Next shift: " + c.investigatorId() + " starts at " + c.nextShiftStart().toLocalTime()
                    + (c.nextShiftStart().toLocalDate().equals(at.toLocalDate()) ? " today" : " on " + c.nextShiftStart().toLocalDate())
                    + "; weighted caseload " + c.weightedCaseload() + ", PIP " + c.pipLevel());
            return new Allocated(c, weight, List.copyOf(reasons), Route.NEXT_SHIFT, c.nextShiftStart());
        }
        if (urgent) {
            Decision cover = urgentCover(need, pool, weight, room, reasons);
            if (cover != null) {
                return cover;
            }
        } else {
            // the own team is full or has nobody accredited: a neighbouring borough's team with room takes it
            java.util.Optional<Candidate> neighbour = pool.neighbours().stream()
                    .filter(c -> c.specialism() == need.specialism() && c.pipLevel() >= need.pipLevel() && c.onDuty())
                    .filter(room).min(Comparator.comparingInt(Candidate::weightedCaseload)
                            .thenComparingInt(Candidate::pipLevel).thenComparing(Candidate::investigatorId));
            if (neighbour.isPresent()) {
                Candidate c = neighbour.get();
                reasons.add("Taken by " + c.investigatorId() + " of the neighbouring borough " + c.boroughCode()
                        + ", on duty with room, PIP " + c.pipLevel());
                return new Allocated(c, weight, List.copyOf(reasons), Route.NEIGHBOURING_BOROUGH, null);
            }
        }
        String why = queued.reason() + (!urgent ? "" : need.specialistOnly()
                ? "; no neighbouring borough's " + need.specialism().label() + " investigator is free either, and a rape"
                + " is not given to a duty detective of another specialism"
                : "; no neighbouring borough's team or duty detective is free either");
        reasons.set(reasons.size() - 1, why);
        return new Queued(why, List.copyOf(reasons));
    }

    private static Decision urgentCover(Need need, Pool pool, int weight, Predicate<Candidate> room, List<String> reasons) {
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::weightedCaseload)
                .thenComparingInt(Candidate::pipLevel).thenComparing(Candidate::investigatorId);
        java.util.Optional<Candidate> neighbour = pool.neighbours().stream()
                .filter(c -> c.specialism() == need.specialism() && c.pipLevel() >= need.pipLevel() && c.onDuty())
                .filter(room).min(order);
        if (neighbour.isPresent()) {
            Candidate c = neighbour.get();
            List<String> r = new ArrayList<>(reasons);
            r.add("High priority: taken by " + c.investigatorId() + " of the neighbouring borough " + c.boroughCode()
                    + ", on duty, PIP " + c.pipLevel());
            return new Allocated(c, weight, List.copyOf(r), Route.NEIGHBOURING_BOROUGH, null);
        }
        if (need.specialistOnly()) {
            if (reasons.stream().noneMatch(r -> r.startsWith("Specialist only"))) {
                reasons.add("Specialist only: a rape is not given to a duty detective of another specialism");
            }
            return null;
        }
        int level = Math.max(2, need.pipLevel());
        java.util.Optional<Candidate> detective = pool.dutyDetectives().stream()
                .filter(c -> need.boroughCode().equals(c.boroughCode()) && c.pipLevel() >= level && c.onDuty())
                .filter(room).min(order);
        if (detective.isPresent()) {
            Candidate c = detective.get();
            List<String> r = new ArrayList<>(reasons);
            r.add("High priority: taken by the duty detective " + c.investigatorId() + " (" + c.specialism().label()
                    + ", PIP " + c.pipLevel() + ") until the specialist team is on duty");
            return new Allocated(c, weight, List.copyOf(r), Route.DUTY_DETECTIVE, null);
        }
        return null;
    }
}
