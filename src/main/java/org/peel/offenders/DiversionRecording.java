package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.peel.common.Adapter;
import org.peel.web.FormErrors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records diversion referrals and their outcomes after {@link Diversion}'s checks: the one way in, used by the web
 * form and by the synthetic force alike. The caller writes the audit entry in the same transaction.
 */
@Adapter
public final class DiversionRecording {

    private final DiversionStore store;

    public DiversionRecording(DiversionStore store) {
        this.store = store;
    }

    /** What a recording did: the referral's id, or the problems against their form fields. */
    public record Recorded(long id, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /** A referral of an offender nominal (whose borough it is recorded in) to a scheme. */
    public Recorded refer(Handle h, IomStore.Nominal offender, String schemeCode, LocalDate referredOn, String reason,
                          String by, Instant at, LocalDate today) {
        Diversion.Person person = store.people(List.of(offender.id())).getOrDefault(offender.id(),
                new Diversion.Person(null, null));
        FormErrors errors = Diversion.checkReferral(schemeCode, referredOn, reason, person, today);
        if (errors.any()) {
            return new Recorded(0, errors);
        }
        long id = store.insert(h, offender.id(), offender.boroughCode(), Diversion.Scheme.of(schemeCode), referredOn,
                reason.strip(), by, at);
        return new Recorded(id, errors);
    }

    /** The outcome of a referral, once. */
    public Recorded outcome(Handle h, DiversionStore.Referral referral, String outcomeCode, LocalDate on, String notes,
                            String by, Instant at, LocalDate today) {
        FormErrors errors = Diversion.checkOutcome(outcomeCode, on, referral.referredOn(), !referral.awaiting(), today);
        if (errors.any()) {
            return new Recorded(referral.id(), errors);
        }
        if (!store.recordOutcome(h, referral.id(), Diversion.Outcome.of(outcomeCode), on,
                notes == null || notes.isBlank() ? null : notes.strip(), by, at)) {
            return new Recorded(referral.id(), FormErrors.of("outcome", "This referral's outcome is already recorded"));
        }
        return new Recorded(referral.id(), errors);
    }
}
