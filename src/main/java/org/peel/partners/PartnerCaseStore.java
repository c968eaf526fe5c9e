package org.peel.partners;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.SharedRecord;
import org.peel.access.User;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Multi-agency cases (ASB case reviews, ASB MARAC, complex case panels), their parties and actions per agency. */
public final class PartnerCaseStore {

    /** A case as the force holds it. */
    public record PartnerCase(String id, String kind, String title, String boroughCode, String wardCode,
                              String summary, String subjectName, String subjectPhone, String risk,
                              String agreementId, LocalDate openedOn, LocalDate meetingOn, String recommendations,
                              Boolean thresholdMet, String thresholdReason, List<String> parties,
                              List<Action> actions) {

        public String kindTitle() {
            return switch (kind) {
                case "asb-case-review" -> "ASB case review";
                case "asb-marac" -> "ASB MARAC";
                default -> "Complex case panel";
            };
        }

        /** The case as offered to a share: each field under the category of data it is. */
        public SharedRecord offered() {
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("kind", kindTitle());
            incident.put("title", title);
            incident.put("ward_code", wardCode);
            incident.put("summary", summary);
            incident.put("opened_on", openedOn);
            incident.put("meeting_on", meetingOn);
            incident.put("recommendations", recommendations);
            SharedRecord r = SharedRecord.of("partner_case", id).with(DataCategory.INCIDENT, incident);
            if (subjectName != null) {
                r = r.with(DataCategory.IDENTITY, Map.of("subject_name", subjectName));
            }
            if (subjectPhone != null) {
                r = r.with(DataCategory.CONTACT, Map.of("subject_phone", subjectPhone));
            }
            if (risk != null) {
                r = r.with(DataCategory.VULNERABILITY, Map.of("risk", risk));
            }
            return r;
        }
    }

