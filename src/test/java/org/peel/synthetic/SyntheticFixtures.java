package org.peel.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders and readers for the synthetic force tests: small generations written to a temporary folder. */
final class SyntheticFixtures {

    static final YearMonth JUNE_2015 = YearMonth.of(2015, 6);

    private SyntheticFixtures() {
    }

    /** The Met as Peel knows it with no shared data: built-in boroughs and volumes. */
    static ForceSpec builtInMet() {
        return ForceSources.load("Metropolitan Police", JUNE_2015, null);
    }

    static Path generateCsv(ForceSpec force, double scale, long seed, SyntheticSettings settings, Path dir) throws IOException {
        try (CsvSink sink = new CsvSink(dir)) {
            SyntheticForce.generate(force, new Generation(force.name(), scale, seed, JUNE_2015), settings, sink);
        }
        return dir;
    }

    /** Rows of a CSV file as header → value maps; a plain reader of its own, independent of the generator's code. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
