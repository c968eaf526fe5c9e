package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for investigators: duty rotas, who works in which borough, the user account each is linked to, and the crimes
 * and Victims' Code deadlines each holds (their caseload).
 */
public final class InvestigatorStore {

    private final Jdbi jdbi;

    public InvestigatorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** One day's shift from a duty rota, replacing the day's earlier one. True when something changed. */
    public boolean upsertShift(Handle h, String investigatorId, DutyRota.Shift shift, LocalDateTime importedAt) {
        return h.createUpdate("""
                        insert into investigator_duty_rota (investigator_id, duty_date, shift_start, shift_end, imported_at)
                        values (:inv, :date, :start, :end, :at)
                        on conflict (investigator_id, duty_date) do update
                            set shift_start = excluded.shift_start, shift_end = excluded.shift_end, imported_at = excluded.imported_at
                            where investigator_duty_rota.shift_start <> excluded.shift_start
                               or investigator_duty_rota.shift_end <> excluded.shift_end""")
                .bind("inv", investigatorId).bind("date", shift.date()).bind("start", shift.start()).bind("end", shift.end())
                .bind("at", importedAt).execute() > 0;
    }

    /** The investigators that exist among these ids. */
    public java.util.Set<String> existingInvestigators(Handle h, java.util.Collection<String> ids) {
        return new java.util.HashSet<>(h.createQuery("select id from investigator where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new)).mapTo(String.class).list());
    }

    /** Investigators of a borough able to take a crime, for a supervisor's reallocation list. */
    public Map<String, String> investigatorsIn(String boroughCode) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select i.id, i.display_name, i.pip_level, i.specialism from investigator i
                        join investigation_team t on t.id = i.team_id where t.borough_code = :borough order by i.specialism, i.id""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("display_name") + " (PIP " + rs.getInt("pip_level")
                        + ", " + rs.getString("specialism") + ")"))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    public Optional<String> investigatorBorough(Handle h, String investigatorId) {
        return h.createQuery("select t.borough_code from investigator i join investigation_team t on t.id = i.team_id where i.id = :id")
                .bind("id", investigatorId).mapTo(String.class).findOne();
    }

    /** An investigator with the user account linked to them, if any. */
    public record InvestigatorLink(String investigatorId, String name, int pipLevel, String specialism, String teamName,
                                   String boroughCode, String username) {
    }

    private static final String INVESTIGATOR_LINK = """
            select i.id, i.display_name, i.pip_level, i.specialism, t.name as team, t.borough_code, l.username
            from investigator i join investigation_team t on t.id = i.team_id
            left join investigator_account l on l.investigator_id = i.id
            """;

    private static InvestigatorLink investigatorLink(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InvestigatorLink(rs.getString("id"), rs.getString("display_name"), rs.getInt("pip_level"),
                rs.getString("specialism"), rs.getString("team"), rs.getString("borough_code"), rs.getString("username"));
    }

