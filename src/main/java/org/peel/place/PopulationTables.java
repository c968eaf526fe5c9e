package org.peel.place;

import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The population tables of the shared public data, read for the capabilities that set their records against the
 * residents of the force area or of its boroughs (the equality and disproportionality reports):
 * <ul>
 *   <li>{@link #CENSUS}: 2011 Census usual residents by ethnic group, one row per police force area;</li>
 *   <li>{@link #ATLAS}: the GLA's London LSOA atlas, mid-2013 residents by age band and the 2011 Census's broad
 *       ethnic groups per LSOA, summed here to the borough named in each LSOA's name ("Westminster 001A").</li>
 * </ul>
 * A file that is not there (or not given) reads as no figures, so a report can say what it lacks; a figure that is not
 * a whole number is an error naming the file, the line and the column.
 */
public final class PopulationTables {

    /** Where the census table is, under the shared data folder. */
    public static final String CENSUS = "population/census2011_ethnic_group_by_PFA16.csv";
    /** Where the GLA London LSOA atlas is, under the shared data folder. */
    public static final String ATLAS = "population/london-lsoa-atlas.csv";

    private PopulationTables() {
    }

    /**
     * The counts of the census columns asked for ("Ethnic Group: COLUMN; measures: Value"), keyed as asked, on the
     * row of the force area the census names as one of the force's names, or as the start of one ("Metropolitan
     * Police" for "Metropolitan Police Service"); empty when the file or the force area is not there.
     *
     * @param census     the census table; null reads as not there
     * @param forceNames the names the force goes by
     * @param columns    the key each count is returned under, to its census column
     */
    public static <K> Optional<Map<K, Long>> forceArea(Path census, Collection<String> forceNames,
                                                       Map<K, String> columns) {
        if (census == null || !Files.isRegularFile(census)) {
            return Optional.empty();
        }
        List<String> names = forceNames.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        try (CsvRecords csv = CsvRecords.open(census)) {
            int name = csv.column("PFA16NM");
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                String area = row[name].strip().toLowerCase(Locale.ROOT);
                if (area.isEmpty() || names.stream().noneMatch(f -> f.equals(area) || f.startsWith(area + " "))) {
                    continue;
                }
                Map<K, Long> counts = new LinkedHashMap<>();
                for (Map.Entry<K, String> c : columns.entrySet()) {
                    String header = "Ethnic Group: " + c.getValue() + "; measures: Value";
                    try {
                        counts.put(c.getKey(), Long.parseLong(row[csv.column(header)].strip()));
                    } catch (NumberFormatException ex) {
                        throw csv.bad(header, "is not a whole number");
                    }
                }
                return Optional.of(counts);
            }
        }
        return Optional.empty();
    }

    /**
     * Mid-2013 residents by age band ("0-15", "16-29", …, as the atlas's "Mid-year Population Estimates;Aged BAND;2013"
     * columns name them) for each borough, as {@link #byBorough} sums them.
     */
    public static Map<String, Map<String, Long>> ageBandsByBorough(Path atlas, List<String> bands) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String band : bands) {
            columns.put(band, "Mid-year Population Estimates;Aged " + band + ";2013");
        }
        return byBorough(atlas, columns);
    }

    /**
     * The atlas's columns asked for, summed from LSOAs to the borough named in each LSOA's name, keyed by the
     * borough's name in lower case and then as asked; an empty cell adds nothing. Empty when the
     * atlas is not there.
     *
     * @param atlas   the GLA London LSOA atlas; null reads as not there
     * @param columns the key each sum is returned under, to its atlas column
     */
    public static <K> Map<String, Map<K, Long>> byBorough(Path atlas, Map<K, String> columns) {
        if (atlas == null || !Files.isRegularFile(atlas)) {
            return Map.of();
        }
        Map<String, Map<K, Long>> out = new HashMap<>();
        // the GLA writes a pound sign in one header in another encoding: replaced, as it names no column read here
        try (CsvRecords csv = CsvRecords.replacingMalformed(Files.newInputStream(atlas),
                atlas.getFileName().toString())) {
            int name = csv.column("Names");
            Map<K, Integer> cols = new LinkedHashMap<>();
            columns.forEach((key, column) -> cols.put(key, csv.column(column)));
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length <= name || row[name].isBlank()) {
                    continue;
                }
                String lsoa = row[name].strip();
                int space = lsoa.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                Map<K, Long> borough = out.computeIfAbsent(lsoa.substring(0, space).toLowerCase(Locale.ROOT),
                        k -> new LinkedHashMap<>());
                for (Map.Entry<K, Integer> c : cols.entrySet()) {
                    String v = c.getValue() < row.length ? row[c.getValue()].strip() : "";
                    if (v.isEmpty()) {
                        continue;
                    }
                    try {
                        borough.merge(c.getKey(), Long.parseLong(v), Long::sum);
                    } catch (NumberFormatException ex) {
                        throw csv.bad(columns.get(c.getKey()), "is not a whole number");
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
