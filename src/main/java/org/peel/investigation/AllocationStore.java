package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.CopyRows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL for screening and allocation: the screening decision, the investigators who could take a crime (locked while
 * it is allocated), allocations and reallocations, the allocation queue and the screened-out crimes awaiting review.
 * Writes take the caller's {@link Handle} so that a crime, its decisions and their audit entries commit together.
 */
public final class AllocationStore {

    private final Jdbi jdbi;

    private volatile org.peel.place.BoroughAdjacency adjacency;

    public AllocationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Which boroughs share a border, read once (boundaries change only with a geography import). */
    public org.peel.place.BoroughAdjacency adjacency(Handle h) {
        org.peel.place.BoroughAdjacency a = adjacency;
        if (a == null) {
            a = new org.peel.place.PlaceStore(jdbi).boroughAdjacency(h);
            adjacency = a;
        }
        return a;
    }

    public void insertScreening(Handle h, String crimeId, Screening.Decision d, Screening.Facts f, LocalDateTime at) {
        insert(h, INSERT_SCREENING, v -> screeningRow(v, crimeId, d, f, at));
    }

    private static final String INSERT_SCREENING = """
            insert into crime_screening (crime_id, rule_version, screened_in, priority, pip_level, specialism, harm,
                solvability, solvability_factors, serious_offences, victim_vulnerable, out_reason, reasons, screened_at)
            values (:crime_id, :rule_version, :screened_in, :priority, :pip_level, :specialism, :harm, :solvability,
                :solvability_factors, :serious_offences, :victim_vulnerable, :out_reason, :reasons, :screened_at)""";

    static CopyRows.Values screeningRow(CopyRows.Values v, String crimeId, Screening.Decision d, Screening.Facts f,
                                                LocalDateTime at) {
        Screening.ScreenedIn in = d instanceof Screening.ScreenedIn s ? s : null;
        return v.put("crime_id", crimeId).put("rule_version", d.ruleVersion()).put("screened_in", in != null)
                .put("priority", in == null ? null : in.priority().name())
                .put("pip_level", in == null ? null : in.pipLevel())
                .put("specialism", in == null ? null : in.specialism().label())
                .put("harm", d.harm()).put("solvability", d.solvability())
                .put("solvability_factors", f.solvability().stream().sorted().map(Enum::name).toArray(String[]::new))
                .put("serious_offences", f.seriousOffences().stream().sorted().map(Enum::name).toArray(String[]::new))
                .put("victim_vulnerable", f.victimVulnerable() || f.victimUnder18())
                .put("out_reason", d instanceof Screening.ScreenedOut o ? o.reason() : null)
                .put("reasons", String.join("\n", d.reasons())).put("screened_at", at);
    }

    /**
     * The investigators who could take a crime needing this specialism in this borough, with their weighted caseloads,
     * locked until the transaction ends so that two crimes recorded at once cannot both take the last place under a cap.
     */
    public List<Allocation.Candidate> candidates(Handle h, String boroughCode, Specialism specialism, boolean central) {
        // a central unit's investigators are found by their team, whatever borough it is housed in
        List<String> ids = h.createQuery("""
                        select i.id from investigator i join investigation_team t on t.id = i.team_id
                        where i.specialism = :specialism
                          and (case when :central then exists (select 1 from investigation_central_team ct where ct.team_id = t.id)
                                    else t.borough_code = :borough
                                         and not exists (select 1 from investigation_central_team ct where ct.team_id = t.id) end)
                        order by i.id for update of i""")
                .bind("borough", boroughCode).bind("specialism", specialism.label()).bind("central", central)
                .mapTo(String.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        select i.id, i.team_id, t.borough_code, i.pip_level, coalesce(d.on_duty, true) as on_duty,
                               coalesce((select sum(a.weight) from crime_allocation a
                                         where a.investigator_id = i.id and a.ended_at is null
                                           and not exists (select 1 from crime_outcome o where o.crime_id = a.crime_id)), 0) as load
                        from investigator i join investigation_team t on t.id = i.team_id
                        left join investigator_duty d on d.investigator_id = i.id
                        where i.id = any(:ids) order by i.id""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> new Allocation.Candidate(rs.getString("id"), rs.getString("team_id"),
                        central ? null : rs.getString("borough_code"), rs.getInt("pip_level"), specialism, rs.getBoolean("on_duty"),
                        rs.getInt("load")))
                .list();
    }

