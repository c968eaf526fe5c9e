package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.peel.common.Adapter;
import org.peel.web.FormErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Records MAPPA cases, their visits and the MAPP meetings held for them after {@link Mappa}'s checks: the one way in,
 * used by the web forms and by the synthetic force alike, so that a demonstration case obeys the same rules as one an
 * officer records. The caller writes the audit entry in the same transaction.
 */
@Adapter
public final class MappaRecording {

    private final MappaStore store;
    private final IomStore offenders;

    public MappaRecording(MappaStore store, IomStore offenders) {
        this.store = store;
        this.offenders = offenders;
    }

    /** What a recording did: the case recorded, or the problems against their form fields. */
    public record Recorded(Mappa.Case recorded, String boroughCode, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * Registers a case on {@code registeredOn} (the day it is recorded: today for the form) in the offender's borough.
     */
    public Recorded register(Handle h, Mappa.Form form, LocalDate registeredOn, String by, Instant at) {
        String id = form.offenderId() == null ? "" : form.offenderId().strip();
        Optional<IomStore.Nominal> n = id.isEmpty() ? Optional.empty() : offenders.nominal(id);
        Mappa.Checked checked = Mappa.check(form, n.isPresent(), registeredOn);
        if (!checked.ok()) {
            return new Recorded(null, n.map(IomStore.Nominal::boroughCode).orElse(null), checked.errors());
        }
        store.register(h, checked.accepted(), n.get().boroughCode(), form.plan().strip(), by, at);
        return new Recorded(checked.accepted(), n.get().boroughCode(), checked.errors());
    }

    /** A visit to a registered case on a day, never in the future nor before the case was registered. */
    public Recorded visit(Handle h, String offenderId, LocalDate on, LocalDate today, String by, Instant at) {
        Optional<MappaStore.Stored> c = store.caseOf(h, offenderId);
        if (c.isEmpty()) {
            return new Recorded(null, null, FormErrors.of("visitOn", "No MAPPA case is held for " + offenderId));
        }
        FormErrors errors = Mappa.checkVisit(on, c.get().facts().registeredOn(), today);
        if (errors.any()) {
            return new Recorded(c.get().facts(), c.get().boroughCode(), errors);
        }
        store.recordVisit(h, offenderId, on, by, at);
        return new Recorded(c.get().facts(), c.get().boroughCode(), errors);
    }

    /** What recording a meeting did: the meeting and its id, or the problems against their form fields. */
    public record HeldMeeting(long id, Mappa.Meeting meeting, String boroughCode, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * A MAPP meeting held for a registered case, under {@link Mappa#checkMeeting} as of {@code today}; when accepted,
     * the case takes the level, risk of serious harm and next meeting the meeting decided.
     */
    public HeldMeeting holdMeeting(Handle h, String offenderId, Mappa.MeetingForm form, LocalDate today, String by,
                                   Instant at) {
        Optional<MappaStore.Stored> c = store.caseOf(h, offenderId);
        if (c.isEmpty()) {
            return new HeldMeeting(0, null, null, FormErrors.of("heldOn", "No MAPPA case is held for " + offenderId));
        }
        Mappa.CheckedMeeting checked = Mappa.checkMeeting(offenderId, form, c.get().facts().registeredOn(),
                store.lastMeetingOn(h, offenderId).orElse(null), today);
        if (!checked.ok()) {
            return new HeldMeeting(0, null, c.get().boroughCode(), checked.errors());
        }
        long id = store.recordMeeting(h, checked.accepted(), by, at);
        return new HeldMeeting(id, checked.accepted(), c.get().boroughCode(), checked.errors());
    }

    /** What including a potentially dangerous person did: the id recorded, or the problems against the form's fields. */
    public record Included(long id, PotentiallyDangerousPerson.Inclusion inclusion, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * Includes a potentially dangerous person under {@link PotentiallyDangerousPerson#check} as of {@code today}: the
     * nominal given must be held and must not have a MAPPA case (read in the caller's transaction, so a case
     * registered earlier in it counts).
     */
    public Included includePdp(Handle h, PotentiallyDangerousPerson.Form form, LocalDate today, String by, Instant at) {
        String id = form.offenderId() == null ? "" : form.offenderId().strip();
        boolean held = !id.isEmpty() && offenders.nominal(id).isPresent();
        boolean underMappa = !id.isEmpty() && store.caseOf(h, id).isPresent();
        PotentiallyDangerousPerson.Checked checked = PotentiallyDangerousPerson.check(form, held, underMappa, today);
        if (!checked.ok()) {
            return new Included(0, null, checked.errors());
        }
        PotentiallyDangerousPerson.Inclusion in = checked.accepted();
        long pdp = store.include(h, in.boroughCode(), in.subject(), in.offenderId(), in.reason(), in.evidence(),
                in.reviewOn(), by, at);
        return new Included(pdp, in, checked.errors());
    }
}
