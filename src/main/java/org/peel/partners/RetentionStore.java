package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MoPI review over the records Peel holds, read only through the capabilities' published views (crimes from
 * investigation, ASB incidents from prevention), with the reviews, holds and tombstones this capability keeps.
 */
public final class RetentionStore {

    /** Record kinds under review, as {@code record_type} names them. */
    public static final String CRIME = "crime";
    public static final String ASB_INCIDENT = "asb_incident";

    /**
     * Each record kind's disposal, published by the capability that holds it as a SQL function: it erases the
     * record's personal data and returns how many rows it erased.
     */
    static final Map<String, String> DISPOSAL = Map.of(
            CRIME, "investigation_crime_disposal_published",
            ASB_INCIDENT, "prevention_asb_incident_disposal_published");

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
            return out;
        });
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
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a review decision needs its reason");
        }
        if (!DISPOSAL.containsKey(recordType)) {
            throw new IllegalArgumentException("records reviewed under MoPI are " + String.join(" or ",
                    DISPOSAL.keySet().stream().sorted().toList()) + ", not '" + recordType + "'");
        }
        Optional<Hold> hold = jdbi.withHandle(h -> holdOn(h, recordType, recordId));
        if (hold.isPresent()) {
            // the refusal is audited in its own transaction: nothing else is written
            audit.record(AuditEvent.by(by, "retention-review", recordType, recordId, AuditEvent.DENIED)
                    .detail("on hold " + hold.get().id()));
            throw new IllegalArgumentException(recordType + " " + recordId + " is on hold ("
                    + hold.get().kind() + ") and cannot be reviewed for disposal until the hold is lifted");
        }
        jdbi.useTransaction(h -> {
            if (holdOn(h, recordType, recordId).isPresent()) {
                throw new IllegalStateException(recordType + " " + recordId + " was put on hold meanwhile");
            }
            if (tombstone(h, recordType, recordId).isPresent()) {
                throw new IllegalArgumentException(recordType + " " + recordId + " has already been disposed of");
            }
            MopiReview.Due due = current(recordType, recordId)
                    .orElseThrow(() -> new IllegalArgumentException("there is no " + recordType + " " + recordId));
            long review = h.createUpdate("""
                            insert into retention_review (record_type, record_id, mopi_group, decision, reason,
                                                          reviewed_on, reviewed_by)
                            values (:type, :id, :group, :decision, :reason, :on, :by)""")
                    .bind("type", recordType).bind("id", recordId).bind("group", due.group().number())
                    .bind("decision", retain ? "retain" : "dispose").bind("reason", reason).bind("on", today)
                    .bind("by", actor(by)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int erased = 0;
            if (!retain) {
                // the owning capability's published disposal erases the personal data in this same transaction
                erased = h.createQuery("select " + DISPOSAL.get(recordType) + "(:id)").bind("id", recordId)
                        .mapTo(Integer.class).one();
                h.createUpdate("""
                                insert into retention_tombstone (record_type, record_id, mopi_group, disposed_on,
                                                                 disposed_by, reason, review_id, decision, rows_erased)
                                values (:type, :id, :group, :on, :by, :reason, :review, 'dispose', :erased)""")
                        .bind("type", recordType).bind("id", recordId).bind("group", due.group().number())
                        .bind("on", today).bind("by", actor(by)).bind("reason", reason).bind("review", review)
                        .bind("erased", erased).execute();
            }
            audit.record(h, AuditEvent.by(by, retain ? "retention-retain" : "retention-dispose", recordType, recordId,
                    AuditEvent.SUCCESS).detail("MoPI group " + due.group().number() + ", review " + review
                    + (retain ? "" : ", " + erased + " rows of personal data erased")));
        });
    }

    /** Places a hold for legal proceedings, an inquiry or a complaint. */
    public long hold(User by, String recordType, String recordId, String kind, String reason, LocalDate today) {
        return jdbi.inTransaction(h -> {
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

    public void lift(User by, long holdId, LocalDate today) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("""
                            update retention_hold set lifted_on = :on, lifted_by = :by
                            where id = :id and lifted_on is null""")
                    .bind("on", today).bind("by", actor(by)).bind("id", holdId).execute();
            if (n == 0) {
                throw new IllegalArgumentException("there is no standing hold " + holdId);
            }
            audit.record(h, AuditEvent.by(by, "retention-hold-lift", "retention_hold", Long.toString(holdId),
                    AuditEvent.SUCCESS));
        });
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
