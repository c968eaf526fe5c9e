package org.peel.synthetic;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditTrail;
import org.peel.investigation.AtRecording;
import org.peel.investigation.CrimeFlag;
import org.peel.investigation.CrimeRecordingPass;
import org.peel.investigation.CrimeReport;
import org.peel.investigation.InvestigationSettings;
import org.peel.investigation.OffenceGroup;
import org.peel.investigation.SeriousOffence;
import org.peel.investigation.SolvabilityFactor;
import org.peel.prevention.AsbQuestionnaire;
import org.peel.prevention.AsbRecordingPass;
import org.peel.prevention.AsbRiskSettings;
import org.peel.prevention.AsbStore;
import org.peel.vulnerability.DomesticAbuseRecordingPass;
import org.peel.vulnerability.DomesticAbuseSettings;
import org.peel.vulnerability.DomesticAbuseStore;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a loaded generation through the application's own recording rules, so that the synthetic force has what a
 * force recording in Peel would have: every crime screened, allocated or queued, its victim's Victims' Code
 * entitlement and deadlines, and every ASB victim assessed and flagged to the neighbourhood team. The crimes go
 * through {@link CrimeRecordingPass} and the incidents through {@link AsbRecordingPass}, in recording order, on the
 * loading transaction, so a generation is loaded with its decisions or not at all.
 *
 * <p>The generated records are a year old, so the Victims' Code deadlines recording does not meet itself were kept
 * or missed afterwards: of those, {@value #KEPT_ON_TIME_PERCENT}% are kept on time, {@value #KEPT_LATE_PERCENT}% late
 * (one to ten days after the due day) and the rest never, decided by a hash of the crime and the deadline so the
 * same generation always gets the same answer. A deadline that would be kept after the end of the generated period
 * is still open, so the overdue lists hold the period's last weeks as well as the misses.
 */
public final class RecordingPasses {

    /** Who the decisions, deadline keeping and audit events name. */
    public static final String ACTOR = "peel:synthetic";
    static final int KEPT_ON_TIME_PERCENT = 80;
    static final int KEPT_LATE_PERCENT = 12;

    private final Jdbi jdbi;
    private final AsbRiskSettings asbSettings;
    private final DomesticAbuseSettings daSettings;
    private final boolean decideDomesticAbuse;

    /** Passes with the ASB thresholds configured in {@code environment} (PEEL_ASB_…; defaults where unset). */
    public RecordingPasses(Jdbi jdbi, Map<String, String> environment) {
        this(jdbi, environment, true);
    }

    /**
     * @param decideDomesticAbuse whether the domestic abuse incidents are decided on loading (their victims matched on
     *                            exact details only, as nobody is resolved yet), or left for
     *                            {@link DomesticAbuseRecordingPass} once the force's person records are resolved (the demo)
     */
    public RecordingPasses(Jdbi jdbi, Map<String, String> environment, boolean decideDomesticAbuse) {
        this.jdbi = jdbi;
        this.asbSettings = AsbRiskSettings.from(environment);
        this.daSettings = DomesticAbuseSettings.from(environment);
        this.decideDomesticAbuse = decideDomesticAbuse;
    }

    /** What both passes did, and how long they took. */
    public record Result(CrimeRecordingPass.Counts crimes, AsbRecordingPass.Counts asb,
                         DomesticAbuseRecordingPass.Counts domesticAbuse, long nanos) {
        public long rows() {
            return crimes.rows() + asb.assessed() + asb.flags() + domesticAbuse.incidents() + domesticAbuse.referrals();
        }
    }

    /** Runs both passes over the generation's records, on the caller's transaction. */
    public Result run(Handle h, Generation generation) {
        long started = System.nanoTime();
        // the records were just copied in this transaction: without statistics the planner would guess badly
        // (through the owner's function: only a table's owner may analyze it, and the application owns nothing)
        h.execute("select peel_analyze('crime', 'crime_outcome', 'person_record', 'asb_incident',"
                + " 'synthetic_crime_report', 'synthetic_asb_call')");
        String prefix = generation.key() + "-";
        LocalDateTime end = generation.end().atStartOfDay();
        AuditTrail audit = new AuditTrail(jdbi);
        CrimeRecordingPass.Counts crimes = new CrimeRecordingPass(jdbi, audit,
                InvestigationSettings.load(jdbi)).run(h, crimes(h, prefix), keeping(end), ACTOR);
        AsbRecordingPass.Counts asb = new AsbRecordingPass(new AsbStore(jdbi), audit, asbSettings)
                .run(h, incidents(h, prefix), crimeVictims(h, prefix), ACTOR);
        DomesticAbuseRecordingPass.Counts da = decideDomesticAbuse
                ? new DomesticAbuseRecordingPass(new DomesticAbuseStore(jdbi), audit, daSettings).run(h, ACTOR)
                : new DomesticAbuseRecordingPass.Counts(0, 0, 0, 0, 0);
        return new Result(crimes, asb, da, System.nanoTime() - started);
    }

    private static List<CrimeRecordingPass.Crime> crimes(Handle h, String prefix) {
        return h.createQuery("""
                        select c.id, c.recorded_at, c.committed_at, c.offence_group, c.borough_code, c.domestic_abuse, c.hate,
                               r.solvability_factors, r.serious_offences, r.victim_evidence_affected, r.victim_in_fear,
                               r.victim_persistently_targeted, r.victim_bereaved, r.victim_declines_referral,
                               r.victim_personal_statement, v.id as victim_id, v.date_of_birth as victim_dob, o.outcome_date,
                               array(select f.flag from crime_flag f where f.crime_id = c.id order by f.flag) as flags
                        from crime c join synthetic_crime_report r on r.crime_id = c.id
                        left join person_record v on v.source_type = 'crime' and v.source_id = c.id and v.role = 'victim'
                        left join crime_outcome o on o.crime_id = c.id
                        where starts_with(c.id, :prefix)
                        order by c.recorded_at, c.id""")
                .bind("prefix", prefix)
                .map((rs, ctx) -> crime(rs))
                .list();
    }

    private static CrimeRecordingPass.Crime crime(ResultSet rs) throws SQLException {
        String label = rs.getString("offence_group");
        OffenceGroup offence = OffenceGroup.fromLabel(label)
                .orElseThrow(() -> new IllegalStateException("the generator wrote an offence group Peel does not know: " + label));
        LocalDateTime recordedAt = Moments.local(rs, "recorded_at");
        String victimId = rs.getString("victim_id");
        CrimeReport.Victim victim = null;
        Integer age = null;
        if (victimId != null) {
            victim = new CrimeReport.Victim(null, false, rs.getBoolean("victim_evidence_affected"),
                    rs.getBoolean("victim_in_fear"), rs.getBoolean("victim_persistently_targeted"),
                    rs.getBoolean("victim_bereaved"), rs.getBoolean("victim_declines_referral"),
                    CrimeReport.PersonalStatement.valueOf(rs.getString("victim_personal_statement")));
            LocalDate dob = rs.getObject("victim_dob", LocalDate.class);
            // the Victims' Code's "under 18" is at the time of the offence
            age = dob == null ? null : Period.between(dob, Moments.local(rs, "committed_at").toLocalDate()).getYears();
        }
        Set<SolvabilityFactor> factors = EnumSet.noneOf(SolvabilityFactor.class);
        for (String f : strings(rs.getArray("solvability_factors"))) {
            factors.add(SolvabilityFactor.valueOf(f));
        }
        Set<SeriousOffence> serious = EnumSet.noneOf(SeriousOffence.class);
        for (String s : strings(rs.getArray("serious_offences"))) {
            serious.add(SeriousOffence.valueOf(s));
        }
        Set<CrimeFlag> flags = EnumSet.noneOf(CrimeFlag.class);
        for (String f : strings(rs.getArray("flags"))) {
            flags.add(CrimeFlag.valueOf(f));
        }
        return new CrimeRecordingPass.Crime(rs.getString("id"), recordedAt, rs.getObject("outcome_date", LocalDate.class),
                new AtRecording.Crime(offence, rs.getString("borough_code"), rs.getBoolean("domestic_abuse"),
                        rs.getBoolean("hate"), serious, factors, victim, age, flags, null), victimId);
    }

    /** When a deadline recording left open was kept: on time, late or never, by a hash of the crime and the deadline. */
    static CrimeRecordingPass.Keeping keeping(LocalDateTime periodEnd) {
        return (crime, deadline) -> {
            SplittableRandom rnd = new SplittableRandom(Mix.hash(crime.id().hashCode(), deadline.kind().ordinal()));
            double u = rnd.nextDouble();
            LocalDateTime dueEnd = deadline.due().atTime(17, 0);
            LocalDateTime met;
            if (u < KEPT_ON_TIME_PERCENT / 100.0) {
                long minutes = Math.max(0, ChronoUnit.MINUTES.between(crime.recordedAt(), dueEnd));
                met = crime.recordedAt().plusMinutes((long) (rnd.nextDouble() * minutes)).truncatedTo(ChronoUnit.MINUTES);
            } else if (u < (KEPT_ON_TIME_PERCENT + KEPT_LATE_PERCENT) / 100.0) {
                met = dueEnd.plusDays(1 + rnd.nextInt(10));
            } else {
                return null;
            }
            return met.isBefore(periodEnd) ? met : null;
        };
    }

    private static List<AsbRecordingPass.Incident> incidents(Handle h, String prefix) {
        Map<String, List<AsbRecordingPass.Person>> people = new HashMap<>();
        h.createQuery("""
                        select id, source_id, role, forenames, surname, date_of_birth, postcode from person_record
                        where source_type = 'asb_incident' and starts_with(source_id, :prefix)
                        order by source_id, id""")
                .bind("prefix", prefix)
                .map((rs, ctx) -> Map.entry(rs.getString("source_id"), person(rs)))
                .forEach(e -> people.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(e.getValue()));
        return h.createQuery("""
                        select a.id, a.reported_at, a.borough_code, a.ward_code, a.latitude, a.longitude,
                               q.impact, q.vulnerability, q.targeted, q.duration
                        from asb_incident a left join synthetic_asb_call q on q.asb_incident_id = a.id
                        where starts_with(a.id, :prefix)
                        order by a.reported_at, a.id""")
                .bind("prefix", prefix)
                .map((rs, ctx) -> {
                    AsbQuestionnaire answers = null;
                    if (rs.getString("impact") != null) {
                        Set<AsbQuestionnaire.Vulnerability> v = EnumSet.noneOf(AsbQuestionnaire.Vulnerability.class);
                        for (String s : strings(rs.getArray("vulnerability"))) {
                            v.add(AsbQuestionnaire.Vulnerability.valueOf(s));
                        }
                        answers = new AsbQuestionnaire(AsbQuestionnaire.Impact.valueOf(rs.getString("impact")), v,
                                rs.getBoolean("targeted"), AsbQuestionnaire.Duration.valueOf(rs.getString("duration")));
                    }
                    String id = rs.getString("id");
                    return new AsbRecordingPass.Incident(id, Moments.local(rs, "reported_at"),
                            rs.getString("borough_code"), rs.getString("ward_code"), rs.getObject("latitude", Double.class),
                            rs.getObject("longitude", Double.class), people.getOrDefault(id, List.of()), answers);
                })
                .list();
    }

    private static List<AsbRecordingPass.CrimeVictim> crimeVictims(Handle h, String prefix) {
        return h.createQuery("""
                        select p.id, p.source_id, p.role, p.forenames, p.surname, p.date_of_birth, p.postcode, c.recorded_at
                        from person_record p join crime c on c.id = p.source_id
                        where p.source_type = 'crime' and p.role = 'victim' and starts_with(p.source_id, :prefix)""")
                .bind("prefix", prefix)
                .map((rs, ctx) -> new AsbRecordingPass.CrimeVictim(rs.getString("source_id"),
                        Moments.local(rs, "recorded_at"), person(rs)))
                .list();
    }

    private static AsbRecordingPass.Person person(ResultSet rs) throws SQLException {
        return new AsbRecordingPass.Person(rs.getString("id"), rs.getString("role"), rs.getString("forenames"),
                rs.getString("surname"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("postcode"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
