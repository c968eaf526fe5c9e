package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.function.Consumer;

/** The actions each agency takes on a multi-agency case (ASB MARAC, complex case panel, case review), as worked. */
public final class PanelStore {

    private final Jdbi jdbi;

    public PanelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An action for an agency (null: the police) with its due date; {@code audited} writes the entry alongside. */
    public void addAction(String caseId, String organisationId, String action, LocalDate dueOn, String by,
                          Consumer<Handle> audited) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into partner_case_action (case_id, organisation_id, action, due_on, created_by)
                            values (:c, :o, :a, :due, :by)""")
                    .bind("c", caseId).bind("o", organisationId).bind("a", action).bind("due", dueOn).bind("by", by)
                    .execute();
            audited.accept(h);
        });
    }

    /** Marks an open action done; false when the case has no such open action. */
    public boolean actionDone(String caseId, long actionId, LocalDate on, Consumer<Handle> audited) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            update partner_case_action set done_on = :on, status = 'completed'
                            where id = :id and case_id = :c and done_on is null""")
                    .bind("on", on).bind("id", actionId).bind("c", caseId).execute();
            if (n == 1) {
                audited.accept(h);
            }
            return n == 1;
        });
    }

    /**
     * An agency's own update to one of its actions: status, note and completed date, and nothing else; the action
     * must be on the case and for that agency (null: the police). False, with nothing written, when it is not.
     */
    public boolean updateAction(String caseId, long actionId, String organisationId, String status, String note,
                                LocalDate completedOn, String by, java.time.Instant at, Consumer<Handle> audited) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            update partner_case_action
                            set status = :status, note = :note, done_on = :done, updated_by = :by, updated_at = :at
                            where id = :id and case_id = :c and organisation_id is not distinct from :o""")
                    .bind("status", status).bind("note", note).bind("done", completedOn).bind("by", by)
                    .bind("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                    .bind("id", actionId).bind("c", caseId).bind("o", organisationId).execute();
            if (n == 1) {
                audited.accept(h);
            }
            return n == 1;
        });
    }

    /** The next free id for a panel case of this kind opened in this year, one past the highest held:
     * MARAC-2025-3, CCP-2025-1. */
    public String nextId(String kind, int year) {
        String prefix = (kind.equals("asb-marac") ? "MARAC-" : "CCP-") + year + "-";
        long n = jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(max(cast(substring(id from length(:p) + 1) as bigint)), 0) from partner_case
                        where id like :p || '%' and substring(id from length(:p) + 1) ~ '^[0-9]+$'""")
                .bind("p", prefix).mapTo(Long.class).one());
        return prefix + (n + 1);
    }
}
