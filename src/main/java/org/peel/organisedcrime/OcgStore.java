package org.peel.organisedcrime;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.web.ApiJson;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the OCG register: groups, their members (person records), assessments, disruptions and events. */
public final class OcgStore {

    private static final String GROUP_COLUMNS = """
            g.id, g.name, g.borough_code, g.activities, g.firearms, g.violence, g.corruption, g.money_laundering,
            g.specialist_skills, g.reach, g.areas, g.lead_officer, g.status, g.mapped_on, g.archived_on, g.score,
            g.band, g.model_version, g.last_assessed, g.archive_reason, g.lead_officer_username,
            (select count(*) from person_record p where p.source_type = 'ocg' and p.source_id = g.id
                and p.role <> 'associate'
                and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)) as members,
            (select count(*) from person_record p where p.source_type = 'ocg' and p.source_id = g.id
                and p.role in ('principal', 'principal subject')
                and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)) as principals""";

    private final Jdbi jdbi;

    public OcgStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Organised crime groups on the register. */
    public long groups() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from ocg").mapTo(Long.class).one());
    }

    /** Active groups by their assessed band, in band order. */
    public Map<String, Long> groupsByBand(String boroughCode) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select band, count(*) from ocg
                        where status = 'active' and (cast(:borough as text) is null or borough_code = :borough)
                        group by band order by band""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Person records of members and associates of groups. */
    public long memberRecords() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from person_record where source_type = 'ocg'")
                .mapTo(Long.class).one());
    }

    /** Groups active on the date: mapped on or before it and not archived on or before it. */
    public long activeOn(LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from ocg
                        where mapped_on <= :d and (archived_on is null or archived_on > :d)""")
                .bind("d", date).mapTo(Long.class).one());
    }

    /** The active groups of a borough (all boroughs when null), highest score first, unscored last. */
    public List<OcgGroup> activeGroups(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("select " + GROUP_COLUMNS + """
                         from ocg g
                        where g.status = 'active' and (cast(:borough as text) is null or g.borough_code = :borough)
                        order by g.score desc nulls last, g.id""")
                .bind("borough", boroughCode).map((rs, ctx) -> group(rs)).list());
    }

    /**
     * Which groups the tracker shows: in a borough (null: the force), in a threat band (null: any), of a status
     * ({@code active} or {@code archived}; null: both), only those due for reassessment when {@code dueOnly}.
     * {@code model} and {@code intervalDays} are the register's, to judge "due" as {@link Reassessment#due} does.
     */
    public record GroupFilter(String borough, String band, String status, boolean dueOnly, String model,
                              int intervalDays, LocalDate today) {
    }

    // "due" restates OcgRegister's decision: never assessed, scored under another model, a significant event known
    // since the last assessment (on or before today), or the interval run out
    private static final String GROUP_FILTER = """
             from ocg g
            where (cast(:borough as text) is null or g.borough_code = :borough)
              and (cast(:band as text) is null or g.band = :band)
              and (cast(:status as text) is null or g.status = :status)
              and (not :dueOnly or (g.status = 'active' and (g.last_assessed is null
                   or g.model_version is distinct from :model
                   or :today >= g.last_assessed + :intervalDays
                   or greatest(((select max(e.recorded_at) from ocg_event e where e.ocg_id = g.id
                                   and e.recorded_at > coalesce((select max(a.recorded_at) from ocg_assessment a
                                                                 where a.ocg_id = g.id), '-infinity'::timestamptz))
                                at time zone 'UTC')::date, g.last_assessed) <= greatest(:today, g.last_assessed))))
            """;

    public long countGroups(GroupFilter f) {
        return jdbi.withHandle(h -> h.createQuery("select count(*)" + GROUP_FILTER).bindMethods(f)
                .mapTo(Long.class).one());
    }

    /** One page of the tracker: the highest current score first (the greatest threat), active before archived. */
    public List<OcgGroup> groups(GroupFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + GROUP_COLUMNS + GROUP_FILTER + """
                         order by g.status = 'active' desc, g.score desc nulls last, g.id limit :limit offset :offset""")
                .bindMethods(f).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> group(rs)).list());
    }

    /** Every active group's facts, for comparing models over the register. */
    public List<ModelComparison.Group> activeGroupFacts() {
        return activeGroups(null).stream().map(g -> new ModelComparison.Group(g.id(), g.facts())).toList();
    }

    public Optional<OcgGroup> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<OcgGroup> find(Handle h, String id) {
        return h.createQuery("select " + GROUP_COLUMNS + " from ocg g where g.id = :id")
                .bind("id", id).map((rs, ctx) -> group(rs)).findOne();
    }

    /**
     * The day a significant event recorded since the group's last assessment became known (the latest such), or
     * empty when none has been recorded since.
     */
    public Map<String, LocalDate> pendingEvents() {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select e.ocg_id, max(e.recorded_at) as known
                        from ocg_event e
                        where e.recorded_at > coalesce((select max(a.recorded_at) from ocg_assessment a
                                                        where a.ocg_id = e.ocg_id), '-infinity'::timestamptz)
                        group by e.ocg_id""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .forEach(e -> out.put(e.getKey(), e.getValue().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())));
        return out;
    }

    /** Significant events not yet taken in by an assessment, newest first. */
    public List<Event> pendingEvents(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select e.kind, e.occurred_on, e.detail, e.recorded_at from ocg_event e
                        where e.ocg_id = :id and e.recorded_at > coalesce((select max(a.recorded_at) from ocg_assessment a
                                                        where a.ocg_id = e.ocg_id), '-infinity'::timestamptz)
                        order by e.recorded_at desc, e.id desc""")
                .bind("id", ocgId).map((rs, ctx) -> new Event(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())).list());
    }

    /** A significant event as recorded. */
    public record Event(String kind, LocalDate occurredOn, String detail, Instant recordedAt) {
    }

    /** A member or associate, from their person record. */
    public record Member(String recordId, String role, String name, LocalDate dateOfBirth) {
        public String roleText() {
            return switch (role) {
                case "principal", "principal subject" -> "Principal";
                case "significant", "member" -> "Significant";
                case "peripheral" -> "Peripheral";
                default -> "Associate";
            };
        }
    }

    public List<Member> members(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, role, trim(coalesce(forenames, '') || ' ' || coalesce(surname, '')) as name,
                               date_of_birth
                        from person_record p where source_type = 'ocg' and source_id = :id
                          and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)
                        order by case role when 'principal' then 0 when 'principal subject' then 0
                                 when 'significant' then 1 when 'member' then 1 when 'peripheral' then 2 else 3 end, id""")
                .bind("id", ocgId).map((rs, ctx) -> new Member(rs.getString(1), rs.getString(2),
                        rs.getString(3).isBlank() ? "(no name recorded)" : rs.getString(3),
                        rs.getObject(4, LocalDate.class))).list());
    }

    /** An assessment as kept. */
    public record Assessment(long id, String modelVersion, double score, String band, Map<String, Double> contributions,
                             List<String> reasons, LocalDate assessedOn, String assessedBy, Instant recordedAt) {
    }

    public List<Assessment> assessments(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, model_version, score, band, contributions::text, reasons::text, assessed_on,
                               assessed_by, recorded_at
                        from ocg_assessment where ocg_id = :id order by recorded_at desc, id desc""")
                .bind("id", ocgId).map((rs, ctx) -> new Assessment(rs.getLong(1), rs.getString(2),
                        rs.getBigDecimal(3).doubleValue(), rs.getString(4), contributions(rs.getString(5)),
                        reasons(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant())).list());
    }

    /** Records an assessment and makes it the group's current one, in the caller's transaction. */
    void insertAssessment(Handle h, String ocgId, OcgScore score, GroupFacts facts, LocalDate on, String by, Instant at) {
        h.createUpdate("""
                        insert into ocg_assessment (ocg_id, model_version, score, band, contributions, reasons, facts,
                            assessed_on, assessed_by, recorded_at)
                        values (:ocg, :model, :score, :band, cast(:contributions as jsonb), cast(:reasons as jsonb),
                            cast(:facts as jsonb), :on, :by, :at)""")
                .bind("ocg", ocgId).bind("model", score.modelVersion()).bind("score", BigDecimal.valueOf(score.score()))
                .bind("band", score.band()).bind("contributions", json(score.contributions()))
                .bind("reasons", json(score.reasons())).bind("facts", json(facts)).bind("on", on).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
        h.createUpdate("""
                        update ocg set score = :score, band = :band, model_version = :model, last_assessed = :on
                        where id = :ocg""")
                .bind("ocg", ocgId).bind("model", score.modelVersion()).bind("score", BigDecimal.valueOf(score.score()))
                .bind("band", score.band()).bind("on", on).execute();
    }

    /** Replaces a group's reviewed facts; the trigger keeps the previous version in the record history. */
    void updateFacts(Handle h, String ocgId, OcgRegister.Review r) {
        h.createUpdate("""
                        update ocg set activities = :activities, principal_activity = :predominant, firearms = :firearms,
                            violence = :violence, corruption = :corruption, money_laundering = :laundering,
                            specialist_skills = :skills, reach = :reach
                        where id = :ocg""")
                .bind("ocg", ocgId).bind("activities", String.join(";", r.activities()))
                .bind("predominant", r.activities().isEmpty() ? "" : r.activities().get(0))
                .bind("firearms", r.firearms()).bind("violence", r.violence().code()).bind("corruption", r.corruption())
                .bind("laundering", r.moneyLaundering()).bind("skills", r.specialistSkills())
                .bind("reach", r.reach().code()).execute();
    }

    /** A disruption as kept, with the score after it: the first assessment recorded after it. */
    public record DisruptionRow(long id, Disruption disruption, Double scoreBefore, String bandBefore, Double scoreAfter,
                                String bandAfter, String recordedBy) {
    }

    public List<DisruptionRow> disruptions(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select d.*, after.score as score_after, after.band as band_after
                        from ocg_disruption d
                        left join lateral (select a.score, a.band from ocg_assessment a
                                           where a.ocg_id = d.ocg_id and a.recorded_at > d.recorded_at
                                           order by a.recorded_at, a.id limit 1) after on true
                        where d.ocg_id = :id order by d.occurred_on desc, d.id desc""")
                .bind("id", ocgId).map((rs, ctx) -> new DisruptionRow(rs.getLong("id"), new Disruption(
                        rs.getString("heading"), rs.getString("impact"), rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("summary"), rs.getInt("arrests"), rs.getBoolean("principal_arrested"),
                        rs.getInt("charges"), rs.getBoolean("principal_charged"), rs.getBigDecimal("cash_seized"),
                        rs.getString("drugs_seized"), rs.getInt("firearms_seized"), rs.getInt("scpos"),
                        rs.getString("scpo_conditions")), number(rs, "score_before"), rs.getString("band_before"),
                        number(rs, "score_after"), rs.getString("band_after"), rs.getString("recorded_by"))).list());
    }

    /** Records a disruption with the group's score before it, in the caller's transaction; returns its id. */
    long insertDisruption(Handle h, OcgGroup group, Disruption d, String by, Instant at) {
        return h.createUpdate("""
                        insert into ocg_disruption (ocg_id, heading, impact, occurred_on, summary, arrests,
                            principal_arrested, charges, principal_charged, cash_seized, drugs_seized, firearms_seized,
                            scpos, scpo_conditions, score_before, band_before, recorded_by, recorded_at)
                        values (:ocg, :heading, :impact, :on, :summary, :arrests, :pa, :charges, :pc, :cash, :drugs,
                            :firearms, :scpos, :conditions, :score, :band, :by, :at)""")
                .bind("ocg", group.id()).bind("heading", d.heading()).bind("impact", d.impact())
                .bind("on", d.occurredOn()).bind("summary", d.summary()).bind("arrests", d.arrests())
                .bind("pa", d.principalArrested()).bind("charges", d.charges()).bind("pc", d.principalCharged())
                .bind("cash", d.cashSeized()).bind("drugs", d.drugsSeized()).bind("firearms", d.firearmsSeized())
                .bind("scpos", d.scpos()).bind("conditions", d.scpoConditions())
                .bind("score", group.score() == null ? null : BigDecimal.valueOf(group.score()))
                .bind("band", group.band()).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void insertEvent(Handle h, String ocgId, String kind, LocalDate on, String detail, Long disruptionId, String by,
                     Instant at) {
        h.createUpdate("""
                        insert into ocg_event (ocg_id, kind, occurred_on, detail, disruption_id, recorded_by, recorded_at)
                        values (:ocg, :kind, :on, :detail, :disruption, :by, :at)""")
                .bind("ocg", ocgId).bind("kind", kind).bind("on", on).bind("detail", detail)
                .bind("disruption", disruptionId).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }

    /** Force-level disruption figures by month, newest first. */
    public record Month(LocalDate month, long disruptions, long major, long arrests, long charges, BigDecimal cash,
                        long firearms, long scpos, Map<String, Long> byHeading) {
    }

    public List<Month> disruptionMonths(int months) {
        record Cell(LocalDate month, String heading, long disruptions, long major, long arrests, long charges,
                    BigDecimal cash, long firearms, long scpos) {
        }
        List<Cell> cells = jdbi.withHandle(h -> h.createQuery("""
                        select month, heading, disruptions, major, arrests, charges, cash_seized, firearms_seized, scpos
                        from organisedcrime_disruption_month_published
                        where month in (select distinct month from organisedcrime_disruption_month_published
                                        order by month desc limit :n)
                        order by month desc, heading""")
                .bind("n", months)
                .map((rs, ctx) -> new Cell(rs.getObject("month", LocalDate.class), rs.getString("heading"),
                        rs.getLong("disruptions"), rs.getLong("major"), rs.getLong("arrests"), rs.getLong("charges"),
                        rs.getBigDecimal("cash_seized"), rs.getLong("firearms_seized"), rs.getLong("scpos")))
                .list());
        Map<LocalDate, Month> out = new LinkedHashMap<>();
        for (Cell c : cells) {
            Month prev = out.get(c.month());
            Map<String, Long> headings = prev == null ? new LinkedHashMap<>() : new LinkedHashMap<>(prev.byHeading());
            headings.put(c.heading(), c.disruptions());
            out.put(c.month(), prev == null
                    ? new Month(c.month(), c.disruptions(), c.major(), c.arrests(), c.charges(), c.cash(), c.firearms(),
                    c.scpos(), headings)
                    : new Month(c.month(), prev.disruptions() + c.disruptions(), prev.major() + c.major(),
                    prev.arrests() + c.arrests(), prev.charges() + c.charges(), prev.cash().add(c.cash()),
                    prev.firearms() + c.firearms(), prev.scpos() + c.scpos(), headings));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The group's associate network over resolved persons: each current member or associate is a node, and records
     * that identity resolution has linked to the same person (people's published view) are one node, however their
     * names were spelled. Ties are the same address or phone on the members' records, and a crime in which both
     * persons appear, found through the persons the crime's records are linked to, not through the names and dates
     * of birth as recorded. A record linked to no person stands for itself.
     */
    public AssociateNetwork.Result network(String ocgId) {
        record Row(String recordId, String who, String name, String role) {
        }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                        select p.id, coalesce('p' || v.person_id, 'r' || p.id) as who,
                               trim(coalesce(p.forenames, '') || ' ' || coalesce(p.surname, '')) as name, p.role
                        from person_record p
                        join people_person_record_published v on v.record_id = p.id
                        where p.source_type = 'ocg' and p.source_id = :id
                          and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)
                        order by case p.role when 'principal' then 0 when 'principal subject' then 0
                                 when 'significant' then 1 when 'member' then 1 when 'peripheral' then 2 else 3 end,
                                 p.id""")
                .bind("id", ocgId).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list());
        // one node per person: the first of their records by role (so their highest role) stands for them
        Map<String, String> nodeOf = new LinkedHashMap<>();
        List<AssociateNetwork.Node> nodes = new ArrayList<>();
        for (Row r : rows) {
            if (!nodeOf.containsKey(r.who())) {
                nodeOf.put(r.who(), r.recordId());
                nodes.add(new AssociateNetwork.Node(r.recordId(), r.name().isBlank() ? "(no name recorded)" : r.name(),
                        new Member(r.recordId(), r.role(), r.name(), null).roleText()));
            }
        }
        List<AssociateNetwork.Tie> ties = jdbi.withHandle(h -> h.createQuery("""
                        with m as (
                            select p.id, coalesce('p' || v.person_id, 'r' || p.id) as who, v.person_id,
                                   lower(trim(coalesce(p.address, ''))) as addr,
                                   regexp_replace(coalesce(p.phone, ''), '[^0-9]', '', 'g') as ph
                            from person_record p
                            join people_person_record_published v on v.record_id = p.id
                            where p.source_type = 'ocg' and p.source_id = :id
                              and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)),
                        c as (
                            select distinct v.source_id as crime, v.person_id
                            from people_person_record_published v
                            where v.source_type = 'crime'
                              and v.person_id in (select person_id from m where person_id is not null))
                        select distinct a.who, b.who, 'shared address' from m a join m b on a.who < b.who
                            and a.addr <> '' and a.addr = b.addr
                        union
                        select distinct a.who, b.who, 'shared phone' from m a join m b on a.who < b.who
                            and a.ph <> '' and a.ph = b.ph
                        union
                        select distinct a.who, b.who, 'crime ' || ca.crime
                        from c ca
                        join c cb on cb.crime = ca.crime and cb.person_id <> ca.person_id
                        join m a on a.person_id = ca.person_id
                        join m b on b.person_id = cb.person_id and a.who < b.who
                        order by 1, 2, 3""")
                .bind("id", ocgId).map((rs, ctx) -> new AssociateNetwork.Tie(nodeOf.get(rs.getString(1)),
                        nodeOf.get(rs.getString(2)), rs.getString(3))).list());
        return AssociateNetwork.build(nodes, ties);
    }

    /** Adds a member or associate as a person record of the group, in the caller's transaction; returns its id. */
    String insertMember(Handle h, OcgGroup g, String role, String forenames, String surname, LocalDate dob,
                        Instant at) {
        long n = h.createQuery("select count(*) from person_record where source_type = 'ocg' and source_id = :g")
                .bind("g", g.id()).mapTo(Long.class).one() + 1;
        String id = g.id() + "-M" + n;
        while (h.createQuery("select count(*) from person_record where id = :id").bind("id", id).mapTo(Long.class)
                .one() > 0) {
            id = g.id() + "-M" + (++n);
        }
        h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                            recorded_at, borough_code)
                        values (:id, 'ocg', :g, :role, :f, :s, :dob, :at, :b)""")
                .bind("id", id).bind("g", g.id()).bind("role", role).bind("f", forenames).bind("s", surname)
                .bind("dob", dob).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("b", g.boroughCode())
                .execute();
        return id;
    }

    /** Ends a membership (the record stays), in the caller's transaction; false when it is not a current member. */
    boolean endMembership(Handle h, String ocgId, String recordId, LocalDate on, String reason, String by, Instant at) {
        boolean current = h.createQuery("""
                        select count(*) from person_record p where p.id = :r and p.source_type = 'ocg'
                          and p.source_id = :g
                          and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)""")
                .bind("r", recordId).bind("g", ocgId).mapTo(Long.class).one() > 0;
        if (current) {
            h.createUpdate("""
                            insert into ocg_membership_end (person_record_id, ocg_id, ended_on, reason, ended_by, ended_at)
                            values (:r, :g, :on, :why, :by, :at)""")
                    .bind("r", recordId).bind("g", ocgId).bind("on", on).bind("why", reason).bind("by", by)
                    .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
        }
        return current;
    }

    /** Names the user who leads against the group, in the caller's transaction; the recorded name is kept. */
    void setLeadOfficer(Handle h, String ocgId, String username) {
        h.createUpdate("update ocg set lead_officer_username = :u where id = :g")
                .bind("g", ocgId).bind("u", username).execute();
    }

    /** The active groups a user leads against, highest score first. */
    public List<OcgGroup> ledBy(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + GROUP_COLUMNS + """
                         from ocg g
                        where g.status = 'active' and g.lead_officer_username = :u
                        order by g.score desc nulls last, g.id""")
                .bind("u", username).map((rs, ctx) -> group(rs)).list());
    }

    /** Archives a group on the day with its reason, in the caller's transaction; false when it was not active. */
    boolean archive(Handle h, String ocgId, LocalDate on, String reason) {
        return h.createUpdate("""
                        update ocg set status = 'archived', archived_on = :on, archive_reason = :why
                        where id = :g and status = 'active'""")
                .bind("g", ocgId).bind("on", on).bind("why", reason).execute() > 0;
    }

    private static final String TASK_COLUMNS = """
            t.id, t.ocg_id, g.name as group_name, t.member_record_id,
            trim(coalesce(p.forenames, '') || ' ' || coalesce(p.surname, '')) as member_name, t.borough_code,
            t.officer, t.action, t.reason, t.due_on, t.status, t.result, t.tasked_by, t.tasked_at, t.closed_by,
            t.closed_at, g.lead_officer_username as group_lead
            from ocg_task t join ocg g on g.id = t.ocg_id
            left join person_record p on p.id = t.member_record_id""";

    /** Every task given against a group, open ones first, then newest first. */
    public List<OcgTask> tasksOf(String ocgId) {
        return jdbi.withHandle(h -> h.createQuery("select " + TASK_COLUMNS + """
                         where t.ocg_id = :g
                        order by t.status <> 'open', t.tasked_at desc, t.id desc""")
                .bind("g", ocgId).map((rs, ctx) -> task(rs)).list());
    }

    /**
     * Open tasks in a borough (all boroughs when null). With a username, only those for that officer: named to them,
     * given to the team of the borough (none when the borough is null), or on the groups they lead wherever the task
     * is; due soonest first.
     */
    public List<OcgTask> openTasks(String boroughCode, String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + TASK_COLUMNS + """
                         where t.status = 'open'
                          and ((cast(:u as text) is null and (cast(:b as text) is null or t.borough_code = :b))
                               or t.officer = :u or g.lead_officer_username = :u
                               or (t.officer is null and t.borough_code = :b and cast(:u as text) is not null))
                        order by t.due_on, t.id""")
                .bind("b", boroughCode).bind("u", username).map((rs, ctx) -> task(rs)).list());
    }

    public Optional<OcgTask> task(long id) {
        return jdbi.withHandle(h -> task(h, id));
    }

    Optional<OcgTask> task(Handle h, long id) {
        return h.createQuery("select " + TASK_COLUMNS + " where t.id = :id").bind("id", id)
                .map((rs, ctx) -> task(rs)).findOne();
    }

    /** Whether the person record is a current member or associate of the group. */
    boolean currentMember(Handle h, String ocgId, String recordId) {
        return h.createQuery("""
                        select count(*) from person_record p where p.id = :r and p.source_type = 'ocg'
                          and p.source_id = :g
                          and not exists (select 1 from ocg_membership_end x where x.person_record_id = p.id)""")
                .bind("r", recordId).bind("g", ocgId).mapTo(Long.class).one() > 0;
    }

    /** Records a task in the caller's transaction; returns its id. */
    long insertTask(Handle h, String ocgId, OcgRegister.TaskOrder o, String by, Instant at) {
        return h.createUpdate("""
                        insert into ocg_task (ocg_id, member_record_id, borough_code, officer, action, reason, due_on,
                            tasked_by, tasked_at)
                        values (:g, :m, :b, :o, :action, :reason, :due, :by, :at)""")
                .bind("g", ocgId).bind("m", o.memberRecordId()).bind("b", o.boroughCode()).bind("o", o.officer())
                .bind("action", o.action()).bind("reason", o.reason()).bind("due", o.dueOn()).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Closes an open task (completed with its result, or withdrawn), in the caller's transaction; false if not open. */
    boolean closeTask(Handle h, long id, String status, String result, String by, Instant at) {
        return h.createUpdate("""
                        update ocg_task set status = :s, result = :r, closed_by = :by, closed_at = :at
                        where id = :id and status = 'open'""")
                .bind("id", id).bind("s", status).bind("r", result).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute() > 0;
    }

    private static OcgTask task(ResultSet rs) throws SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        String member = rs.getString("member_name");
        return new OcgTask(rs.getLong("id"), rs.getString("ocg_id"), rs.getString("group_name"),
                rs.getString("member_record_id"), member == null || member.isBlank() ? "(no name recorded)" : member,
                rs.getString("borough_code"), rs.getString("officer"), rs.getString("action"), rs.getString("reason"),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"), rs.getString("result"),
                rs.getString("tasked_by"), rs.getObject("tasked_at", OffsetDateTime.class).toInstant(),
                rs.getString("closed_by"), closed == null ? null : closed.toInstant(), rs.getString("group_lead"));
    }

    private static OcgGroup group(ResultSet rs) throws SQLException {
        return new OcgGroup(rs.getString("id"), rs.getString("name"), rs.getString("borough_code"),
                split(rs.getString("activities")), rs.getBoolean("firearms"), Violence.fromCode(rs.getString("violence")),
                rs.getBoolean("corruption"), rs.getBoolean("money_laundering"), rs.getBoolean("specialist_skills"),
                Reach.fromCode(rs.getString("reach")), split(rs.getString("areas")), rs.getString("lead_officer"),
                rs.getString("status"), rs.getObject("mapped_on", LocalDate.class),
                rs.getObject("archived_on", LocalDate.class), number(rs, "score"), rs.getString("band"),
                rs.getString("model_version"), rs.getObject("last_assessed", LocalDate.class), rs.getInt("members"),
                rs.getInt("principals"), rs.getString("archive_reason"),
                rs.getString("lead_officer_username"));
    }

    /** Adds a place to the areas a group affects, in the caller's transaction (the group keeps its earlier version). */
    void addArea(Handle h, String ocgId, String area) {
        h.createUpdate("update ocg set areas = concat_ws('; ', nullif(trim(areas), ''), :area) where id = :id")
                .bind("area", area).bind("id", ocgId).execute();
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }

    private static String json(Object value) {
        try {
            return ApiJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> contributions(String json) {
        try {
            Map<String, Object> raw = ApiJson.MAPPER.readValue(json, LinkedHashMap.class);
            Map<String, Double> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
            return out;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(String json) {
        try {
            return ApiJson.MAPPER.readValue(json, List.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