    /** An action one agency takes on a case: its status (open, in-progress, completed, cannot-complete) and note. */
    public record Action(long id, String organisationId, String action, LocalDate dueOn, LocalDate doneOn,
                         String status, String note) {

        public static final java.util.List<String> STATUSES = java.util.List.of("open", "in-progress", "completed",
                "cannot-complete");

        /** A new action: open, or completed when it has its done date. */
        public Action(long id, String organisationId, String action, LocalDate dueOn, LocalDate doneOn) {
            this(id, organisationId, action, dueOn, doneOn, doneOn == null ? "open" : "completed", null);
        }

        public String statusLabel() {
            return label(status);
        }

        /** A status as people read it: "In progress". */
        public static String label(String status) {
            return switch (status) {
                case "in-progress" -> "In progress";
                case "completed" -> "Completed";
                case "cannot-complete" -> "Cannot be completed";
                default -> "Open";
            };
        }
    }

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public PartnerCaseStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public void open(User by, PartnerCase c) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into partner_case (id, kind, title, borough_code, ward_code, summary, subject_name,
                                                      subject_phone, risk, agreement_id, opened_on, meeting_on,
                                                      recommendations, threshold_met, threshold_reason, created_by)
                            values (:id, :kind, :title, :borough, :ward, :summary, :name, :phone, :risk, :agreement,
                                    :opened, :meeting, :recs, :met, :reason, :by)""")
                    .bind("id", c.id()).bind("kind", c.kind()).bind("title", c.title())
                    .bind("borough", c.boroughCode()).bind("ward", c.wardCode()).bind("summary", c.summary())
                    .bind("name", c.subjectName()).bind("phone", c.subjectPhone()).bind("risk", c.risk())
                    .bind("agreement", c.agreementId()).bind("opened", c.openedOn()).bind("meeting", c.meetingOn())
                    .bind("recs", c.recommendations()).bind("met", c.thresholdMet())
                    .bind("reason", c.thresholdReason()).bind("by", by == null ? "system" : by.username()).execute();
            for (String party : c.parties()) {
                h.createUpdate("insert into partner_case_party (case_id, organisation_id) values (:c, :o)")
                        .bind("c", c.id()).bind("o", party).execute();
            }
            for (Action a : c.actions()) {
                h.createUpdate("""
                                insert into partner_case_action (case_id, organisation_id, action, due_on, done_on,
                                                                 status, note, created_by)
                                values (:c, :o, :a, :due, :done, :status, :note, :by)""")
                        .bind("c", c.id()).bind("o", a.organisationId()).bind("a", a.action())
                        .bind("status", a.status()).bind("note", a.note())
                        .bind("due", a.dueOn()).bind("done", a.doneOn())
                        .bind("by", by == null ? "system" : by.username()).execute();
            }
            audit.record(h, AuditEvent.by(by, "partner-case-open", "partner_case", c.id(), AuditEvent.SUCCESS));
        });
    }

    public Optional<PartnerCase> find(String id) {
        return list("where c.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Cases one organisation is a party to, newest first. */
    public List<PartnerCase> sharedWith(String organisationId) {
        return list("where exists (select 1 from partner_case_party p where p.case_id = c.id and p.organisation_id = :o)",
                Map.of("o", organisationId));
    }

    /** Every case, newest first; in one borough when {@code borough} is not null. */
    public List<PartnerCase> all(String borough) {
        return borough == null ? list("", Map.of()) : list("where c.borough_code = :b", Map.of("b", borough));
    }

    /**
     * Which cases the list shows: in a borough (null: any), with an agency among the parties (null: any), of a kind
     * (null: any), open or closed (null: both); for a partner, only cases its organisation is party to under one of
     * {@code agreements} (null: no such fence, for the force's own staff).
     */
    public record CaseFilter(String borough, String agency, String kind, Boolean open, String partyOf,
                             List<String> agreements, LocalDate today) {

        public String[] agreementIds() {
            return agreements == null ? null : agreements.toArray(String[]::new);
        }
    }

    private static final String CASE_FILTER = """
             where (cast(:borough as text) is null or c.borough_code = :borough)
               and (cast(:agency as text) is null or exists (select 1 from partner_case_party p
                                                            where p.case_id = c.id and p.organisation_id = :agency))
               and (cast(:kind as text) is null or c.kind = :kind)
               and (cast(:open as boolean) is null or (c.closed_on is null) = :open)
               and (cast(:partyOf as text) is null or exists (select 1 from partner_case_party p
                                                             where p.case_id = c.id and p.organisation_id = :partyOf))
               and (cast(:agreementIds as text[]) is null or c.agreement_id = any(:agreementIds))
            """;

    public long count(CaseFilter f) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from partner_case c" + CASE_FILTER)
                .bindMethods(f).mapTo(Long.class).one());
    }

    /**
     * One page of cases, the most pressing first: open before closed, then the soonest meeting still to come, then
     * the newest.
     */
    public List<PartnerCase> page(CaseFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> {
            List<String> ids = h.createQuery("select c.id from partner_case c" + CASE_FILTER + """
                             order by c.closed_on is null desc,
                                      case when c.meeting_on >= :today then c.meeting_on end nulls last,
                                      c.opened_on desc, c.id
                             limit :limit offset :offset""")
                    .bindMethods(f).bind("limit", limit).bind("offset", offset).mapTo(String.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<String, PartnerCase> byId = new LinkedHashMap<>();
            list("where c.id = any(:ids)", Map.of("ids", ids.toArray(String[]::new)))
                    .forEach(c -> byId.put(c.id(), c));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    /** ASB case reviews applied for in a year, and how many met the threshold: the figures a force publishes. */
    public Map<String, Integer> caseReviewFigures(int year) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) as applications,
                               count(*) filter (where threshold_met) as threshold_met,
                               count(*) filter (where meeting_on is not null) as reviews_held,
                               count(*) filter (where recommendations is not null) as with_recommendations
                        from partner_case
                        where kind = 'asb-case-review' and extract(year from coalesce(applied_on, opened_on)) = :y""")
                .bind("y", year)
                .map((rs, ctx) -> {
                    Map<String, Integer> m = new LinkedHashMap<>();
                    m.put("applications", rs.getInt("applications"));
                    m.put("threshold_met", rs.getInt("threshold_met"));
                    m.put("reviews_held", rs.getInt("reviews_held"));
                    m.put("with_recommendations", rs.getInt("with_recommendations"));
                    return m;
                }).one());
    }

    private List<PartnerCase> list(String where, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                    select c.*, coalesce(array(select p.organisation_id from partner_case_party p
                                               where p.case_id = c.id order by 1), '{}') as parties
                    from partner_case c
                    """ + where + " order by c.opened_on desc, c.id");
            binds.forEach(q::bind);
            List<PartnerCase> cases = q.map((rs, ctx) -> new PartnerCase(rs.getString("id"), rs.getString("kind"),
                    rs.getString("title"), rs.getString("borough_code"), rs.getString("ward_code"),
                    rs.getString("summary"), rs.getString("subject_name"), rs.getString("subject_phone"),
                    rs.getString("risk"), rs.getString("agreement_id"), rs.getObject("opened_on", LocalDate.class),
                    rs.getObject("meeting_on", LocalDate.class), rs.getString("recommendations"),
                    (Boolean) rs.getObject("threshold_met"), rs.getString("threshold_reason"),
                    List.of((String[]) rs.getArray("parties").getArray()), List.of())).list();
            List<PartnerCase> out = new ArrayList<>();
            for (PartnerCase c : cases) {
                List<Action> actions = h.createQuery("""
                                select id, organisation_id, action, due_on, done_on, status, note
                                from partner_case_action
                                where case_id = :c order by due_on nulls last, id""")
                        .bind("c", c.id())
                        .map((rs, ctx) -> new Action(rs.getLong("id"), rs.getString("organisation_id"),
                                rs.getString("action"), rs.getObject("due_on", LocalDate.class),
                                rs.getObject("done_on", LocalDate.class), rs.getString("status"),
                                rs.getString("note"))).list();
                out.add(new PartnerCase(c.id(), c.kind(), c.title(), c.boroughCode(), c.wardCode(), c.summary(),
                        c.subjectName(), c.subjectPhone(), c.risk(), c.agreementId(), c.openedOn(), c.meetingOn(),
                        c.recommendations(), c.thresholdMet(), c.thresholdReason(), c.parties(), actions));
            }
            return out;
        });
    }
}
