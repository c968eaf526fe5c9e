package org.peel.offenders;

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
 * offenders with a sexual offence (category 1) or violence with injury (category 2) on their history; potentially
 * dangerous persons among offenders with repeated stalking and harassment and no MAPPA case, one of them left past its
 * review date so that it shows as lapsed; and, in every fourth borough, an exception removing the rule's lowest-ranked
 * choice with a reason, so that the force's view shows departures. Every change is audited as the demo's.
 */
public final class DemoIomPass {

    private DemoIomPass() {
    }

    /** What the pass recorded. */
    public record Summary(long runId, int scored, int mappaCases, int pdps, int exceptions) {
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
            int pdps = 0;
            Mappa.RiskOfSeriousHarm[] risks = Mappa.RiskOfSeriousHarm.values();
            List<String> managed = new ArrayList<>();
            for (String[] g : gravest) {
                boolean sexual = !g[2].isEmpty();
                boolean violent = !g[3].isEmpty();
                if ((sexual || violent) && cases < 40) {
                    int n = cases++;
                    Mappa.Case c = new Mappa.Case(g[0], sexual ? Mappa.Category.ONE : Mappa.Category.TWO,
                            Mappa.Level.of(1 + n % 3), n % 4 == 0 ? Mappa.Agency.POLICE : Mappa.Agency.PROBATION,
                            risks[3 - n % 4], today.minusDays(30 + (n * 37) % 300),
                            n % 5 == 0 ? null : today.minusDays((n * 13) % 120),
                            n % 3 == 0 ? null : today.plusDays(7 + (n * 11) % 60));
                    mappa.register(h, c, g[1], sexual ? "Notification requirements; home visits; internet monitoring"
                            : "Licence conditions: exclusion zone and curfew; victim contact", "demo", now);
                    managed.add(g[0]);
                    audit.record(h, AuditEvent.by(null, "mappa-case.record", "mappa-case", g[0], AuditEvent.SUCCESS)
                            .asUser("demo"));
                }
            }
            for (String[] g : gravest) {
                if (pdps >= 8 || managed.contains(g[0]) || Integer.parseInt(g[4]) < 2) {
                    continue;
                }
                String subject = store.nominal(g[0]).map(IomStore.Nominal::name).orElse(g[0]);
                LocalDate review = pdps == 0 ? today.minusDays(10) : today.plusDays(20 + pdps * 40L);
                long id = mappa.include(h, g[1], subject, g[0],
                        "Repeated stalking and harassment of former partners; no MAPPA-qualifying conviction",
                        g[4] + " stalking and harassment offences on the resolved history", review, "demo", now);
                audit.record(h, AuditEvent.by(null, "pdp.include", "potentially-dangerous-person", Long.toString(id),
                        AuditEvent.SUCCESS).asUser("demo"));
                pdps++;
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
                long id = store.recordException(h, b, last, CohortException.Kind.REMOVE,
                        "Serving a custodial sentence; the prison offender manager holds the case", "demo", now);
                audit.record(h, AuditEvent.by(null, "iom-exception.remove", "iom-cohort-exception", Long.toString(id),
                        AuditEvent.SUCCESS).asUser("demo"));
                exceptions++;
            }
            return new Summary(run.runId(), run.scored(), cases, pdps, exceptions);
        });
    }
}
