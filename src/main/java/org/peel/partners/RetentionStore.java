package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MoPI review over the records Peel holds, read only through the capabilities' published views (crimes from
 * investigation, ASB incidents from prevention, domestic abuse incidents and missing reports from vulnerability,
 * offenders from offenders, gangs matrix nominals from organised crime) and this capability's own multi-agency
 * cases, with the reviews, holds and tombstones this capability keeps.
 */
public final class RetentionStore {

    /** Record kinds under review, as {@code record_type} names them. */
    public static final String CRIME = "crime";
    public static final String ASB_INCIDENT = "asb_incident";
    public static final String DOMESTIC_ABUSE_INCIDENT = "domestic_abuse_incident";
    public static final String MISSING_EPISODE = "missing_episode";
    public static final String OFFENDER = "offender";
    public static final String GANG_NOMINAL = "gang_nominal";
    public static final String PARTNER_CASE = "partner_case";

    /** Kinds of hold, as {@code retention_hold.kind} names them. */
    public static final List<String> HOLD_KINDS = List.of("legal-proceedings", "inquiry", "complaint", "other");

    /**
     * Each record kind's disposal, published by the capability that holds it as a SQL function: it erases the
     * record's personal data, refuses a held record, and returns how many rows it erased.
     */
    static final Map<String, String> DISPOSAL = Map.of(
            CRIME, "investigation_crime_disposal_published",
            ASB_INCIDENT, "prevention_asb_incident_disposal_published",
            DOMESTIC_ABUSE_INCIDENT, "vulnerability_domestic_abuse_incident_disposal_published",
            MISSING_EPISODE, "vulnerability_missing_episode_disposal_published",
            OFFENDER, "offenders_offender_disposal_published",
            GANG_NOMINAL, "organisedcrime_gang_nominal_disposal_published",
            PARTNER_CASE, "partners_partner_case_disposal_published");

    /** The record kinds in words, for pages and messages. */
    public static final Map<String, String> KIND_NAMES = Map.of(
            CRIME, "Crime", ASB_INCIDENT, "ASB incident", DOMESTIC_ABUSE_INCIDENT, "Domestic abuse incident",
            MISSING_EPISODE, "Missing report", OFFENDER, "Offender", GANG_NOMINAL, "Gangs matrix nominal",
            PARTNER_CASE, "Multi-agency case");

    /** A hold on a record: no review may dispose of it while it stands. */
    public record Hold(long id, String recordType, String recordId, String kind, String reason, LocalDate placedOn) {
    }


    /** A disposed record's tombstone. */
    public record Tombstone(String recordType, String recordId, int mopiGroup, LocalDate disposedOn, String reason) {
    }

    // The subject's later offending: crimes recorded later with a person of this crime's suspects as suspect.
    private static final String CRIMES = """
            with suspect as (
                select r.source_id as crime_id, l.person_id
                from person_record r
                join person_link l on l.person_record_id = r.seq and l.ended_at is null
                where r.source_type = 'crime' and r.role = 'suspect'
            ),
            later as (
                select s.crime_id, max((c2.recorded_at at time zone 'Europe/London')::date) as later_on
                from suspect s
                join suspect s2 on s2.person_id = s.person_id and s2.crime_id <> s.crime_id
                join investigation_crime_published c2 on c2.id = s2.crime_id
                group by s.crime_id
            ),
            reviewed as (
                select record_id, max(reviewed_on) as reviewed_on from retention_review
                where record_type = 'crime' and decision = 'retain' group by record_id
            )
            select c.id, c.offence_group, c.domestic_abuse, (c.recorded_at at time zone 'Europe/London')::date as recorded_on,
                   v.reviewed_on, l.later_on
            from investigation_crime_published c
            left join later l on l.crime_id = c.id
            left join reviewed v on v.record_id = c.id
            where not exists (select 1 from retention_tombstone t where t.record_type = 'crime' and t.record_id = c.id)
              and not exists (select 1 from retention_hold h where h.record_type = 'crime' and h.record_id = c.id
                              and h.lifted_on is null)
            """;

