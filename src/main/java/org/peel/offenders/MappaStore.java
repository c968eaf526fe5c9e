package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for MAPPA cases and potentially dangerous persons. */
public final class MappaStore {

    private final Jdbi jdbi;

    public MappaStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A MAPPA case with its borough and plan. */
    public record Stored(Mappa.Case facts, String boroughCode, String plan) {
    }

    /** A potentially dangerous person as recorded. */
    public record Pdp(long id, String boroughCode, String subject, String offenderId, String reason, String evidence,
                      LocalDate reviewOn, String recordedBy) {
    }

    // one statement's columns and one row mapper for every read of a case, so the reads cannot drift apart
    private static final String CASE_COLUMNS = """
            offender_id, borough_code, category, level, lead_agency, risk, plan, registered_on, last_visit_on,
            next_meeting_on""";
    private static final String CASE_SELECT = "select " + CASE_COLUMNS + " from mappa_case";
    private static final RowMapper<Stored> CASE_ROW = (rs, ctx) -> new Stored(new Mappa.Case(
            rs.getString("offender_id"), Mappa.Category.of(rs.getInt("category")), Mappa.Level.of(rs.getInt("level")),
            Mappa.Agency.valueOf(rs.getString("lead_agency")), Mappa.RiskOfSeriousHarm.valueOf(rs.getString("risk")),
            rs.getObject("registered_on", LocalDate.class), rs.getObject("last_visit_on", LocalDate.class),
            rs.getObject("next_meeting_on", LocalDate.class)), rs.getString("borough_code"), rs.getString("plan"));