    /** A borough's investigators (every borough's when {@code boroughCode} is null), with their linked accounts. */
    public List<InvestigatorLink> investigatorLinks(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery(INVESTIGATOR_LINK + """
                        where (cast(:borough as text) is null or t.borough_code = :borough)
                        order by t.borough_code, i.specialism, i.id limit 2000""")
                .bind("borough", boroughCode).map((rs, ctx) -> investigatorLink(rs)).list());
    }

    public Optional<InvestigatorLink> investigatorLink(Handle h, String investigatorId) {
        return h.createQuery(INVESTIGATOR_LINK + "where i.id = :id").bind("id", investigatorId)
                .map((rs, ctx) -> investigatorLink(rs)).findOne();
    }

    public Optional<InvestigatorLink> investigatorLink(String investigatorId) {
        return jdbi.withHandle(h -> investigatorLink(h, investigatorId));
    }

    /** The investigator a user account is linked to. */
    public Optional<InvestigatorLink> investigatorOf(String username) {
        return jdbi.withHandle(h -> h.createQuery(INVESTIGATOR_LINK + "where l.username = :u").bind("u", username)
                .map((rs, ctx) -> investigatorLink(rs)).findOne());
    }

    /** Links (or relinks) an investigator to a user account; the previous link is kept in the record history. */
    public void linkInvestigator(Handle h, String investigatorId, String username, LocalDateTime at, String by) {
        h.createUpdate("""
                        insert into investigator_account (investigator_id, username, linked_at, linked_by)
                        values (:inv, :user, :at, :by)
                        on conflict (investigator_id) do update
                            set username = excluded.username, linked_at = excluded.linked_at, linked_by = excluded.linked_by""")
                .bind("inv", investigatorId).bind("user", username).bind("at", at).bind("by", by).execute();
    }

    /**
     * The crimes each of these investigators holds now: the current allocation, or for a crime never allocated
     * through Peel (a synthetic or migrated record) the investigator named on the crime itself.
     */
    private static final String HELD_BY = """
            with held as (
                select a.crime_id, a.investigator_id, a.allocated_at from crime_allocation a
                where a.ended_at is null and a.investigator_id = any(:ids)
                union all
                select c.id, c.investigator_id, c.recorded_at from crime c
                where c.investigator_id = any(:ids)
                  and not exists (select 1 from crime_allocation x where x.crime_id = c.id))
            """;

    /** Open crimes (no outcome yet) held by any of these investigators, oldest first. */
    public List<InvestigatorCaseload.OpenCrime> openCrimesOf(List<String> investigatorIds) {
        return jdbi.withHandle(h -> h.createQuery(HELD_BY + """
                        select held.investigator_id, c.id, c.offence_group, s.priority, c.recorded_at, held.allocated_at,
                               c.domestic_abuse,
                               (select r.next_review_due from supervisory_review r where r.crime_id = c.id
                                order by r.reviewed_at desc, r.id desc limit 1) as next_review_due
                        from held join crime c on c.id = held.crime_id
                        left join crime_screening s on s.crime_id = c.id
                        where not exists (select 1 from crime_outcome o where o.crime_id = c.id)
                        order by c.recorded_at, c.id""")
                .bind("ids", investigatorIds.toArray(String[]::new))
                .map((rs, ctx) -> new InvestigatorCaseload.OpenCrime(rs.getString("investigator_id"), rs.getString("id"),
                        rs.getString("offence_group"), rs.getString("priority") == null ? null : Priority.valueOf(rs.getString("priority")),
                        Moments.local(rs, "recorded_at"), Moments.local(rs, "allocated_at"),
                        rs.getBoolean("domestic_abuse"), rs.getObject("next_review_due", LocalDate.class)))
                .list());
    }

    /** An investigative action not yet done, on an open crime. */
    public record DueAction(long id, String crimeId, String offenceGroup, String description, String ownerUsername,
                            LocalDate dueDate) {
    }

    /**
     * The actions not yet done and due by {@code until} on the open crimes the investigator holds, or owned by their
     * account on any open crime; soonest first.
     */
    public List<DueAction> dueActionsOf(String investigatorId, String username, LocalDate until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.crime_id, c.offence_group, a.description, a.owner_username, a.due_date
                        from investigation_action a join crime c on c.id = a.crime_id
                        where a.completed_at is null and a.due_date <= :until
                          and not exists (select 1 from crime_outcome o where o.crime_id = c.id)
                          and (a.owner_username = :username
                               or exists (select 1 from crime_allocation al where al.crime_id = c.id and al.ended_at is null
                                          and al.investigator_id = :inv))
                        order by a.due_date, a.id""")
                .bind("until", until).bind("username", username).bind("inv", investigatorId)
                .map((rs, ctx) -> new DueAction(rs.getLong("id"), rs.getString("crime_id"), rs.getString("offence_group"),
                        rs.getString("description"), rs.getString("owner_username"), rs.getObject("due_date", LocalDate.class)))
                .list());
    }

    /** Unmet Victims' Code deadlines falling on or before {@code until} on open crimes these investigators hold. */
    public List<InvestigatorCaseload.OpenDeadline> openDeadlinesOf(List<String> investigatorIds, LocalDate until) {
        return jdbi.withHandle(h -> h.createQuery(HELD_BY + """
                        select held.investigator_id, d.crime_id, d.kind, d.due_date
                        from held join victims_code_deadline d on d.crime_id = held.crime_id
                        where d.met_at is null and d.due_date <= :until
                          and not exists (select 1 from crime_outcome o where o.crime_id = d.crime_id)
                        order by d.due_date, d.crime_id""")
                .bind("ids", investigatorIds.toArray(String[]::new)).bind("until", until)
                .map((rs, ctx) -> new InvestigatorCaseload.OpenDeadline(rs.getString("investigator_id"), rs.getString("crime_id"),
                        rs.getString("kind"), VictimsCodeDeadlines.Kind.valueOf(rs.getString("kind")).label(),
                        rs.getObject("due_date", LocalDate.class)))
                .list());
    }
}
