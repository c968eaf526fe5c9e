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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel iom diversion}: referrals and outcomes by scheme, and reoffending after referral beside the matched
 * comparison group ({@link DiversionComparison}), as the reoffending page shows them.
 */
@Command(name = "diversion", mixinStandardHelpOptions = true,
        description = "Diversion referrals and outcomes by scheme, and reoffending in the window after referral beside"
                + " a comparison group of never-referred offenders matched on score band, age band and offence group.")
final class IomDiversionCommand implements Callable<Integer> {

    @Mixin CommandDatabase database;
    @Mixin CommandOutput output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day of the comparison (default: today)")
    String asOf;

    @Option(names = "--window-days", paramLabel = "DAYS",
            description = "Days after referral in which offences count (default: 180)")
    int windowDays = DiversionRoutes.WINDOW_DAYS;

    @Option(names = "--borough", paramLabel = "CODE", description = "One borough's referrals (default: the force)")
    String borough;

    @Override
    public Integer call() {
        if (windowDays < 1) {
            throw new BadInput("command line", 0, "--window-days", "must be 1 or more");
        }
        try (CommandContext context = database.openContext()) {
            LocalDate date;
            try {
                date = asOf == null ? LocalDate.now(context.clock()) : LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException ex) {
                throw new BadInput("command line", 0, "--as-of", "not a date as YYYY-MM-DD: '" + asOf + "'");
            }
            IomStore iom = new IomStore(context.jdbi());
            CohortRule rule = new CohortRule(CohortSettings.from(context.environment()));
            DiversionFigures.Figures f = new DiversionFigures(iom, new DiversionStore(context.jdbi()), rule)
                    .compute(borough, date, windowDays);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "Diversion as of %s; reoffending in the %d days after each person's first referral%n", date,
                    windowDays));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("as_of", date.toString());
            json.put("window_days", windowDays);
            json.put("rule_version", rule.version());
            json.put("all", result(f.all()));
            line(text, "All schemes", f.all());
            Map<String, Object> schemes = new LinkedHashMap<>();
            for (Diversion.Scheme s : Diversion.Scheme.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, Integer> counts = f.outcomes().getOrDefault(s.code(), Map.of());
                m.put("referrals", counts.values().stream().mapToInt(Integer::intValue).sum());
                m.put("outcomes", counts);
                DiversionComparison.Result r = f.byScheme().get(s);
                m.put("reoffending", r == null ? null : result(r));
                schemes.put(s.code(), m);
                text.append(String.format(Locale.ROOT, "%-26s %d referrals; outcomes %s%n", s.label(),
                        counts.values().stream().mapToInt(Integer::intValue).sum(), counts));
                if (r != null) {
                    line(text, "  " + s.label(), r);
                }
            }
            json.put("schemes", schemes);
            output.print(System.out, text.toString().stripTrailing(), json);
            return 0;
        }
    }

    private static void line(StringBuilder sb, String label, DiversionComparison.Result r) {
        sb.append(String.format(Locale.ROOT,
                "%-26s %d matched pairs: referred %.1f%% reoffended (%.2f offences each), comparison %.1f%% (%.2f);"
                        + " %d unmatched, %d not yet followed up%n", label, r.referred().people(),
                100 * r.referred().reoffendingRate(), r.referred().meanAfter(), 100 * r.comparison().reoffendingRate(),
                r.comparison().meanAfter(), r.unmatched(), r.notYetFollowedUp()));
    }

    private static Map<String, Object> result(DiversionComparison.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matched_pairs", r.referred().people());
        m.put("referred", group(r.referred()));
        m.put("comparison", group(r.comparison()));
        m.put("unmatched", r.unmatched());
        m.put("not_yet_followed_up", r.notYetFollowedUp());
        return m;
    }

    private static Map<String, Object> group(DiversionComparison.Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offenders", g.people());
        m.put("offences_before", g.offencesBefore());
        m.put("offences_after", g.offencesAfter());
        m.put("reoffended_after", g.reoffended());
        m.put("reoffending_rate", Math.round(g.reoffendingRate() * 1000) / 1000.0);
        return m;
    }
}
