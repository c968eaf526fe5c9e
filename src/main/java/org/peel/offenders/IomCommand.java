package org.peel.offenders;

import org.peel.common.BadInput;
import org.peel.module.CommandOutput;
import org.peel.module.CommandGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel iom …}: integrated offender management's cohort rule on the command line. */
@Command(name = "iom", mixinStandardHelpOptions = true,
        description = "Integrated offender management: the force's cohort rule.",
        subcommands = {IomCommand.Cohort.class, IomStoredCohortCommand.class, IomReoffendingCommand.class,
                IomDiversionCommand.class, IomAssignWardCommand.class})
public final class IomCommand extends CommandGroup {

    @Command(name = "cohort", mixinStandardHelpOptions = true,
            description = "Score offending histories by the force's rule (harm-weighted recency, frequency and gravity)"
                    + " and choose the cohort: the highest scores up to the capacity in each borough.")
    static final class Cohort implements Callable<Integer> {

        @Mixin CommandOutput output;

        @Option(names = "--input", required = true, paramLabel = "FILE",
                description = "CSV with columns offender_id,borough_code,offence_date,offence_group,disposal")
        Path input;

        @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The date the rule is run for")
        String asOf;

        @Option(names = "--capacity", required = true, paramLabel = "N", description = "Cohort places in each borough")
        int capacity;

        @Option(names = "--gravity-file", paramLabel = "FILE",
                description = "CSV offence_group,days replacing the default gravity weights (cchi-approx-1)")
        Path gravityFile;

        @Option(names = "--half-life-days", paramLabel = "DAYS",
                description = "An offence's weight halves every DAYS days (default: 365)")
        double halfLifeDays = CohortSettings.HALF_LIFE_DAYS;

        @Option(names = "--lookback-days", paramLabel = "DAYS",
                description = "Offences older than DAYS days do not count (default: 1095)")
        int lookbackDays = CohortSettings.LOOKBACK_DAYS;

        @Override
        public Integer call() {
            LocalDate date;
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException ex) {
                throw new BadInput("command line", 0, "--as-of", "not a date as YYYY-MM-DD: '" + asOf + "'");
            }
            if (capacity < 0) {
                throw new BadInput("command line", 0, "--capacity", "must be 0 or more, not " + capacity);
            }
            CohortRule rule = new CohortRule(new CohortSettings(halfLifeDays, lookbackDays,
                    gravityFile == null ? GravityWeights.standard() : GravityWeights.fromCsv(gravityFile), capacity));
            List<Offence> offences = OffendingHistoryCsv.read(input, rule.settings().gravity());
            List<OffenderScore> scores = rule.scoreAll(offences, date);
            List<OffenderScore> cohort = CohortRule.select(scores, b -> capacity);
            output.print(System.out, text(rule, scores, cohort, date), json(rule, scores, cohort));
            return 0;
        }

        private static Map<String, Object> json(CohortRule rule, List<OffenderScore> scores, List<OffenderScore> cohort) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rule_version", rule.version());
            List<Map<String, Object>> s = new ArrayList<>();
            for (OffenderScore one : scores) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("offender_id", one.offenderId());
                m.put("borough_code", one.boroughCode());
                m.put("score", one.score());
                m.put("reasons", one.reasons());
                s.add(m);
            }
            json.put("scores", s);
            List<Map<String, Object>> c = new ArrayList<>();
            for (OffenderScore one : cohort) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("offender_id", one.offenderId());
                m.put("borough_code", one.boroughCode());
                m.put("score", one.score());
                c.add(m);
            }
            json.put("cohort", c);
            return json;
        }

        private static String text(CohortRule rule, List<OffenderScore> scores, List<OffenderScore> cohort, LocalDate asOf) {
            StringBuilder sb = new StringBuilder();
            sb.append("Rule ").append(rule.version()).append(", as of ").append(asOf).append(": ")
                    .append(scores.size()).append(" offenders scored, ").append(cohort.size()).append(" in the cohort\n");
            CohortRule.sizes(cohort).forEach((b, n) -> sb.append("  ").append(b).append(": ").append(n).append('\n'));
            for (OffenderScore one : cohort) {
                sb.append(String.format(java.util.Locale.ROOT, "%-12s %-12s %10.2f  %s%n", one.offenderId(),
                        one.boroughCode(), one.score(), String.join("; ", one.reasons())));
            }
            return sb.toString().stripTrailing();
        }
    }
}
