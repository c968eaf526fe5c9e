package org.peel.investigation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Runs a force's crimes through two ways of allocating them and measures both the same way. Peel allocates each
 * crime when it is recorded with {@link Allocation} (accreditation, specialism, borough, duty, caseload cap),
 * and retries its queue on the hour as investigators come on duty or close crimes. The baseline reproduces the
 * practice the inspection found: a crime management unit allocates in a daily batch at 09:00, one to three days
 * after recording, to a member of the right team chosen without looking at caseload or duty.
 *
 * <p>Only crimes the force investigates are allocated (the input says which). A crime closes at its outcome date;
 * one without an outcome stays open. Crimes still waiting at the end count with their wait so far, so a queue
 * that never clears is not flattered.
 */
public final class AllocationSimulation {

    private AllocationSimulation() {
    }

    /** A recorded crime as the simulation needs it. {@code closesAt} is null when no outcome is reached. */
    /** A crime to allocate. {@code rape}: recorded as rape (a sexual offence flagged so), owned only by a specialist. */
    public record SimCrime(String id, LocalDateTime recordedAt, OffenceGroup offence, String boroughCode,
                           boolean domesticAbuse, boolean hate, boolean suspectNamed, boolean investigated,
                           LocalDateTime closesAt, boolean rape) {

        public SimCrime(String id, LocalDateTime recordedAt, OffenceGroup offence, String boroughCode,
                        boolean domesticAbuse, boolean hate, boolean suspectNamed, boolean investigated,
                        LocalDateTime closesAt) {
            this(id, recordedAt, offence, boroughCode, domesticAbuse, hate, suspectNamed, investigated, closesAt, false);
        }
    }

    public record SimInvestigator(String id, String teamId, String boroughCode, int pipLevel, Specialism specialism) {
    }

    /**
     * How the run is set: the days simulated from the first crime's day, the allocation target, the seed for the
     * baseline's lags and choices, and Peel's screening and allocation configuration.
     */
    public record Settings(int days, int targetHours, long seed, Screening.Settings screening, Allocation.Policy policy,
                           org.peel.place.BoroughAdjacency adjacency) {
        /** Settings for a London force: neighbouring boroughs are those sharing a border ({@link org.peel.place.BoroughAdjacency#LONDON}). */
        public Settings(int days, int targetHours, long seed, Screening.Settings screening, Allocation.Policy policy) {
            this(days, targetHours, seed, screening, policy, org.peel.place.BoroughAdjacency.LONDON);
        }
    }

    /**
     * One arm's figures. {@code unaccredited} counts crimes given to an investigator below the PIP level the crime
     * needs (the baseline does this when a team has nobody accredited; Peel queues the crime instead).
     */
    public record Metrics(long crimes, long allocated, long stillWaiting, long unaccredited, double medianHoursToAllocation,
                          double p90HoursToAllocation, double targetBreachPct, double caseloadCv,
                          Map<String, Long> waitingReasons, double medianHoursToFirstAction,
                          double p90HoursToFirstAction) {
    }

    public record Result(Metrics peel, Metrics baseline) {
    }

    /** One crime to allocate: what it needs, and its weight. */
    private record Job(SimCrime crime, Allocation.Need need, int weight) {
    }

    /** An allocation made, for the caseload sweep. */
    private record Made(String investigatorId, LocalDateTime at, LocalDateTime closesAt, int weight) {
    }

    public static Result run(List<SimCrime> crimes, List<SimInvestigator> investigators, Settings settings) {
        if (crimes.isEmpty()) {
            throw new IllegalArgumentException("No crimes to simulate");
        }
        LocalDateTime start = crimes.stream().map(SimCrime::recordedAt).min(Comparator.naturalOrder()).orElseThrow()
                .toLocalDate().atStartOfDay();
        LocalDateTime end = start.plusDays(settings.days());
        List<Job> jobs = new ArrayList<>();
        for (SimCrime c : crimes) {
            if (!c.investigated() || c.recordedAt().isBefore(start) || !c.recordedAt().isBefore(end)) {
                continue;
            }
            Screening.ScreenedIn in = screenIn(c, settings.screening());
            // as at recording (AtRecording): a rape is owned only by an investigator of its specialism
            jobs.add(new Job(c, new Allocation.Need(c.boroughCode(), in.pipLevel(), in.specialism(), in.priority(),
                    facts(c, EnumSet.noneOf(SolvabilityFactor.class)).rape()),
                    settings.policy().weightOf(in.priority())));
        }
        jobs.sort(Comparator.comparing((Job j) -> j.crime().recordedAt()).thenComparing(j -> j.crime().id()));
        return new Result(peel(jobs, investigators, settings, start, end), baseline(jobs, investigators, settings, start, end));
    }