    private static final String ASB = """
            with reviewed as (
                select record_id, max(reviewed_on) as reviewed_on from retention_review
                where record_type = 'asb_incident' and decision = 'retain' group by record_id
            )
            select a.id, (a.reported_at at time zone 'Europe/London')::date as recorded_on, v.reviewed_on
            from prevention_asb_incident_published a
            left join reviewed v on v.record_id = a.id
            where not exists (select 1 from retention_tombstone t where t.record_type = 'asb_incident'
                              and t.record_id = a.id)
              and not exists (select 1 from retention_hold h where h.record_type = 'asb_incident'
                              and h.record_id = a.id and h.lifted_on is null)
            """;

    private static final String NOT_DISPOSED_NOR_HELD = """
              and not exists (select 1 from retention_tombstone t where t.record_type = :type
                              and t.record_id = %1$s)
              and not exists (select 1 from retention_hold h where h.record_type = :type and h.record_id = %1$s
                              and h.lifted_on is null)
            """;

    private static final String VULNERABILITY = """
            select v.record_type, v.record_id, v.last_active_on, v.basis from vulnerability_retention_published v
            where v.record_type = :type
            """ + NOT_DISPOSED_NOR_HELD.formatted("v.record_id");

    private static final String OFFENDERS = """
            select o.record_id, o.last_active_on, o.mappa, o.offence_groups from offenders_retention_published o
            where true
            """ + NOT_DISPOSED_NOR_HELD.formatted("o.record_id");

    private static final String GANGS = """
            select g.record_id, g.last_active_on, g.included from organisedcrime_retention_published g
            where true
            """ + NOT_DISPOSED_NOR_HELD.formatted("g.record_id");

    private static final String CASES = """
            select c.id, greatest(c.opened_on, c.meeting_on, c.closed_on) as last_active_on from partner_case c
            where true
            """ + NOT_DISPOSED_NOR_HELD.formatted("c.id");

    // The latest review that kept each record, with any next review date its reviewer set.
    private static final String LATEST_RETAIN = """
            select distinct on (record_type, record_id) record_type, record_id, reviewed_on, next_review_on
            from retention_review where decision = 'retain'
            order by record_type, record_id, reviewed_on desc, id desc
            """;

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final RetentionSettings settings;

