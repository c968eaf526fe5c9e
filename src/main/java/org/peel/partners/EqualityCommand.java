package org.peel.partners;

import org.peel.common.CsvRecords;
import org.peel.place.PopulationTables;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code peel equality …}: disproportionality against census population. */
@Command(name = "equality", mixinStandardHelpOptions = true,
        description = "Equality reports: police activity by group against census population, with rate ratios.",
        subcommands = {EqualityCommand.StopSearch.class, EqualityActivitiesCommand.class})
public final class EqualityCommand extends CommandGroup {

    /** The 2011 Census's five broad ethnic groups, as police.uk's officer-defined ethnicity names them. */
    static final List<String> GROUPS = List.of("White", "Mixed", "Asian", "Black", "Other");

    @Command(name = "stop-search", mixinStandardHelpOptions = true,
            description = "Stop and search by officer-defined ethnicity (police.uk stop-and-search CSV files) against"
                    + " the 2011 Census ethnic group population of the force area.")
    static final class StopSearch implements Callable<Integer> {
        @Mixin CommandOutput output;

        @Option(names = "--stops", required = true, paramLabel = "DIR|FILE",
                description = "A police.uk stop-and-search CSV, or a folder searched for *stop-and-search.csv")
        Path stops;

        @Option(names = "--census", required = true, paramLabel = "FILE",
                description = "census2011_ethnic_group_by_PFA16.csv")
        Path census;

        @Option(names = "--force", required = true, paramLabel = "NAME", description = "The force area as the census names it")
        String force;

        @Option(names = "--reference", paramLabel = "GROUP", description = "Group compared with (default: White)")
        String reference = "White";

        @Override
        public Integer call() {
            Map<String, Long> population = population();
            Map<String, Long> events = new TreeMap<>();
            long unrecorded = 0;
            for (Path file : files()) {
                try (CsvRecords csv = CsvRecords.open(file)) {
                    int col = csv.column("Officer-defined ethnicity");
                    for (String[] row = csv.next(); row != null; row = csv.next()) {
                        String g = col < row.length ? row[col].trim() : "";
                        if (GROUPS.contains(g)) {
                            events.merge(g, 1L, Long::sum);
                        } else {
                            unrecorded++;
                        }
                    }
                }
            }
            List<Disproportionality.Row> table = Disproportionality.table(events, population, reference);
            StringBuilder text = new StringBuilder(String.format(Locale.UK,
                    "Stop and search by officer-defined ethnicity, %s, against 2011 Census population (%d stops with"
                            + " no ethnicity recorded left out)%n%-6s %7s %10s %9s %7s %17s", force, unrecorded,
                    "Group", "Stops", "Population", "Per 1,000", "Ratio", "95% interval"));
            List<Map<String, Object>> rows = table.stream().map(r -> {
                text.append(String.format(Locale.UK, "%n%-6s %7d %10d %9.1f %7s %17s", r.group(), r.events(),
                        r.population(), r.ratePer1000(), r.ratio() == null ? "-" : String.format(Locale.UK, "%.2f", r.ratio()),
                        r.low() == null ? "-" : String.format(Locale.UK, "%.2f to %.2f", r.low(), r.high())));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("group", r.group());
                m.put("stops", r.events());
                m.put("population", r.population());
                m.put("rate_per_1000", r.ratePer1000());
                m.put("ratio", r.ratio());
                m.put("ci_low", r.low());
                m.put("ci_high", r.high());
                return m;
            }).toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("force", force);
            json.put("reference", reference);
            json.put("no_ethnicity_recorded", unrecorded);
            json.put("groups", rows);
            output.print(System.out, text.toString(), json);
            return 0;
        }

        private List<Path> files() {
            if (Files.isRegularFile(stops)) {
                return List.of(stops);
            }
            try (Stream<Path> walk = Files.walk(stops)) {
                List<Path> found = walk.filter(f -> f.getFileName().toString().endsWith("stop-and-search.csv"))
                        .sorted().toList();
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no *stop-and-search.csv file under " + stops);
                }
                return found;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private Map<String, Long> population() {
            if (!Files.isRegularFile(census)) {
                throw new IllegalArgumentException("the census file " + census + " is not there");
            }
            Map<String, String> columns = new LinkedHashMap<>();
            GROUPS.forEach(g -> columns.put(g, g));
            return PopulationTables.forceArea(census, List.of(force.strip()), columns).orElseThrow(() ->
                    new IllegalArgumentException("the census file " + census + " has no force area '" + force + "'"));
        }
    }
}
