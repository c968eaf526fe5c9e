package org.peel.organisedcrime;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** SQL for the intelligence requirement and intelligence submissions. */
public final class IntelligenceStore {

    private final Jdbi jdbi;

    public IntelligenceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A requirement as set: where, what the priority is, what officers should look for, and its group if any. */
    public record Requirement(long id, String boroughCode, String wardCode, String ocgId, String priority,
                              String lookFor, LocalDate reviewOn, String setBy) {
    }

    /** A submission as graded. */
    public record Submission(long id, String boroughCode, String wardCode, Long requirementId, String ocgId,
                             String scheme, String sourceGrade, String intelligenceGrade, String handlingCode,
                             String handlingConditions, boolean significant, String report, LocalDate observedOn,
                             String submittedBy, Instant submittedAt) {
        public String code() {
            return sourceGrade + "/" + intelligenceGrade + "/" + handlingCode;
        }
    }

    /** Active requirements of a borough (all when null), its ward's first. */
    public List<Requirement> requirements(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, borough_code, ward_code, ocg_id, priority, look_for, review_on, set_by
                        from intelligence_requirement
                        where status = 'active' and (cast(:b as text) is null or borough_code = :b)
                        order by borough_code, ward_code nulls last, id""")
                .bind("b", boroughCode).map((rs, ctx) -> new Requirement(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8))).list());
    }

    long insertRequirement(Handle h, String borough, String ward, String ocgId, String priority, String lookFor,
                           LocalDate reviewOn, String by, Instant at) {
        return h.createUpdate("""
                        insert into intelligence_requirement (borough_code, ward_code, ocg_id, priority, look_for,
                            review_on, set_by, set_at)
                        values (:b, :w, :ocg, :p, :l, :r, :by, :at)""")
                .bind("b", borough).bind("w", ward).bind("ocg", ocgId).bind("p", priority).bind("l", lookFor)
                .bind("r", reviewOn).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static final String SUBMISSION = """
            select id, borough_code, ward_code, requirement_id, ocg_id, scheme, source_grade, intelligence_grade,
                   handling_code, handling_conditions, significant, report, observed_on, submitted_by, submitted_at
            from intelligence_submission
            """;

    /** Submissions linked to a group, newest first. */
    public List<Submission> forGroup(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery(SUBMISSION + " where ocg_id = :o order by submitted_at desc, id desc")
                .bind("o", ocgId).map((rs, ctx) -> submission(rs)).list());
    }

    /** The latest submissions of a borough (all when null). */
    public List<Submission> latest(String boroughCode, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SUBMISSION + """
                         where cast(:b as text) is null or borough_code = :b
                        order by submitted_at desc, id desc limit :n""")
                .bind("b", boroughCode).bind("n", limit).map((rs, ctx) -> submission(rs)).list());
    }

    long insertSubmission(Handle h, String borough, String ward, Long requirementId, String ocgId,
                          IntelligenceGrading.Grade g, boolean significant, String report, LocalDate observedOn,
                          String by, Instant at) {
        return h.createUpdate("""
                        insert into intelligence_submission (borough_code, ward_code, requirement_id, ocg_id, scheme,
                            source_grade, intelligence_grade, handling_code, handling_conditions, significant, report,
                            observed_on, submitted_by, submitted_at)
                        values (:b, :w, :req, :ocg, :scheme, :s, :i, :h, :c, :sig, :report, :on, :by, :at)""")
                .bind("b", borough).bind("w", ward).bind("req", requirementId).bind("ocg", ocgId)
                .bind("scheme", g.scheme()).bind("s", g.source()).bind("i", g.intelligence()).bind("h", g.handling())
                .bind("c", g.conditions()).bind("sig", significant).bind("report", report).bind("on", observedOn)
                .bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static Submission submission(java.sql.ResultSet rs) throws java.sql.SQLException {
        long req = rs.getLong("requirement_id");
        return new Submission(rs.getLong("id"), rs.getString("borough_code"), rs.getString("ward_code"),
                rs.wasNull() ? null : req, rs.getString("ocg_id"), rs.getString("scheme"), rs.getString("source_grade"),
                rs.getString("intelligence_grade"), rs.getString("handling_code"), rs.getString("handling_conditions"),
                rs.getBoolean("significant"), rs.getString("report"), rs.getObject("observed_on", LocalDate.class),
                rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
    }
}
