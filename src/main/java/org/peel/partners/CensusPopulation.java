package org.peel.partners;

import org.peel.common.Adapter;
import org.peel.common.CsvRecords;
import org.peel.people.Ethnicity;

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
        Map<String, String> columns = new LinkedHashMap<>();
        EqualityGroups.ETHNICITIES.forEach(g -> columns.put(g, g));
        return forceAreaCounts(census, forceNames, columns);
    }

    /**
     * The counts of the named census columns ("Ethnic Group: COLUMN; measures: Value") on the force area's row, keyed
     * as asked; empty when the file or the force area is not there.
     */
    private static <K> Optional<Map<K, Long>> forceAreaCounts(Path census, Collection<String> forceNames,
                                                             Map<K, String> columns) {
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

    /** The census column each self-defined category is counted in (Roma had none in 2011). */
    static final Map<Ethnicity, String> CATEGORY_COLUMNS = Map.ofEntries(
            Map.entry(Ethnicity.W1, "White: English/Welsh/Scottish/Northern Irish/British"),
            Map.entry(Ethnicity.W2, "White: Irish"), Map.entry(Ethnicity.W3, "White: Gypsy or Irish Traveller"),
            Map.entry(Ethnicity.W9, "White: Other White"),
            Map.entry(Ethnicity.M1, "Mixed/multiple ethnic group: White and Black Caribbean"),
            Map.entry(Ethnicity.M2, "Mixed/multiple ethnic group: White and Black African"),
            Map.entry(Ethnicity.M3, "Mixed/multiple ethnic group: White and Asian"),
            Map.entry(Ethnicity.M9, "Mixed/multiple ethnic group: Other Mixed"),
            Map.entry(Ethnicity.A1, "Asian/Asian British: Indian"), Map.entry(Ethnicity.A2, "Asian/Asian British: Pakistani"),
            Map.entry(Ethnicity.A3, "Asian/Asian British: Bangladeshi"), Map.entry(Ethnicity.A4, "Asian/Asian British: Chinese"),
            Map.entry(Ethnicity.A9, "Asian/Asian British: Other Asian"),
            Map.entry(Ethnicity.B1, "Black/African/Caribbean/Black British: Caribbean"),
            Map.entry(Ethnicity.B2, "Black/African/Caribbean/Black British: African"),
            Map.entry(Ethnicity.B9, "Black/African/Caribbean/Black British: Other Black"),
            Map.entry(Ethnicity.O1, "Other ethnic group: Arab"),
            Map.entry(Ethnicity.O9, "Other ethnic group: Any other ethnic group"));

    /** Residents of the force area by self-defined category, as {@link #ethnicity} finds the area. */
    public static Optional<Map<Ethnicity, Long>> ethnicCategories(Path census, Collection<String> forceNames) {
        Map<Ethnicity, String> columns = new java.util.EnumMap<>(Ethnicity.class);
        Ethnicity.categories().stream().filter(CATEGORY_COLUMNS::containsKey)
                .forEach(e -> columns.put(e, CATEGORY_COLUMNS.get(e)));
        return forceAreaCounts(census, forceNames, columns).map(found -> {
            Map<Ethnicity, Long> out = new java.util.EnumMap<>(Ethnicity.class);
            // a category the 2011 census did not count (Roma) has no residents to compare with
            Ethnicity.categories().forEach(e -> out.put(e, found.getOrDefault(e, 0L)));
            return out;
        });
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
