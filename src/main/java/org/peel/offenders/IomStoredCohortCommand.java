package org.peel.offenders;

import org.peel.access.AuditEvent;
import org.peel.common.BadInput;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel iom run}: runs the force's cohort rule over the resolved histories in the database, stores the run and
 * prints each borough's capacity, the rule's cohort, the borough's exceptions and its departure from the rule.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the force's cohort rule over the resolved offending histories held, store the cohort and"
                + " report each borough's cohort size and departure from the rule.")
final class IomStoredCohortCommand implements Callable<Integer> {

    @Mixin CommandDatabase database;
    @Mixin CommandOutput output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The date the rule is run for (default: the newest offence held)")
    String asOf;

    @Override
    public Integer call() {
        try (CommandContext context = database.openContext()) {
            IomStore store = new IomStore(context.jdbi());
            CohortRule rule = new CohortRule(CohortSettings.from(context.environment()));
            CohortRunPass pass = new CohortRunPass(store, rule);
            LocalDate date = asOf == null ? context.jdbi().withHandle(h -> h.createQuery(
                    "select coalesce(max(offence_on), current_date) from offending_history")
                    .mapTo(LocalDate.class).one()) : parse(asOf);
            Instant now = context.clock().instant();
            CohortRunPass.Result result = context.jdbi().inTransaction(h -> {
                CohortRunPass.Result r = pass.run(h, date, now, "command line");
                context.audit().record(h, AuditEvent.by(null, "iom-cohort.run", "iom-cohort-run",
                        Long.toString(r.runId()), AuditEvent.SUCCESS).asUser("command line")
                        .detail(r.ruleVersion() + " as of " + date + ": " + r.scored() + " scored"));
                return r;
            });
            Map<String, Integer> capacities = store.capacities();
            List<BoroughCohort> boroughs = BoroughCohort.of(store.ruleCohort(result.runId()), store.exceptions(null),
                    b -> pass.capacity(capacities, b));
            StringBuilder text = new StringBuilder("Rule " + result.ruleVersion() + " as of " + date + ": "
                    + result.scored() + " offenders scored (run " + result.runId() + ")\n");
            text.append(String.format(Locale.ROOT, "%-10s %8s %6s %8s %6s %8s %10s%n", "borough", "capacity", "rule",
                    "managed", "added", "removed", "departure"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BoroughCohort b : boroughs) {
                text.append(String.format(Locale.ROOT, "%-10s %8d %6d %8d %6d %8d %9.1f%%%n", b.boroughCode(),
                        b.capacity(), b.ruleChoice().size(), b.managed().size(), b.added().size(), b.removed().size(),
                        100 * b.departure()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("borough_code", b.boroughCode());
                row.put("capacity", b.capacity());
                row.put("rule_cohort", b.ruleChoice().size());
                row.put("managed_cohort", b.managed().size());
                row.put("added", b.added().size());
                row.put("removed", b.removed().size());
                row.put("departure", Math.round(b.departure() * 1000) / 1000.0);
                rows.add(row);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run_id", result.runId());
            json.put("rule_version", result.ruleVersion());
            json.put("as_of", date.toString());
            json.put("offenders_scored", result.scored());
            json.put("boroughs", rows);
            output.print(System.out, text.toString().stripTrailing(), json);
            return 0;
        }
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException ex) {
            throw new BadInput("command line", 0, "--as-of", "not a date as YYYY-MM-DD: '" + text + "'");
        }
    }
}
