package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Integrated offender management on a freshly generated demonstration force, recorded through the capability's own
 * stores and rules: the force's cohort rule run as of the newest offence held; MAPPA cases for the highest-scoring
 * offenders with a sexual offence (category 1) or violence with injury (category 2) on their history, with the MAPP
 * meetings held for those at levels 2 and 3 ({@link #holdMeetings}); potentially
 * dangerous persons among offenders with repeated stalking and harassment and no MAPPA case, one of them left past its
 * review date so that it shows as lapsed; and, in every fourth borough, an exception removing the rule's lowest-ranked
 * choice with a reason, so that the force's view shows departures; an IOM case with a lead officer and a deputy for
 * every cohort member ({@link #openCases}); and diversion referrals with their outcomes
 * ({@link #referDiversions}). Every change is audited as the demo's.
 */
public final class DemoIomPass {

    private DemoIomPass() {
    }

    /** What the pass recorded. */
    public record Summary(long runId, int scored, int iomCases, int mappaCases, int mappMeetings, int pdps,
                          int exceptions, int referrals, int outcomes) {
    }

    /**
     * The IOM lead's capacities for a demonstration force, which is a small fraction of a real one: a fifth of each
     * borough's offender nominals, at least 3, so that the cohort is the borough's highest-harm offenders rather than
     * nearly all of them (the force-wide default of 30 places would take almost every nominal of a small demo).
     */
    static void sizeCapacities(Handle h, IomStore store, AuditTrail audit, Instant now) {
        List<Map.Entry<String, Integer>> counts = h.createQuery(
                        "select borough_code, count(*) from offender group by borough_code order by borough_code")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        for (Map.Entry<String, Integer> c : counts) {
            int capacity = Math.max(3, (int) Math.ceil(c.getValue() / 5.0));
            store.setCapacity(h, c.getKey(), capacity, "demo", now);
            audit.record(h, AuditEvent.by(null, "iom-capacity.set", "iom-borough-capacity", c.getKey(),
                    AuditEvent.SUCCESS).asUser("demo").detail("capacity " + capacity));
        }
    }

    /**
     * The place capability's postcode directory for the demo, through its published interface: no postcode directory
     * is in the public data, so each demo offender's recorded postcode is entered with the ward they live in (a
     * postcode recorded for two wards keeps the first), so that the address form finds wards for the demo's postcodes.
     */
    static int fillPostcodes(Handle h) {
        org.peel.place.PlaceStore places = new org.peel.place.PlaceStore(h.getJdbi());
        List<String[]> rows = h.createQuery("""
                        select distinct pr.postcode, o.ward_code from offender o
                        join person_record pr on pr.source_type = 'offender' and pr.source_id = o.id
                        join ward w on w.code = o.ward_code
                        where pr.postcode is not null order by 1, 2""")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        int added = 0;
        for (String[] r : rows) {
            added += places.addPostcode(h, r[0], r[1], null, "synthetic") ? 1 : 0;
        }
        return added;
    }

    /** How many referrals each scheme takes at most on the demo force. */
    static final int PER_SCHEME = 90;

    /**
     * Diversion referrals a few days after an offence in the recorded year, for offenders outside the rule's cohort,
     * through {@link DiversionRecording} as the form records them: youth diversion for children of 10 to 17, the
     * female offenders' triage for women, the gangs scheme after robbery or a weapons offence, drugs and alcohol after
     * a drug offence or shoplifting. Referrals more than four weeks old have an outcome, a few days to three months
     * later; newer ones await the scheme's answer. Choices are seeded by the nominal's id, so a rerun picks the same.
     */
    static int[] referDiversions(Handle h, long runId, IomStore store, AuditTrail audit, LocalDate today, Instant now) {
        DiversionStore diversion = new DiversionStore(store.jdbi());
        DiversionRecording recording = new DiversionRecording(diversion);
        List<String[]> candidates = h.createQuery("""
                        with cohort as (select unnest(offender_ids) as id from iom_cohort_score
                                        where run_id = :run and in_rule_cohort)
                        select distinct on (o.id) o.id, o.borough_code, o.ward_code, h.offence_on, h.offence_group,
                               pr.date_of_birth, pr.sex
                        from offending_history h
                        join offender o on o.id = h.offender_id
                        left join person_record pr on pr.source_type = 'offender' and pr.source_id = o.id
                        where h.crime_id is not null and h.offence_on > :from and h.offence_on <= :to
                          and o.id not in (select id from cohort)
                        order by o.id, h.offence_on, pr.seq""")
                .bind("run", runId).bind("from", today.minusDays(365)).bind("to", today.minusDays(3))
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)}).list();
        Map<Diversion.Scheme, Integer> taken = new java.util.EnumMap<>(Diversion.Scheme.class);
        Diversion.Outcome[] outcomes = {Diversion.Outcome.COMPLETED, Diversion.Outcome.COMPLETED,
                Diversion.Outcome.ENGAGED, Diversion.Outcome.DISENGAGED, Diversion.Outcome.DECLINED,
                Diversion.Outcome.COMPLETED, Diversion.Outcome.NOT_ACCEPTED, Diversion.Outcome.DECLINED};
        int referrals = 0;
        int recorded = 0;
        for (String[] c : candidates) {
            int hash = Math.floorMod(c[0].hashCode() * 31 + 7, 1000);
            if (hash % 4 != 0) {
                continue; // one in four of those eligible is referred
            }
            int draw = hash / 4; // what is left of the seed once the one-in-four choice has used its last two bits
            LocalDate offence = LocalDate.parse(c[3]);
            LocalDate referredOn = offence.plusDays(3 + draw % 18);
            if (referredOn.isAfter(today)) {
                continue;
            }
            LocalDate dob = c[5] == null ? null : LocalDate.parse(c[5]);
            int age = dob == null ? -1 : java.time.Period.between(dob, referredOn).getYears();
            Diversion.Scheme scheme;
            String reason;
            if (age >= Diversion.YOUTH_FROM && age < Diversion.YOUTH_UNTIL) {
                scheme = Diversion.Scheme.YOUTH;
                reason = "First contact with the youth offending service after " + c[4].toLowerCase();
            } else if ("F".equals(c[6])) {
                scheme = Diversion.Scheme.FEMALE_TRIAGE;
                reason = "Triage after " + c[4].toLowerCase() + ": housing, debt and a history of abuse";
            } else if (c[4].equals("Robbery") || c[4].equals("Possession of weapons offences")) {
                scheme = Diversion.Scheme.GANGS;
                reason = "Associating with a street gang; " + c[4].toLowerCase() + " on the recorded year";
            } else if (c[4].equals("Drug offences") || c[4].equals("Shoplifting")) {
                scheme = Diversion.Scheme.DRUGS_ALCOHOL;
                reason = "Offending linked to drug or alcohol use (" + c[4].toLowerCase() + ")";
            } else {
                continue;
            }
            if (taken.getOrDefault(scheme, 0) >= PER_SCHEME) {
                continue;
            }
            IomStore.Nominal nominal = new IomStore.Nominal(c[0], c[1], c[2], "");
            DiversionRecording.Recorded r = recording.refer(h, nominal, scheme.code(), referredOn, reason, "demo", now,
                    today);
            if (!r.ok()) {
                continue; // the form's checks hold for the demo as for anyone
            }
            taken.merge(scheme, 1, Integer::sum);
            referrals++;
            audit.record(h, AuditEvent.by(null, "diversion-referral.record", "diversion-referral",
                    Long.toString(r.id()), AuditEvent.SUCCESS).asUser("demo").detail("offender " + c[0] + " to "
                    + scheme.code()));
            if (referredOn.isBefore(today.minusDays(28))) {
                LocalDate on = referredOn.plusDays(5 + draw % 85);
                if (on.isAfter(today)) {
                    on = today;
                }
                DiversionStore.Referral stored = new DiversionStore.Referral(r.id(), c[0], "", c[1], scheme, referredOn,
                        reason, null, null, null, "demo");
                Diversion.Outcome outcome = outcomes[draw % outcomes.length];
                if (recording.outcome(h, stored, outcome.code(), on, null, "demo", now, today).ok()) {
                    recorded++;
                    audit.record(h, AuditEvent.by(null, "diversion-referral.outcome", "diversion-referral",
                            Long.toString(r.id()), AuditEvent.SUCCESS).asUser("demo").detail(outcome.code()));
                }
            }
        }
        return new int[]{referrals, recorded};
    }

    /**
     * A demonstration MAPPA case recorded as the MAPPA form records it, through {@link MappaRecording} and so under
     * {@link Mappa#check}, as on the day it was registered; then, when given, its last visit under the form's visit
     * check as of today. A case the form would refuse is not recorded; the result says why.
     */
    static MappaRecording.Recorded registerMappaCase(Handle h, MappaRecording recording, AuditTrail audit,
                                                    Mappa.Form form, LocalDate registeredOn, LocalDate visitedOn,
                                                    LocalDate today, Instant now) {
        MappaRecording.Recorded r = recording.register(h, form, registeredOn, "demo", now);
        if (!r.ok()) {
            return r;
        }
        audit.record(h, AuditEvent.by(null, "mappa-case.record", "mappa-case", r.recorded().offenderId(),
                AuditEvent.SUCCESS).asUser("demo").detail("category " + r.recorded().category().number() + " level "
                + r.recorded().level().number()));
        if (visitedOn != null) {
            MappaRecording.Recorded v = recording.visit(h, r.recorded().offenderId(), visitedOn, today, "demo", now);
            if (v.ok()) {
                audit.record(h, AuditEvent.by(null, "mappa-visit.record", "mappa-case", r.recorded().offenderId(),
                        AuditEvent.SUCCESS).asUser("demo").detail("visited " + visitedOn));
            }
        }
        return r;
    }

    /**
     * A demonstration potentially dangerous person included as the form includes one, through
     * {@link MappaRecording#includePdp} and so under every check of {@link PotentiallyDangerousPerson#check}, as on the
     * day given. One the form would refuse is not recorded; the result says why.
     */
    static MappaRecording.Included includePdp(Handle h, MappaRecording recording, AuditTrail audit,
                                              PotentiallyDangerousPerson.Form form, LocalDate includedOn,
                                              Instant now) {
        MappaRecording.Included r = recording.includePdp(h, form, includedOn, "demo", now);
        if (r.ok()) {
            audit.record(h, AuditEvent.by(null, "pdp.include", "potentially-dangerous-person", Long.toString(r.id()),
                    AuditEvent.SUCCESS).asUser("demo").detail("review " + r.inclusion().reviewOn()));
        }
        return r;
    }

    /** The demo's borough offender managers: each borough's cases are led by one and deputised by the next. */
    static final String[] MANAGERS = {"DC Kaur", "DC Okafor", "PC Walsh"};

    /**
     * An IOM case for each member of the rule's cohort whom no exception removed, under the case form's own check
     * ({@link ManagerCover#checkManagers}): a lead officer and a different deputy, taken in turn from
     * {@link #MANAGERS} so that no borough rests on one member of staff, with probation as the partner lead. Returns
     * how many cases were opened.
     */
    static int openCases(Handle h, long runId, IomStore store, AuditTrail audit, LocalDate today, Instant now) {
        List<String[]> members = h.createQuery("""
                        select s.offender_id, s.borough_code from iom_cohort_score s
                        where s.run_id = :run and s.in_rule_cohort and not exists (
                            select 1 from iom_cohort_exception e where e.offender_id = s.offender_id
                              and e.kind = 'remove' and e.withdrawn_at is null)
                        order by s.borough_code, s.borough_rank""")
                .bind("run", runId).map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        int opened = 0;
        for (int i = 0; i < members.size(); i++) {
            String lead = MANAGERS[i % MANAGERS.length];
            String deputy = MANAGERS[(i + 1) % MANAGERS.length];
            if (ManagerCover.checkManagers(lead, deputy).any()) {
                continue;
            }
            String[] m = members.get(i);
            store.saveCase(h, new IomStore.Case(m[0], m[1], lead, deputy, "Probation offender manager",
                    "Weekly contact; drug testing; accommodation and employment referrals", today), "demo", now);
            audit.record(h, AuditEvent.by(null, "iom-case.save", "iom-case", m[0], AuditEvent.SUCCESS).asUser("demo"));
            opened++;
        }
        return opened;
    }

    /** Weeks between MAPP meetings on the demo force: level 3 cases every 8 weeks, level 2 every 16 (force policy). */
    static int meetingInterval(Mappa.Level level) {
        return level == Mappa.Level.THREE ? 56 : 112;
    }

    /**
     * The MAPP meetings held for a demonstration case at level 2 or 3, through {@link MappaRecording#holdMeeting} and
     * so under {@link Mappa#checkMeeting} as the case page's form records them: from its first meeting, one every
     * {@link #meetingInterval} days up to today, each attended by police and probation (and, for a sexual offender,
     * children's social care), with one police and one probation action and the next meeting set. A meeting the form
     * would refuse is not recorded. Returns how many were held.
     */
    static int holdMeetings(Handle h, MappaRecording recording, AuditTrail audit, String offenderId, Mappa.Level level,
                            Mappa.RiskOfSeriousHarm risk, boolean sexual, LocalDate first, LocalDate today,
                            Instant now) {
        int held = 0;
        int interval = meetingInterval(level);
        for (LocalDate on = first; !on.isAfter(today); on = on.plusDays(interval)) {
            List<String> attending = new ArrayList<>(List.of(Mappa.MeetingAgency.POLICE.name(),
                    Mappa.MeetingAgency.PROBATION.name()));
            if (sexual) {
                attending.add(Mappa.MeetingAgency.CHILDREN.name());
            }
            List<String> apologies = held % 2 == 0 ? List.of(Mappa.MeetingAgency.HOUSING.name()) : List.of();
            List<Mappa.ActionForm> actions = List.of(
                    new Mappa.ActionForm(Mappa.MeetingAgency.POLICE.name(), sexual
                            ? "Unannounced home visit to check notification requirements"
                            : "Check the exclusion zone and curfew are kept", "Public protection unit",
                            on.plusDays(14).toString()),
                    new Mappa.ActionForm(Mappa.MeetingAgency.PROBATION.name(),
                            "Review licence conditions with the offender", "Offender manager (probation)",
                            on.plusDays(28).toString()));
            Mappa.MeetingForm form = new Mappa.MeetingForm(on.toString(), Integer.toString(level.number()),
                    level == Mappa.Level.THREE ? "Detective Superintendent, public protection" : "MAPPA chair (probation)",
                    attending, apologies, risk.name(), "Remain at level " + level.number()
                            + "; risk management plan reviewed and kept", actions,
                    on.plusDays(interval).toString());
            MappaRecording.HeldMeeting m = recording.holdMeeting(h, offenderId, form, today, "demo", now);
            if (!m.ok()) {
                break;
            }
            audit.record(h, AuditEvent.by(null, "mappa-meeting.record", "mappa-meeting", Long.toString(m.id()),
                    AuditEvent.SUCCESS).asUser("demo").detail("case " + offenderId + " held " + on + " level "
                    + level.number()));
            held++;
        }
        return held;
    }

    public static Summary prepare(Jdbi jdbi, AuditTrail audit, Clock clock, Map<String, String> environment) {
        IomStore store = new IomStore(jdbi);
        MappaStore mappa = new MappaStore(jdbi);
        CohortRunPass pass = new CohortRunPass(store, new CohortRule(CohortSettings.from(environment)));
        LocalDate asOf = jdbi.withHandle(h -> h.createQuery(
                "select coalesce(max(offence_on), current_date) from offending_history").mapTo(LocalDate.class).one());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return jdbi.inTransaction(h -> {
            if (!environment.containsKey("PEEL_IOM_CAPACITY")) {
                sizeCapacities(h, store, audit, now);
            }
            fillPostcodes(h);
            CohortRunPass.Result run = pass.run(h, asOf, now, "demo");
            audit.record(h, AuditEvent.by(null, "iom-cohort.run", "iom-cohort-run", Long.toString(run.runId()),
                    AuditEvent.SUCCESS).asUser("demo").detail(run.ruleVersion() + " as of " + asOf));
            List<String[]> gravest = h.createQuery("""
                            select s.offender_id, s.borough_code,
                                   bool_or(h.offence_group = 'Sexual offences') as sexual,
                                   bool_or(h.offence_group = 'Violence with injury') as violent,
                                   count(*) filter (where h.offence_group = 'Stalking and harassment') as stalking
                            from iom_cohort_score s
                            join offending_history h on h.offender_id = any(s.offender_ids)
                            where s.run_id = :run
                            group by s.offender_id, s.borough_code, s.score
                            order by s.score desc, s.offender_id""")
                    .bind("run", run.runId())
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "S" : "",
                            rs.getBoolean(4) ? "V" : "", Integer.toString(rs.getInt(5))}).list();
            int cases = 0;
            int refused = 0;
            int pdps = 0;
            int meetings = 0;
            MappaRecording recording = new MappaRecording(mappa, store);
            Mappa.RiskOfSeriousHarm[] risks = Mappa.RiskOfSeriousHarm.values();
            for (String[] g : gravest) {
                boolean sexual = !g[2].isEmpty();
                boolean violent = !g[3].isEmpty();
                if ((sexual || violent) && cases + refused < 40) {
                    int n = cases + refused;
                    // registered 30 to 329 days ago; a third at level 1 (no meetings); the rest have their first
                    // MAPP meeting four weeks after registration, held (and those after it) except for one case in
                    // six, whose meeting has passed with none held
                    LocalDate registered = today.minusDays(30 + (n * 37) % 300);
                    Mappa.Level level = Mappa.Level.of(1 + n % 3);
                    LocalDate meeting = !level.needsMeetings() ? null : registered.plusDays(28);
                    Mappa.Form form = new Mappa.Form(g[0], sexual ? "1" : "2", Integer.toString(level.number()),
                            (n % 4 == 0 ? Mappa.Agency.POLICE : Mappa.Agency.PROBATION).name(), risks[3 - n % 4].name(),
                            sexual ? "Notification requirements; home visits; internet monitoring"
                                    : "Licence conditions: exclusion zone and curfew; victim contact",
                            meeting == null ? "" : meeting.toString());
                    // most visited since registration, on a day between it and today; every fifth never yet
                    long since = java.time.temporal.ChronoUnit.DAYS.between(registered, today);
                    LocalDate visited = n % 5 == 0 ? null : registered.plusDays(since - (n * 13) % (since + 1));
                    if (registerMappaCase(h, recording, audit, form, registered, visited, today, now).ok()) {
                        cases++;
                        if (level.needsMeetings() && n % 6 != 1) {
                            meetings += holdMeetings(h, recording, audit, g[0], level, risks[3 - n % 4], sexual,
                                    meeting, today, now);
                        }
                    } else {
                        refused++;
                    }
                }
            }
            for (String[] g : gravest) {
                if (pdps >= 8 || Integer.parseInt(g[4]) < 2) {
                    continue;
                }
                String subject = store.nominal(g[0]).map(IomStore.Nominal::name).orElse(g[0]);
                // two lapsed (their review dates passed unrenewed), one due for review within a fortnight, the rest
                // active; each included 180 days before its review date, under the form's own checks on that day
                // (anyone managed under MAPPA is refused there, as the form would refuse them)
                LocalDate review = pdps == 0 ? today.minusDays(10) : pdps == 1 ? today.minusDays(3)
                        : pdps == 2 ? today.plusDays(9) : today.plusDays(20 + pdps * 40L);
                PotentiallyDangerousPerson.Form form = new PotentiallyDangerousPerson.Form(g[1], subject, g[0],
                        "Repeated stalking and harassment of former partners; no MAPPA-qualifying conviction",
                        g[4] + " stalking and harassment offences on the resolved history", review.toString());
                if (includePdp(h, recording, audit, form, review.minusDays(180), now).ok()) {
                    pdps++;
                }
            }
            int exceptions = 0;
            List<String> boroughs = new ArrayList<>(run.cohortSizes().keySet());
            for (int i = 0; i < boroughs.size(); i += 4) {
                String b = boroughs.get(i);
                // read in this transaction: the run is not committed yet
                List<String> chosen = h.createQuery("""
                                select offender_id from iom_cohort_score
                                where run_id = :run and borough_code = :b and in_rule_cohort order by borough_rank""")
                        .bind("run", run.runId()).bind("b", b).mapTo(String.class).list();
                if (chosen.isEmpty()) {
                    continue;
                }
                String last = chosen.get(chosen.size() - 1);
                String reason = "Serving a custodial sentence; the prison offender manager holds the case";
                // under the borough form's own checks
                if (CohortException.check(last, store.nominal(last).isPresent(), CohortException.Kind.REMOVE.code(),
                        reason).any()) {
                    continue;
                }
                long id = store.recordException(h, b, last, CohortException.Kind.REMOVE, reason, "demo", now);
                audit.record(h, AuditEvent.by(null, "iom-exception.remove", "iom-cohort-exception", Long.toString(id),
                        AuditEvent.SUCCESS).asUser("demo"));
                exceptions++;
            }
            int iomCases = openCases(h, run.runId(), store, audit, today, now);
            int[] diversion = referDiversions(h, run.runId(), store, audit, today, now);
            return new Summary(run.runId(), run.scored(), iomCases, cases, meetings, pdps, exceptions, diversion[0],
                    diversion[1]);
        });
    }
}