    /**
     * As {@link #candidates(Handle, String, Specialism, boolean)}, with each candidate on duty at {@code at} by their
     * duty rota when they have one ({@link DutyRota}), and by the on-duty flag when they have none.
     */
    public List<Allocation.Candidate> candidates(Handle h, String boroughCode, Specialism specialism, boolean central,
                                                 LocalDateTime at) {
        List<Allocation.Candidate> found = candidates(h, boroughCode, specialism, central);
        if (found.isEmpty()) {
            return found;
        }
        String[] ids = found.stream().map(Allocation.Candidate::investigatorId).toArray(String[]::new);
        java.util.Set<String> withRota = new java.util.HashSet<>(h.createQuery(
                        "select distinct investigator_id from investigator_duty_rota where investigator_id = any(:ids)")
                .bind("ids", ids).mapTo(String.class).list());
        if (withRota.isEmpty()) {
            return found;
        }
        Map<String, List<DutyRota.Shift>> shifts = new java.util.HashMap<>();
        h.createQuery("""
                        select investigator_id, duty_date, shift_start, shift_end from investigator_duty_rota
                        where investigator_id = any(:ids) and duty_date between :before and :ahead""")
                .bind("ids", ids).bind("before", at.toLocalDate().minusDays(1)).bind("ahead", at.toLocalDate().plusDays(DutyRota.NEXT_SHIFT_DAYS))
                .map((rs, ctx) -> Map.entry(rs.getString(1), new DutyRota.Shift(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, java.time.LocalTime.class), rs.getObject(4, java.time.LocalTime.class))))
                .forEach(e -> shifts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found.stream().map(c -> {
            List<DutyRota.Shift> own = shifts.getOrDefault(c.investigatorId(), List.of());
            java.time.LocalDateTime next = own.stream().map(DutyRota.Shift::startsAt).filter(t -> t.isAfter(at))
                    .min(java.util.Comparator.naturalOrder()).orElse(null);
            return new Allocation.Candidate(c.investigatorId(), c.teamId(), c.boroughCode(), c.pipLevel(),
                    c.specialism(), DutyRota.onDuty(withRota.contains(c.investigatorId()), own, at, c.onDuty()),
                    c.weightedCaseload(), next);
        }).toList();
    }

    /**
     * Who could take a crime at {@code at}: its team ({@link #candidates(Handle, String, Specialism, boolean, LocalDateTime)});
     * the same specialism in the boroughs of the force sharing a border with the crime's ({@link org.peel.place.BoroughAdjacency}); and for a high-priority crime the borough's investigators
     * of other specialisms as duty detectives.
     */
    public Allocation.Pool pool(Handle h, String boroughCode, Specialism specialism, boolean central, Priority priority,
                                LocalDateTime at) {
        List<Allocation.Candidate> team = candidates(h, boroughCode, specialism, central, at);
        if (boroughCode == null) {
            return Allocation.Pool.of(team);
        }
        java.util.Set<String> adjacent = adjacency(h).of(boroughCode);
        // a neighbouring borough is one sharing a border with the crime's, in the same force
        List<String> neighbourBoroughs = adjacent.isEmpty() ? List.of() : h.createQuery("""
                        select b.code from borough b join borough own on own.code = :borough and own.force_code = b.force_code
                        where b.code = any(:adjacent) order by b.code""")
                .bind("borough", boroughCode).bind("adjacent", adjacent.toArray(String[]::new))
                .mapTo(String.class).list();
        List<Allocation.Candidate> neighbours = new ArrayList<>();
        for (String b : neighbourBoroughs) {
            neighbours.addAll(candidates(h, b, specialism, false, at));
        }
        List<Allocation.Candidate> detectives = new ArrayList<>();
        for (Specialism other : Specialism.values()) {
            if (other != specialism && priority == Priority.HIGH) {
                detectives.addAll(candidates(h, boroughCode, other, false, at));
            }
        }
        return new Allocation.Pool(team, neighbours, detectives);
    }