    /**
     * The force chose to investigate the crime; screening decides how. A crime it investigates without a named
     * suspect had some other lead the synthetic record does not carry, counted here as a witness.
     */
    static Screening.ScreenedIn screenIn(SimCrime c, Screening.Settings s) {
        EnumSet<SolvabilityFactor> factors = EnumSet.noneOf(SolvabilityFactor.class);
        if (c.suspectNamed()) {
            factors.add(SolvabilityFactor.SUSPECT_NAMED);
        }
        Screening.Decision d = Screening.screen(facts(c, factors), s);
        if (d instanceof Screening.ScreenedIn in) {
            return in;
        }
        factors.add(SolvabilityFactor.WITNESS);
        return (Screening.ScreenedIn) Screening.screen(facts(c, factors), s);
    }

    private static Screening.Facts facts(SimCrime c, EnumSet<SolvabilityFactor> factors) {
        return new Screening.Facts(c.offence(), factors, java.util.Set.of(), c.domesticAbuse(), c.hate(), false, false,
                c.rape() ? java.util.Set.of(CrimeFlag.RAPE) : java.util.Set.of());
    }

    /**
     * Without a published rota: investigators work five days in seven, staggered, on an early (07:00–15:00) or a
     * late (14:00–22:00) shift by turn; nobody is on duty overnight.
     */
    static boolean onDuty(int index, LocalDateTime t, LocalDateTime start) {
        long day = Duration.between(start, t.toLocalDate().atStartOfDay()).toDays();
        if (Math.floorMod(day + index, 7) >= 5) {
            return false;
        }
        int hour = t.getHour();
        return index % 2 == 0 ? hour >= 7 && hour < 15 : hour >= 14 && hour < 22;
    }

