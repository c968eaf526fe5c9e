package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.BadInput;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for integrated offender management: resolved offending histories, stored runs of the cohort rule, borough
 * capacities, exceptions, cases and their cover, and tasks to neighbourhood teams.
 */
public final class IomStore {

    private final Jdbi jdbi;

    public IomStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A scored offender as stored in a run, with their rank in their borough and whether the rule chose them. */
    public record StoredScore(String offenderId, List<String> offenderIds, String boroughCode, double score,
                              List<String> reasons, int boroughRank, boolean inRuleCohort) {

        public OffenderScore asScore() {
            return new OffenderScore(offenderId, boroughCode, score, reasons);
        }
    }

    /** A stored run of the rule. */
    public record Run(long id, String ruleVersion, LocalDate asOf, Instant runAt, String runBy, int offendersScored) {
    }

    /** A case under management: its lead, deputy, partner lead and plan. */
    public record Case(String offenderId, String boroughCode, String leadOfficer, String deputyOfficer,
                       String partnerLead, String plan, LocalDate openedOn) {
    }

    /** A task to a neighbourhood team. */
    public record Task(long id, String offenderId, String offenderName, String boroughCode, String wardCode,
                       String kind, String details, LocalDate dueOn, String requestedBy, Instant requestedAt,
                       String completedBy, Instant completedAt, String result) {

        public boolean open() {
            return completedAt == null;
        }

        public String kindLabel() {
            return switch (kind) {
                case "check-address" -> "Check address";
                case "gather-intelligence" -> "Gather intelligence";
                case "visit" -> "Visit";
                default -> kind;
            };
        }
    }

    /** A contact with a cohort member. */
    public record Contact(long id, LocalDate on, String kind, String outcome, String drugTest, String recordedBy) {
    }

    /** An offender nominal: borough, ward lived in, name as recorded. */
    public record Nominal(String id, String boroughCode, String wardCode, String name) {
    }

    public static final List<String> TASK_KINDS = List.of("check-address", "gather-intelligence", "visit");

    // ---- resolved histories and runs -------------------------------------------------------------------------

