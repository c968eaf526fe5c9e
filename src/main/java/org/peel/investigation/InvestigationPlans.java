package org.peel.investigation;

import org.peel.common.Adapter;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes to a crime's investigation plan, supervisory reviews and actions. Each write and its audit entry commit in
 * one transaction, so a write that fails leaves no entry and an entry always names a write that happened. The
 * caller has already checked the input and the user's access.
 */
@Adapter
public final class InvestigationPlans {

    private final Jdbi jdbi;
    private final InvestigationPlanStore store;
    private final AuditTrail audit;

    public InvestigationPlans(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.store = new InvestigationPlanStore(jdbi);
        this.audit = audit;
    }

    /** Writes the next version of the plan; returns its number. */
    public int writePlan(String crimeId, String lines, String hypotheses, User by, String address, LocalDateTime at) {
        return jdbi.inTransaction(h -> {
            int version = store.writePlanVersion(h, crimeId, lines, hypotheses, by.username(), at);
            audit.record(h, event(by, "plan-version", crimeId + "#" + version, address));
            return version;
        });
    }

    /** Records a supervisory review; returns its id. */
    public long review(String crimeId, String note, String direction, LocalDate nextDue, User by, String address,
                       LocalDateTime at) {
        return jdbi.inTransaction(h -> {
            long id = store.recordSupervisoryReview(h, crimeId, by.username(), at, note, direction, nextDue);
            audit.record(h, event(by, "supervisory-review", crimeId + "#" + id, address));
            return id;
        });
    }

    /** Adds an action; returns its id. */
    public long addAction(String crimeId, String description, String owner, LocalDate due, User by, String address,
                          LocalDateTime at) {
        return jdbi.inTransaction(h -> {
            long id = store.addAction(h, crimeId, description, owner, due, by.username(), at);
            audit.record(h, event(by, "action-add", crimeId + "#" + id, address));
            return id;
        });
    }

    /** Completes an open action of the crime; false (and nothing audited) when there is no such open action. */
    public boolean completeAction(String crimeId, long action, String note, User by, String address, LocalDateTime at) {
        return jdbi.inTransaction(h -> {
            if (!store.completeAction(h, crimeId, action, by.username(), at, note)) {
                return false;
            }
            audit.record(h, event(by, "action-complete", crimeId + "#" + action, address));
            return true;
        });
    }

    private static AuditEvent event(User by, String action, String recordId, String address) {
        return AuditEvent.by(by, action, "crime", recordId, AuditEvent.SUCCESS).from(address);
    }
}
