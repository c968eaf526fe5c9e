package org.peel.access;

import java.time.Instant;

/**
 * One entry of the audit trail: who (user and role), did what (action, outcome), to which record, why
 * (the stated purpose), when, and from where. {@code detail} never holds personal data: record ids only.
 *
 * <p>An event made by {@link #by} has no time yet ({@code at} is null): the {@link AuditTrail} stamps it with its
 * clock as it records it, so that the one clock Peel is given decides every entry's time.
 */
public record AuditEvent(Instant at, Long userId, String username, String role, String action, String recordType,
                         String recordId, String purpose, String outcome, String clientAddress, String detail) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String DENIED = "denied";

    public static AuditEvent by(User user, String action, String recordType, String recordId, String outcome) {
        return new AuditEvent(null, user == null ? null : user.id(), user == null ? null : user.username(),
                user == null ? null : user.role().slug(), action, recordType, recordId, null, outcome, null, null);
    }

    /** The same event at a given time: an entry read back, or a hash computed for an event not yet recorded. */
    public AuditEvent timed(Instant time) {
        return new AuditEvent(time, userId, username, role, action, recordType, recordId, purpose, outcome,
                clientAddress, detail);
    }

    public AuditEvent from(String address) {
        return new AuditEvent(at, userId, username, role, action, recordType, recordId, purpose, outcome, address, detail);
    }

    public AuditEvent because(String statedPurpose) {
        return new AuditEvent(at, userId, username, role, action, recordType, recordId, statedPurpose, outcome,
                clientAddress, detail);
    }

    public AuditEvent detail(String text) {
        return new AuditEvent(at, userId, username, role, action, recordType, recordId, purpose, outcome,
                clientAddress, text);
    }

    public AuditEvent asUser(String name) {
        return new AuditEvent(at, userId, name, role, action, recordType, recordId, purpose, outcome, clientAddress,
                detail);
    }
}
