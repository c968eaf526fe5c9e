package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.common.CopyWriter;
import org.peel.common.CsvRecords;

import org.jdbi.v3.core.Handle;
import org.peel.common.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident population and households, in either of two shapes recognised from the header:
 * <ul>
 *   <li>Peel's simple CSV {@code area_code,area_name,year,population,households} (households may be empty) for force
 *   areas, boroughs (local authorities), wards, LSOAs or the country, the level read from the GSS code;</li>
 *   <li>the GLA London LSOA Atlas: mid-year population and census households by LSOA, summed up to ward (where Peel
 *   knows the LSOA's ward), borough and force area, each sum marked as derived from LSOAs.</li>
 * </ul>
 * Force areas match on code where the code is one Peel knows, on normalised name otherwise; what matches nothing is
 * kept under its own code and listed.
 */
public final class PopulationImporter {

    public static final String SOURCE = "population";

    private static final Pattern ATLAS_POPULATION = Pattern.compile("Mid-year Population Estimates;All Ages;(\\d{4})");
    private static final Pattern ATLAS_HOUSEHOLDS = Pattern.compile("Households;All households;(\\d{4})");
    private static final String ATLAS_LSOA = "Lower Super Output Area";
    private static final String ATLAS_NAMES = "Names";

    private final OpenDataStore store;

    public PopulationImporter(OpenDataStore store) {
        this.store = store;
    }

    /** The level a GSS code names. */
    static String level(String code) {
        if (code.length() < 3) {
            return null;
        }
        return switch (code.substring(0, 3)) {
            case "E23", "W15" -> "force";
            case "E06", "E07", "E08", "E09", "W06" -> "borough";
            case "E05", "W05" -> "ward";
            case "E01", "W01" -> "lsoa";
            case "K04", "K03", "E92", "W92" -> "country";
            default -> null;
        };
    }

    public OpenDataStore.FileResult importFile(SourceFile file, BadRows bad, Progress progress) {
        ForceNames forces = store.forceNames();
        progress.file(file.name());
        return store.load(SOURCE, file, bad, (h, fileId) -> {
            // the atlas is Windows-1252 (a pound sign in one header); a replacement character there does no harm
            try (CsvRecords csv = CsvRecords.replacingMalformed(file.open(progress::bytes), file.name())) {
                if (csv.has("area_code") && csv.has("population")) {
                    return simple(h, fileId, csv, forces, bad, progress);
                }
                if (csv.has(ATLAS_LSOA)) {
                    return atlas(h, fileId, csv, bad, progress);
                }
                throw new BadInput(file.name(), 1, null, "neither area_code,area_name,year,population,households"
                        + " nor the London LSOA atlas: header is " + csv.header());
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + file.location(), ex);
            }
        });
    }

    private OpenDataStore.Loaded simple(Handle h, long fileId, CsvRecords csv, ForceNames forces, BadRows bad,
                                        Progress progress) {
        int cCode = csv.column("area_code");
        int cName = csv.column("area_name");
        int cYear = csv.column("year");
        int cPop = csv.column("population");
        Integer cHouseholds = csv.has("households") ? csv.column("households") : null;
        List<String> notes = new ArrayList<>();
        Set<String> unmatched = new TreeSet<>();
        long rows = 0;
        long withHouseholds = 0;
        Set<String> seen = new java.util.HashSet<>();
        try (CopyWriter copy = CopyWriter.open(h, "opendata_population",
                "file_id, level, area_code, area_name, year, population, households, households_year, derived_from")) {
            for (String[] r; (r = csv.next()) != null; ) {
                long line = csv.line();
                try {
                    String code = get(r, cCode);
                    String name = get(r, cName);
                    String level = level(code);
                    if (code.isEmpty() && name.isEmpty()) {
                        throw new BadInput(csv.source(), line, "area_code", "neither a code nor a name");
                    }
                    if (level == null || level.equals("force")) {
                        var force = forces.match(code, name);
                        if (force.isPresent()) {
                            if (!force.get().code().equals(code)) {
                                notes.add(CsvRecords.excerpt(name) + " (" + code + ") matched by name to " + force.get().code());
                            }
                            code = force.get().code();
                            level = "force";
                        } else if (level == null) {
                            throw new BadInput(csv.source(), line, "area_code", "'" + code
                                    + "' is not a force, borough, ward, LSOA or country code, and '" + name
                                    + "' names no force");
                        } else {
                            unmatched.add(name + " (" + code + ")");
                        }
                    }
                    int year = (int) number(r, cYear, "year", csv, line, 1800, 2200);
                    long population = number(r, cPop, "population", csv, line, 0, 200_000_000);
                    Long households = null;
                    if (cHouseholds != null && !get(r, cHouseholds).isEmpty()) {
                        households = number(r, cHouseholds, "households", csv, line, 0, 100_000_000);
                        withHouseholds++;
                    }
                    if (!seen.add(level + "/" + code + "/" + year)) {
                        throw new BadInput(csv.source(), line, "area_code", code + " for " + year + " appears twice");
                    }
                    copy.row(fileId, level, code, name, year, population, households,
                            households == null ? null : year, null);
                    rows++;
                    progress.rows(1);
                } catch (BadInput problem) {
                    bad.reject(problem);
                }
            }
            copy.finish();
        }
        unmatched.forEach(u -> notes.add("no force matches " + u + "; kept under its own code"));
        if (withHouseholds == 0) {
            notes.add("no households in this file: burglary per 1,000 households needs another source");
        }
        return new OpenDataStore.Loaded(rows, notes);
    }

    private OpenDataStore.Loaded atlas(Handle h, long fileId, CsvRecords csv, BadRows bad, Progress progress) {
        int cPop = -1;
        int cHouseholds = -1;
        int popYear = 0;
        int householdsYear = 0;
        for (int i = 0; i < csv.header().size(); i++) {
            Matcher p = ATLAS_POPULATION.matcher(csv.header().get(i));
            Matcher hh = ATLAS_HOUSEHOLDS.matcher(csv.header().get(i));
            if (p.matches() && cPop < 0) {
                cPop = i;
                popYear = Integer.parseInt(p.group(1));
            } else if (hh.matches() && cHouseholds < 0) {
                cHouseholds = i;
                householdsYear = Integer.parseInt(hh.group(1));
            }
        }
        if (cPop < 0 || cHouseholds < 0) {
            throw new BadInput(csv.source(), 1, null, "the atlas header has no 'Mid-year Population Estimates;All Ages;YYYY'"
                    + " or no 'Households;All households;YYYY' column");
        }
        int cLsoa = csv.column(ATLAS_LSOA);
        int cName = csv.column(ATLAS_NAMES);
        Map<String, String[]> parents = store.lsoaParents();
        Map<String, String> boroughsByName = store.boroughNames();
        Map<String, String> boroughForce = store.boroughForces();
        Map<String, long[]> sums = new LinkedHashMap<>();
        long rows = 0;
        long withoutWard = 0;
        Set<String> unplaced = new TreeSet<>();
        try (CopyWriter copy = CopyWriter.open(h, "opendata_population",
                "file_id, level, area_code, area_name, year, population, households, households_year, derived_from")) {
            for (String[] r; (r = csv.next()) != null; ) {
                long line = csv.line();
                try {
                    String code = get(r, cLsoa);
                    if (!code.matches("[EW]01\\d{6}")) {
                        throw new BadInput(csv.source(), line, ATLAS_LSOA, CsvRecords.excerpt(code) + " is not an LSOA code");
                    }
                    String name = get(r, cName);
                    long population = number(r, cPop, csv.header().get(cPop), csv, line, 0, 1_000_000);
                    long households = number(r, cHouseholds, csv.header().get(cHouseholds), csv, line, 0, 1_000_000);
                    copy.row(fileId, "lsoa", code, name, popYear, population, households, householdsYear, null);
                    rows++;
                    progress.rows(1);
                    String[] parent = parents.get(code);
                    String ward = parent == null ? null : parent[0];
                    String borough = parent == null ? null : parent[1];
                    if (borough == null) {
                        // "Westminster 019A": the LSOA name starts with its borough's
                        borough = boroughsByName.get(name.replaceAll("\\s+\\d{3}[A-Z]$", "").strip());
                    }
                    if (ward == null) {
                        withoutWard++;
                    } else {
                        add(sums, "ward/" + ward, population, households);
                    }
                    if (borough == null) {
                        unplaced.add(code);
                        continue;
                    }
                    add(sums, "borough/" + borough, population, households);
                    String force = boroughForce.get(borough);
                    if (force != null) {
                        add(sums, "force/" + force, population, households);
                    }
                } catch (BadInput problem) {
                    bad.reject(problem);
                }
            }
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                String[] key = e.getKey().split("/", 2);
                copy.row(fileId, key[0], key[1], null, popYear, e.getValue()[0], e.getValue()[1], householdsYear,
                        "lsoa");
            }
            copy.finish();
        }
        List<String> notes = new ArrayList<>();
        notes.add("population mid-" + popYear + " and households (census " + householdsYear + ") for " + rows
                + " LSOAs, summed to " + sums.keySet().stream().filter(k -> k.startsWith("borough/")).count()
                + " boroughs and " + sums.keySet().stream().filter(k -> k.startsWith("force/")).count() + " force areas");
        if (withoutWard > 0) {
            notes.add(withoutWard + " LSOAs have no ward in Peel (run 'peel import geography'): no ward sums for them");
        }
        if (!unplaced.isEmpty()) {
            notes.add(unplaced.size() + " LSOAs could not be placed in a borough, e.g. " + unplaced.iterator().next());
        }
        return new OpenDataStore.Loaded(rows, notes);
    }

    private static void add(Map<String, long[]> sums, String key, long population, long households) {
        long[] s = sums.computeIfAbsent(key, k -> new long[2]);
        s[0] += population;
        s[1] += households;
    }

    private static String get(String[] r, int i) {
        return i < r.length ? r[i].strip() : "";
    }

    private static long number(String[] r, int i, String field, CsvRecords csv, long line, long min, long max) {
        String v = get(r, i).replace(",", "");
        if (v.isEmpty()) {
            throw new BadInput(csv.source(), line, field, "is empty");
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new BadInput(csv.source(), line, field, v + " is outside " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException ex) {
            throw new BadInput(csv.source(), line, field, CsvRecords.excerpt(v) + " is not a whole number");
        }
    }
}