    public List<Stored> cases(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery(CASE_SELECT
                        + " where cast(:b as text) is null or borough_code = :b order by offender_id")
                .bind("b", boroughCode)
                .map(CASE_ROW).list());
    }

    /**
     * Which MAPPA cases the list shows: in a borough (null: the force), at a level and a risk of serious harm (null:
     * any), only those overdue when {@code overdueOnly}; visits fall due {@code visitDays} after the last (or the
     * registration), as {@link Mappa#review} says.
     */
    public record CaseFilter(String borough, Integer level, String risk, boolean overdueOnly, LocalDate today,
                             Map<Mappa.RiskOfSeriousHarm, Integer> visitDays) {

        public int veryHigh() {
            return days(Mappa.RiskOfSeriousHarm.VERY_HIGH);
        }

        public int high() {
            return days(Mappa.RiskOfSeriousHarm.HIGH);
        }

        public int medium() {
            return days(Mappa.RiskOfSeriousHarm.MEDIUM);
        }

        public int low() {
            return days(Mappa.RiskOfSeriousHarm.LOW);
        }

        private int days(Mappa.RiskOfSeriousHarm r) {
            return visitDays.getOrDefault(r, Mappa.DEFAULT_VISIT_DAYS.get(r));
        }
    }

    // a case is overdue when its visit is past due, or when a level 2 or 3 case's MAPP meeting is unset or passed
    private static final String CASE_PAGE = """
            with c as (
                select %s,
                       coalesce(last_visit_on, registered_on) + case risk when 'VERY_HIGH' then :veryHigh
                           when 'HIGH' then :high when 'MEDIUM' then :medium else :low end as visit_due
                from mappa_case
                where (cast(:borough as text) is null or borough_code = :borough)
                  and (cast(:level as integer) is null or level = :level)
                  and (cast(:risk as text) is null or risk = :risk)
            ), o as (
                select c.*, (:today > visit_due or (level >= 2 and (next_meeting_on is null or :today > next_meeting_on)))
                       as overdue
                from c
            )
            """.formatted(CASE_COLUMNS);

    public long countCases(CaseFilter f) {
        return jdbi.withHandle(h -> h.createQuery(CASE_PAGE + " select count(*) from o where not :overdueOnly or overdue")
                .bindMethods(f).mapTo(Long.class).one());
    }

    /** One page of MAPPA cases, the overdue first, then the soonest visit due. */
    public List<Stored> cases(CaseFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(CASE_PAGE + """
                         select * from o where not :overdueOnly or overdue
                         order by overdue desc, visit_due, offender_id limit :limit offset :offset""")
                .bindMethods(f).bind("limit", limit).bind("offset", offset)
                .map(CASE_ROW).list());
    }

    /** The boroughs holding MAPPA cases, code to name, for the list's filter. */
    public Map<String, String> boroughsWithCases() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select distinct b.code, b.name from mappa_case c join borough b on b.code = c.borough_code
                        order by b.name""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** One offender's MAPPA case, read in the caller's transaction. */
    public Optional<Stored> caseOf(Handle h, String offenderId) {
        return h.createQuery(CASE_SELECT + " where offender_id = :id")
                .bind("id", offenderId)
                .map(CASE_ROW).findOne();
    }

    public boolean underMappa(String offenderId) {
        return offenderId != null && jdbi.withHandle(h -> h.createQuery(
                "select count(*) > 0 from mappa_case where offender_id = :id").bind("id", offenderId)
                .mapTo(Boolean.class).one());
    }

    public void register(Handle h, Mappa.Case c, String borough, String plan, String by, Instant at) {
        h.createUpdate("""
                        insert into mappa_case (offender_id, borough_code, category, level, lead_agency, risk, plan,
                            registered_on, last_visit_on, next_meeting_on, updated_by, updated_at)
                        values (:id, :b, :cat, :lvl, :agency, :risk, :plan, :reg, :visit, :meeting, :by, :at)
                        on conflict (offender_id) do update set category = excluded.category, level = excluded.level,
                            lead_agency = excluded.lead_agency, risk = excluded.risk, plan = excluded.plan,
                            next_meeting_on = excluded.next_meeting_on, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .bind("id", c.offenderId()).bind("b", borough).bind("cat", c.category().number())
                .bind("lvl", c.level().number()).bind("agency", c.leadAgency().name()).bind("risk", c.risk().name())
                .bind("plan", plan).bind("reg", c.registeredOn()).bind("visit", c.lastVisitOn())
                .bind("meeting", c.nextMeetingOn()).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute();
    }

    public boolean recordVisit(Handle h, String offenderId, LocalDate on, String by, Instant at) {
        return h.createUpdate("""
                        update mappa_case set last_visit_on = :on, updated_by = :by, updated_at = :at
                        where offender_id = :id and (last_visit_on is null or last_visit_on < :on)""")
                .bind("id", offenderId).bind("on", on).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute() == 1;
    }

    /** A MAPP meeting as recorded, with who recorded it and its actions as they stand. */
    public record HeldMeeting(long id, Mappa.Meeting meeting, String recordedBy, List<StoredAction> actions) {
    }

    /**
     * An action a meeting set, as it stands: open, or marked done on a day with a note by a user.
     *
     * @param heldOn the day the meeting that set it was held
     */
    public record StoredAction(long id, long meetingId, LocalDate heldOn, Mappa.Action action, LocalDate doneOn,
                               String doneNote, String doneBy) {

        public Mappa.ActionStatus status(LocalDate today) {
            return Mappa.actionStatus(action.dueOn(), doneOn, today);
        }
    }

    /**
     * Records a meeting held and its actions, and brings the case to the level, risk of serious harm and next meeting
     * the meeting decided (the case keeps its previous version). Returns the meeting's id.
     */
    public long recordMeeting(Handle h, Mappa.Meeting m, String by, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        long id = h.createUpdate("""
                        insert into mappa_meeting (offender_id, held_on, level, chair, attending, apologies,
                            risk_reviewed, outcome, next_meeting_on, recorded_by, recorded_at)
                        values (:id, :held, :lvl, :chair, :attending, :apologies, :risk, :outcome, :next, :by, :at)""")
                .bind("id", m.offenderId()).bind("held", m.heldOn()).bind("lvl", m.level().number())
                .bind("chair", m.chair()).bind("attending", names(m.attending()))
                .bind("apologies", names(m.apologies())).bind("risk", m.riskReviewed().name())
                .bind("outcome", m.outcome()).bind("next", m.nextMeetingOn()).bind("by", by).bind("at", when)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (Mappa.Action a : m.actions()) {
            h.createUpdate("""
                            insert into mappa_meeting_action (meeting_id, agency, action, owner, due_on)
                            values (:m, :agency, :action, :owner, :due)""")
                    .bind("m", id).bind("agency", a.agency().name()).bind("action", a.action())
                    .bind("owner", a.owner()).bind("due", a.dueOn()).execute();
        }
        h.createUpdate("""
                        update mappa_case set level = :lvl, risk = :risk, next_meeting_on = :next, updated_by = :by,
                            updated_at = :at where offender_id = :id""")
                .bind("id", m.offenderId()).bind("lvl", m.level().number()).bind("risk", m.riskReviewed().name())
                .bind("next", m.nextMeetingOn()).bind("by", by).bind("at", when).execute();
        return id;
    }

    private static String[] names(java.util.Set<Mappa.MeetingAgency> agencies) {
        return agencies.stream().map(Enum::name).toArray(String[]::new);
    }

    /** The day of the last meeting recorded for a case, read in the caller's transaction. */
    public Optional<LocalDate> lastMeetingOn(Handle h, String offenderId) {
        return h.createQuery("select max(held_on) from mappa_meeting where offender_id = :id")
                .bind("id", offenderId).mapTo(LocalDate.class).findOne();
    }

    private static final String ACTIONS = """
            select a.id, a.meeting_id, m.held_on, a.agency, a.action, a.owner, a.due_on, a.done_on, a.done_note,
                   a.done_by
            from mappa_meeting_action a join mappa_meeting m on m.id = a.meeting_id
            """;

    private static StoredAction action(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredAction(rs.getLong("id"), rs.getLong("meeting_id"), rs.getObject("held_on", LocalDate.class),
                new Mappa.Action(Mappa.MeetingAgency.valueOf(rs.getString("agency")), rs.getString("action"),
                        rs.getString("owner"), rs.getObject("due_on", LocalDate.class)),
                rs.getObject("done_on", LocalDate.class), rs.getString("done_note"), rs.getString("done_by"));
    }

    /** One action of a case's meetings, read in the caller's transaction; empty when the case set no such action. */
    public Optional<StoredAction> action(Handle h, String offenderId, long actionId) {
        return h.createQuery(ACTIONS + " where m.offender_id = :offender and a.id = :id")
                .bind("offender", offenderId).bind("id", actionId).map((rs, ctx) -> action(rs)).findOne();
    }

    /** Marks an open action done (the action keeps its previous version); false when it was done already. */
    public boolean markDone(Handle h, long actionId, Mappa.Done done, String by, Instant at) {
        return h.createUpdate("""
                        update mappa_meeting_action set done_on = :on, done_note = :note, done_by = :by, done_at = :at
                        where id = :id and done_on is null""")
                .bind("id", actionId).bind("on", done.on()).bind("note", done.note()).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute() == 1;
    }

    /** How many open actions are past their due date, and the cases they are on, the longest overdue first. */
    public record OverdueActions(int actions, List<String> cases) {
    }

    /** Open actions past their due date on a day, in one borough's cases (null: the force's). */
    public OverdueActions overdueActions(String boroughCode, LocalDate today) {
        List<String> cases = jdbi.withHandle(h -> h.createQuery("""
                        select m.offender_id from mappa_meeting_action a
                        join mappa_meeting m on m.id = a.meeting_id
                        join mappa_case c on c.offender_id = m.offender_id
                        where a.done_on is null and a.due_on < :today
                          and (cast(:b as text) is null or c.borough_code = :b)
                        order by a.due_on, a.id""")
                .bind("today", today).bind("b", boroughCode).mapTo(String.class).list());
        return new OverdueActions(cases.size(), List.copyOf(new java.util.LinkedHashSet<>(cases)));
    }

    /** A case's meetings, newest first, each with its actions. */
    public List<HeldMeeting> meetings(String offenderId) {
        return jdbi.withHandle(h -> {
            Map<Long, List<StoredAction>> actions = new java.util.HashMap<>();
            h.createQuery(ACTIONS + " where m.offender_id = :id order by a.id")
                    .bind("id", offenderId)
                    .map((rs, ctx) -> action(rs))
                    .forEach(a -> actions.computeIfAbsent(a.meetingId(), k -> new ArrayList<>()).add(a));
            return h.createQuery("""
                            select id, held_on, level, chair, attending, apologies, risk_reviewed, outcome,
                                   next_meeting_on, recorded_by
                            from mappa_meeting where offender_id = :id order by held_on desc, id desc""")
                    .bind("id", offenderId)
                    .map((rs, ctx) -> new HeldMeeting(rs.getLong("id"), new Mappa.Meeting(offenderId,
                            rs.getObject("held_on", LocalDate.class), Mappa.Level.of(rs.getInt("level")),
                            rs.getString("chair"), agencies((String[]) rs.getArray("attending").getArray()),
                            agencies((String[]) rs.getArray("apologies").getArray()),
                            Mappa.RiskOfSeriousHarm.valueOf(rs.getString("risk_reviewed")), rs.getString("outcome"),
                            actions.getOrDefault(rs.getLong("id"), List.<StoredAction>of()).stream()
                                    .map(StoredAction::action).toList(),
                            rs.getObject("next_meeting_on", LocalDate.class)), rs.getString("recorded_by"),
                            List.copyOf(actions.getOrDefault(rs.getLong("id"), List.of()))))
                    .list();
        });
    }

    private static java.util.Set<Mappa.MeetingAgency> agencies(String[] names) {
        java.util.Set<Mappa.MeetingAgency> out = java.util.EnumSet.noneOf(Mappa.MeetingAgency.class);
        for (String n : names) {
            out.add(Mappa.MeetingAgency.valueOf(n));
        }
        return out;
    }

    public List<Pdp> pdps(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, borough_code, subject, offender_id, reason, evidence, review_on, recorded_by
                        from potentially_dangerous_person where cast(:b as text) is null or borough_code = :b
                        order by review_on, id""")
                .bind("b", boroughCode)
                .map((rs, ctx) -> new Pdp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8))).list());
    }

    public Optional<Pdp> pdp(long id) {
        return pdps(null).stream().filter(p -> p.id() == id).findFirst();
    }

    public long include(Handle h, String borough, String subject, String offenderId, String reason, String evidence,
                        LocalDate reviewOn, String by, Instant at) {
        return h.createUpdate("""
                        insert into potentially_dangerous_person (borough_code, subject, offender_id, reason, evidence,
                            review_on, recorded_by, recorded_at)
                        values (:b, :s, :o, :r, :e, :review, :by, :at)""")
                .bind("b", borough).bind("s", subject).bind("o", offenderId).bind("r", reason).bind("e", evidence)
                .bind("review", reviewOn).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void renew(Handle h, long id, String reason, String evidence, LocalDate reviewOn, String by, Instant at) {
        h.createUpdate("""
                        update potentially_dangerous_person set reason = :r, evidence = :e, review_on = :review,
                            recorded_by = :by, recorded_at = :at where id = :id""")
                .bind("id", id).bind("r", reason).bind("e", evidence).bind("review", reviewOn).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }
}