    public RetentionStore(Jdbi jdbi, AuditTrail audit, RetentionSettings settings) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.settings = settings;
    }

    /** Every record neither disposed of nor held, with its facts for review. */
    public List<MopiReview.Facts> facts() {
        return jdbi.withHandle(h -> {
            Map<String, LocalDate[]> kept = new HashMap<>();
            h.createQuery(LATEST_RETAIN).map((rs, ctx) -> Map.entry(rs.getString("record_type") + "|"
                            + rs.getString("record_id"), new LocalDate[]{rs.getObject("reviewed_on", LocalDate.class),
                            rs.getObject("next_review_on", LocalDate.class)}))
                    .forEach(e -> kept.put(e.getKey(), e.getValue()));
            List<MopiReview.Facts> out = new ArrayList<>(h.createQuery(CRIMES)
                    .map((rs, ctx) -> new MopiReview.Facts(CRIME, rs.getString("id"), rs.getString("offence_group"),
                            rs.getBoolean("domestic_abuse"), rs.getObject("recorded_on", LocalDate.class),
                            rs.getObject("reviewed_on", LocalDate.class), rs.getObject("later_on", LocalDate.class)))
                    .list());
            out.addAll(h.createQuery(ASB)
                    .map((rs, ctx) -> new MopiReview.Facts(ASB_INCIDENT, rs.getString("id"), null, false,
                            rs.getObject("recorded_on", LocalDate.class), rs.getObject("reviewed_on", LocalDate.class),
                            null))
                    .list());
            for (String type : List.of(DOMESTIC_ABUSE_INCIDENT, MISSING_EPISODE)) {
                out.addAll(h.createQuery(VULNERABILITY).bind("type", type)
                        .map((rs, ctx) -> kindFacts(type, rs.getString("record_id"),
                                rs.getObject("last_active_on", LocalDate.class), kept,
                                type.equals(DOMESTIC_ABUSE_INCIDENT) ? MopiReview.domesticAbuseIncident()
                                        : MopiReview.missingReport("missing child".equals(rs.getString("basis")))))
                        .list());
            }
            out.addAll(h.createQuery(OFFENDERS).bind("type", OFFENDER)
                    .map((rs, ctx) -> kindFacts(OFFENDER, rs.getString("record_id"),
                            rs.getObject("last_active_on", LocalDate.class), kept,
                            MopiReview.offender(rs.getBoolean("mappa"),
                                    List.of((String[]) rs.getArray("offence_groups").getArray()))))
                    .list());
            out.addAll(h.createQuery(GANGS).bind("type", GANG_NOMINAL)
                    .map((rs, ctx) -> kindFacts(GANG_NOMINAL, rs.getString("record_id"),
                            rs.getObject("last_active_on", LocalDate.class), kept,
                            MopiReview.gangNominal(rs.getBoolean("included"))))
                    .list());
            out.addAll(h.createQuery(CASES).bind("type", PARTNER_CASE)
                    .map((rs, ctx) -> kindFacts(PARTNER_CASE, rs.getString("id"),
                            rs.getObject("last_active_on", LocalDate.class), kept, MopiReview.partnerCase()))
                    .list());
            return out.stream().map(f -> {
                LocalDate[] k = kept.get(f.recordType() + "|" + f.recordId());
                // the next review a reviewer set stands only while that review is the latest that kept the record
                return k != null && k[1] != null && k[0].equals(f.lastReviewedOn()) ? f.withNextReview(k[1]) : f;
            }).toList();
        });
    }

    private static MopiReview.Facts kindFacts(String type, String id, LocalDate lastActive,
                                              Map<String, LocalDate[]> kept, MopiReview.KindGroup group) {
        LocalDate[] k = kept.get(type + "|" + id);
        return new MopiReview.Facts(type, id, null, false, lastActive, k == null ? null : k[0], null, group.group(),
                group.basis(), null);
    }

    /** One record's facts for review, if it is held by neither a tombstone nor a hold. */
    public Optional<MopiReview.Facts> facts(String recordType, String recordId) {
        return facts().stream().filter(f -> f.recordType().equals(recordType) && f.recordId().equals(recordId))
                .findFirst();
    }

    /** The holds standing now, oldest first. */
    public List<Hold> standingHolds() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, record_type, record_id, kind, reason, placed_on from retention_hold
                        where lifted_on is null order by placed_on, id""")
                .map((rs, ctx) -> new Hold(rs.getLong("id"), rs.getString("record_type"), rs.getString("record_id"),
                        rs.getString("kind"), rs.getString("reason"), rs.getObject("placed_on", LocalDate.class)))
                .list());
    }

    /** The hold standing on a record, if any. */
    public Optional<Hold> holdOn(String recordType, String recordId) {
        return jdbi.withHandle(h -> holdOn(h, recordType, recordId));
    }

    /** A hold by its number, standing or lifted. */
    public Optional<Hold> hold(long holdId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, record_type, record_id, kind, reason, placed_on from retention_hold where id = :id""")
                .bind("id", holdId)
                .map((rs, ctx) -> new Hold(rs.getLong("id"), rs.getString("record_type"), rs.getString("record_id"),
                        rs.getString("kind"), rs.getString("reason"), rs.getObject("placed_on", LocalDate.class)))
                .findOne());
    }

    /** The records due for review on a day (review date on or before it), the longest overdue first. */
    public List<MopiReview.Due> due(LocalDate asOf) {
        return facts().stream().map(f -> MopiReview.due(f, settings))
                .filter(d -> !d.reviewDue().isAfter(asOf))
                .sorted(Comparator.comparing(MopiReview.Due::reviewDue).thenComparing(d -> d.group().number())
                        .thenComparing(MopiReview.Due::recordType).thenComparing(MopiReview.Due::recordId))
                .toList();
    }

    /** One record's current review, if it is held by neither a tombstone nor a hold. */
    public Optional<MopiReview.Due> current(String recordType, String recordId) {
        return facts().stream().filter(f -> f.recordType().equals(recordType) && f.recordId().equals(recordId))
                .findFirst().map(f -> MopiReview.due(f, settings));
    }

    /**
     * Records a review's decision with its reason. Retain: the record's next review runs from today. Dispose: the
     * capability holding the record erases its personal data (its published disposal function), and only an audited
     * tombstone says it was there, all in one transaction. A record on hold or already disposed of is
     * refused, and the refusal audited.
     */
    public void decide(User by, String recordType, String recordId, boolean retain, String reason, LocalDate today) {
        decide(by, recordType, recordId, retain, reason, null, today);
    }

    /**
     * As {@link #decide(User, String, String, boolean, String, LocalDate)}, where a decision to retain may set the
     * next review date (null: the group's period from today); a date the rule refuses
     * ({@link MopiReview#nextReviewRefusals}) is refused here too.
     */
    public void decide(User by, String recordType, String recordId, boolean retain, String reason,
                       LocalDate nextReview, LocalDate today) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a review decision needs its reason");
        }
        knownType(recordType);
        if (nextReview != null && !retain) {
            throw new IllegalArgumentException("a next review date goes with a decision to retain, not to dispose");
        }
        Optional<Hold> hold = jdbi.withHandle(h -> holdOn(h, recordType, recordId));
        if (hold.isPresent()) {
            // the refusal is audited in its own transaction: nothing else is written
            audit.record(AuditEvent.by(by, "retention-review", recordType, recordId, AuditEvent.DENIED)
                    .detail("on hold " + hold.get().id()));
            throw new IllegalArgumentException(recordType + " " + recordId + " is on hold ("
                    + hold.get().kind() + ") and cannot be reviewed for disposal until the hold is lifted");
        }
        try {
            jdbi.useTransaction(h -> {
                if (holdOn(h, recordType, recordId).isPresent()) {
                    throw new IllegalStateException(recordType + " " + recordId + " was put on hold meanwhile");
                }
                if (tombstone(h, recordType, recordId).isPresent()) {
                    throw new IllegalArgumentException(recordType + " " + recordId + " has already been disposed of");
                }
                MopiReview.Due due = current(recordType, recordId)
                        .orElseThrow(() -> new IllegalArgumentException("there is no " + recordType + " " + recordId));
                if (nextReview != null) {
                    List<String> refused = MopiReview.nextReviewRefusals(due.group(), today, nextReview, settings);
                    if (!refused.isEmpty()) {
                        throw new IllegalArgumentException(refused.get(0));
                    }
                }
                long review = h.createUpdate("""
                                insert into retention_review (record_type, record_id, mopi_group, decision, reason,
                                                              reviewed_on, reviewed_by, next_review_on)
                                values (:type, :id, :group, :decision, :reason, :on, :by, :next)""")
                        .bind("type", recordType).bind("id", recordId).bind("group", due.group().number())
                        .bind("decision", retain ? "retain" : "dispose").bind("reason", reason).bind("on", today)
                        .bind("by", actor(by)).bind("next", nextReview)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                int erased = 0;
                if (!retain) {
                    // the owning capability's published disposal erases the personal data in this same transaction
                    erased = h.createQuery("select " + DISPOSAL.get(recordType) + "(:id)").bind("id", recordId)
                            .mapTo(Integer.class).one();
                    h.createUpdate("""
                                    insert into retention_tombstone (record_type, record_id, mopi_group, disposed_on,
                                                                     disposed_by, reason, review_id, decision,
                                                                     rows_erased)
                                    values (:type, :id, :group, :on, :by, :reason, :review, 'dispose', :erased)""")
                            .bind("type", recordType).bind("id", recordId).bind("group", due.group().number())
                            .bind("on", today).bind("by", actor(by)).bind("reason", reason).bind("review", review)
                            .bind("erased", erased).execute();
                }
                audit.record(h, AuditEvent.by(by, retain ? "retention-retain" : "retention-dispose", recordType,
                        recordId, AuditEvent.SUCCESS).detail("MoPI group " + due.group().number() + ", review "
                        + review + (retain ? nextReview == null ? "" : ", next review " + nextReview
                        : ", " + erased + " rows of personal data erased")));
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException ex) {
            if (ex.getCause() instanceof java.sql.SQLException sql && "P0003".equals(sql.getSQLState())) {
                // the owning capability's disposal refused a record on hold: nothing was written; the refusal is audited alone
                audit.record(AuditEvent.by(by, "retention-review", recordType, recordId, AuditEvent.DENIED)
                        .detail("refused by the disposal: on hold"));
                throw new IllegalArgumentException(recordType + " " + recordId
                        + " is on hold and cannot be disposed of until the hold is lifted");
            }
            throw ex;
        }
    }

    /** Places a hold for legal proceedings, an inquiry or a complaint. */
    public long hold(User by, String recordType, String recordId, String kind, String reason, LocalDate today) {
        knownType(recordType);
        if (!HOLD_KINDS.contains(kind)) {
            throw new IllegalArgumentException("a hold's kind is " + String.join(", ", HOLD_KINDS) + ", not '"
                    + kind + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hold needs its reason");
        }
        return jdbi.inTransaction(h -> {
            if (tombstone(h, recordType, recordId).isPresent()) {
                throw new IllegalArgumentException(recordType + " " + recordId + " has already been disposed of");
            }
            long id = h.createUpdate("""
                            insert into retention_hold (record_type, record_id, kind, reason, placed_on, placed_by)
                            values (:type, :id, :kind, :reason, :on, :by)""")
                    .bind("type", recordType).bind("id", recordId).bind("kind", kind).bind("reason", reason)
                    .bind("on", today).bind("by", actor(by))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, AuditEvent.by(by, "retention-hold", recordType, recordId, AuditEvent.SUCCESS)
                    .detail("hold " + id + " (" + kind + ")"));
            return id;
        });
    }

    /**
     * Lifts a standing hold with its reason, audited in the same transaction against the record it held. The record
     * returns to the review queue at its review date.
     */
    public Hold lift(User by, long holdId, String reason, LocalDate today) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("lifting a hold needs its reason");
        }
        return jdbi.inTransaction(h -> {
            Hold held = h.createQuery("""
                            update retention_hold set lifted_on = :on, lifted_by = :by, lift_reason = :reason
                            where id = :id and lifted_on is null
                            returning id, record_type, record_id, kind, reason, placed_on""")
                    .bind("on", today).bind("by", actor(by)).bind("reason", reason).bind("id", holdId)
                    .map((rs, ctx) -> new Hold(rs.getLong("id"), rs.getString("record_type"),
                            rs.getString("record_id"), rs.getString("kind"), rs.getString("reason"),
                            rs.getObject("placed_on", LocalDate.class)))
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("there is no standing hold " + holdId));
            audit.record(h, AuditEvent.by(by, "retention-hold-lift", held.recordType(), held.recordId(),
                    AuditEvent.SUCCESS).detail("hold " + holdId + " (" + held.kind() + ") lifted"));
            return held;
        });
    }

    private static void knownType(String recordType) {
        if (!DISPOSAL.containsKey(recordType)) {
            throw new IllegalArgumentException("records reviewed under MoPI are " + String.join(", ",
                    DISPOSAL.keySet().stream().sorted().toList()) + ", not '" + recordType + "'");
        }
    }

    public Optional<Tombstone> tombstone(String recordType, String recordId) {
        return jdbi.withHandle(h -> tombstone(h, recordType, recordId));
    }

    /** Whether a record has been disposed of: what subject access and the partner views leave out. */
    public boolean disposed(String recordType, String recordId) {
        return tombstone(recordType, recordId).isPresent();
    }

    private static Optional<Tombstone> tombstone(Handle h, String recordType, String recordId) {
        return h.createQuery("""
                        select record_type, record_id, mopi_group, disposed_on, reason from retention_tombstone
                        where record_type = :type and record_id = :id""")
                .bind("type", recordType).bind("id", recordId)
                .map((rs, ctx) -> new Tombstone(rs.getString("record_type"), rs.getString("record_id"),
                        rs.getInt("mopi_group"), rs.getObject("disposed_on", LocalDate.class), rs.getString("reason")))
                .findOne();
    }

    private static Optional<Hold> holdOn(Handle h, String recordType, String recordId) {
        return h.createQuery("""
                        select id, record_type, record_id, kind, reason, placed_on from retention_hold
                        where record_type = :type and record_id = :id and lifted_on is null order by id limit 1""")
                .bind("type", recordType).bind("id", recordId)
                .map((rs, ctx) -> new Hold(rs.getLong("id"), rs.getString("record_type"), rs.getString("record_id"),
                        rs.getString("kind"), rs.getString("reason"), rs.getObject("placed_on", LocalDate.class)))
                .findOne();
    }

    /** Who acted: the signed-in user, or the command line (run by an operator with the database's credentials). */
    private static String actor(User by) {
        return by == null ? "command line" : by.username();
    }
}
