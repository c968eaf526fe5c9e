package org.peel.partners;

import org.peel.common.Adapter;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The population the equality reports compare with, from the shared public data: 2011 Census usual residents by
 * broad ethnic group per police force area, and mid-year residents by age band per LSOA (the GLA London LSOA atlas),
 * summed to the force's boroughs by the borough named in each LSOA's name.
 */
@Adapter
public final class CensusPopulation {

    public static final String CENSUS = "population/census2011_ethnic_group_by_PFA16.csv";
    public static final String ATLAS = "population/london-lsoa-atlas.csv";

    private CensusPopulation() {
    }

    /** Residents by ethnic group of the force area the census names as the force's name, or its start. */
    public static Optional<Map<String, Long>> ethnicity(Path census, Collection<String> forceNames) {
        if (census == null || !Files.isRegularFile(census)) {
            return Optional.empty();
        }
        try (CsvRecords csv = CsvRecords.open(census)) {
            int name = csv.column("PFA16NM");
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                String area = row[name].strip().toLowerCase(Locale.ROOT);
                boolean ours = !area.isEmpty() && forceNames.stream().map(f -> f.toLowerCase(Locale.ROOT))
                        .anyMatch(f -> f.equals(area) || f.startsWith(area + " "));
                if (!ours) {
                    continue;
                }
                Map<String, Long> groups = new LinkedHashMap<>();
                for (String g : EqualityGroups.ETHNICITIES) {
                    String col = "Ethnic Group: " + g + "; measures: Value";
                    try {
                        groups.put(g, Long.parseLong(row[csv.column(col)].strip()));
                    } catch (NumberFormatException ex) {
                        throw csv.bad(col, "is not a whole number");
                    }
                }
                return Optional.of(groups);
            }
        }
        return Optional.empty();
    }

    /** Residents by age band summed over the named boroughs' LSOAs; empty when none of them is in the atlas. */
    public static Optional<Map<String, Long>> ageBands(Path atlas, Collection<String> boroughNames) {
        if (atlas == null || !Files.isRegularFile(atlas)) {
            return Optional.empty();
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        boroughNames.forEach(b -> wanted.add(b.toLowerCase(Locale.ROOT)));
        Map<String, Long> out = new LinkedHashMap<>();
        boolean any = false;
        // the GLA writes a pound sign in one header in another encoding: replaced, as it names no column read here
        try (CsvRecords csv = CsvRecords.replacingMalformed(Files.newInputStream(atlas),
                atlas.getFileName().toString())) {
            int name = csv.column("Names");
            Map<String, Integer> cols = new LinkedHashMap<>();
            for (String band : EqualityGroups.AGE_BANDS) {
                cols.put(band, csv.column("Mid-year Population Estimates;Aged " + band + ";2013"));
            }
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length <= name || row[name].isBlank()) {
                    continue;
                }
                String lsoa = row[name].strip();
                int space = lsoa.lastIndexOf(' ');
                if (space < 0 || !wanted.contains(lsoa.substring(0, space).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                any = true;
                for (Map.Entry<String, Integer> c : cols.entrySet()) {
                    String v = c.getValue() < row.length ? row[c.getValue()].strip() : "";
                    if (v.isEmpty()) {
                        continue;
                    }
                    try {
                        out.merge(c.getKey(), Long.parseLong(v), Long::sum);
                    } catch (NumberFormatException ex) {
                        throw csv.bad("Mid-year Population Estimates;Aged " + c.getKey() + ";2013",
                                "is not a whole number");
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return any ? Optional.of(out) : Optional.empty();
    }
}