    public void allocate(Handle h, String crimeId, Allocation.Allocated a, LocalDateTime at, String by) {
        allocate(h, crimeId, a, at, by, a.ruleVersion());
    }

    /** Records an allocation under the given rule version ("supervisor" when a person chose the investigator). */
    public void allocate(Handle h, String crimeId, Allocation.Allocated a, LocalDateTime at, String by, String ruleVersion) {
        insert(h, INSERT_ALLOCATION, v -> allocationRow(v, crimeId, a, at, by, ruleVersion));
        h.createUpdate("update crime set investigator_id = :inv where id = :crime")
                .bind("inv", a.investigator().investigatorId()).bind("crime", crimeId).execute();
        h.createUpdate("update allocation_queue set left_at = :at, left_reason = :why where crime_id = :crime and left_at is null")
                .bind("at", at).bind("why", "Allocated to " + a.investigator().investigatorId()).bind("crime", crimeId).execute();
    }

    private static final String INSERT_ALLOCATION = """
            insert into crime_allocation (crime_id, investigator_id, weight, allocated_at, allocated_by, rule_version, reasons,
                                          route, starts_at)
            values (:crime_id, :investigator_id, :weight, :allocated_at, :allocated_by, :rule_version, :reasons, :route,
                    :starts_at)""";

    static CopyRows.Values allocationRow(CopyRows.Values v, String crimeId, Allocation.Allocated a, LocalDateTime at,
                                                 String by, String ruleVersion) {
        return v.put("crime_id", crimeId).put("investigator_id", a.investigator().investigatorId()).put("weight", a.weight())
                .put("allocated_at", at).put("allocated_by", by).put("rule_version", ruleVersion)
                .put("reasons", String.join("\n", a.reasons()))
                // a supervisor's choice has no route: the page names the supervisor instead
                .put("route", "supervisor".equals(ruleVersion) ? null : a.route().name())
                .put("starts_at", "supervisor".equals(ruleVersion) ? null : a.startsAt());
    }

    public void queue(Handle h, String crimeId, Allocation.Need need, Allocation.Queued q, LocalDateTime at) {
        insert(h, INSERT_QUEUE, v -> queueRow(v, crimeId, need, q, at));
    }

    private static final String INSERT_QUEUE = """
            insert into allocation_queue (crime_id, borough_code, specialism, pip_level, priority, reason, queued_at)
            values (:crime_id, :borough_code, :specialism, :pip_level, :priority, :reason, :queued_at)""";

    static CopyRows.Values queueRow(CopyRows.Values v, String crimeId, Allocation.Need need, Allocation.Queued q,
                                            LocalDateTime at) {
        return v.put("crime_id", crimeId).put("borough_code", need.boroughCode()).put("specialism", need.specialism().label())
                .put("pip_level", need.pipLevel()).put("priority", need.priority().name()).put("reason", q.reason())
                .put("queued_at", at);
    }

    /** Ends the current allocation with the reason (a reallocation follows in the same transaction). */
    public void endAllocation(Handle h, String crimeId, LocalDateTime at, String reason) {
        h.createUpdate("update crime_allocation set ended_at = :at, ended_reason = :why where crime_id = :crime and ended_at is null")
                .bind("at", at).bind("why", reason).bind("crime", crimeId).execute();
    }

