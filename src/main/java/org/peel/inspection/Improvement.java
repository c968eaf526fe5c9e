package org.peel.inspection;

import java.time.Instant;
import java.time.LocalDate;

/** An area for improvement under one question, tracked until it is closed on evidence. */
public record Improvement(String id, String question, String area, String action, String owner, LocalDate dueOn,
                          String raisedBy, Instant raisedAt, String closingEvidence, String closedBy,
                          Instant closedAt) {

    public boolean open() {
        return closedAt == null;
    }

    /** Open and past its due date on the day given. */
    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }
}
