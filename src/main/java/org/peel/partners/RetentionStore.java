package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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

    /*
     * Every record neither disposed of nor held, one row each, with its facts, its MoPI group and its review date,
     * worked out in SQL so that the queue is filtered, ordered and paged by the database and only a page's rows are
     * read. The group and the date follow MopiReview.groupOf, MopiReview's kind groups and MopiReview.due (the
     * offence-group lists and each group's years are bound from there and from RetentionSettings); the page's rows
     * are then put through MopiReview.due itself for the reasons shown. Each kind's group is worked out in its own
     * branch of the union, so that the database works it out once a record rather than wherever it is used; the
     * offenders' view is read as it stands (offset 0), so that its history of offence groups is read once an
     * offender, not once for each use of it. A crime's clearance period restarts at the
     * subject's later offending: the latest crime recorded with a person of its suspects as suspect.
     */
    private static final String REVIEWS = """
            with latest_retain as (
                select distinct on (record_type, record_id) record_type, record_id, reviewed_on, next_review_on
                from retention_review where decision = 'retain'
                order by record_type, record_id, reviewed_on desc, id desc
            ),
            suspect as (
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
            facts as (
                select 'crime'::text as record_type, c.id as record_id, c.offence_group, c.domestic_abuse,
                       (c.recorded_at at time zone 'Europe/London')::date as recorded_on, l.later_on,
                       null::text as basis, null::boolean as mappa, null::text[] as offence_groups,
                       null::boolean as included,
                       case when lower(btrim(c.offence_group, E' \\t\\r\\n')) = any(:group1) then 1
                            when lower(btrim(c.offence_group, E' \\t\\r\\n')) = any(:group2)
                                 or c.domestic_abuse then 2
                            else 3 end as mopi_group
                from investigation_crime_published c
                left join later l on l.crime_id = c.id
                union all
                select 'asb_incident', a.id, null, false, (a.reported_at at time zone 'Europe/London')::date, null,
                       null, null, null, null, 3
                from prevention_asb_incident_published a
                union all
                select v.record_type, v.record_id, null, false, v.last_active_on, null, v.basis, null, null, null,
                       case v.record_type when 'domestic_abuse_incident' then 2 else 3 end
                from vulnerability_retention_published v
                union all
                select 'offender', o.record_id, null, false, o.last_active_on, null, null, o.mappa, o.offence_groups,
                       null,
                       case when o.mappa then 1
                            when exists (select 1 from unnest(o.offence_groups) g
                                         where lower(btrim(g, E' \\t\\r\\n')) = any(:group1)) then 1
                            when exists (select 1 from unnest(o.offence_groups) g
                                         where lower(btrim(g, E' \\t\\r\\n')) = any(:group2)) then 2
                            else 3 end
                from (select * from offenders_retention_published offset 0) o
                union all
                select 'gang_nominal', g.record_id, null, false, g.last_active_on, null, null, null, null, g.included,
                       case when g.included then 2 else 3 end
                from organisedcrime_retention_published g
                union all
                select 'partner_case', p.id, null, false, greatest(p.opened_on, p.meeting_on, p.closed_on), null,
                       null, null, null, null, 3
                from partner_case p
            ),
            grouped as (
                select f.*, k.reviewed_on, k.next_review_on
                from facts f
                left join latest_retain k on k.record_type = f.record_type and k.record_id = f.record_id
                where not exists (select 1 from retention_tombstone t
                                  where t.record_type = f.record_type and t.record_id = f.record_id)
                  and not exists (select 1 from retention_hold h
                                  where h.record_type = f.record_type and h.record_id = f.record_id
                                    and h.lifted_on is null)
            ),
            review as (
                select g.*,
                       coalesce(g.next_review_on,
                                (greatest(g.recorded_on, g.reviewed_on,
                                          case when g.mopi_group <> 1 then g.later_on end)
                                 + interval '1 year' * case g.mopi_group when 1 then :years1 when 2 then :years2
                                                                         else :years3 end)::date) as review_due
                from grouped g
            )
            """;

    private static final String KIND_FILTER = " and (cast(:kind as text) is null or record_type = :kind)";

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final RetentionSettings settings;

    public RetentionStore(Jdbi jdbi, AuditTrail audit, RetentionSettings settings) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.settings = settings;
    }

    /** The review statement with the rule's offence groups and the configured years bound. */
    private Query reviews(Handle h, String select) {
        List<List<String>> lists = MopiReview.offenceGroupsByMopiGroup();
        return h.createQuery(REVIEWS + select)
                .bindArray("group1", String.class, lists.get(0)).bindArray("group2", String.class, lists.get(1))
                .bind("years1", settings.years(MopiGroup.PUBLIC_PROTECTION))
                .bind("years2", settings.years(MopiGroup.SERIOUS))
                .bind("years3", settings.years(MopiGroup.OTHER));
    }

    /** One row of the review statement as the rule's facts. */
    private static MopiReview.Facts facts(ResultSet rs) throws SQLException {
        String type = rs.getString("record_type");
        String id = rs.getString("record_id");
        LocalDate recorded = rs.getObject("recorded_on", LocalDate.class);
        LocalDate reviewed = rs.getObject("reviewed_on", LocalDate.class);
        MopiReview.KindGroup kind = switch (type) {
            case DOMESTIC_ABUSE_INCIDENT -> MopiReview.domesticAbuseIncident();
            case MISSING_EPISODE -> MopiReview.missingReport("missing child".equals(rs.getString("basis")));
            case OFFENDER -> MopiReview.offender(rs.getBoolean("mappa"),
                    List.of((String[]) rs.getArray("offence_groups").getArray()));
            case GANG_NOMINAL -> MopiReview.gangNominal(rs.getBoolean("included"));
            case PARTNER_CASE -> MopiReview.partnerCase();
            default -> null;
        };
        MopiReview.Facts f = kind == null
                ? new MopiReview.Facts(type, id, rs.getString("offence_group"), rs.getBoolean("domestic_abuse"),
                        recorded, reviewed, rs.getObject("later_on", LocalDate.class))
                : new MopiReview.Facts(type, id, null, false, recorded, reviewed, null, kind.group(), kind.basis(),
                        null);
        // the next review a reviewer set stands while that review is the latest that kept the record
        LocalDate next = rs.getObject("next_review_on", LocalDate.class);
        return next == null ? f : f.withNextReview(next);
    }

    /** The rule's decision on one row, checked against the group and date the SQL ordered it by. */
    private MopiReview.Due due(ResultSet rs) throws SQLException {
        MopiReview.Due due = MopiReview.due(facts(rs), settings);
        if (due.group().number() != rs.getInt("mopi_group")
                || !due.reviewDue().equals(rs.getObject("review_due", LocalDate.class))) {
            throw new IllegalStateException("the review queue's SQL and the MoPI rule disagree on "
                    + due.recordType() + " " + due.recordId());
        }
        return due;
    }

    /** One record's facts for review, if it is held by neither a tombstone nor a hold. */
    public Optional<MopiReview.Facts> facts(String recordType, String recordId) {
        return jdbi.withHandle(h -> reviews(h, " select * from review where record_type = :type and record_id = :id")
                .bind("type", recordType).bind("id", recordId)
                .map((rs, ctx) -> facts(rs)).findOne());
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
        return jdbi.withHandle(h -> reviews(h, """
                         select * from review where review_due <= :asOf
                         order by review_due, mopi_group, record_type, record_id""")
                .bind("asOf", asOf).map((rs, ctx) -> due(rs)).list());
    }

    /** How many records of each MoPI group are due on a day, of one kind ({@code record_type}) or, when null, all. */
    public Map<MopiGroup, Long> dueCounts(LocalDate asOf, String kind) {
        Map<MopiGroup, Long> out = new EnumMap<>(MopiGroup.class);
        for (MopiGroup g : MopiGroup.values()) {
            out.put(g, 0L);
        }
        jdbi.useHandle(h -> reviews(h, " select mopi_group, count(*) as n from review where review_due <= :asOf"
                        + KIND_FILTER + " group by mopi_group")
                .bind("asOf", asOf).bind("kind", kind)
                .map((rs, ctx) -> Map.entry(MopiGroup.of(rs.getInt("mopi_group")), rs.getLong("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** How many records are due for review on a day. */
    public long dueCount(LocalDate asOf) {
        return dueCounts(asOf, null).values().stream().mapToLong(Long::longValue).sum();
    }

    /** One page of one MoPI group's records due, and how many of that group are due in all. */
    public record GroupDue(long total, List<MopiReview.Due> rows) {
    }

    /**
     * One page of each MoPI group's records due on a day, of one kind ({@code record_type}) or, when null, all, with
     * each group's count: in each group the longest overdue first, then by kind and number, from the group's offset,
     * at most {@code limit}. One statement for the three groups and their counts, as each reads the same records;
     * each group's first row comes too, for its count, and is dropped when it is not on the page.
     */
    public Map<MopiGroup, GroupDue> duePages(LocalDate asOf, String kind, Map<MopiGroup, Integer> offsets,
                                             int limit) {
        Map<MopiGroup, Long> totals = new EnumMap<>(MopiGroup.class);
        Map<MopiGroup, List<MopiReview.Due>> rows = new EnumMap<>(MopiGroup.class);
        for (MopiGroup g : MopiGroup.values()) {
            totals.put(g, 0L);
            rows.put(g, new ArrayList<>());
        }
        jdbi.useHandle(h -> reviews(h, """
                         select * from (
                             select r.*, row_number() over (partition by mopi_group
                                                            order by review_due, record_type, record_id) as n,
                                    count(*) over (partition by mopi_group) as total
                             from review r where review_due <= :asOf""" + KIND_FILTER + """
                         ) ranked
                         where n = 1
                            or n > case mopi_group when 1 then :offset1 when 2 then :offset2 else :offset3 end
                               and n <= case mopi_group when 1 then :offset1 when 2 then :offset2 else :offset3 end
                                        + :limit
                         order by mopi_group, n""")
                .bind("asOf", asOf).bind("kind", kind).bind("limit", limit)
                .bind("offset1", offsets.getOrDefault(MopiGroup.PUBLIC_PROTECTION, 0))
                .bind("offset2", offsets.getOrDefault(MopiGroup.SERIOUS, 0))
                .bind("offset3", offsets.getOrDefault(MopiGroup.OTHER, 0))
                .map((rs, ctx) -> {
                    MopiGroup g = MopiGroup.of(rs.getInt("mopi_group"));
                    totals.put(g, rs.getLong("total"));
                    long n = rs.getLong("n");
                    int offset = offsets.getOrDefault(g, 0);
                    return n > offset && n <= (long) offset + limit ? due(rs) : null;
                })
                .forEach(d -> {
                    if (d != null) {
                        rows.get(d.group()).add(d);
                    }
                }));
        Map<MopiGroup, GroupDue> out = new EnumMap<>(MopiGroup.class);
        for (MopiGroup g : MopiGroup.values()) {
            out.put(g, new GroupDue(totals.get(g), rows.get(g)));
        }
        return out;
    }

    /** One record's current review, if it is held by neither a tombstone nor a hold. */
    public Optional<MopiReview.Due> current(String recordType, String recordId) {
        return facts(recordType, recordId).map(f -> MopiReview.due(f, settings));
    }

    /** The number of holds standing now. */
    public long standingHoldCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from retention_hold where lifted_on is null")
                .mapTo(Long.class).one());
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
