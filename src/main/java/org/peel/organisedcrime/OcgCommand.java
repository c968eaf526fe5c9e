package org.peel.organisedcrime;

import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel ocg …}: OCG scoring, runnable on a file of groups, and the comparison of two models. */
@Command(name = "ocg", mixinStandardHelpOptions = true,
        description = "Organised crime groups: score them under a versioned model (harm, threat, capability, reach,"
                + " confidence; the national OCG mapping algorithm is not published, so the weights are the force's),"
                + " say when each is due for reassessment, and compare two models.",
        subcommands = {OcgCommand.Score.class, OcgCommand.Compare.class})
public final class OcgCommand extends CommandGroup {

    static LocalDate asOf(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("--as-of must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Score each group in a CSV file (columns ocg_id, activities, members, principals, firearms,"
                    + " violence, corruption, money_laundering, reach, last_assessed, significant_event) and say"
                    + " whether it is due for reassessment at the as-of date; groups come out in input order.")
    static final class Score implements Callable<Integer> {
        @Mixin CommandOutput output;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The groups, as CSV")
        Path input;

        @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The date to judge reassessment at")
        String asOf;

        @Option(names = "--model", paramLabel = "VERSION", description = "Scoring model (default: " + OcgSettings.DEFAULT_MODEL + ")")
        String model = OcgSettings.DEFAULT_MODEL;

        @Option(names = "--interval-days", paramLabel = "N",
                description = "Days after an assessment that the next is due (default: " + OcgSettings.DEFAULT_INTERVAL_DAYS + ")")
        int intervalDays = OcgSettings.DEFAULT_INTERVAL_DAYS;

        @Override
        public Integer call() {
            LocalDate date = asOf(asOf);
            ScoringModel m = ScoringModel.version(model);
            if (intervalDays < 1) {
                throw new IllegalArgumentException("--interval-days must be at least 1");
            }
            List<Map<String, Object>> groups = new ArrayList<>();
            StringBuilder text = new StringBuilder("Model " + m.version() + ", as of " + date + "\n");
            for (ScoreFile.Row row : ScoreFile.read(input, date)) {
                OcgScore s = OcgScoring.score(m, row.facts());
                Reassessment.Decision due = Reassessment.due(row.lastAssessed(), row.significantEvent(), date, intervalDays);
                List<String> reasons = new ArrayList<>(s.reasons());
                reasons.add(due.reason());
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("ocg_id", row.ocgId());
                g.put("score", s.score());
                g.put("band", s.band());
                g.put("contributions", s.contributions());
                g.put("reassessment_due", due.due());
                g.put("reasons", reasons);
                groups.add(g);
                text.append(String.format(Locale.ROOT, "%-14s %6.2f  band %-3s %s%n", row.ocgId(), s.score(), s.band(),
                        due.due() ? "REASSESSMENT DUE" : ""));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model_version", m.version());
            json.put("groups", groups);
            output.print(System.out, text.toString().stripTrailing(), json);
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Score every group under two models side by side and list the groups whose band changes:"
                    + " the groups of a CSV file (as for score), or, without --input, the active groups of the register.")
    static final class Compare implements Callable<Integer> {
        @Mixin CommandOutput output;
        @Mixin CommandDatabase database;

        @Option(names = "--input", paramLabel = "FILE", description = "Groups as CSV; without it, the register")
        Path input;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "For a file: the date its assessments are checked against (default: today)")
        String asOf;

        @Option(names = "--from", paramLabel = "VERSION", description = "The model in use (default: peel-ocg-1)")
        String from = "peel-ocg-1";

        @Option(names = "--to", paramLabel = "VERSION", description = "The model to compare it with (default: peel-ocg-2)")
        String to = "peel-ocg-2";

        @Override
        public Integer call() {
            ScoringModel a = ScoringModel.version(from);
            ScoringModel b = ScoringModel.version(to);
            List<ModelComparison.Group> groups;
            String source;
            if (input != null) {
                LocalDate date = asOf == null ? LocalDate.MAX : asOf(asOf);
                groups = ScoreFile.read(input, date).stream()
                        .map(r -> new ModelComparison.Group(r.ocgId(), r.facts())).toList();
                source = input.getFileName().toString();
            } else {
                try (var ctx = database.openContext()) {
                    groups = new OcgStore(ctx.jdbi()).activeGroupFacts();
                }
                source = "register";
            }
            ModelComparison.Result result = ModelComparison.compare(a, b, groups);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", source);
            json.put("from", result.fromVersion());
            json.put("to", result.toVersion());
            json.put("groups", result.rows().size());
            json.put("bands_from", result.fromBands());
            json.put("bands_to", result.toBands());
            json.put("band_changes", result.changed().size());
            List<Map<String, Object>> changed = new ArrayList<>();
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d groups; %d change band from %s to %s%n", source, result.rows().size(),
                    result.changed().size(), a.version(), b.version()));
            text.append("Bands under ").append(a.version()).append(": ").append(result.fromBands()).append('\n');
            text.append("Bands under ").append(b.version()).append(": ").append(result.toBands()).append('\n');
            for (ModelComparison.Row r : result.changed()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("ocg_id", r.ocgId());
                one.put("score_from", r.before().score());
                one.put("band_from", r.before().band());
                one.put("score_to", r.after().score());
                one.put("band_to", r.after().band());
                changed.add(one);
                text.append(String.format(Locale.ROOT, "%-14s %6.2f %-3s -> %6.2f %-3s%n", r.ocgId(),
                        r.before().score(), r.before().band(), r.after().score(), r.after().band()));
            }
            json.put("changed", changed);
            output.print(System.out, text.toString().stripTrailing(), json);
            return 0;
        }
    }
}
