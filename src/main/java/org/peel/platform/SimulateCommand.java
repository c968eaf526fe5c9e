package org.peel.platform;

import org.peel.module.CommandGroup;
import org.peel.investigation.Allocation;
import org.peel.investigation.AllocationSimulation;
import org.peel.investigation.OffenceGroup;
import org.peel.investigation.Screening;
import org.peel.investigation.Specialism;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.RecordSink;
import org.peel.synthetic.SyntheticForce;
import org.peel.synthetic.SyntheticSettings;
import org.peel.synthetic.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code peel simulate …}: Peel's rules run over a synthetic force, against the practice they replace. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a synthetic force through Peel's rules and through a baseline of current practice.",
        subcommands = SimulateCommand.AllocationRun.class)
final class SimulateCommand extends CommandGroup {

    /** Outcome types that mean a suspect was named (as the synthetic force records them). */
    private static final Set<String> SUSPECT_NAMED = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            "15", "16", "17", "20");

    @Command(name = "allocation", mixinStandardHelpOptions = true,
            description = "Allocate a synthetic force's investigated crimes with Peel's engine (at recording, skill-matched,"
                    + " under a caseload cap) and with a daily crime-management-unit batch one to three days late;"
                    + " print time to allocation, target breaches and the spread of caseloads for both.")
    static final class AllocationRun implements Callable<Integer> {
        @Mixin OutputOptions output;

        @Option(names = "--force", paramLabel = "NAME", defaultValue = SyntheticForce.DEMO_FORCE,
                description = "The force (default: ${DEFAULT-VALUE})")
        String force;

        @Option(names = "--scale", paramLabel = "F", defaultValue = "0.1", description = "Share of the force's volumes (default 0.1)")
        double scale;

        @Option(names = "--days", paramLabel = "N", defaultValue = "90", description = "Days simulated (default 90)")
        int days;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1)")
        long seed;

        @Option(names = "--detective-shortfall", paramLabel = "F", defaultValue = "0.15",
                description = "Investigators in post short of establishment (default 0.15)")
        double shortfall;

        @Option(names = "--target-hours", paramLabel = "H", defaultValue = "24",
                description = "Allocation target in hours (default 24)")
        int targetHours;

        @Option(names = "--caseload-cap", paramLabel = "N", defaultValue = "24",
                description = "Peel's weighted caseload cap per investigator (default 24)")
        int cap;

        @Option(names = "--year-to", paramLabel = "YYYY-MM", defaultValue = "2015-06",
                description = "Last month of the generated year (default 2015-06)")
        YearMonth yearTo;

        @Option(names = "--shared-data", paramLabel = "DIR",
                description = "Public data folder (default: env PEEL_SHARED_DATA, else ../shared/data if present)")
        Path sharedData;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("--days must be between 1 and 366");
            }
            if (shortfall < 0 || shortfall >= 1) {
                throw new IllegalArgumentException("--detective-shortfall must be at least 0 and below 1");
            }
            ForceSpec spec = ForceSources.load(force, yearTo, GenerateCommand.sharedDataDir(sharedData));
            Generation generation = new Generation(spec.name(), scale, seed, yearTo);
            CapturingSink sink = new CapturingSink();
            long t0 = System.nanoTime();
            SyntheticForce.generate(spec, generation, SyntheticSettings.defaults().withInvestigatorShortfall(shortfall), sink);
            Allocation.Policy defaults = Allocation.Policy.defaults();
            AllocationSimulation.Settings settings = new AllocationSimulation.Settings(days, targetHours, seed,
                    Screening.Settings.defaults(), new Allocation.Policy(cap, defaults.weights(), defaults.centralSpecialisms()));
            AllocationSimulation.Result result = AllocationSimulation.run(sink.crimes(), sink.investigators(), settings);
            double seconds = (System.nanoTime() - t0) / 1e9;

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("peel", figures(result.peel()));
            json.put("baseline", figures(result.baseline()));
            String text = String.format(Locale.ROOT, """
                            %s at scale %s, %d days, seed %d, detective shortfall %.0f%%: %,d investigated crimes, %,d investigators (%.1f s)
                                                      Peel   baseline
                              median hours to allocation %8.2f %10.2f
                              90th percentile hours      %8.2f %10.2f
                              breaches of %d h target (%%) %6.2f %10.2f
                              caseload CV                %8.2f %10.2f
                              still waiting at the end   %,8d %,10d
                              below accreditation        %,8d %,10d
                            Peel's waiting crimes by reason: %s""",
                    spec.name(), generation.scaleText(), days, seed, shortfall * 100, result.peel().crimes(),
                    sink.investigators().size(), seconds,
                    result.peel().medianHoursToAllocation(), result.baseline().medianHoursToAllocation(),
                    result.peel().p90HoursToAllocation(), result.baseline().p90HoursToAllocation(),
                    targetHours, result.peel().targetBreachPct(), result.baseline().targetBreachPct(),
                    result.peel().caseloadCv(), result.baseline().caseloadCv(),
                    result.peel().stillWaiting(), result.baseline().stillWaiting(),
                    result.peel().unaccredited(), result.baseline().unaccredited(),
                    new java.util.TreeMap<>(result.peel().waitingReasons()));
            output.print(System.out, text, json);
            return 0;
        }

        private static Map<String, Object> figures(AllocationSimulation.Metrics m) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("median_hours_to_allocation", m.medianHoursToAllocation());
            f.put("p90_hours_to_allocation", m.p90HoursToAllocation());
            f.put("target_breach_pct", m.targetBreachPct());
            f.put("caseload_cv", m.caseloadCv());
            f.put("crimes", m.crimes());
            f.put("allocated", m.allocated());
            f.put("still_waiting", m.stillWaiting());
            f.put("allocated_below_accreditation", m.unaccredited());
            if (!m.waitingReasons().isEmpty()) {
                f.put("still_waiting_because", new java.util.TreeMap<>(m.waitingReasons()));
            }
            return f;
        }
    }

    /** Keeps the investigation tables of a generation in memory and lets every other table's rows go. */
    static final class CapturingSink implements RecordSink {
        private final Map<String, String[]> teams = new HashMap<>();
        private final List<String[]> investigatorRows = new ArrayList<>();
        private final List<String[]> crimeRows = new ArrayList<>();
        private final Map<String, String[]> outcomes = new HashMap<>();

        @Override
        public Writer open(Table table) {
            return switch (table.name()) {
                case "investigation_team" -> new Lines(r -> teams.put(r[0], r));
                case "investigator" -> new Lines(investigatorRows::add);
                case "crime" -> new Lines(crimeRows::add);
                case "crime_outcome" -> new Lines(r -> outcomes.put(r[0], r));
                default -> Writer.nullWriter();
            };
        }

        @Override
        public void finish(Generation generation, Map<String, Long> counts) {
        }

        @Override
        public void close() {
        }

        List<AllocationSimulation.SimInvestigator> investigators() {
            List<AllocationSimulation.SimInvestigator> out = new ArrayList<>();
            for (String[] r : investigatorRows) {
                String[] team = teams.get(r[1]);
                Specialism.fromLabel(r[4]).ifPresent(s -> out.add(new AllocationSimulation.SimInvestigator(r[0], r[1],
                        team[1], Integer.parseInt(r[3]), s)));
            }
            return out;
        }

        List<AllocationSimulation.SimCrime> crimes() {
            List<AllocationSimulation.SimCrime> out = new ArrayList<>();
            for (String[] r : crimeRows) {
                OffenceGroup g = OffenceGroup.fromLabel(r[3]).orElse(null);
                if (g == null) {
                    continue;
                }
                String[] o = outcomes.get(r[0]);
                boolean named = o != null && SUSPECT_NAMED.contains(o[1]);
                LocalDateTime closes = o == null ? null : LocalDate.parse(o[2]).atTime(12, 0);
                out.add(new AllocationSimulation.SimCrime(r[0], LocalDateTime.parse(r[2].replace(' ', 'T')), g, r[5],
                        Boolean.parseBoolean(r[10]), Boolean.parseBoolean(r[11]),
                        named, r.length > 12 && !r[12].isEmpty(), closes));
            }
            return out;
        }
    }

    /** Splits the CSV text a table is written as into rows (header skipped) and hands each on. */
    private static final class Lines extends Writer {
        private final Consumer<String[]> rows;
        private final StringBuilder line = new StringBuilder();
        private boolean header = true;

        Lines(Consumer<String[]> rows) {
            this.rows = rows;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    if (!header) {
                        rows.accept(split(line));
                    }
                    header = false;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        private static String[] split(CharSequence s) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            return fields.toArray(String[]::new);
        }
    }
}
