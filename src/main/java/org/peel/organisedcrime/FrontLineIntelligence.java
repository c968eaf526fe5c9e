package org.peel.organisedcrime;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.Adapter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Changes to the intelligence requirement and submissions, each in one transaction with its audit entry. A
 * submission graded significant against a group records a significant event for it, so the group is due for
 * reassessment at once.
 */
@Adapter
public final class FrontLineIntelligence {

    private final IntelligenceStore store;
    private final OcgStore groups;
    private final AuditTrail audit;
    private final IntelligenceGrading.Scheme scheme;
    private final Clock clock;

    public FrontLineIntelligence(IntelligenceStore store, OcgStore groups, AuditTrail audit,
                                 IntelligenceGrading.Scheme scheme, Clock clock) {
        this.store = store;
        this.groups = groups;
        this.audit = audit;
        this.scheme = scheme;
        this.clock = clock;
    }

    public IntelligenceStore store() {
        return store;
    }

    public OcgStore groups() {
        return groups;
    }

    /** The scheme new submissions are graded under. */
    public IntelligenceGrading.Scheme scheme() {
        return scheme;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public long setRequirement(User user, String borough, String ward, String ocgId, String priority, String lookFor,
                               LocalDate reviewOn, String clientAddress) {
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            long id = store.insertRequirement(h, borough, ward, ocgId, priority, lookFor, reviewOn, user.username(), now);
            audit.record(h, AuditEvent.by(user, "intelligence.requirement", "intelligence_requirement",
                    Long.toString(id), AuditEvent.SUCCESS).from(clientAddress).detail(borough + ": " + priority));
            return id;
        });
    }

    /** Records a submission graded as checked; the grade must be valid. Returns its id. */
    public long submit(User user, String borough, String ward, Long requirementId, String ocgId,
                       IntelligenceGrading.Grade grade, boolean significant, String report, LocalDate observedOn,
                       String clientAddress) {
        if (!grade.valid()) {
            throw new IllegalArgumentException("the grade is not valid: " + grade.errors());
        }
        if (significant && ocgId == null) {
            throw new IllegalArgumentException("only intelligence about a group can be significant for it");
        }
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            long id = store.insertSubmission(h, borough, ward, requirementId, ocgId, grade, significant, report,
                    observedOn, user.username(), now);
            if (significant) {
                groups.insertEvent(h, ocgId, "significant_intelligence", observedOn,
                        "intelligence " + id + " graded " + grade.code() + " and marked significant", null,
                        user.username(), now);
            }
            audit.record(h, AuditEvent.by(user, "intelligence.submit", "intelligence_submission", Long.toString(id),
                    AuditEvent.SUCCESS).from(clientAddress).detail(grade.scheme() + " " + grade.code()
                    + (ocgId == null ? "" : " on " + ocgId) + (significant ? ", significant" : "")));
            return id;
        });
    }
}