    /**
     * Offences on or before {@code asOf} and after {@code since}, one history per resolved person: the offender
     * nominals identity resolution linked to one person share a history, under the earliest nominal's id; each offence
     * keeps the borough of the nominal it was recorded against. Also fills {@code nominalsOf} with each standing id's
     * nominals.
     */
    public List<Offence> resolvedHistories(LocalDate since, LocalDate asOf, Map<String, List<String>> nominalsOf) {
        return jdbi.withHandle(h -> {
            List<Offence> out = new ArrayList<>();
            h.createQuery("""
                            with nominal as (
                                select distinct on (o.id) o.id, o.borough_code,
                                       coalesce('p' || pl.person_id, 'o' || o.id) as who
                                from offender o
                                left join person_record pr on pr.source_type = 'offender' and pr.source_id = o.id
                                left join person_link pl on pl.person_record_id = pr.seq and pl.ended_at is null
                                order by o.id, pl.person_id
                            ), person as (
                                select who, min(id) as offender_id, array_agg(id order by id) as offender_ids
                                from nominal group by who
                            )
                            select p.offender_id, p.offender_ids, n.borough_code, h.offence_on, h.offence_group,
                                   h.disposal
                            from offending_history h
                            join nominal n on n.id = h.offender_id
                            join person p on p.who = n.who
                            where h.offence_on > :since and h.offence_on <= :asOf""")
                    .bind("since", since).bind("asOf", asOf)
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> {
                        String id = rs.getString("offender_id");
                        if (!nominalsOf.containsKey(id)) {
                            nominalsOf.put(id, strings(rs.getArray("offender_ids")));
                        }
                        return new Offence(id, rs.getString("borough_code"), rs.getObject("offence_on", LocalDate.class),
                                rs.getString("offence_group"), rs.getString("disposal"));
                    }).forEach(out::add);
            return out;
        });
    }

    public long startRun(Handle h, String ruleVersion, LocalDate asOf, Instant at, String by, int scored) {
        return h.createUpdate("""
                        insert into iom_cohort_run (rule_version, as_of, run_at, run_by, offenders_scored)
                        values (:v, :asOf, :at, :by, :n)""")
                .bind("v", ruleVersion).bind("asOf", asOf).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .bind("by", by).bind("n", scored)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void saveScores(Handle h, long runId, List<StoredScore> scores) {
        var batch = h.prepareBatch("""
                insert into iom_cohort_score (run_id, offender_id, offender_ids, borough_code, score, reasons,
                    borough_rank, in_rule_cohort)
                values (:run, :id, :ids, :borough, :score, :reasons, :rank, :in)""");
        int n = 0;
        for (StoredScore s : scores) {
            batch.bind("run", runId).bind("id", s.offenderId()).bind("ids", s.offenderIds().toArray(String[]::new))
                    .bind("borough", s.boroughCode()).bind("score", s.score())
                    .bind("reasons", s.reasons().toArray(String[]::new)).bind("rank", s.boroughRank())
                    .bind("in", s.inRuleCohort()).add();
            if (++n % 5_000 == 0) {
                batch.execute();
            }
        }
        if (n % 5_000 != 0) {
            batch.execute();
        }
    }

    public Optional<Run> latestRun() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, rule_version, as_of, run_at, run_by, offenders_scored
                        from iom_cohort_run order by id desc limit 1""")
                .map((rs, ctx) -> new Run(rs.getLong("id"), rs.getString("rule_version"),
                        rs.getObject("as_of", LocalDate.class), rs.getObject("run_at", OffsetDateTime.class).toInstant(),
                        rs.getString("run_by"), rs.getInt("offenders_scored"))).findOne());
    }

    /** A run's scores in a borough (every borough when null), in priority order, at most {@code limit}. */
    public List<StoredScore> scores(long runId, String boroughCode, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, offender_ids, borough_code, score, reasons, borough_rank, in_rule_cohort
                        from iom_cohort_score
                        where run_id = :run and (cast(:borough as text) is null or borough_code = :borough)
                        order by borough_code, borough_rank limit :limit""")
                .bind("run", runId).bind("borough", boroughCode).bind("limit", limit)
                .map((rs, ctx) -> storedScore(rs)).list());
    }

    /**
     * Which scored offenders a borough's list shows: in the rule's cohort or outside it (null: both), with a score
     * from {@code scoreFrom} and below {@code scoreBelow} (null: no bound).
     */
    public record ScoreFilter(long runId, String borough, Boolean inCohort, Double scoreFrom, Double scoreBelow) {
    }

    private static final String SCORE_FILTER = """
             from iom_cohort_score
            where run_id = :runId and borough_code = :borough
              and (cast(:inCohort as boolean) is null or in_rule_cohort = :inCohort)
              and (cast(:scoreFrom as double precision) is null or score >= :scoreFrom)
              and (cast(:scoreBelow as double precision) is null or score < :scoreBelow)
            """;

    public long countScores(ScoreFilter f) {
        return jdbi.withHandle(h -> h.createQuery("select count(*)" + SCORE_FILTER).bindMethods(f)
                .mapTo(Long.class).one());
    }

    /** One page of a borough's scored offenders, the highest score (the borough's rank 1) first. */
    public List<StoredScore> scores(ScoreFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, offender_ids, borough_code, score, reasons, borough_rank, in_rule_cohort"""
                        + SCORE_FILTER + " order by borough_rank, offender_id limit :limit offset :offset")
                .bindMethods(f).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> storedScore(rs)).list());
    }

    /** The rule's cohort in a run: every offender it chose. */
    public List<OffenderScore> ruleCohort(long runId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, offender_ids, borough_code, score, reasons, borough_rank, in_rule_cohort
                        from iom_cohort_score where run_id = :run and in_rule_cohort
                        order by borough_code, borough_rank""")
                .bind("run", runId).map((rs, ctx) -> storedScore(rs).asScore()).list());
    }

    /** An offender's score in a run, under whichever nominal stands for them. */
    public Optional<StoredScore> scoreOf(long runId, String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, offender_ids, borough_code, score, reasons, borough_rank, in_rule_cohort
                        from iom_cohort_score where run_id = :run and :id = any(offender_ids)""")
                .bind("run", runId).bind("id", offenderId).map((rs, ctx) -> storedScore(rs)).findFirst());
    }

    private static StoredScore storedScore(ResultSet rs) throws SQLException {
        return new StoredScore(rs.getString("offender_id"), strings(rs.getArray("offender_ids")),
                rs.getString("borough_code"), rs.getDouble("score"), strings(rs.getArray("reasons")),
                rs.getInt("borough_rank"), rs.getBoolean("in_rule_cohort"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    // ---- capacities ------------------------------------------------------------------------------------------

    public Map<String, Integer> capacities() {
        return jdbi.withHandle(this::capacities);
    }

    /** The capacities as the caller's transaction sees them (a run reads those set earlier in it). */
    public Map<String, Integer> capacities(Handle h) {
        Map<String, Integer> m = new HashMap<>();
        h.createQuery("select borough_code, capacity from iom_borough_capacity")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    public void setCapacity(Handle h, String boroughCode, int capacity, String by, Instant at) {
        h.createUpdate("""
                        insert into iom_borough_capacity (borough_code, capacity, set_by, set_at)
                        values (:b, :c, :by, :at)
                        on conflict (borough_code) do update set capacity = excluded.capacity, set_by = excluded.set_by,
                            set_at = excluded.set_at""")
                .bind("b", boroughCode).bind("c", capacity).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
    }

    // ---- exceptions ------------------------------------------------------------------------------------------

    /** Live exceptions in a borough (every borough when null), newest first. */
    public List<CohortException> exceptions(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, borough_code, offender_id, kind, reason, recorded_by, recorded_at
                        from iom_cohort_exception
                        where withdrawn_at is null and (cast(:borough as text) is null or borough_code = :borough)
                        order by recorded_at desc, id desc""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> new CohortException(rs.getLong("id"), rs.getString("borough_code"),
                        rs.getString("offender_id"), CohortException.Kind.of(rs.getString("kind")), rs.getString("reason"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    public long recordException(Handle h, String boroughCode, String offenderId, CohortException.Kind kind,
                                String reason, String by, Instant at) {
        boolean live = h.createQuery("""
                        select count(*) > 0 from iom_cohort_exception
                        where borough_code = :b and offender_id = :o and withdrawn_at is null""")
                .bind("b", boroughCode).bind("o", offenderId).mapTo(Boolean.class).one();
        if (live) {
            throw BadInput.field("offenderId", "This borough already has an exception for " + offenderId
                    + ": withdraw it first");
        }
        return h.createUpdate("""
                        insert into iom_cohort_exception (borough_code, offender_id, kind, reason, recorded_by, recorded_at)
                        values (:b, :o, :k, :r, :by, :at)""")
                .bind("b", boroughCode).bind("o", offenderId).bind("k", kind.code()).bind("r", reason).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<CohortException> exception(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, borough_code, offender_id, kind, reason, recorded_by, recorded_at
                        from iom_cohort_exception where id = :id and withdrawn_at is null""")
                .bind("id", id)
                .map((rs, ctx) -> new CohortException(rs.getLong("id"), rs.getString("borough_code"),
                        rs.getString("offender_id"), CohortException.Kind.of(rs.getString("kind")), rs.getString("reason"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    public void withdrawException(Handle h, long id, String by, Instant at) {
        h.createUpdate("update iom_cohort_exception set withdrawn_by = :by, withdrawn_at = :at where id = :id"
                        + " and withdrawn_at is null")
                .bind("id", id).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
    }

    // ---- nominals ----------------------------------------------------------------------------------------------

    public Optional<Nominal> nominal(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select o.id, o.borough_code, o.ward_code,
                               (select trim(coalesce(pr.forenames, '') || ' ' || coalesce(pr.surname, ''))
                                from person_record pr where pr.source_type = 'offender' and pr.source_id = o.id
                                order by pr.seq limit 1) as name
                        from offender o where o.id = :id""")
                .bind("id", offenderId)
                .map((rs, ctx) -> new Nominal(rs.getString("id"), rs.getString("borough_code"), rs.getString("ward_code"),
                        rs.getString("name"))).findOne());
    }

    /** Names and wards of many nominals at once, for lists. */
    public Map<String, Nominal> nominals(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<String, Nominal> m = new HashMap<>();
            h.createQuery("""
                            select o.id, o.borough_code, o.ward_code,
                                   (select trim(coalesce(pr.forenames, '') || ' ' || coalesce(pr.surname, ''))
                                    from person_record pr where pr.source_type = 'offender' and pr.source_id = o.id
                                    order by pr.seq limit 1) as name
                            from offender o where o.id = any(:ids)""")
                    .bind("ids", ids.toArray(String[]::new))
                    .map((rs, ctx) -> new Nominal(rs.getString("id"), rs.getString("borough_code"),
                            rs.getString("ward_code"), rs.getString("name")))
                    .forEach(n -> m.put(n.id(), n));
            return m;
        });
    }

    public List<Offence> history(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select h.offender_id, o.borough_code, h.offence_on, h.offence_group, h.disposal
                        from offending_history h join offender o on o.id = h.offender_id
                        where h.offender_id = :id order by h.offence_on desc, h.seq desc""")
                .bind("id", offenderId)
                .map((rs, ctx) -> new Offence(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5))).list());
    }

    // ---- home addresses ------------------------------------------------------------------------------------------

    /** An offender's home address as last recorded, with the ward its postcode lies in. */
    public record Address(String address, String postcode, String wardCode, String boroughCode, String recordedBy,
                          Instant recordedAt) {
    }

    /**
     * Records a home address and moves the nominal to its ward, so that tasks follow the address. The earlier
     * addresses are kept; offender's earlier ward is kept as its previous version.
     */
    public void recordAddress(Handle h, String offenderId, String address, String postcode, String wardCode,
                              String boroughCode, String by, Instant at) {
        h.createUpdate("""
                        insert into offender_address (offender_id, address, postcode, ward_code, borough_code,
                            recorded_by, recorded_at)
                        values (:o, :a, :pc, :w, :b, :by, :at)""")
                .bind("o", offenderId).bind("a", address).bind("pc", postcode).bind("w", wardCode).bind("b", boroughCode)
                .bind("by", by).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
        h.createUpdate("update offender set ward_code = :w where id = :o and ward_code is distinct from :w")
                .bind("o", offenderId).bind("w", wardCode).execute();
    }

    public Optional<Address> address(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select address, postcode, ward_code, borough_code, recorded_by, recorded_at
                        from offender_address where offender_id = :o order by recorded_at desc, id desc limit 1""")
                .bind("o", offenderId)
                .map((rs, ctx) -> new Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).findOne());
    }

    // ---- cases, absences and contacts ------------------------------------------------------------------------

    public Optional<Case> caseOf(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, borough_code, lead_officer, deputy_officer, partner_lead, plan, opened_on
                        from iom_case where offender_id = :id and closed_on is null""")
                .bind("id", offenderId).map((rs, ctx) -> caseRow(rs)).findOne());
    }

    /** Open cases in a borough (every borough when null). */
    public List<Case> cases(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select offender_id, borough_code, lead_officer, deputy_officer, partner_lead, plan, opened_on
                        from iom_case where closed_on is null
                          and (cast(:borough as text) is null or borough_code = :borough)
                        order by borough_code, offender_id""")
                .bind("borough", boroughCode).map((rs, ctx) -> caseRow(rs)).list());
    }

    private static Case caseRow(ResultSet rs) throws SQLException {
        return new Case(rs.getString("offender_id"), rs.getString("borough_code"), rs.getString("lead_officer"),
                rs.getString("deputy_officer"), rs.getString("partner_lead"), rs.getString("plan"),
                rs.getObject("opened_on", LocalDate.class));
    }

    public void saveCase(Handle h, Case c, String by, Instant at) {
        h.createUpdate("""
                        insert into iom_case (offender_id, borough_code, lead_officer, deputy_officer, partner_lead, plan,
                            opened_on, updated_by, updated_at)
                        values (:id, :b, :lead, :deputy, :partner, :plan, :opened, :by, :at)
                        on conflict (offender_id) do update set lead_officer = excluded.lead_officer,
                            deputy_officer = excluded.deputy_officer, partner_lead = excluded.partner_lead,
                            plan = excluded.plan, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                            closed_on = null""")
                .bind("id", c.offenderId()).bind("b", c.boroughCode()).bind("lead", c.leadOfficer())
                .bind("deputy", c.deputyOfficer()).bind("partner", c.partnerLead()).bind("plan", c.plan())
                .bind("opened", c.openedOn()).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
    }

    /** Absences that overlap a day. */
    public List<ManagerCover.Absence> absencesOn(LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select officer, starts_on, ends_on, reason from iom_officer_absence
                        where starts_on <= :d and ends_on >= :d""")
                .bind("d", day)
                .map((rs, ctx) -> new ManagerCover.Absence(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list());
    }

    public void recordAbsence(Handle h, String officer, LocalDate from, LocalDate to, String reason, String by,
                              Instant at) {
        h.createUpdate("""
                        insert into iom_officer_absence (officer, starts_on, ends_on, reason, recorded_by, recorded_at)
                        values (:o, :f, :t, :r, :by, :at)""")
                .bind("o", officer).bind("f", from).bind("t", to).bind("r", reason).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
    }

    public List<Contact> contacts(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, contact_on, kind, outcome, drug_test, recorded_by from iom_contact
                        where offender_id = :id order by contact_on desc, id desc""")
                .bind("id", offenderId)
                .map((rs, ctx) -> new Contact(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list());
    }

    public void recordContact(Handle h, String offenderId, LocalDate on, String kind, String outcome, String drugTest,
                              String by, Instant at) {
        h.createUpdate("""
                        insert into iom_contact (offender_id, contact_on, kind, outcome, drug_test, recorded_by, recorded_at)
                        values (:id, :on, :kind, :outcome, :drug, :by, :at)""")
                .bind("id", offenderId).bind("on", on).bind("kind", kind).bind("outcome", outcome)
                .bind("drug", drugTest).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute();
    }

    // ---- tasks -----------------------------------------------------------------------------------------------

    private static final String TASK_SELECT = """
            select t.id, t.offender_id,
                   (select trim(coalesce(pr.forenames, '') || ' ' || coalesce(pr.surname, ''))
                    from person_record pr where pr.source_type = 'offender' and pr.source_id = t.offender_id
                    order by pr.seq limit 1) as name,
                   t.borough_code, t.ward_code, t.kind, t.details, t.due_on, t.requested_by, t.requested_at,
                   t.completed_by, t.completed_at, t.result
            from iom_task t
            """;

    public long createTask(Handle h, String offenderId, String boroughCode, String wardCode, String kind,
                           String details, LocalDate dueOn, String by, Instant at) {
        return h.createUpdate("""
                        insert into iom_task (offender_id, borough_code, ward_code, kind, details, due_on, requested_by,
                            requested_at)
                        values (:o, :b, :w, :k, :d, :due, :by, :at)""")
                .bind("o", offenderId).bind("b", boroughCode).bind("w", wardCode).bind("k", kind).bind("d", details)
                .bind("due", dueOn).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<Task> task(long id) {
        return jdbi.withHandle(h -> h.createQuery(TASK_SELECT + " where t.id = :id").bind("id", id)
                .map((rs, ctx) -> task(rs)).findOne());
    }

    /** Open tasks in a borough (every borough when null), in a ward when given, soonest due first. */
    public List<Task> openTasks(String boroughCode, String wardCode) {
        return jdbi.withHandle(h -> h.createQuery(TASK_SELECT + """
                         where t.completed_at is null
                          and (cast(:borough as text) is null or t.borough_code = :borough)
                          and (cast(:ward as text) is null or t.ward_code = :ward)
                        order by t.due_on, t.id""")
                .bind("borough", boroughCode).bind("ward", wardCode).map((rs, ctx) -> task(rs)).list());
    }

    public List<Task> tasksFor(String offenderId) {
        return jdbi.withHandle(h -> h.createQuery(TASK_SELECT + " where t.offender_id = :id order by t.requested_at desc")
                .bind("id", offenderId).map((rs, ctx) -> task(rs)).list());
    }

    public boolean completeTask(Handle h, long id, String result, String by, Instant at) {
        return h.createUpdate("""
                        update iom_task set completed_by = :by, completed_at = :at, result = :r
                        where id = :id and completed_at is null""")
                .bind("id", id).bind("by", by).bind("r", result)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).execute() == 1;
    }

    /** Task completion by borough: tasks set, completed, completed by their due date. */
    public record Completion(String boroughCode, int set, int completed, int onTime) {
        public double rate() {
            return set == 0 ? 0 : (double) completed / set;
        }
    }

    public List<Completion> completion(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select borough_code, count(*) as set, count(completed_at) as completed,
                               count(*) filter (where completed_at is not null
                                   and (completed_at at time zone 'Europe/London')::date <= due_on) as on_time
                        from iom_task where cast(:borough as text) is null or borough_code = :borough
                        group by borough_code order by borough_code""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> new Completion(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list());
    }

    private static Task task(ResultSet rs) throws SQLException {
        OffsetDateTime done = rs.getObject("completed_at", OffsetDateTime.class);
        return new Task(rs.getLong("id"), rs.getString("offender_id"), rs.getString("name"),
                rs.getString("borough_code"), rs.getString("ward_code"), rs.getString("kind"), rs.getString("details"),
                rs.getObject("due_on", LocalDate.class), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("completed_by"),
                done == null ? null : done.toInstant(), rs.getString("result"));
    }
}