    private static Metrics peel(List<Job> jobs, List<SimInvestigator> investigators, Settings settings,
                                LocalDateTime start, LocalDateTime end) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<SimInvestigator>> byPlace = new HashMap<>();
        Staff staff = new Staff(new HashMap<>(), new HashMap<>(), new ArrayList<>());
        for (int i = 0; i < investigators.size(); i++) {
            SimInvestigator inv = investigators.get(i);
            index.put(inv.id(), i);
            byPlace.computeIfAbsent(inv.boroughCode() + "|" + inv.specialism(), k -> new ArrayList<>()).add(inv);
            staff.bySpecialism().computeIfAbsent(inv.specialism(), k -> new ArrayList<>()).add(inv);
            staff.byBorough().computeIfAbsent(inv.boroughCode(), k -> new ArrayList<>()).add(inv);
        }
        Map<String, Integer> load = new HashMap<>();
        PriorityQueue<Made> open = new PriorityQueue<>(Comparator.comparing(Made::closesAt));
        Deque<Job> queue = new ArrayDeque<>();
        List<Made> made = new ArrayList<>();
        List<Double> waits = new ArrayList<>();
        List<Double> actionWaits = staff.actionWaits();
        Iterator<Job> arrivals = jobs.iterator();
        Job next = arrivals.hasNext() ? arrivals.next() : null;
        for (LocalDateTime hour = start; hour.isBefore(end); hour = hour.plusHours(1)) {
            release(open, load, hour);
            for (Iterator<Job> it = queue.iterator(); it.hasNext(); ) {
                Job j = it.next();
                if (tryAllocate(j, hour, byPlace, index, load, open, made, waits, settings, start, staff)) {
                    it.remove();
                }
            }
            LocalDateTime nextHour = hour.plusHours(1);
            while (next != null && next.crime().recordedAt().isBefore(nextHour)) {
                if (!tryAllocate(next, next.crime().recordedAt(), byPlace, index, load, open, made, waits, settings, start, staff)) {
                    queue.add(next);
                }
                next = arrivals.hasNext() ? arrivals.next() : null;
            }
        }
        Map<String, Long> reasons = new java.util.TreeMap<>();
        for (Job j : queue) {
            waits.add(hours(j.crime().recordedAt(), end));
            reasons.merge(whyWaiting(j, byPlace, load, settings), 1L, Long::sum);
        }
        for (Job j : queue) {
            actionWaits.add(hours(j.crime().recordedAt(), end));
        }
        return metrics(jobs.size(), made.size(), queue.size(), 0, waits, settings, made, investigators, start, end, reasons,
                actionWaits);
    }

    /** Why a crime still waits at the end, asked as if everyone were on duty: no team, no accreditation, or the cap. */
    private static String whyWaiting(Job j, Map<String, List<SimInvestigator>> byPlace, Map<String, Integer> load,
                                     Settings settings) {
        List<Allocation.Candidate> all = new ArrayList<>();
        for (SimInvestigator inv : byPlace.getOrDefault(j.need().boroughCode() + "|" + j.need().specialism(), List.of())) {
            all.add(new Allocation.Candidate(inv.id(), inv.teamId(), inv.boroughCode(), inv.pipLevel(), inv.specialism(), true,
                    load.getOrDefault(inv.id(), 0)));
        }
        if (all.isEmpty()) {
            return "no_team";
        }
        if (all.stream().noneMatch(c -> c.pipLevel() >= j.need().pipLevel())) {
            return "no_accredited_investigator";
        }
        return Allocation.allocate(j.need(), all, settings.policy()) instanceof Allocation.Queued ? "at_caseload_cap" : "off_duty";
    }

    /** The force's investigators by specialism and by borough, and the hours from recording to first action. */
    private record Staff(Map<Specialism, List<SimInvestigator>> bySpecialism, Map<String, List<SimInvestigator>> byBorough,
                         List<Double> actionWaits) {
    }

    /** The start of the investigator's next shift after {@code t} on the simulated pattern, within a week. */
    static LocalDateTime nextShiftStart(int index, LocalDateTime t, LocalDateTime start) {
        int startHour = index % 2 == 0 ? 7 : 14;
        for (int d = 0; d <= 7; d++) {
            LocalDateTime shift = t.toLocalDate().plusDays(d).atTime(startHour, 0);
            long day = Duration.between(start, shift.toLocalDate().atStartOfDay()).toDays();
            if (shift.isAfter(t) && Math.floorMod(day + index, 7) < 5) {
                return shift;
            }
        }
        return null;
    }

    private static Allocation.Candidate candidate(SimInvestigator inv, LocalDateTime at, Map<String, Integer> index,
                                                  Map<String, Integer> load, LocalDateTime start) {
        int i = index.get(inv.id());
        boolean on = onDuty(i, at, start);
        return new Allocation.Candidate(inv.id(), inv.teamId(), inv.boroughCode(), inv.pipLevel(), inv.specialism(), on,
                load.getOrDefault(inv.id(), 0), on ? null : nextShiftStart(i, at, start));
    }

    private static boolean tryAllocate(Job j, LocalDateTime at, Map<String, List<SimInvestigator>> byPlace,
                                       Map<String, Integer> index, Map<String, Integer> load, PriorityQueue<Made> open,
                                       List<Made> made, List<Double> waits, Settings settings, LocalDateTime start,
                                       Staff staff) {
        List<Allocation.Candidate> team = new ArrayList<>();
        for (SimInvestigator inv : byPlace.getOrDefault(j.need().boroughCode() + "|" + j.need().specialism(), List.of())) {
            team.add(candidate(inv, at, index, load, start));
        }
        Allocation.Decision d = Allocation.allocate(j.need(), team, settings.policy());
        if (d instanceof Allocation.Queued) {
            List<Allocation.Candidate> neighbours = new ArrayList<>();
            List<Allocation.Candidate> detectives = new ArrayList<>();
            for (SimInvestigator inv : staff.bySpecialism().getOrDefault(j.need().specialism(), List.of())) {
                if (settings.adjacency().adjacent(j.need().boroughCode(), inv.boroughCode())
                        && inv.pipLevel() >= j.need().pipLevel()
                        && onDuty(index.get(inv.id()), at, start)) {
                    neighbours.add(candidate(inv, at, index, load, start));
                }
            }
            if (j.need().priority() == Priority.HIGH) {
                for (SimInvestigator inv : staff.byBorough().getOrDefault(j.need().boroughCode(), List.of())) {
                    if (inv.specialism() != j.need().specialism() && inv.pipLevel() >= 2) {
                        detectives.add(candidate(inv, at, index, load, start));
                    }
                }
            }
            d = Allocation.allocate(j.need(), new Allocation.Pool(team, neighbours, detectives), settings.policy(), at);
        }
        if (d instanceof Allocation.Allocated a) {
            Made m = new Made(a.investigator().investigatorId(), at, closes(j.crime(), at), a.weight());
            load.merge(m.investigatorId(), m.weight(), Integer::sum);
            if (m.closesAt() != null) {
                open.add(m);
            }
            made.add(m);
            waits.add(hours(j.crime().recordedAt(), at));
            staff.actionWaits().add(hours(j.crime().recordedAt(), a.startsAt() != null ? a.startsAt() : at));
            return true;
        }
        return false;
    }

    private static void release(PriorityQueue<Made> open, Map<String, Integer> load, LocalDateTime now) {
        while (!open.isEmpty() && !open.peek().closesAt().isAfter(now)) {
            Made m = open.poll();
            load.merge(m.investigatorId(), -m.weight(), Integer::sum);
        }
    }

    private static Metrics baseline(List<Job> jobs, List<SimInvestigator> investigators, Settings settings,
                                    LocalDateTime start, LocalDateTime end) {
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        Map<String, List<SimInvestigator>> teams = new HashMap<>();
        for (SimInvestigator inv : investigators) {
            teams.computeIfAbsent(inv.boroughCode() + "|" + inv.specialism(), k -> new ArrayList<>()).add(inv);
        }
        List<Made> made = new ArrayList<>();
        List<Double> waits = new ArrayList<>();
        long waiting = 0;
        long unaccredited = 0;
        for (Job j : jobs) {
            int lag = 1 + rnd.nextInt(3);
            LocalDateTime batch = j.crime().recordedAt().toLocalDate().plusDays(lag).atTime(9, 0);
            List<SimInvestigator> team = teams.getOrDefault(j.need().boroughCode() + "|" + j.need().specialism(), List.of());
            List<SimInvestigator> accredited = team.stream().filter(i -> i.pipLevel() >= j.need().pipLevel()).toList();
            List<SimInvestigator> pool = accredited.isEmpty() ? team : accredited;
            if (pool.isEmpty() || !batch.isBefore(end)) {
                waiting++;
                waits.add(hours(j.crime().recordedAt(), end));
                continue;
            }
            SimInvestigator chosen = pool.get(rnd.nextInt(pool.size()));
            if (accredited.isEmpty()) {
                unaccredited++;
            }
            made.add(new Made(chosen.id(), batch, closes(j.crime(), batch), j.weight()));
            waits.add(hours(j.crime().recordedAt(), batch));
        }
        // the crime management unit's batch runs at 09:00, when the chosen investigator is taken to start work
        return metrics(jobs.size(), made.size(), waiting, unaccredited, waits, settings, made, investigators, start, end,
                Map.of(), waits);
    }

    /** A crime closes at noon on its outcome day, and never before it was allocated. */
    private static LocalDateTime closes(SimCrime c, LocalDateTime allocatedAt) {
        if (c.closesAt() == null) {
            return null;
        }
        return c.closesAt().isBefore(allocatedAt) ? allocatedAt : c.closesAt();
    }

    private static Metrics metrics(long crimes, long allocated, long stillWaiting, long unaccredited, List<Double> waits,
                                   Settings settings, List<Made> made, List<SimInvestigator> investigators,
                                   LocalDateTime start, LocalDateTime end, Map<String, Long> waitingReasons,
                                   List<Double> actionWaits) {
        double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long breaches = waits.stream().filter(x -> x > settings.targetHours()).count();
        double[] a = actionWaits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Metrics(crimes, allocated, stillWaiting, unaccredited, round(percentile(w, 0.5)), round(percentile(w, 0.9)),
                round(w.length == 0 ? 0 : 100.0 * breaches / w.length), round(meanDailyCv(made, investigators, start, end)),
                Map.copyOf(waitingReasons), round(percentile(a, 0.5)), round(percentile(a, 0.9)));
    }

    /**
     * The spread of work: each day at midnight, the coefficient of variation (standard deviation over mean) of the
     * weighted open caseloads of every investigator, averaged over the days.
     */
    static double meanDailyCv(List<Made> made, List<SimInvestigator> investigators, LocalDateTime start, LocalDateTime end) {
        List<Made> byStart = new ArrayList<>(made);
        byStart.sort(Comparator.comparing(Made::at));
        PriorityQueue<Made> open = new PriorityQueue<>(Comparator.comparing(Made::closesAt));
        Map<String, Integer> load = new HashMap<>();
        investigators.forEach(i -> load.put(i.id(), 0));
        int k = 0;
        double sum = 0;
        int days = 0;
        for (LocalDateTime day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            while (k < byStart.size() && byStart.get(k).at().isBefore(day)) {
                Made m = byStart.get(k++);
                load.merge(m.investigatorId(), m.weight(), Integer::sum);
                if (m.closesAt() != null) {
                    open.add(m);
                }
            }
            release(open, load, day);
            double mean = load.values().stream().mapToInt(Integer::intValue).average().orElse(0);
            if (mean > 0) {
                double var = load.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / load.size();
                sum += Math.sqrt(var) / mean;
                days++;
            }
        }
        return days == 0 ? 0 : sum / days;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double hours(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
