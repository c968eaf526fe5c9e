package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * SQL for a crime's investigation plan (kept in versions), supervisory reviews and actions. Writes take the caller's
 * {@link Handle} so that each commits with its audit entry ({@link InvestigationPlans}).
 */
public final class InvestigationPlanStore {

    private final Jdbi jdbi;

    public InvestigationPlanStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One version of a crime's investigation plan. */
    public record PlanVersion(int version, String linesOfEnquiry, String hypotheses, String writtenBy, LocalDateTime writtenAt) {
    }

    /** A supervisor's review of a crime and when the next falls due. */
    public record ReviewRecord(long id, String reviewedBy, LocalDateTime reviewedAt, String note, String direction,
                               LocalDate nextReviewDue) {
    }

    /** An action on a crime; open while {@code completedAt} is null. */
    public record ActionRecord(long id, String description, String ownerUsername, LocalDate dueDate, String createdBy,
                               LocalDateTime createdAt, LocalDateTime completedAt, String completedBy, String completionNote) {
        public boolean open() {
            return completedAt == null;
        }
    }

    /** The plan, reviews and actions shown on a crime's page: the current plan (or null) and how many versions came before it. */
    public record Plan(PlanVersion current, int earlierVersions, List<ReviewRecord> reviews, List<ActionRecord> actions) {
        public List<ActionRecord> openActions() {
            return actions.stream().filter(ActionRecord::open).toList();
        }

        public List<ActionRecord> completedActions() {
            return actions.stream().filter(a -> !a.open()).toList();
        }
    }

    public Plan plan(String crimeId) {
        return jdbi.withHandle(h -> {
            List<PlanVersion> versions = h.createQuery("""
                            select version, lines_of_enquiry, hypotheses, written_by, written_at from investigation_plan
                            where crime_id = :id order by version desc""").bind("id", crimeId)
                    .map((rs, ctx) -> new PlanVersion(rs.getInt("version"), rs.getString("lines_of_enquiry"),
                            rs.getString("hypotheses"), rs.getString("written_by"), Moments.local(rs, "written_at")))
                    .list();
            List<ReviewRecord> reviews = h.createQuery("""
                            select id, reviewed_by, reviewed_at, note, direction, next_review_due from supervisory_review
                            where crime_id = :id order by reviewed_at desc, id desc""").bind("id", crimeId)
                    .map((rs, ctx) -> new ReviewRecord(rs.getLong("id"), rs.getString("reviewed_by"),
                            Moments.local(rs, "reviewed_at"), rs.getString("note"), rs.getString("direction"),
                            rs.getObject("next_review_due", LocalDate.class)))
                    .list();
            List<ActionRecord> actions = h.createQuery("""
                            select * from investigation_action where crime_id = :id order by due_date, id""").bind("id", crimeId)
                    .map((rs, ctx) -> new ActionRecord(rs.getLong("id"), rs.getString("description"), rs.getString("owner_username"),
                            rs.getObject("due_date", LocalDate.class), rs.getString("created_by"),
                            Moments.local(rs, "created_at"), Moments.local(rs, "completed_at"),
                            rs.getString("completed_by"), rs.getString("completion_note")))
                    .list();
            return new Plan(versions.isEmpty() ? null : versions.get(0), Math.max(0, versions.size() - 1), reviews, actions);
        });
    }

    /** Writes a new version of the plan (one more than the last), in the caller's transaction; returns its number. */
    public int writePlanVersion(Handle h, String crimeId, String linesOfEnquiry, String hypotheses, String by,
                                LocalDateTime at) {
        h.createQuery("select id from crime where id = :id for update").bind("id", crimeId).mapTo(String.class).one();
        int version = h.createQuery("select coalesce(max(version), 0) + 1 from investigation_plan where crime_id = :id")
                .bind("id", crimeId).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into investigation_plan (crime_id, version, lines_of_enquiry, hypotheses, written_by, written_at)
                        values (:crime, :version, :lines, :hyp, :by, :at)""")
                .bind("crime", crimeId).bind("version", version).bind("lines", linesOfEnquiry).bind("hyp", hypotheses)
                .bind("by", by).bind("at", at).execute();
        return version;
    }

    public long recordSupervisoryReview(Handle h, String crimeId, String by, LocalDateTime at, String note,
                                        String direction, LocalDate nextDue) {
        return h.createQuery("""
                        insert into supervisory_review (crime_id, reviewed_by, reviewed_at, note, direction, next_review_due)
                        values (:crime, :by, :at, :note, :direction, :due) returning id""")
                .bind("crime", crimeId).bind("by", by).bind("at", at).bind("note", note).bind("direction", direction)
                .bind("due", nextDue).mapTo(Long.class).one();
    }

    public long addAction(Handle h, String crimeId, String description, String owner, LocalDate due, String by,
                          LocalDateTime at) {
        return h.createQuery("""
                        insert into investigation_action (crime_id, description, owner_username, due_date, created_by, created_at)
                        values (:crime, :description, :owner, :due, :by, :at) returning id""")
                .bind("crime", crimeId).bind("description", description).bind("owner", owner).bind("due", due)
                .bind("by", by).bind("at", at).mapTo(Long.class).one();
    }

    /** Completes an open action of the crime; false when there is no such open action. */
    public boolean completeAction(Handle h, String crimeId, long actionId, String by, LocalDateTime at, String note) {
        return h.createUpdate("""
                        update investigation_action set completed_at = :at, completed_by = :by, completion_note = :note
                        where id = :id and crime_id = :crime and completed_at is null""")
                .bind("at", at).bind("by", by).bind("note", note).bind("id", actionId).bind("crime", crimeId)
                .execute() == 1;
    }

    /** Whether an account with this username exists. */
    public boolean userExists(String username) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from app_user where username = :u").bind("u", username)
                .mapTo(Long.class).one() > 0);
    }
}