    /**
     * Every investigator as the allocation rule sees them, for a pass that keeps caseloads in memory: the borough
     * is null for a central unit's investigators (as {@link #candidates} gives them for a central specialism), and
     * the caseload is the weight of their open crimes now. Investigators of a specialism Peel does not know are left out.
     */
    public List<Allocation.Candidate> allInvestigators(Handle h) {
        return h.createQuery("""
                        select i.id, i.team_id, t.borough_code, i.pip_level, i.specialism, coalesce(d.on_duty, true) as on_duty,
                               exists (select 1 from investigation_central_team ct where ct.team_id = t.id) as central,
                               coalesce((select sum(a.weight) from crime_allocation a
                                         where a.investigator_id = i.id and a.ended_at is null
                                           and not exists (select 1 from crime_outcome o where o.crime_id = a.crime_id)), 0) as load
                        from investigator i join investigation_team t on t.id = i.team_id
                        left join investigator_duty d on d.investigator_id = i.id
                        order by i.id""")
                .map((rs, ctx) -> {
                    Specialism s = Specialism.fromLabel(rs.getString("specialism")).orElse(null);
                    return s == null ? null : new Allocation.Candidate(rs.getString("id"), rs.getString("team_id"),
                            rs.getBoolean("central") ? null : rs.getString("borough_code"), rs.getInt("pip_level"), s,
                            rs.getBoolean("on_duty"), rs.getInt("load"));
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A supervisor's review of a screened-out crime: agreed, with a note. */
    public int review(Handle h, String crimeId, String by, LocalDateTime at, String note) {
        return h.createUpdate("""
                        update crime_screening set reviewed_by = :by, reviewed_at = :at, review_note = :note
                        where crime_id = :id and not screened_in and reviewed_at is null""")
                .bind("by", by).bind("at", at).bind("note", note).bind("id", crimeId).execute();
    }

    /** A crime waiting in the supervisor's queue, and for how long. */
    public record QueuedCrime(String crimeId, String offenceGroup, String boroughCode, String specialism, int pipLevel,
                              String priority, String reason, LocalDateTime queuedAt, Duration waiting) {
    }

    /** One page of a long list, with the length of the whole list (filtered). */
    public record Slice<T>(List<T> rows, long total) {
    }

    /**
     * What the allocation queue is narrowed to: a borough (null: force-wide), a priority and a specialism (null:
     * any), and the rows of one page.
     */
    public record QueueFilter(String boroughCode, String priority, String specialism, int offset, int limit) {
        /** Everything waiting in the borough (or force-wide), in one list. */
        public static QueueFilter all(String boroughCode) {
            return new QueueFilter(boroughCode, null, null, 0, Integer.MAX_VALUE);
        }
    }

    /**
     * The crimes waiting for an owner, high priority first and then the longest waiting; a crime that has closed is
     * never waiting, whatever its queue row says.
     */
    public List<QueuedCrime> queue(String boroughCode, LocalDateTime now) {
        return queuePage(QueueFilter.all(boroughCode), now).rows();
    }

    /** As {@link #queue(String, LocalDateTime)}, narrowed and paged by {@code f}. */
    public Slice<QueuedCrime> queuePage(QueueFilter f, LocalDateTime now) {
        return jdbi.withHandle(h -> {
            long[] total = {0};
            List<QueuedCrime> rows = h.createQuery("""
                        select q.crime_id, c.offence_group, q.borough_code, q.specialism, q.pip_level, q.priority, q.reason,
                               q.queued_at, count(*) over () as total
                        from allocation_queue q join crime c on c.id = q.crime_id
                        where q.left_at is null and (cast(:borough as text) is null or q.borough_code = :borough)
                          and (cast(:priority as text) is null or q.priority = :priority)
                          and (cast(:specialism as text) is null or q.specialism = :specialism)
                          and not exists (select 1 from crime_outcome o where o.crime_id = q.crime_id)
                        order by case q.priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, q.queued_at, q.crime_id
                        offset :offset limit :limit""")
                .bind("borough", f.boroughCode()).bind("priority", f.priority()).bind("specialism", f.specialism())
                .bind("offset", f.offset()).bind("limit", f.limit())
                .map((rs, ctx) -> {
                    total[0] = rs.getLong("total");
                    LocalDateTime at = Moments.local(rs, "queued_at");
                    return new QueuedCrime(rs.getString("crime_id"), rs.getString("offence_group"), rs.getString("borough_code"),
                            rs.getString("specialism"), rs.getInt("pip_level"), rs.getString("priority"), rs.getString("reason"),
                            at, Duration.between(at, now));
                }).list();
            if (rows.isEmpty() && f.offset() > 0) {
                total[0] = countQueued(h, f);
            }
            return new Slice<>(rows, total[0]);
        });
    }

    private static long countQueued(Handle h, QueueFilter f) {
        return h.createQuery("""
                        select count(*) from allocation_queue q
                        where q.left_at is null and (cast(:borough as text) is null or q.borough_code = :borough)
                          and (cast(:priority as text) is null or q.priority = :priority)
                          and (cast(:specialism as text) is null or q.specialism = :specialism)
                          and not exists (select 1 from crime_outcome o where o.crime_id = q.crime_id)""")
                .bind("borough", f.boroughCode()).bind("priority", f.priority()).bind("specialism", f.specialism())
                .mapTo(Long.class).one();
    }

    /** How many crimes wait in the borough's queue (force-wide when null), by priority (HIGH, MEDIUM, LOW). */
    public Map<String, Long> queuedByPriority(String boroughCode) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select q.priority, count(*) from allocation_queue q
                        where q.left_at is null and (cast(:borough as text) is null or q.borough_code = :borough)
                          and not exists (select 1 from crime_outcome o where o.crime_id = q.crime_id)
                        group by q.priority""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** A screened-out crime awaiting a supervisor's review. */
    public record ScreenedOutCrime(String crimeId, String offenceGroup, String boroughCode, String reason, LocalDateTime screenedAt) {
    }

    public List<ScreenedOutCrime> screenedOutForReview(String boroughCode) {
        return screenedOutForReview(boroughCode, 0, Integer.MAX_VALUE).rows();
    }

    /** Screened-out crimes awaiting review, oldest first, one page of them. */
    public Slice<ScreenedOutCrime> screenedOutForReview(String boroughCode, int offset, int limit) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("""
                            select count(*) from crime_screening s join crime c on c.id = s.crime_id
                            where not s.screened_in and s.reviewed_at is null
                              and (cast(:borough as text) is null or c.borough_code = :borough)""")
                    .bind("borough", boroughCode).mapTo(Long.class).one();
            List<ScreenedOutCrime> rows = h.createQuery("""
                        select s.crime_id, c.offence_group, c.borough_code, s.out_reason, s.screened_at
                        from crime_screening s join crime c on c.id = s.crime_id
                        where not s.screened_in and s.reviewed_at is null
                          and (cast(:borough as text) is null or c.borough_code = :borough)
                        order by s.screened_at, s.crime_id offset :offset limit :limit""")
                .bind("borough", boroughCode).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> new ScreenedOutCrime(rs.getString("crime_id"), rs.getString("offence_group"),
                        rs.getString("borough_code"), rs.getString("out_reason"), Moments.local(rs, "screened_at")))
                .list();
            return new Slice<>(rows, total);
        });
    }

    /** Runs a single-row insert whose named parameters are its column names. */
    private static void insert(Handle h, String sql, java.util.function.UnaryOperator<CopyRows.Values> row) {
        var update = h.createUpdate(sql);
        row.apply(CopyRows.binding(update));
        update.execute();
    }
}
