package org.peel.platform;

import org.peel.investigation.AllocationSimulation;
import org.peel.investigation.OffenceGroup;
import org.peel.investigation.SyntheticCaseload;
import org.peel.investigation.Specialism;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.RecordSink;
import org.peel.synthetic.SyntheticForce;
import org.peel.synthetic.SyntheticSettings;
import org.peel.synthetic.Table;

import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The synthetic force's investigated crimes and investigators, generated for {@code peel simulate allocation}. */
final class SyntheticCaseloads implements SyntheticCaseload {

    /** Outcome types that mean a suspect was named (as the synthetic force records them). */
    private static final Set<String> SUSPECT_NAMED = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            "15", "16", "17", "20");

    @Override
    public Force generate(String force, double scale, long seed, YearMonth yearTo, double shortfall, Path sharedData) {
        ForceSpec spec = ForceSources.load(force, yearTo, GenerateCommand.sharedDataDir(sharedData));
        Generation generation = new Generation(spec.name(), scale, seed, yearTo);
        CapturingSink sink = new CapturingSink();
        try {
            SyntheticForce.generate(spec, generation, SyntheticSettings.defaults().withInvestigatorShortfall(shortfall), sink);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return new Force(spec.name(), generation.scaleText(), sink.crimes(), sink.investigators());
    }

    /** Keeps the investigation tables of a generation in memory and lets every other table's rows go. */
    static final class CapturingSink implements RecordSink {
        private final Map<String, String[]> teams = new HashMap<>();
        private final List<String[]> investigatorRows = new ArrayList<>();
        private final List<String[]> crimeRows = new ArrayList<>();
        private final Map<String, String[]> outcomes = new HashMap<>();
        private final Set<String> rapes = new java.util.HashSet<>();

        @Override
        public Writer open(Table table) {
            return switch (table.name()) {
                case "investigation_team" -> new Lines(r -> teams.put(r[0], r));
                case "investigator" -> new Lines(investigatorRows::add);
                case "crime" -> new Lines(crimeRows::add);
                case "crime_outcome" -> new Lines(r -> outcomes.put(r[0], r));
                case "crime_flag" -> new Lines(r -> {
                    if ("RAPE".equals(r[1])) {
                        rapes.add(r[0]);
                    }
                });
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
                        named, r.length > 12 && !r[12].isEmpty(), closes, rapes.contains(r[0])));
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
