package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.CopyRows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * SQL for recording, screening, allocation and the Victims' Code. Writes take the caller's {@link Handle} so
 * that a crime, its people, its decisions and their audit entries commit together or not at all.
 */
public final class InvestigationStore {

    private final Jdbi jdbi;

    public InvestigationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    // ---- writes, inside the caller's transaction

    public String nextCrimeId(Handle h) {
        long n = h.createQuery("select nextval('crime_reference_seq')").mapTo(Long.class).one();
        return String.format("CRP%08d", n);
    }

    public void insertCrime(Handle h, String id, CrimeReport r, LocalDateTime recordedAt, String recordedBy, String channel) {
        h.createUpdate("""
                        insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                           ward_code, lsoa_code, latitude, longitude, domestic_abuse, hate)
                        values (:id, :committed, :recorded, :group, :type, :borough, :ward, :lsoa, :lat, :lon, :da, :hate)""")
                .bind("id", id).bind("committed", r.committedAt()).bind("recorded", recordedAt)
                .bind("group", r.offence().label()).bind("type", PoliceUkType.of(r.offence()))
                .bind("borough", r.boroughCode()).bind("ward", blankToNull(r.wardCode())).bind("lsoa", blankToNull(r.lsoaCode()))
                .bind("lat", r.latitude()).bind("lon", r.longitude()).bind("da", r.domesticAbuse()).bind("hate", r.hate())
                .execute();
        List<String> flags = new ArrayList<>();
        if (r.domesticAbuse()) {
            flags.add("domestic-abuse");
        }
        if (r.hate()) {
            flags.add("hate");
        }
        r.seriousOffences().stream().sorted().forEach(s -> flags.add(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        h.createUpdate("""
                        insert into crime_recording (crime_id, recorded_by, channel, counting_kind, flags)
                        values (:id, :by, :channel, :kind, :flags)""")
                .bind("id", id).bind("by", recordedBy).bind("channel", channel).bind("kind", r.offence().kind().name())
                .bind("flags", flags.toArray(String[]::new)).execute();
    }

    /** The crime's flags beyond domestic abuse and hate. */
    public void insertFlags(Handle h, String crimeId, java.util.Set<CrimeFlag> flags) {
        if (flags.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("insert into crime_flag (crime_id, flag) values (:crime, :flag) on conflict do nothing");
        flags.stream().sorted().forEach(f -> batch.bind("crime", crimeId).bind("flag", f.name()).add());
        batch.execute();
    }

    /** Adds a person record for a crime and returns its id ({@code <crime>-V1}, {@code -S1}, {@code -W1} …). */
    public String insertPerson(Handle h, String crimeId, String role, int n, CrimeReport.Party p, LocalDateTime at) {
        String id = crimeId + "-" + Character.toUpperCase(role.charAt(0)) + n;
        h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth, recorded_at)
                        values (:id, 'crime', :crime, :role, :forenames, :surname, :dob, :at)""")
                .bind("id", id).bind("crime", crimeId).bind("role", role)
                .bind("forenames", p == null ? null : blankToNull(p.forenames()))
                .bind("surname", p == null ? null : blankToNull(p.surname()))
                .bind("dob", p == null ? null : p.dateOfBirth()).bind("at", at).execute();
        return id;
    }

    /**
     * Earlier crimes against the same victim recorded from {@code since} up to (not including) {@code before}, other
     * than {@code crimeId}: victim records with the same surname, forenames and date of birth (ignoring case and outer
     * spaces), and, when {@code throughResolvedPersons}, every crime-victim record resolved into the same person as one
     * of those. A victim without a surname, forenames or date of birth has no history here.
     */
    public List<PersistentTargeting.EarlierCrime> earlierCrimesAgainst(Handle h, CrimeReport.Party victim, String crimeId,
                                                                       LocalDateTime since, LocalDateTime before,
                                                                       boolean throughResolvedPersons) {
        if (victim == null || victim.dateOfBirth() == null || blankToNull(victim.surname()) == null
                || blankToNull(victim.forenames()) == null) {
            return List.of();
        }
        return h.createQuery("""
                        with exact as (
                            select pr.seq, pr.source_type, pr.source_id, pr.role from person_record pr
                            where lower(pr.surname) = :surname and pr.date_of_birth = :dob
                              and lower(trim(pr.forenames)) = :forenames
                        ), victim as (
                            select source_id, 'name and date of birth' as matched_on from exact
                            where source_type = 'crime' and role = 'victim'
                            union all
                            select pr.source_id, 'same resolved person' from exact e
                            join person_link found on found.person_record_id = e.seq and found.ended_at is null
                            join person_link other on other.person_id = found.person_id and other.ended_at is null
                            join person_record pr on pr.seq = other.person_record_id
                            where :widen and pr.source_type = 'crime' and pr.role = 'victim'
                        )
                        select distinct on (c.id) c.id, c.recorded_at, c.offence_group, v.matched_on
                        from victim v join crime c on c.id = v.source_id
                        where c.id <> :crime and c.recorded_at >= :since and c.recorded_at < :before
                        order by c.id, v.matched_on""")
                .bind("surname", victim.surname().strip().toLowerCase(java.util.Locale.ROOT))
                .bind("forenames", victim.forenames().strip().toLowerCase(java.util.Locale.ROOT))
                .bind("dob", victim.dateOfBirth()).bind("widen", throughResolvedPersons).bind("crime", crimeId)
                .bind("since", since).bind("before", before)
                .map((rs, ctx) -> new PersistentTargeting.EarlierCrime(rs.getString("id"),
                        Moments.local(rs, "recorded_at"), rs.getString("offence_group"), rs.getString("matched_on")))
                .list();
    }

    public void insertScreening(Handle h, String crimeId, Screening.Decision d, Screening.Facts f, LocalDateTime at) {
        insert(h, INSERT_SCREENING, v -> screeningRow(v, crimeId, d, f, at));
    }

    private static final String INSERT_SCREENING = """
            insert into crime_screening (crime_id, rule_version, screened_in, priority, pip_level, specialism, harm,
                solvability, solvability_factors, serious_offences, victim_vulnerable, out_reason, reasons, screened_at)
            values (:crime_id, :rule_version, :screened_in, :priority, :pip_level, :specialism, :harm, :solvability,
                :solvability_factors, :serious_offences, :victim_vulnerable, :out_reason, :reasons, :screened_at)""";

    private static CopyRows.Values screeningRow(CopyRows.Values v, String crimeId, Screening.Decision d, Screening.Facts f,
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
                        where investigator_id = any(:ids) and duty_date between :before and :day""")
                .bind("ids", ids).bind("before", at.toLocalDate().minusDays(1)).bind("day", at.toLocalDate())
                .map((rs, ctx) -> Map.entry(rs.getString(1), new DutyRota.Shift(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, java.time.LocalTime.class), rs.getObject(4, java.time.LocalTime.class))))
                .forEach(e -> shifts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found.stream().map(c -> new Allocation.Candidate(c.investigatorId(), c.teamId(), c.boroughCode(), c.pipLevel(),
                c.specialism(), DutyRota.onDuty(withRota.contains(c.investigatorId()),
                shifts.getOrDefault(c.investigatorId(), List.of()), at, c.onDuty()), c.weightedCaseload())).toList();
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
            insert into crime_allocation (crime_id, investigator_id, weight, allocated_at, allocated_by, rule_version, reasons)
            values (:crime_id, :investigator_id, :weight, :allocated_at, :allocated_by, :rule_version, :reasons)""";

    private static CopyRows.Values allocationRow(CopyRows.Values v, String crimeId, Allocation.Allocated a, LocalDateTime at,
                                                 String by, String ruleVersion) {
        return v.put("crime_id", crimeId).put("investigator_id", a.investigator().investigatorId()).put("weight", a.weight())
                .put("allocated_at", at).put("allocated_by", by).put("rule_version", ruleVersion)
                .put("reasons", String.join("\n", a.reasons()));
    }

    public void queue(Handle h, String crimeId, Allocation.Need need, Allocation.Queued q, LocalDateTime at) {
        insert(h, INSERT_QUEUE, v -> queueRow(v, crimeId, need, q, at));
    }

    private static final String INSERT_QUEUE = """
            insert into allocation_queue (crime_id, borough_code, specialism, pip_level, priority, reason, queued_at)
            values (:crime_id, :borough_code, :specialism, :pip_level, :priority, :reason, :queued_at)""";

    private static CopyRows.Values queueRow(CopyRows.Values v, String crimeId, Allocation.Need need, Allocation.Queued q,
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

    public void insertEntitlement(Handle h, String crimeId, String personId, VictimsCodeEntitlement.Decision d, LocalDateTime at) {
        insert(h, INSERT_ENTITLEMENT, v -> entitlementRow(v, crimeId, personId, d, at));
    }

    private static final String INSERT_ENTITLEMENT = """
            insert into victims_code_entitlement (crime_id, person_record_id, service, groups, reasons, rule_version, decided_at)
            values (:crime_id, :person_record_id, :service, :groups, :reasons, :rule_version, :decided_at)""";

    private static CopyRows.Values entitlementRow(CopyRows.Values v, String crimeId, String personId,
                                                  VictimsCodeEntitlement.Decision d, LocalDateTime at) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("service", d.service().name())
                .put("groups", d.groups().stream().sorted().map(Enum::name).toArray(String[]::new))
                .put("reasons", String.join("\n", d.reasons())).put("rule_version", d.ruleVersion()).put("decided_at", at);
    }

    public void insertDeadline(Handle h, String crimeId, String personId, VictimsCodeDeadlines.Deadline d,
                               LocalDateTime metAt, String metBy) {
        insert(h, INSERT_DEADLINE, v -> deadlineRow(v, crimeId, personId, d, metAt, metBy));
    }

    private static final String INSERT_DEADLINE = """
            insert into victims_code_deadline (crime_id, person_record_id, kind, from_date, working_days, due_date,
                                               basis, rule_version, met_at, met_by)
            values (:crime_id, :person_record_id, :kind, :from_date, :working_days, :due_date, :basis, :rule_version,
                    :met_at, :met_by)""";

    private static CopyRows.Values deadlineRow(CopyRows.Values v, String crimeId, String personId,
                                               VictimsCodeDeadlines.Deadline d, LocalDateTime metAt, String metBy) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("kind", d.kind().name())
                .put("from_date", d.from()).put("working_days", d.workingDays()).put("due_date", d.due())
                .put("basis", d.basis()).put("rule_version", VictimsCodeDeadlines.RULE_VERSION).put("met_at", metAt)
                .put("met_by", metBy);
    }

    public void insertContact(Handle h, String crimeId, String personId, LocalDateTime at, String kind, String result,
                              String note, String by) {
        insert(h, INSERT_CONTACT, v -> contactRow(v, crimeId, personId, at, kind, result, note, by));
    }

    private static final String INSERT_CONTACT = """
            insert into victims_code_contact (crime_id, person_record_id, at, kind, result, note, by_username)
            values (:crime_id, :person_record_id, :at, :kind, :result, :note, :by_username)""";

    private static CopyRows.Values contactRow(CopyRows.Values v, String crimeId, String personId, LocalDateTime at,
                                              String kind, String result, String note, String by) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("at", at).put("kind", kind)
                .put("result", result).put("note", note).put("by_username", by);
    }

    /** Runs a single-row insert whose named parameters are its column names. */
    private static void insert(Handle h, String sql, java.util.function.UnaryOperator<CopyRows.Values> row) {
        var update = h.createUpdate(sql);
        row.apply(CopyRows.binding(update));
        update.execute();
    }

    // ---- bulk writes, for crimes recorded many at a time

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

    /**
     * The rows recording writes, for many crimes at once: the same rows as the single-row writes above, described
     * by the same methods, sent with COPY. {@link #flush()} sends what has been added; the caller's transaction
     * commits it.
     */
    public static final class Batch {
        private final Handle h;
        private final CopyRows screening = new CopyRows("crime_screening");
        private final CopyRows allocation = new CopyRows("crime_allocation");
        private final CopyRows queue = new CopyRows("allocation_queue");
        private final CopyRows entitlement = new CopyRows("victims_code_entitlement");
        private final CopyRows deadline = new CopyRows("victims_code_deadline");
        private final CopyRows contact = new CopyRows("victims_code_contact");
        private final List<String> crimes = new ArrayList<>();
        private final List<String> investigators = new ArrayList<>();

        private Batch(Handle h) {
            this.h = h;
        }

        public void screening(String crimeId, Screening.Decision d, Screening.Facts f, LocalDateTime at) {
            screening.add(v -> screeningRow(v, crimeId, d, f, at));
        }

        /**
         * The crime's current investigator after recording (null when nobody was allocated), written to
         * {@code crime.investigator_id} at {@link #flush()} where it differs.
         */
        public void investigator(String crimeId, String investigatorId) {
            crimes.add(crimeId);
            investigators.add(investigatorId);
        }

        public void allocate(String crimeId, Allocation.Allocated a, LocalDateTime at, String by) {
            allocation.add(v -> allocationRow(v, crimeId, a, at, by, a.ruleVersion()));
        }

        public void queue(String crimeId, Allocation.Need need, Allocation.Queued q, LocalDateTime at) {
            queue.add(v -> queueRow(v, crimeId, need, q, at));
        }

        public void entitlement(String crimeId, String personId, VictimsCodeEntitlement.Decision d, LocalDateTime at) {
            entitlement.add(v -> entitlementRow(v, crimeId, personId, d, at));
        }

        public void deadline(String crimeId, String personId, VictimsCodeDeadlines.Deadline d, LocalDateTime metAt,
                             String metBy) {
            deadline.add(v -> deadlineRow(v, crimeId, personId, d, metAt, metBy));
        }

        public void contact(String crimeId, String personId, LocalDateTime at, String kind, String result, String note,
                            String by) {
            contact.add(v -> contactRow(v, crimeId, personId, at, kind, result, note, by));
        }

        public void flush() {
            for (CopyRows rows : List.of(screening, allocation, queue, entitlement, deadline, contact)) {
                rows.copy(h);
            }
            if (!crimes.isEmpty()) {
                h.createUpdate("""
                                update crime c set investigator_id = n.investigator_id
                                from unnest(:crimes, :investigators) as n (crime_id, investigator_id)
                                where c.id = n.crime_id and c.investigator_id is distinct from n.investigator_id""")
                        .bind("crimes", crimes.toArray(String[]::new))
                        .bind("investigators", investigators.toArray(String[]::new)).execute();
                crimes.clear();
                investigators.clear();
            }
        }
    }

    /** A batch writer on the caller's transaction. */
    public Batch batch(Handle h) {
        return new Batch(h);
    }

    // ---- reads

    /** A crime as its page shows it: the record, screening, current allocation, entitlements and deadlines. */
    public record CrimeView(String id, String offenceGroup, String boroughCode, LocalDateTime committedAt,
                            LocalDateTime recordedAt, boolean domesticAbuse, boolean hate, Screen screening,
                            Current allocation, Waiting queued, List<Entitlement> entitlements, List<Due> deadlines,
                            String outcome, List<String> flags) {
        /** Closed: the crime has its Home Office outcome. */
        public boolean closed() {
            return outcome != null;
        }
    }

    public record Screen(boolean screenedIn, String priority, Integer pipLevel, String specialism, int harm,
                         int solvability, String outReason, List<String> reasons, String ruleVersion) {
    }

    public record Current(String investigatorId, String investigatorName, int pipLevel, String specialism,
                          String teamName, LocalDateTime allocatedAt, List<String> reasons, String ruleVersion) {
    }

    public record Waiting(String reason, LocalDateTime queuedAt) {
    }

    public record Entitlement(String personRecordId, String service, List<String> reasons) {
    }

    public record Due(long id, String kind, String label, LocalDate due, String basis, LocalDateTime metAt) {
    }

    /** One entry of the Victims' Code contact log. */
    public record Contact(LocalDateTime at, String kind, String result, String byUsername) {
    }

    public List<Contact> contacts(String crimeId) {
        return jdbi.withHandle(h -> h.createQuery("select at, kind, result, by_username from victims_code_contact where crime_id = :id order by at, id")
                .bind("id", crimeId).map((rs, ctx) -> new Contact(Moments.local(rs, "at"), rs.getString("kind"),
                        rs.getString("result"), rs.getString("by_username"))).list());
    }

    /** A supervisor's review of a screened-out crime: agreed, with a note. */
    public int review(Handle h, String crimeId, String by, LocalDateTime at, String note) {
        return h.createUpdate("""
                        update crime_screening set reviewed_by = :by, reviewed_at = :at, review_note = :note
                        where crime_id = :id and not screened_in and reviewed_at is null""")
                .bind("by", by).bind("at", at).bind("note", note).bind("id", crimeId).execute();
    }

    public Optional<CrimeView> crime(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, offence_group, borough_code, committed_at, recorded_at, domestic_abuse, hate
                        from crime where id = :id""").bind("id", id)
                .map((rs, ctx) -> new Object[]{rs.getString("id"), rs.getString("offence_group"), rs.getString("borough_code"),
                        Moments.local(rs, "committed_at"), Moments.local(rs, "recorded_at"),
                        rs.getBoolean("domestic_abuse"), rs.getBoolean("hate")})
                .findOne()
                .map(c -> new CrimeView((String) c[0], (String) c[1], (String) c[2], (LocalDateTime) c[3], (LocalDateTime) c[4],
                        (Boolean) c[5], (Boolean) c[6], screening(h, id).orElse(null), current(h, id).orElse(null),
                        waiting(h, id).orElse(null), entitlements(h, id), deadlines(h, id), outcome(h, id).orElse(null),
                        flags(h, id))));
    }

    /** The labels of a crime's flags, in the order {@link CrimeFlag} lists them. */
    private List<String> flags(Handle h, String id) {
        java.util.Set<String> names = new java.util.HashSet<>(h.createQuery("select flag from crime_flag where crime_id = :id")
                .bind("id", id).mapTo(String.class).list());
        return java.util.Arrays.stream(CrimeFlag.values()).filter(f -> names.contains(f.name())).map(CrimeFlag::label).toList();
    }

    private Optional<Screen> screening(Handle h, String id) {
        return h.createQuery("select * from crime_screening where crime_id = :id").bind("id", id)
                .map((rs, ctx) -> new Screen(rs.getBoolean("screened_in"), rs.getString("priority"),
                        (Integer) rs.getObject("pip_level"), rs.getString("specialism"), rs.getInt("harm"),
                        rs.getInt("solvability"), rs.getString("out_reason"), lines(rs.getString("reasons")),
                        rs.getString("rule_version")))
                .findOne();
    }

    private Optional<Current> current(Handle h, String id) {
        return h.createQuery("""
                        select a.investigator_id, i.display_name, i.pip_level, i.specialism, t.name as team, a.allocated_at,
                               a.reasons, a.rule_version
                        from crime_allocation a join investigator i on i.id = a.investigator_id
                        join investigation_team t on t.id = i.team_id
                        where a.crime_id = :id and a.ended_at is null""").bind("id", id)
                .map((rs, ctx) -> new Current(rs.getString("investigator_id"), rs.getString("display_name"),
                        rs.getInt("pip_level"), rs.getString("specialism"), rs.getString("team"),
                        Moments.local(rs, "allocated_at"), lines(rs.getString("reasons")),
                        rs.getString("rule_version")))
                .findOne();
    }

    private Optional<String> outcome(Handle h, String id) {
        return h.createQuery("select outcome_code, outcome_date from crime_outcome where crime_id = :id").bind("id", id)
                .map((rs, ctx) -> {
                    String code = rs.getString("outcome_code");
                    String label = code.matches("\\d{1,2}") ? OutcomeType.ofCode(Integer.parseInt(code)).map(OutcomeType::label).orElse("") : "";
                    return "Outcome " + code + (label.isEmpty() ? "" : " (" + label + ")") + " on " + rs.getObject("outcome_date", LocalDate.class);
                })
                .findOne();
    }

    private Optional<Waiting> waiting(Handle h, String id) {
        return h.createQuery("select reason, queued_at from allocation_queue where crime_id = :id and left_at is null")
                .bind("id", id).map((rs, ctx) -> new Waiting(rs.getString("reason"), Moments.local(rs, "queued_at")))
                .findOne();
    }

    private List<Entitlement> entitlements(Handle h, String id) {
        return h.createQuery("select person_record_id, service, reasons from victims_code_entitlement where crime_id = :id order by person_record_id")
                .bind("id", id).map((rs, ctx) -> new Entitlement(rs.getString("person_record_id"), rs.getString("service"),
                        lines(rs.getString("reasons")))).list();
    }

    private List<Due> deadlines(Handle h, String id) {
        return h.createQuery("select id, kind, due_date, basis, met_at from victims_code_deadline where crime_id = :id order by due_date, id")
                .bind("id", id).map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("kind"),
                        VictimsCodeDeadlines.Kind.valueOf(rs.getString("kind")).label(),
                        rs.getObject("due_date", LocalDate.class), rs.getString("basis"),
                        Moments.local(rs, "met_at"))).list();
    }

    /** A crime waiting in the supervisor's queue, and for how long. */
    public record QueuedCrime(String crimeId, String offenceGroup, String boroughCode, String specialism, int pipLevel,
                              String priority, String reason, LocalDateTime queuedAt, Duration waiting) {
    }

    /** Crimes waiting for allocation, oldest first; a borough's only, or force-wide when {@code boroughCode} is null. */
    public List<QueuedCrime> queue(String boroughCode, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select q.crime_id, c.offence_group, q.borough_code, q.specialism, q.pip_level, q.priority, q.reason, q.queued_at
                        from allocation_queue q join crime c on c.id = q.crime_id
                        where q.left_at is null and (cast(:borough as text) is null or q.borough_code = :borough)
                        order by q.queued_at, q.crime_id""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> {
                    LocalDateTime at = Moments.local(rs, "queued_at");
                    return new QueuedCrime(rs.getString("crime_id"), rs.getString("offence_group"), rs.getString("borough_code"),
                            rs.getString("specialism"), rs.getInt("pip_level"), rs.getString("priority"), rs.getString("reason"),
                            at, Duration.between(at, now));
                }).list());
    }

    /** A screened-out crime awaiting a supervisor's review. */
    public record ScreenedOutCrime(String crimeId, String offenceGroup, String boroughCode, String reason, LocalDateTime screenedAt) {
    }

    public List<ScreenedOutCrime> screenedOutForReview(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.crime_id, c.offence_group, c.borough_code, s.out_reason, s.screened_at
                        from crime_screening s join crime c on c.id = s.crime_id
                        where not s.screened_in and s.reviewed_at is null
                          and (cast(:borough as text) is null or c.borough_code = :borough)
                        order by s.screened_at, s.crime_id""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> new ScreenedOutCrime(rs.getString("crime_id"), rs.getString("offence_group"),
                        rs.getString("borough_code"), rs.getString("out_reason"), Moments.local(rs, "screened_at")))
                .list());
    }

    /** A Victims' Code deadline not met by its day, with the investigator the crime is allocated to (if any). */
    public record Overdue(String crimeId, String boroughCode, String kind, String label, LocalDate due, String investigatorId) {
    }

    public List<Overdue> overdue(String boroughCode, String investigatorId, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select d.crime_id, c.borough_code, d.kind, d.due_date, a.investigator_id
                        from victims_code_deadline d join crime c on c.id = d.crime_id
                        left join crime_allocation a on a.crime_id = d.crime_id and a.ended_at is null
                        where d.met_at is null and d.due_date < :today
                          and (cast(:borough as text) is null or c.borough_code = :borough)
                          and (cast(:inv as text) is null or a.investigator_id = :inv)
                        order by d.due_date, d.crime_id""")
                .bind("borough", boroughCode).bind("inv", investigatorId).bind("today", today)
                .map((rs, ctx) -> new Overdue(rs.getString("crime_id"), rs.getString("borough_code"), rs.getString("kind"),
                        VictimsCodeDeadlines.Kind.valueOf(rs.getString("kind")).label(), rs.getObject("due_date", LocalDate.class),
                        rs.getString("investigator_id")))
                .list());
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

    /** One version of a crime's investigation plan. */
    public record PlanVersion(int version, String linesOfEnquiry, String hypotheses, String writtenBy, LocalDateTime writtenAt) {
    }

    /** A supervisor's review of a crime and when the next falls due. */
    public record ReviewRecord(long id, String reviewedBy, LocalDateTime reviewedAt, String note, String direction,
                               LocalDate nextReviewDue) {
    }

    /** An action on a crime; open while {@code completedAt} is null. */
    public record ActionRecord(long id, String description, String ownerUsername, LocalDate dueDate, String createdBy,
                               LocalDateTime createdAt, LocalDateTime completedAt, String completedBy, String completionNote) {
        public boolean open() {
            return completedAt == null;
        }
    }

    /** The plan, reviews and actions shown on a crime's page: the current plan (or null) and how many versions came before it. */
    public record Plan(PlanVersion current, int earlierVersions, List<ReviewRecord> reviews, List<ActionRecord> actions) {
        public List<ActionRecord> openActions() {
            return actions.stream().filter(ActionRecord::open).toList();
        }

        public List<ActionRecord> completedActions() {
            return actions.stream().filter(a -> !a.open()).toList();
        }
    }

    public Plan plan(String crimeId) {
        return jdbi.withHandle(h -> {
            List<PlanVersion> versions = h.createQuery("""
                            select version, lines_of_enquiry, hypotheses, written_by, written_at from investigation_plan
                            where crime_id = :id order by version desc""").bind("id", crimeId)
                    .map((rs, ctx) -> new PlanVersion(rs.getInt("version"), rs.getString("lines_of_enquiry"),
                            rs.getString("hypotheses"), rs.getString("written_by"), Moments.local(rs, "written_at")))
                    .list();
            List<ReviewRecord> reviews = h.createQuery("""
                            select id, reviewed_by, reviewed_at, note, direction, next_review_due from supervisory_review
                            where crime_id = :id order by reviewed_at desc, id desc""").bind("id", crimeId)
                    .map((rs, ctx) -> new ReviewRecord(rs.getLong("id"), rs.getString("reviewed_by"),
                            Moments.local(rs, "reviewed_at"), rs.getString("note"), rs.getString("direction"),
                            rs.getObject("next_review_due", LocalDate.class)))
                    .list();
            List<ActionRecord> actions = h.createQuery("""
                            select * from investigation_action where crime_id = :id order by due_date, id""").bind("id", crimeId)
                    .map((rs, ctx) -> new ActionRecord(rs.getLong("id"), rs.getString("description"), rs.getString("owner_username"),
                            rs.getObject("due_date", LocalDate.class), rs.getString("created_by"),
                            Moments.local(rs, "created_at"), Moments.local(rs, "completed_at"),
                            rs.getString("completed_by"), rs.getString("completion_note")))
                    .list();
            return new Plan(versions.isEmpty() ? null : versions.get(0), Math.max(0, versions.size() - 1), reviews, actions);
        });
    }

    /** Writes a new version of the plan (one more than the last); returns its number. */
    public int writePlanVersion(String crimeId, String linesOfEnquiry, String hypotheses, String by, LocalDateTime at) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select id from crime where id = :id for update").bind("id", crimeId).mapTo(String.class).one();
            int version = h.createQuery("select coalesce(max(version), 0) + 1 from investigation_plan where crime_id = :id")
                    .bind("id", crimeId).mapTo(Integer.class).one();
            h.createUpdate("""
                            insert into investigation_plan (crime_id, version, lines_of_enquiry, hypotheses, written_by, written_at)
                            values (:crime, :version, :lines, :hyp, :by, :at)""")
                    .bind("crime", crimeId).bind("version", version).bind("lines", linesOfEnquiry).bind("hyp", hypotheses)
                    .bind("by", by).bind("at", at).execute();
            return version;
        });
    }

    public long recordSupervisoryReview(String crimeId, String by, LocalDateTime at, String note, String direction, LocalDate nextDue) {
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into supervisory_review (crime_id, reviewed_by, reviewed_at, note, direction, next_review_due)
                        values (:crime, :by, :at, :note, :direction, :due) returning id""")
                .bind("crime", crimeId).bind("by", by).bind("at", at).bind("note", note).bind("direction", direction)
                .bind("due", nextDue).mapTo(Long.class).one());
    }

    public long addAction(String crimeId, String description, String owner, LocalDate due, String by, LocalDateTime at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into investigation_action (crime_id, description, owner_username, due_date, created_by, created_at)
                        values (:crime, :description, :owner, :due, :by, :at) returning id""")
                .bind("crime", crimeId).bind("description", description).bind("owner", owner).bind("due", due)
                .bind("by", by).bind("at", at).mapTo(Long.class).one());
    }

    /** Completes an open action of the crime; false when there is no such open action. */
    public boolean completeAction(String crimeId, long actionId, String by, LocalDateTime at, String note) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update investigation_action set completed_at = :at, completed_by = :by, completion_note = :note
                        where id = :id and crime_id = :crime and completed_at is null""")
                .bind("at", at).bind("by", by).bind("note", note).bind("id", actionId).bind("crime", crimeId)
                .execute() == 1);
    }

    /** Whether an account with this username exists. */
    public boolean userExists(String username) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from app_user where username = :u").bind("u", username)
                .mapTo(Long.class).one() > 0);
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

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
