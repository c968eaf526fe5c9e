package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** SQL for the allocation and Victims' Code measures a supervisor reads: times to allocation, caseloads, compliance. */
public final class InvestigationMetricsStore {

    private final Jdbi jdbi;

    public InvestigationMetricsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Time from recording to allocation for screened-in crimes of one borough and offence group. */
    public record AllocationTimes(String boroughCode, String offenceGroup, long crimes, double medianHours, double p90Hours,
                                  long breaches, long waiting, double oldestWaitHours) {
    }

    /**
     * Hours from recording to first allocation by borough and offence group (median and 90th percentile,
     * interpolated); a crime still in the queue counts its wait so far, so a stuck queue shows.
     */
    public List<AllocationTimes> allocationTimes(String boroughCode, int targetHours, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        with w as (
                            select c.borough_code, c.offence_group, f.first_at is null as waiting,
                                   extract(epoch from (coalesce(f.first_at, cast(:now as timestamp)) - c.recorded_at)) / 3600.0 as hours
                            from crime c join crime_screening s on s.crime_id = c.id
                            left join lateral (select min(a.allocated_at) as first_at from crime_allocation a
                                               where a.crime_id = c.id) f on true
                            where s.screened_in and (cast(:borough as text) is null or c.borough_code = :borough))
                        select borough_code, offence_group, count(*) as crimes,
                               percentile_cont(0.5) within group (order by hours) as median,
                               percentile_cont(0.9) within group (order by hours) as p90,
                               count(*) filter (where hours > :target) as breaches,
                               count(*) filter (where waiting) as waiting,
                               coalesce(max(hours) filter (where waiting), 0) as oldest
                        from w group by borough_code, offence_group order by borough_code, offence_group""")
                .bind("borough", boroughCode).bind("now", now).bind("target", targetHours)
                .map((rs, ctx) -> new AllocationTimes(rs.getString("borough_code"), rs.getString("offence_group"),
                        rs.getLong("crimes"), rs.getDouble("median"), rs.getDouble("p90"), rs.getLong("breaches"),
                        rs.getLong("waiting"), rs.getDouble("oldest")))
                .list());
    }

    /** An investigator's open caseload: crimes allocated and not yet given an outcome, and their weight. */
    public record Caseload(String investigatorId, String name, String specialism, int pipLevel, long openCrimes, long weighted) {
    }

    public List<Caseload> caseloads(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select i.id, i.display_name, i.specialism, i.pip_level,
                               count(a.id) as open_crimes, coalesce(sum(a.weight), 0) as weighted
                        from investigator i join investigation_team t on t.id = i.team_id
                        left join crime_allocation a on a.investigator_id = i.id and a.ended_at is null
                             and not exists (select 1 from crime_outcome o where o.crime_id = a.crime_id)
                        where (cast(:borough as text) is null or t.borough_code = :borough)
                        group by i.id, i.display_name, i.specialism, i.pip_level
                        order by weighted desc, i.id limit 500""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> new Caseload(rs.getString("id"), rs.getString("display_name"), rs.getString("specialism"),
                        rs.getInt("pip_level"), rs.getLong("open_crimes"), rs.getLong("weighted")))
                .list());
    }

    /** Victims' Code deadlines that have fallen due in a borough: kept on time, kept late, and still open. */
    public record Compliance(String boroughCode, long due, long onTime, long late, long overdue) {
        public double onTimePct() {
            return due == 0 ? 0 : 100.0 * onTime / due;
        }
    }

    public List<Compliance> victimsCodeCompliance(String boroughCode, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.borough_code, count(*) as due,
                               count(*) filter (where d.met_at is not null and cast(d.met_at as date) <= d.due_date) as on_time,
                               count(*) filter (where d.met_at is not null and cast(d.met_at as date) > d.due_date) as late,
                               count(*) filter (where d.met_at is null) as overdue
                        from victims_code_deadline d join crime c on c.id = d.crime_id
                        where d.due_date < :today and (cast(:borough as text) is null or c.borough_code = :borough)
                        group by c.borough_code order by c.borough_code""")
                .bind("borough", boroughCode).bind("today", today)
                .map((rs, ctx) -> new Compliance(rs.getString("borough_code"), rs.getLong("due"), rs.getLong("on_time"),
                        rs.getLong("late"), rs.getLong("overdue")))
                .list());
    }
}
