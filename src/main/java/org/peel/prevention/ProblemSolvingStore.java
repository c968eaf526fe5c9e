package org.peel.prevention;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.BadInput;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for problem-solving cases, their linked incidents and their actions. */
public final class ProblemSolvingStore {

    private static final String CASE_COLUMNS = """
            id, title, subject_type, subject, borough_code, ward_code, stage, scan_notes, analysis_notes,
            response_notes, assessment_notes, response_started, opened_at, opened_by
            """;

    private final Jdbi jdbi;

    public ProblemSolvingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Opens a case at the scan stage; returns its id. */
    public String open(Handle h, String title, ProblemCase.SubjectType type, String subject, String boroughCode,
                       String wardCode, String scanNotes, String openedBy) {
        long n = h.createQuery("select nextval('problem_case_number')").mapTo(Long.class).one();
        String id = "PS-" + n;
        h.createUpdate("""
                        insert into problem_case (id, title, subject_type, subject, borough_code, ward_code, stage,
                            scan_notes, opened_by)
                        values (:id, :title, :type, :subject, :borough, :ward, 'scan', :notes, :by)""")
                .bind("id", id).bind("title", title).bind("type", type.code()).bind("subject", subject)
                .bind("borough", boroughCode).bind("ward", wardCode).bind("notes", scanNotes).bind("by", openedBy)
                .execute();
        return id;
    }

    public Optional<ProblemCase> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + CASE_COLUMNS + " from problem_case where id = :id")
                .bind("id", id).map((rs, ctx) -> problemCase(rs)).findOne());
    }

    /** Cases not closed in a borough (force-wide when null), newest first. */
    public List<ProblemCase> openCases(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("select " + CASE_COLUMNS + """
                         from problem_case
                        where stage <> 'closed' and (cast(:borough as text) is null or borough_code = :borough)
                        order by opened_at desc""")
                .bind("borough", boroughCode).map((rs, ctx) -> problemCase(rs)).list());
    }

    /** Cases not closed in a ward. */
    public List<ProblemCase> openCasesInWard(String wardCode) {
        return jdbi.withHandle(h -> h.createQuery("select " + CASE_COLUMNS + """
                         from problem_case where stage <> 'closed' and ward_code = :ward order by opened_at desc""")
                .bind("ward", wardCode).map((rs, ctx) -> problemCase(rs)).list());
    }

    /** Saves the notes of the case's current stage and moves it to the next; the response's start when it begins. */
    public void advance(Handle h, ProblemCase c, String notes, LocalDate responseStarted) {
        String column = switch (c.stage()) {
            case SCAN -> "scan_notes";
            case ANALYSE -> "analysis_notes";
            case RESPOND -> "response_notes";
            case ASSESS -> "assessment_notes";
            case CLOSED -> throw BadInput.field("stage", "The case is closed");
        };
        SaraStage next = c.stage().next();
        h.createUpdate("update problem_case set " + column + " = :notes, stage = :next,"
                        + " response_started = coalesce(:started, response_started) where id = :id")
                .bind("notes", notes).bind("next", next.code())
                .bind("started", next == SaraStage.RESPOND ? responseStarted : null)
                .bind("id", c.id()).execute();
    }

    /** Links an incident in the case's borough; refuses one that does not exist or lies elsewhere. */
    public void linkIncident(Handle h, ProblemCase c, String incidentId, String by) {
        Optional<String> borough = h.createQuery("select borough_code from asb_incident where id = :id")
                .bind("id", incidentId).mapTo(String.class).findOne();
        if (borough.isEmpty()) {
            throw BadInput.field("incidentId", "There is no ASB incident " + incidentId);
        }
        if (!borough.get().equals(c.boroughCode())) {
            throw BadInput.field("incidentId", "Incident " + incidentId + " is in another borough");
        }
        h.createUpdate("""
                        insert into problem_case_incident (case_id, asb_incident_id, linked_by)
                        values (:case, :incident, :by) on conflict do nothing""")
                .bind("case", c.id()).bind("incident", incidentId).bind("by", by).execute();
    }

    public List<AsbHistory.Incident> linkedIncidents(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.reported_at, a.category, a.sub_type, a.ward_code, a.location_text
                        from problem_case_incident l join asb_incident a on a.id = l.asb_incident_id
                        where l.case_id = :case order by a.reported_at desc""")
                .bind("case", caseId)
                .map((rs, ctx) -> new AsbHistory.Incident(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), null, "linked"))
                .list());
    }

    /** When the incidents the assess step compares were reported: the ward's for a ward problem, else those linked. */
    public List<LocalDateTime> incidentTimes(ProblemCase c, LocalDateTime from, LocalDateTime to) {
        if (c.subjectType() == ProblemCase.SubjectType.WARD && c.wardCode() != null) {
            return jdbi.withHandle(h -> h.createQuery("""
                            select reported_at from asb_incident
                            where ward_code = :ward and reported_at >= :from and reported_at < :to""")
                    .bind("ward", c.wardCode()).bind("from", from).bind("to", to).mapTo(LocalDateTime.class).list());
        }
        return linkedIncidents(c.id()).stream().map(AsbHistory.Incident::reportedAt).toList();
    }

    public long addAction(Handle h, String caseId, String description, String agency, String owner, LocalDate due,
                          String by) {
        return h.createUpdate("""
                        insert into problem_case_action (case_id, description, agency, owner, due_date, created_by)
                        values (:case, :description, :agency, :owner, :due, :by)""")
                .bind("case", caseId).bind("description", description).bind("agency", agency).bind("owner", owner)
                .bind("due", due).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void completeAction(Handle h, String caseId, long actionId) {
        int n = h.createUpdate("""
                        update problem_case_action set done_at = now()
                        where id = :id and case_id = :case and done_at is null""")
                .bind("id", actionId).bind("case", caseId).execute();
        if (n == 0) {
            throw BadInput.field("action", "No open action " + actionId + " on case " + caseId);
        }
    }

    public List<ProblemCase.Action> actions(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, description, agency, owner, due_date, done_at, created_by
                        from problem_case_action where case_id = :case order by due_date, id""")
                .bind("case", caseId)
                .map((rs, ctx) -> new ProblemCase.Action(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list());
    }

    private static ProblemCase problemCase(ResultSet rs) throws SQLException {
        return new ProblemCase(rs.getString("id"), rs.getString("title"),
                ProblemCase.SubjectType.valueOf(rs.getString("subject_type").toUpperCase()), rs.getString("subject"),
                rs.getString("borough_code"), rs.getString("ward_code"), SaraStage.fromCode(rs.getString("stage")),
                rs.getString("scan_notes"), rs.getString("analysis_notes"), rs.getString("response_notes"),
                rs.getString("assessment_notes"),
                rs.getDate("response_started") == null ? null : rs.getDate("response_started").toLocalDate(),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"));
    }
}
