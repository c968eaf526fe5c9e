package org.peel.investigation;

import org.peel.common.Adapter;
import org.jdbi.v3.core.Handle;
import org.peel.common.CopyRows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows recording writes, for many crimes at once: the same rows as the single-row writes of {@link AllocationStore} and
 * {@link VictimsCodeStore}, described by the same methods, sent with COPY. {@link #flush()} sends what has been added; the caller's transaction
 * commits it.
 */
@Adapter
public final class RecordingBatch {
    private final Handle h;
    private final CopyRows screening = new CopyRows("crime_screening");
    private final CopyRows allocation = new CopyRows("crime_allocation");
    private final CopyRows queue = new CopyRows("allocation_queue");
    private final CopyRows entitlement = new CopyRows("victims_code_entitlement");
    private final CopyRows deadline = new CopyRows("victims_code_deadline");
    private final CopyRows contact = new CopyRows("victims_code_contact");
    private final List<String> crimes = new ArrayList<>();
    private final List<String> investigators = new ArrayList<>();

    public RecordingBatch(Handle h) {
        this.h = h;
    }

    public void screening(String crimeId, Screening.Decision d, Screening.Facts f, LocalDateTime at) {
        screening.add(v -> AllocationStore.screeningRow(v, crimeId, d, f, at));
    }

    /**
     * The crime's current investigator after recording (null when nobody was allocated), written to
     * {@code crime.investigator_id} at {@link #flush()} where it differs.
     */
    public void investigator(String crimeId, String investigatorId) {
        crimes.add(crimeId);
        investigators.add(investigatorId);
    }

    public void allocate(String crimeId, Allocation.Allocated a, LocalDateTime at, String by) {
        allocation.add(v -> AllocationStore.allocationRow(v, crimeId, a, at, by, a.ruleVersion()));
    }

    public void queue(String crimeId, Allocation.Need need, Allocation.Queued q, LocalDateTime at) {
        queue.add(v -> AllocationStore.queueRow(v, crimeId, need, q, at));
    }

    public void entitlement(String crimeId, String personId, VictimsCodeEntitlement.Decision d, LocalDateTime at) {
        entitlement.add(v -> VictimsCodeStore.entitlementRow(v, crimeId, personId, d, at));
    }

    public void deadline(String crimeId, String personId, VictimsCodeDeadlines.Deadline d, LocalDateTime metAt,
                         String metBy) {
        deadline.add(v -> VictimsCodeStore.deadlineRow(v, crimeId, personId, d, metAt, metBy));
    }

    public void contact(String crimeId, String personId, LocalDateTime at, String kind, String result, String note,
                        String by) {
        contact.add(v -> VictimsCodeStore.contactRow(v, crimeId, personId, at, kind, result, note, by));
    }

    public void flush() {
        for (CopyRows rows : List.of(screening, allocation, queue, entitlement, deadline, contact)) {
            rows.copy(h);
        }
        if (!crimes.isEmpty()) {
            h.createUpdate("""
                            update crime c set investigator_id = n.investigator_id
                            from unnest(:crimes, :investigators) as n (crime_id, investigator_id)
                            where c.id = n.crime_id and c.investigator_id is distinct from n.investigator_id""")
                    .bind("crimes", crimes.toArray(String[]::new))
                    .bind("investigators", investigators.toArray(String[]::new)).execute();
            crimes.clear();
            investigators.clear();
        }
    }
}
