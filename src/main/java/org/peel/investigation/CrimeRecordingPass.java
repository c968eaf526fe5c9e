package org.peel.investigation;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Makes the decisions of recording for many crimes already written, in the order they were recorded: the same
 * {@link AtRecording} decisions {@link RecordCrime} makes for one crime (the duty rota, the next shift, the boroughs
 * sharing a border and the duty detectives as {@link AllocationStore#pool} finds them), written as the same rows in batches sent with COPY. Each
 * crime's recorded time is its "now". Investigators' caseloads are kept in memory as the pass goes: a crime allocated
 * adds its weight, and a crime's weight leaves on the day it was given its outcome, so every allocation sees the
 * caseloads as they stood at that moment.
 */
public final class CrimeRecordingPass {

    /** Rows gathered before they are sent to the database. */
    private static final int BATCH = 20_000;

    private final AllocationStore store;
    private final AuditTrail audit;
    private final Screening.Settings screening;
    private final Allocation.Policy allocation;

    public CrimeRecordingPass(Jdbi jdbi, AuditTrail audit, InvestigationSettings settings) {
        this.store = new AllocationStore(jdbi);
        this.audit = audit;
        this.screening = settings.screening();
        this.allocation = settings.allocation();
    }

    /**
     * One crime already written, with what recording knew of it.
     *
     * @param victimRecordId the victim's person record, null when the crime has no victim
     * @param closedOn       the day the crime was given its outcome, null while it has none
     */
    public record Crime(String id, LocalDateTime recordedAt, LocalDate closedOn, AtRecording.Crime facts,
                        String victimRecordId) {
    }

    /** When a Victims' Code deadline that recording did not meet was kept afterwards; null when it was not (yet). */
    @FunctionalInterface
    public interface Keeping {
        LocalDateTime metAt(Crime crime, VictimsCodeDeadlines.Deadline deadline);

        /** Nothing kept after recording. */
        Keeping NONE = (crime, deadline) -> null;
    }

    /** What the pass did. */
    public record Counts(long crimes, long screenedIn, long allocated, long queued, long entitlements, long deadlines,
                         long deadlinesOpen, long contacts) {
        public long rows() {
            return crimes + allocated + queued + entitlements + deadlines + contacts;
        }
    }

    /**
     * Records the decisions for every crime, in the caller's transaction, and one audit event for the whole pass.
     *
     * @param crimes in recording order
     * @param actor  who the rows and the audit event name as recording them
     */
    public Counts run(Handle h, Iterable<Crime> crimes, Keeping keeping, String actor) {
        Caseloads caseloads = new Caseloads(store.allInvestigators(h), rota(h), store.adjacency(h));
        RecordingBatch batch = new RecordingBatch(h);
        long n = 0;
        long in = 0;
        long allocated = 0;
        long queued = 0;
        long entitlements = 0;
        long deadlines = 0;
        long open = 0;
        long contacts = 0;
        int pending = 0;
        String allocatedBy = "peel:" + Allocation.RULE_VERSION;
        for (Crime c : crimes) {
            LocalDateTime now = c.recordedAt();
            caseloads.closeUpTo(now);
            AtRecording.Decisions d = AtRecording.decide(c.facts(), now, screening, allocation, caseloads.at(now));
            n++;
            batch.screening(c.id(), d.screening(), d.facts(), now);
            String investigator = null;
            if (d.screening() instanceof Screening.ScreenedIn) {
                in++;
            }
            if (d.allocation() instanceof Allocation.Allocated a) {
                investigator = a.investigator().investigatorId();
                caseloads.take(investigator, a.weight(), c.closedOn());
                batch.allocate(c.id(), a, now, allocatedBy);
                allocated++;
                pending++;
            } else if (d.allocation() instanceof Allocation.Queued q) {
                batch.queue(c.id(), d.need(), q, now);
                queued++;
                pending++;
            }
            batch.investigator(c.id(), investigator);
            if (d.entitlement() != null) {
                batch.entitlement(c.id(), c.victimRecordId(), d.entitlement(), now);
                entitlements++;
                for (VictimsCodeDeadlines.Deadline deadline : d.deadlines()) {
                    LocalDateTime met = d.metAtRecording(deadline) ? now : keeping.metAt(c, deadline);
                    batch.deadline(c.id(), c.victimRecordId(), deadline, met, met == null ? null : actor);
                    deadlines++;
                    if (met == null) {
                        open++;
                    }
                }
                for (AtRecording.Contact contact : d.contacts()) {
                    batch.contact(c.id(), c.victimRecordId(), now, contact.kind(), contact.result(), "at recording", actor);
                    contacts++;
                }
                pending += 1 + d.deadlines().size() + d.contacts().size();
            }
            if (++pending >= BATCH) {
                batch.flush();
                pending = 0;
            }
        }
        batch.flush();
        Counts counts = new Counts(n, in, allocated, queued, entitlements, deadlines, open, contacts);
        // One event for the pass, not one per crime: these are generated records, not people's data, and an event per
        // row would double the work of a bulk load without telling anyone more than the counts do.
        audit.record(h, AuditEvent.by(null, "record-bulk", "crime", null, AuditEvent.SUCCESS).asUser(actor)
                .detail(counts.crimes() + " crimes screened (" + counts.screenedIn() + " in), " + counts.allocated()
                        + " allocated, " + counts.queued() + " queued, " + counts.entitlements() + " Victims' Code entitlements, "
                        + counts.deadlines() + " deadlines (" + counts.deadlinesOpen() + " open)"));
        return counts;
    }

    /** Every investigator's shifts on the duty rota, in start order; an investigator with none is not in the map. */
    private static Map<String, List<DutyRota.Shift>> rota(Handle h) {
        Map<String, List<DutyRota.Shift>> shifts = new HashMap<>();
        h.createQuery("""
                        select investigator_id, duty_date, shift_start, shift_end from investigator_duty_rota
                        order by investigator_id, duty_date, shift_start""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new DutyRota.Shift(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, java.time.LocalTime.class), rs.getObject(4, java.time.LocalTime.class))))
                .forEach(e -> shifts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return shifts;
    }

    /**
     * Investigators grouped as {@link AllocationStore#candidates} finds them (by borough and specialism, or by
     * specialism in a central unit), with caseloads that change as the pass allocates and crimes close.
     */
    private static final class Caseloads {
        private final Map<String, List<Allocation.Candidate>> groups = new HashMap<>();
        private final Map<String, int[]> load = new HashMap<>();
        private final PriorityQueue<Closure> closures = new PriorityQueue<>();

        private record Closure(LocalDateTime at, String investigatorId, int weight) implements Comparable<Closure> {
            @Override
            public int compareTo(Closure o) {
                return at.compareTo(o.at);
            }
        }

        private final Map<String, List<DutyRota.Shift>> rota;
        private final org.peel.place.BoroughAdjacency adjacency;

        Caseloads(List<Allocation.Candidate> investigators, Map<String, List<DutyRota.Shift>> rota,
                  org.peel.place.BoroughAdjacency adjacency) {
            this.rota = rota;
            this.adjacency = adjacency;
            for (Allocation.Candidate c : investigators) {
                groups.computeIfAbsent(key(c.boroughCode(), c.specialism()), k -> new ArrayList<>()).add(c);
                load.put(c.investigatorId(), new int[]{c.weightedCaseload()});
            }
        }

        /**
         * Who could take a crime recorded at {@code now}, as {@link AllocationStore#pool} finds them: the team, on
         * duty by the rota with their next shift, the same specialism in the boroughs sharing a border, and for a
         * high-priority crime the borough's investigators of other specialisms as duty detectives.
         */
        AtRecording.Investigators at(LocalDateTime now) {
            return new AtRecording.Investigators() {
                @Override
                public List<Allocation.Candidate> candidates(String boroughCode, Specialism specialism, boolean central) {
                    return Caseloads.this.candidates(boroughCode, specialism, central, now);
                }

                @Override
                public Allocation.Pool pool(String boroughCode, Specialism specialism, boolean central, Priority priority) {
                    List<Allocation.Candidate> team = candidates(boroughCode, specialism, central);
                    if (boroughCode == null) {
                        return Allocation.Pool.of(team);
                    }
                    List<Allocation.Candidate> neighbours = new ArrayList<>();
                    for (String b : adjacency.of(boroughCode)) {
                        neighbours.addAll(Caseloads.this.candidates(b, specialism, false, now));
                    }
                    List<Allocation.Candidate> detectives = new ArrayList<>();
                    if (priority == Priority.HIGH) {
                        for (Specialism other : Specialism.values()) {
                            if (other != specialism) {
                                detectives.addAll(Caseloads.this.candidates(boroughCode, other, false, now));
                            }
                        }
                    }
                    return new Allocation.Pool(team, neighbours, detectives);
                }
            };
        }

        private static String key(String boroughCode, Specialism specialism) {
            return (boroughCode == null ? "central" : boroughCode) + "|" + specialism.name();
        }

        List<Allocation.Candidate> candidates(String boroughCode, Specialism specialism, boolean central,
                                              LocalDateTime at) {
            List<Allocation.Candidate> group = groups.get(key(central ? null : boroughCode, specialism));
            if (group == null) {
                return List.of();
            }
            List<Allocation.Candidate> now = new ArrayList<>(group.size());
            for (Allocation.Candidate c : group) {
                List<DutyRota.Shift> shifts = rota.get(c.investigatorId());
                boolean onDuty = c.onDuty();
                LocalDateTime next = null;
                if (shifts != null) {
                    List<DutyRota.Shift> near = near(shifts, at);
                    onDuty = DutyRota.onDuty(true, near, at, c.onDuty());
                    for (DutyRota.Shift s : near) {
                        if (s.startsAt().isAfter(at) && (next == null || s.startsAt().isBefore(next))) {
                            next = s.startsAt();
                        }
                    }
                }
                now.add(new Allocation.Candidate(c.investigatorId(), c.teamId(), c.boroughCode(), c.pipLevel(),
                        c.specialism(), onDuty, load.get(c.investigatorId())[0], next));
            }
            return now;
        }

        /** The shifts from the day before {@code at} to {@link DutyRota#NEXT_SHIFT_DAYS} after (as {@link AllocationStore#candidates} reads them). */
        private static List<DutyRota.Shift> near(List<DutyRota.Shift> shifts, LocalDateTime at) {
            LocalDate from = at.toLocalDate().minusDays(1);
            LocalDate to = at.toLocalDate().plusDays(DutyRota.NEXT_SHIFT_DAYS);
            int lo = 0;
            int hi = shifts.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (shifts.get(mid).date().isBefore(from)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            List<DutyRota.Shift> out = new ArrayList<>(4);
            for (int i = lo; i < shifts.size() && !shifts.get(i).date().isAfter(to); i++) {
                out.add(shifts.get(i));
            }
            return out;
        }

        void take(String investigatorId, int weight, LocalDate closedOn) {
            load.get(investigatorId)[0] += weight;
            if (closedOn != null) {
                closures.add(new Closure(closedOn.atStartOfDay(), investigatorId, weight));
            }
        }

        /** Takes out of the caseloads every crime closed by {@code now}. */
        void closeUpTo(LocalDateTime now) {
            while (!closures.isEmpty() && !closures.peek().at().isAfter(now)) {
                Closure c = closures.poll();
                load.get(c.investigatorId())[0] -= c.weight();
            }
        }
    }
}
