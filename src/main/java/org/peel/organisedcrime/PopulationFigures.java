package org.peel.organisedcrime;

import org.peel.common.Adapter;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The population the equality report compares the matrix with, read from the public data sets folder when it is
 * there: mid-2013 residents by age band per London borough (the GLA's LSOA atlas, summed from LSOAs to the borough
 * named in each LSOA's name), and 2011 Census residents by broad ethnic group per force area. Neither file gives
 * sex by borough; the atlas also carries the 2011 Census's broad ethnic groups per LSOA, so ethnicity is compared
 * borough by borough as well as over the force area.
 */
@Adapter
public final class PopulationFigures {

    static final String ATLAS = "population/london-lsoa-atlas.csv";
    static final String CENSUS = "population/census2011_ethnic_group_by_PFA16.csv";

    private final Optional<Path> sharedData;

    public PopulationFigures(Optional<Path> sharedData) {
        this.sharedData = sharedData;
    }

    /** Where the figures are read from, for the page to name. */
    public String atlasSource() {
        return "GLA London LSOA Atlas, mid-2013 population estimates by age (" + ATLAS + ")";
    }

    public String censusSource() {
        return "2011 Census, usual residents by ethnic group, by police force area (" + CENSUS + ")";
    }

    /** Residents by age band for each borough named, keyed by borough name; empty when the atlas is not there. */
    public Map<String, Map<String, Long>> ageBandsByBorough() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String band : EqualityReport.AGE_BANDS) {
            columns.put(band, "Mid-year Population Estimates;Aged " + band + ";2013");
        }
        return byBorough(columns);
    }

    /** The atlas's 2011 Census columns for the matrix's five broad ethnic groups, in the matrix's order. */
    static final Map<String, String> ATLAS_ETHNIC_GROUPS = ethnicColumns();

    private static Map<String, String> ethnicColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("White", "Ethnic Group;White;2011");
        m.put("Mixed", "Ethnic Group;Mixed/multiple ethnic groups;2011");
        m.put("Asian", "Ethnic Group;Asian/Asian British;2011");
        m.put("Black", "Ethnic Group;Black/African/Caribbean/Black British;2011");
        m.put("Other", "Ethnic Group;Other ethnic group;2011");
        return m;
    }

    /**
     * 2011 Census residents by broad ethnic group for each borough named, keyed by borough name, from the atlas's
     * census columns summed over the borough's LSOAs; empty when the atlas is not there.
     */
    public Map<String, Map<String, Long>> ethnicityByBorough() {
        return byBorough(ATLAS_ETHNIC_GROUPS);
    }

    /** The atlas's columns given (group to column name) summed from LSOAs to the borough named in each LSOA's name. */
    private Map<String, Map<String, Long>> byBorough(Map<String, String> columns) {
        Optional<Path> file = file(ATLAS);
        if (file.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        // the GLA writes a pound sign in one header in another encoding: replaced, as it names no column read here
        try (CsvRecords csv = CsvRecords.replacingMalformed(Files.newInputStream(file.get()),
                file.get().getFileName().toString())) {
            int name = csv.column("Names");
            Map<String, Integer> cols = new LinkedHashMap<>();
            columns.forEach((group, column) -> cols.put(group, csv.column(column)));
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length <= name || row[name].isBlank()) {
                    continue;
                }
                String lsoa = row[name].strip();
                int space = lsoa.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                Map<String, Long> borough = out.computeIfAbsent(lsoa.substring(0, space).toLowerCase(Locale.ROOT),
                        k -> new LinkedHashMap<>());
                for (Map.Entry<String, Integer> c : cols.entrySet()) {
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

    /** Residents by broad ethnic group in the force area whose census name the force's name begins with. */
    public Optional<Map<String, Long>> ethnicity(String forceName) {
        Optional<Path> file = file(CENSUS);
        if (file.isEmpty() || forceName == null) {
            return Optional.empty();
        }
        String force = forceName.toLowerCase(Locale.ROOT);
        try (CsvRecords csv = CsvRecords.open(file.get())) {
            int name = csv.column("PFA16NM");
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                String area = row[name].strip().toLowerCase(Locale.ROOT);
                if (area.isEmpty() || !(force.equals(area) || force.startsWith(area + " "))) {
                    continue;
                }
                Map<String, Long> groups = new LinkedHashMap<>();
                for (String g : GangMatrix.ETHNICITIES.subList(0, 5)) {
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

    private Optional<Path> file(String relative) {
        return sharedData.map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }
}
