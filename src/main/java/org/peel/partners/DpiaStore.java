package org.peel.partners;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The register of data-protection impact assessments, one per processing activity. */
public final class DpiaStore {

    /** Where an assessment stands. */
    public static final Set<String> STATUSES = Set.of("draft", "approved", "under-review", "retired");

    /** One impact assessment. */
    public record Dpia(String id, String activity, String title, String capability, String lawfulBasis, String risks,
                       String mitigations, String owner, LocalDate reviewOn, String status) {

        /** Overdue for review on a day: not retired and its review date passed. */
        public boolean reviewOverdue(LocalDate today) {
            return !status.equals("retired") && reviewOn.isBefore(today);
        }
    }

    private static final String SELECT = """
            select id, activity, title, capability, lawful_basis, risks, mitigations, owner, review_on, status
            from dpia""";

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public DpiaStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<Dpia> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by capability, activity").map(DpiaStore::row).list());
    }

    public Optional<Dpia> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where id = :id").bind("id", id).map(DpiaStore::row)
                .findOne());
    }

    public Optional<Dpia> forActivity(String activity) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where activity = :a").bind("a", activity)
                .map(DpiaStore::row).findOne());
    }

    /** Records a review of an assessment: its status and next review date; the previous version is kept. */
    public void review(User by, String id, String status, LocalDate reviewOn) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("an impact assessment is draft, approved, under-review or retired, not '"
                    + status + "'");
        }
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("""
                            update dpia set status = :status, review_on = :review, updated_by = :by, updated_at = now()
                            where id = :id""")
                    .bind("status", status).bind("review", reviewOn).bind("by", by.username()).bind("id", id)
                    .execute();
            if (n == 0) {
                throw new IllegalArgumentException("there is no impact assessment " + id);
            }
            audit.record(h, AuditEvent.by(by, "dpia-review", "dpia", id, AuditEvent.SUCCESS)
                    .detail(status + ", review on " + reviewOn));
        });
    }

    private static Dpia row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Dpia(rs.getString("id"), rs.getString("activity"), rs.getString("title"),
                rs.getString("capability"), rs.getString("lawful_basis"), rs.getString("risks"),
                rs.getString("mitigations"), rs.getString("owner"), rs.getObject("review_on", LocalDate.class),
                rs.getString("status"));
    }
}
