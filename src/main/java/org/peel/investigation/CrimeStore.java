package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for recorded crimes: recording one (the crime, its flags and its people, in the caller's transaction), the
 * victim's earlier crimes, the crime as its page shows it, and counts for summaries.
 */
public final class CrimeStore {

    private final Jdbi jdbi;

    public CrimeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<LocalDateTime> latestRecorded(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select max(recorded_at) from crime
                        where (cast(:borough as text) is null or borough_code = :borough)""")
                .bind("borough", boroughCode).mapTo(LocalDateTime.class).findOne());
    }

    /** Crimes recorded in [from, to): all, with an outcome, charged or summonsed (outcome 1), domestic abuse, hate. */
    public record Counts(long recorded, long withOutcome, long charged, long domesticAbuse, long hate) {
    }

    public Counts counts(String boroughCode, LocalDateTime from, LocalDateTime to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) as recorded,
                               count(o.crime_id) as with_outcome,
                               count(*) filter (where o.outcome_code = '1') as charged,
                               count(*) filter (where c.domestic_abuse) as domestic_abuse,
                               count(*) filter (where c.hate) as hate
                        from crime c left join crime_outcome o on o.crime_id = c.id
                        where c.recorded_at >= :from and c.recorded_at < :to
                          and (cast(:borough as text) is null or c.borough_code = :borough)""")
                .bind("borough", boroughCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Counts(rs.getLong("recorded"), rs.getLong("with_outcome"), rs.getLong("charged"),
                        rs.getLong("domestic_abuse"), rs.getLong("hate")))
                .one());
    }

    /** Investigators in post (in a borough's teams, or force-wide). */
    public long investigators(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from investigator i join investigation_team t on t.id = i.team_id
                        where (cast(:borough as text) is null or t.borough_code = :borough)""")
                .bind("borough", boroughCode).mapTo(Long.class).one());
    }

    // ---- recording, inside the caller's transaction

    public String nextCrimeId(Handle h) {
        long n = h.createQuery("select nextval('crime_reference_seq')").mapTo(Long.class).one();
        return String.format("CRP%08d", n);
    }

    public void insertCrime(Handle h, String id, CrimeReport r, LocalDateTime recordedAt, String recordedBy, String channel) {
        h.createUpdate("""
                        insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                           ward_code, lsoa_code, latitude, longitude, domestic_abuse, hate, address, account)
                        values (:id, :committed, :recorded, :group, :type, :borough, :ward, :lsoa, :lat, :lon, :da, :hate,
                                :address, :account)""")
                .bind("id", id).bind("committed", r.committedAt()).bind("recorded", recordedAt)
                .bind("group", r.offence().label()).bind("type", PoliceUkType.of(r.offence()))
                .bind("borough", r.boroughCode()).bind("ward", blankToNull(r.wardCode())).bind("lsoa", blankToNull(r.lsoaCode()))
                .bind("lat", r.latitude()).bind("lon", r.longitude()).bind("da", r.domesticAbuse()).bind("hate", r.hate())
                .bind("address", r.address()).bind("account", r.account())
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

    /**
     * Adds a person record for a crime (inserted already) and returns its id ({@code <crime>-V1}, {@code -S1},
     * {@code -W1} …). The record carries the crime's borough, and is marked a sexual offence record when the crime
     * is one, so that the people pages can fence and withhold it without reading crimes.
     */
    public String insertPerson(Handle h, String crimeId, String role, int n, CrimeReport.Party p, LocalDateTime at) {
        String id = crimeId + "-" + Character.toUpperCase(role.charAt(0)) + n;
        int written = h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                                   recorded_at, borough_code, sensitivities)
                        select :id, 'crime', c.id, :role, :forenames, :surname, :dob, :at, c.borough_code,
                               case when lower(c.offence_group) like 'sexual%' then '{SEXUAL_OFFENCE}'::text[]
                                    else '{}' end
                        from crime c where c.id = :crime""")
                .bind("id", id).bind("crime", crimeId).bind("role", role)
                .bind("forenames", p == null ? null : blankToNull(p.forenames()))
                .bind("surname", p == null ? null : blankToNull(p.surname()))
                .bind("dob", p == null ? null : p.dateOfBirth()).bind("at", at).execute();
        if (written != 1) {
            throw new IllegalStateException("crime " + crimeId + " must be inserted before its person records");
        }
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

    /** A crime as its page shows it: the record, screening, current allocation, entitlements and deadlines. */
    public record CrimeView(String id, String offenceGroup, String boroughCode, LocalDateTime committedAt,
                            LocalDateTime recordedAt, boolean domesticAbuse, boolean hate, Screen screening,
                            Current allocation, Waiting queued, List<Entitlement> entitlements, List<Due> deadlines,
                            String outcome, List<String> flags) {
        /** Closed: the crime has its Home Office outcome. */
        public boolean closed() {
            return outcome != null;
        }

        /** A rape: a sexual offence recorded with the rape flag (as investigation publishes it). */
        public boolean rape() {
            return OffenceGroup.SEXUAL_OFFENCES.label().equals(offenceGroup) && flags.contains(CrimeFlag.RAPE.label());
        }
    }

    public record Screen(boolean screenedIn, String priority, Integer pipLevel, String specialism, int harm,
                         int solvability, String outReason, List<String> reasons, String ruleVersion) {
    }

    public record Current(String investigatorId, String investigatorName, int pipLevel, String specialism,
                          String teamName, LocalDateTime allocatedAt, List<String> reasons, String ruleVersion,
                          Ownership.Owner owner) {
        /** How the owner was chosen, in one sentence. */
        public String inWords() {
            return Ownership.sentence(owner);
        }
    }

    public record Waiting(String reason, LocalDateTime queuedAt) {
        /** Who holds the crime and why, in one sentence. */
        public String inWords() {
            return Ownership.queued(reason);
        }
    }

    public record Entitlement(String personRecordId, String service, List<String> reasons) {
    }

    public record Due(long id, String kind, String label, LocalDate due, String basis, LocalDateTime metAt) {
    }

    /** Someone a crime involves, as its page tells the story: their part, name, age at the offence and sex. */
    public record Involved(String role, String name, Integer ageAtOffence, String sex) {
        /** Their part in words: "Victim", "Suspect", "Witness". */
        public String part() {
            return role == null || role.isEmpty() ? "" : Character.toUpperCase(role.charAt(0)) + role.substring(1).replace('_', ' ');
        }
    }

    /** The victims, suspects and witnesses recorded with the crime, victims first. */
    public List<Involved> involved(String crimeId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.role, trim(coalesce(p.forenames, '') || ' ' || coalesce(p.surname, '')) as name,
                               case when p.date_of_birth is null then null
                                    else extract(year from age(c.committed_at::date, p.date_of_birth))::int end as age, p.sex
                        from person_record p join crime c on c.id = p.source_id
                        where p.source_type = 'crime' and p.source_id = :id
                        order by case p.role when 'victim' then 0 when 'suspect' then 1 else 2 end, p.id""")
                .bind("id", crimeId)
                .map((rs, ctx) -> new Involved(rs.getString("role"), rs.getString("name"),
                        (Integer) rs.getObject("age"), rs.getString("sex")))
                .list());
    }

    /**
     * Where the crime happened, in words that follow "committed on …": "at" the address as given with its ward and
     * borough, or "in" the ward and borough, or what Peel holds of it.
     */
    public String place(String crimeId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.address, w.name as ward, c.ward_code, c.lsoa_code, b.name as borough
                        from crime c left join ward w on w.code = c.ward_code left join borough b on b.code = c.borough_code
                        where c.id = :id""")
                .bind("id", crimeId)
                .map((rs, ctx) -> {
                    String address = rs.getString("address");
                    String ward = rs.getString("ward");
                    String borough = rs.getString("borough");
                    String area = ward != null ? ward + " ward, " + borough
                            : rs.getString("lsoa_code") != null ? "neighbourhood " + rs.getString("lsoa_code") + ", " + borough
                            : address != null ? borough : borough + " (no closer place recorded)";
                    return address == null ? "in " + area : "at " + address + " (" + area + ")";
                }).findOne().orElse(""));
    }

    /** The officer's account of what happened, as written at recording; empty when none was written. */
    public Optional<String> account(String crimeId) {
        return jdbi.withHandle(h -> h.createQuery("select account from crime where id = :id and account is not null")
                .bind("id", crimeId).mapTo(String.class).findOne());
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
                               a.reasons, a.rule_version, a.route, a.starts_at, a.allocated_by,
                               tb.name as team_borough, cb.name as crime_borough
                        from crime_allocation a join investigator i on i.id = a.investigator_id
                        join investigation_team t on t.id = i.team_id
                        join crime c on c.id = a.crime_id
                        left join borough tb on tb.code = t.borough_code
                        left join borough cb on cb.code = c.borough_code
                        where a.crime_id = :id and a.ended_at is null""").bind("id", id)
                .map((rs, ctx) -> {
                    LocalDateTime at = Moments.local(rs, "allocated_at");
                    Ownership.Owner owner = new Ownership.Owner(rs.getString("display_name"), rs.getInt("pip_level"),
                            rs.getString("specialism"), rs.getString("team"), rs.getString("route"), at,
                            Moments.local(rs, "starts_at"), rs.getString("allocated_by"),
                            "supervisor".equals(rs.getString("rule_version")), rs.getString("team_borough"),
                            rs.getString("crime_borough"));
                    return new Current(rs.getString("investigator_id"), rs.getString("display_name"),
                            rs.getInt("pip_level"), rs.getString("specialism"), rs.getString("team"), at,
                            lines(rs.getString("reasons")), rs.getString("rule_version"), owner);
                })
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
        return h.createQuery("""
                        select reason, queued_at from allocation_queue q where crime_id = :id and left_at is null
                          and not exists (select 1 from crime_outcome o where o.crime_id = q.crime_id)""")
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

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
