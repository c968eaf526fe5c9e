package org.peel.offenders;

import org.peel.common.BadInput;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code peel iom reoffending}: the cohort the rule would have chosen on an entry date, from the resolved histories held
 * up to then, and its offending in the window before and after entry beside a comparison group matched on score.
 */
@Command(name = "reoffending", mixinStandardHelpOptions = true,
        description = "Reoffending before and after cohort entry for the cohort the rule chooses on --entry, beside a"
                + " comparison group of offenders outside the cohort matched on score.")
final class IomReoffendingCommand implements Callable<Integer> {

    @Mixin CommandDatabase database;
    @Mixin CommandOutput output;

    @Option(names = "--entry", required = true, paramLabel = "YYYY-MM-DD", description = "The date of cohort entry")
    String entry;

    @Option(names = "--window-days", paramLabel = "DAYS", description = "Days counted before and after entry (default: 365)")
    int windowDays = 365;

    @Override
    public Integer call() {
        LocalDate date;
        try {
            date = LocalDate.parse(entry.strip());
        } catch (DateTimeParseException ex) {
            throw new BadInput("command line", 0, "--entry", "not a date as YYYY-MM-DD: '" + entry + "'");
        }
        if (windowDays < 1) {
            throw new BadInput("command line", 0, "--window-days", "must be 1 or more");
        }
        try (CommandContext context = database.openContext()) {
            IomStore store = new IomStore(context.jdbi());
            CohortRule rule = new CohortRule(CohortSettings.from(context.environment()));
            CohortRunPass pass = new CohortRunPass(store, rule);
            LocalDate since = date.minusDays(Math.max(rule.settings().lookbackDays(), windowDays) + 1L);
            List<Offence> all = store.resolvedHistories(since, date.plusDays(windowDays), new HashMap<>());
            List<Offence> known = all.stream().filter(o -> !o.on().isAfter(date)).toList();
            List<OffenderScore> scores = rule.scoreAll(known, date);
            Map<String, Integer> caps = store.capacities();
            Set<String> cohort = new HashSet<>();
            CohortRule.select(scores, b -> pass.capacity(caps, b)).forEach(s -> cohort.add(s.offenderId()));
            Map<String, List<LocalDate>> dates = new HashMap<>();
            all.forEach(o -> dates.computeIfAbsent(o.offenderId(), k -> new ArrayList<>()).add(o.on()));
            List<OffenderScore> scored = scores.stream().filter(s -> s.score() > 0).toList();
            ReoffendingComparison.Result r = ReoffendingComparison.compare(scored, cohort, dates, date, windowDays);
            String text = String.format(Locale.ROOT, """
                            Rule %s; cohort entry %s; %d days either side
                            cohort:     %d offenders, %.2f offences each before, %.2f after; %.1f%% reoffended
                            comparison: %d offenders matched on score, %.2f before, %.2f after; %.1f%% reoffended%s""",
                    rule.version(), date, windowDays, r.cohort().people(), r.cohort().meanBefore(), r.cohort().meanAfter(),
                    100 * r.cohort().reoffendingRate(), r.comparison().people(), r.comparison().meanBefore(),
                    r.comparison().meanAfter(), 100 * r.comparison().reoffendingRate(),
                    r.unmatched() > 0 ? "\n" + r.unmatched() + " cohort members had no one left to match" : "");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rule_version", rule.version());
            json.put("entry", date.toString());
            json.put("window_days", windowDays);
            json.put("cohort", group(r.cohort()));
            json.put("comparison", group(r.comparison()));
            json.put("unmatched", r.unmatched());
            output.print(System.out, text, json);
            return 0;
        }
    }

    private static Map<String, Object> group(ReoffendingComparison.Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offenders", g.people());
        m.put("offences_before", g.offencesBefore());
        m.put("offences_after", g.offencesAfter());
        m.put("reoffended_after", g.reoffendedAfter());
        m.put("reoffending_rate", Math.round(g.reoffendingRate() * 1000) / 1000.0);
        return m;
    }
}
