package org.peel.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds a {@link ForceSpec} from the public data in the shared data folder, falling back to built-in figures
 * for the Metropolitan Police and the City of London when a file is missing. Every choice is recorded in the
 * spec's sources, so a reader can tell real figures from fallbacks.
 */
public final class ForceSources {

    static final String HOME_OFFICE = "home-office/rec-crime-pfa.csv";
    static final String LSOA_WARD = "geography/lookups/Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales.csv";
    static final String LAD_PFA = "geography/lookups/LAD17_CSP17_PFA17_lookup_EW_v2.csv";
    static final String CENTROIDS = "geography/lookups/lsoa_latlong.csv";
    static final String LONDON_ATLAS = "population/london-lsoa-atlas.csv";
    static final String PFA_POPULATION = "population/pfa-population-mid2014.csv";
    static final String POLICE_UK_STREET = "police-uk/street";
    static final String LONDON_LSOA_BOUNDARIES = "geography/london/lsoa11";
    /** The Met's recorded crime by borough and minor category, monthly: the only split of sexual offences into rape. */
    static final List<String> LONDON_BOROUGH_CRIME = List.of("london-datastore/MPS_Borough_Level_Crime_Historic.csv",
            "london-datastore/MPS_Borough_Level_Crime_most_recent_24_months_2017-2018.csv");

    /**
     * Rape's share of the Met's recorded sexual offences in the 12 months to June 2015: 5,280 rapes of 15,381 sexual
     * offences (London Datastore, MPS borough-level crime, the minor categories "Rape" and "Other Sexual" of "Sexual
     * Offences", July 2014 to June 2015), a little over a third. The Home Office force table counts sexual offences
     * only as a whole, so this is the share for a force whose own split is not in the shared data, and for the Met
     * without shared data.
     */
    public static final double MET_RAPE_SHARE_2015 = 5280.0 / 15381;

    private static final DateTimeFormatter HO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ForceSources() {
    }

    /** The force as the public data describes it; {@code sharedData} may be null or missing. */
    public static ForceSpec load(String forceName, YearMonth yearTo, Path sharedData) {
        Path root = sharedData != null && Files.isDirectory(sharedData) ? sharedData : null;
        List<String> sources = new ArrayList<>();
        BuiltIn builtIn = BuiltIn.find(forceName);

        Geography geo = root == null ? null : Geography.load(root, forceName, sources);
        if (geo == null) {
            if (builtIn == null) {
                throw new BadInput("--force", 0, null, "no geography for '" + forceName + "' in "
                        + (root == null ? "(no shared data)" : root.resolve(LAD_PFA))
                        + "; without shared data Peel knows only the Metropolitan Police and City of London");
            }
            geo = builtIn.geography();
            sources.add("places: built-in boroughs, records scattered around borough centroids (no LSOA geography)");
        }

        Map<String, Long> crimes = root == null ? null : homeOfficeVolumes(root, geo.name, yearTo, sources);
        if (crimes == null) {
            if (builtIn == null) {
                throw new BadInput("--force", 0, null, "no Home Office crime volumes for '" + forceName
                        + "' and no built-in figures for it");
            }
            crimes = builtIn.crimes();
            sources.add("crime volumes: built-in " + builtIn.name + " figures, 12 months to June 2015");
        }

        PoliceUk policeUk = root == null ? null : PoliceUk.load(root, geo.name, geo.areaIndex);
        long totalCrimes = crimes.values().stream().mapToLong(Long::longValue).sum();
        long asb;
        Map<String, double[]> pattern = new LinkedHashMap<>();
        if (policeUk != null && policeUk.asbRows > 0) {
            asb = Math.round(policeUk.asbRows * 12.0 / policeUk.months);
            sources.add("ASB volume: police.uk street files, " + policeUk.months + " months of 2014 annualised");
        } else if (builtIn != null && builtIn.asb > 0) {
            asb = builtIn.asb;
            sources.add("ASB volume: built-in " + builtIn.name + " figure, 12 months to June 2015");
        } else {
            asb = Math.round(totalCrimes * 0.36);
            sources.add("ASB volume: no police.uk data; 0.36 incidents per recorded crime, the Met's ratio");
        }
        if (policeUk != null && geo.lsoaLevel) {
            pattern.putAll(policeUk.weights(geo.areas.size()));
            sources.add("spatial pattern: police.uk street files by crime type (" + pattern.size() + " types)");
        } else {
            sources.add("spatial pattern: population of each area (no police.uk street data for this force)");
        }

        long population = root == null ? -1 : pfaPopulation(root, geo.name);
        if (population <= 0) {
            population = builtIn != null ? builtIn.population
                    : Math.round(geo.areas.stream().mapToDouble(Area::population).sum());
        }
        Double rape = root == null || !ForceNames.same(geo.name, "Metropolitan Police") ? null
                : londonRapeShare(root, yearTo, sources);
        if (rape == null) {
            rape = MET_RAPE_SHARE_2015;
            sources.add(String.format(java.util.Locale.ROOT, "rape share of sexual offences: %.3f, the Met's in the 12"
                    + " months to June 2015 (London Datastore); no split of this force's sexual offences in the shared data",
                    rape));
        }
        return new ForceSpec(geo.name, geo.code, population, geo.boroughs, geo.areas, crimes, asb, pattern, sources, rape);
    }

    /**
     * Rape's share of the Met's sexual offences in the 12 months to {@code yearTo}, from the London Datastore's
     * borough-level crime (minor category "Rape" over the major category "Sexual Offences"); null when the files are
     * missing or do not cover all 12 months.
     */
    static Double londonRapeShare(Path root, YearMonth yearTo, List<String> sources) {
        Set<String> months = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            months.add(yearTo.minusMonths(i).format(DateTimeFormatter.ofPattern("yyyyMM")));
        }
        Set<String> seen = new TreeSet<>();
        long rape = 0;
        long sexual = 0;
        List<String> used = new ArrayList<>();
        for (String name : LONDON_BOROUGH_CRIME) {
            Path file = root.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try (CsvRecords csv = CsvRecords.open(file)) {
                List<String> header = csv.header();
                int major = header.indexOf("Major Category");
                int minor = header.indexOf("Minor Category");
                if (major < 0 || minor < 0) {
                    throw new BadInput(file.toString(), 1, "Major Category", "the header has no Major Category or"
                            + " Minor Category column");
                }
                List<Integer> columns = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    if (months.contains(header.get(c).strip())) {
                        columns.add(c);
                    }
                }
                if (columns.isEmpty()) {
                    continue;
                }
                used.add(file.getFileName().toString());
                for (String[] r; (r = csv.next()) != null; ) {
                    if (r.length <= major || !r[major].strip().equalsIgnoreCase("Sexual Offences")) {
                        continue;
                    }
                    boolean isRape = r.length > minor && r[minor].strip().equalsIgnoreCase("Rape");
                    for (int c : columns) {
                        String text = c < r.length ? r[c].strip() : "";
                        long n;
                        try {
                            n = text.isEmpty() ? 0 : Long.parseLong(text);
                        } catch (NumberFormatException ex) {
                            throw new BadInput(file.toString(), csv.line(), header.get(c), "not a whole number: "
                                    + CsvRecords.excerpt(text));
                        }
                        sexual += n;
                        rape += isRape ? n : 0;
                        seen.add(header.get(c).strip());
                    }
                }
            }
        }
        if (!seen.containsAll(months) || sexual == 0) {
            return null;
        }
        double share = (double) rape / sexual;
        sources.add(String.format(java.util.Locale.ROOT, "rape share of sexual offences: %.3f (%,d rapes of %,d sexual"
                + " offences), London Datastore %s, 12 months to %s", share, rape, sexual, String.join(" and ", used), yearTo));
        return share;
    }

    /** Rolling 12-month totals by offence group for the quarter ending at (or last before) {@code yearTo}. */
    static Map<String, Long> homeOfficeVolumes(Path root, String force, YearMonth yearTo, List<String> sources) {
        Path file = root.resolve(HOME_OFFICE);
        if (!Files.exists(file)) {
            return null;
        }
        YearMonth quarterEnd = yearTo.minusMonths(yearTo.getMonthValue() % 3);
        String wanted = quarterEnd.atEndOfMonth().format(HO_DATE);
        Map<String, Long> volumes = new TreeMap<>();
        Set<String> datesForForce = new TreeSet<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            List<String> header = csv.header();
            int date = header.indexOf("12 months ending");
            int pfa = header.indexOf("PFA");
            int offence = header.indexOf("Offence");
            int total = header.size() - 1;
            for (String[] r; (r = csv.next()) != null; ) {
                long lineNo = csv.line();
                List<String> f = Arrays.asList(r);
                if (f.size() <= total || !ForceNames.same(f.get(pfa), force)) {
                    continue;
                }
                datesForForce.add(f.get(date));
                if (!f.get(date).equals(wanted) || f.get(offence).startsWith("Fraud")) {
                    continue;
                }
                long n;
                try {
                    n = Long.parseLong(f.get(total).trim());
                } catch (NumberFormatException ex) {
                    throw new BadInput(file.toString(), lineNo, header.get(total), "not a whole number: "
                            + CsvRecords.excerpt(f.get(total)));
                }
                if (n > 0) { // the burglary split changed in 2017; the unused pair is 0
                    volumes.merge(f.get(offence), n, Long::sum);
                }
            }
        }
        if (volumes.isEmpty()) {
            if (datesForForce.isEmpty()) {
                return null;
            }
            throw new BadInput(file.toString(), 0, "12 months ending", "no figures for " + force + " in the 12 months to "
                    + wanted + "; --year-to must be within the table's years");
        }
        sources.add("crime volumes: Home Office " + file.getFileName() + ", 12 months to " + wanted
                + (quarterEnd.equals(yearTo) ? "" : " (the quarter end at or before " + yearTo + ")") + ", excluding fraud");
        return volumes;
    }

    static long pfaPopulation(Path root, String force) {
        Path file = root.resolve(PFA_POPULATION);
        if (!Files.exists(file)) {
            return -1;
        }
        return rows(file).stream()
                .filter(f -> f.size() >= 4 && ForceNames.same(f.get(1), force))
                .mapToLong(f -> Long.parseLong(f.get(3).trim())).findFirst().orElse(-1);
    }

    /** The force's boroughs and areas from the ONS lookups, or null when the force is not in them. */
    static final class Geography {
        String name;
        String code;
        boolean lsoaLevel;
        final List<Area.Borough> boroughs = new ArrayList<>();
        final List<Area> areas = new ArrayList<>();
        final Map<String, Integer> areaIndex = new HashMap<>();

        static Geography load(Path root, String force, List<String> sources) {
            Path ladPfa = root.resolve(LAD_PFA);
            Path lsoaWard = root.resolve(LSOA_WARD);
            Path centroids = root.resolve(CENTROIDS);
            if (!Files.exists(ladPfa) || !Files.exists(lsoaWard) || !Files.exists(centroids)) {
                return null;
            }
            Geography g = new Geography();
            Set<String> lads = new LinkedHashSet<>();
            for (List<String> f : rows(ladPfa)) {
                if (ForceNames.same(f.get(5), force)) {
                    lads.add(f.get(0));
                    g.code = f.get(4);
                    g.name = f.get(5);
                }
            }
            if (lads.isEmpty()) {
                return null;
            }
            Map<String, double[]> centre = new HashMap<>();
            for (List<String> f : rows(centroids)) {
                centre.put(f.get(0), new double[]{Double.parseDouble(f.get(1)), Double.parseDouble(f.get(2))});
            }
            Map<String, double[]> atlas = londonAtlas(root.resolve(LONDON_ATLAS));
            Map<String, Integer> boroughIndex = new HashMap<>();
            // sorted by LSOA code so the area order (and so every draw) does not depend on the file's order
            TreeMap<String, List<String>> lsoas = new TreeMap<>();
            for (List<String> f : rows(lsoaWard)) {
                if (lads.contains(f.get(5)) && centre.containsKey(f.get(0))) {
                    lsoas.put(f.get(0), f);
                }
            }
            TreeMap<String, String> boroughNames = new TreeMap<>();
            lsoas.values().forEach(f -> boroughNames.put(f.get(5), f.get(6)));
            boroughNames.forEach((code, name) -> {
                boroughIndex.put(code, g.boroughs.size());
                g.boroughs.add(new Area.Borough(code, name));
            });
            Map<String, Geometry> boundaries = lsoaBoundaries(root.resolve(LONDON_LSOA_BOUNDARIES), boroughNames.keySet());
            int withPopulation = 0;
            for (List<String> f : lsoas.values()) {
                double[] c = centre.get(f.get(0));
                double[] a = atlas.get(f.get(0));
                double population = a != null ? a[0] : 1500;
                double spread = a != null && a[1] > 0 ? Math.sqrt(a[1] * 10_000) / 3 : 300;
                withPopulation += a != null ? 1 : 0;
                g.areaIndex.put(f.get(0), g.areas.size());
                g.areas.add(new Area(boroughIndex.get(f.get(5)), f.get(5), f.get(2), f.get(0), c[0], c[1],
                        population, Math.min(spread, 1500), boundaries.get(f.get(0))));
            }
            g.lsoaLevel = true;
            sources.add("places: " + g.boroughs.size() + " boroughs and " + g.areas.size() + " LSOAs from the ONS lookups"
                    + " (LSOA 2011 to ward 2015; LAD 2017 to PFA 2017), centroids from " + centroids.getFileName());
            long bounded = g.areas.stream().filter(a -> a.boundary() != null).count();
            sources.add("points: " + (bounded == g.areas.size() ? "uniformly within each LSOA's boundary (ONS LSOA 2011)"
                    : bounded == 0 ? "scattered around LSOA centroids (no LSOA boundaries for this force)"
                    : "within the LSOA boundary for " + bounded + " LSOAs, around the centroid for the rest"));
            sources.add("population: " + (withPopulation == g.areas.size() ? "GLA London LSOA atlas, mid-2013"
                    : withPopulation == 0 ? "none per LSOA; each LSOA weighted equally (1,500 residents)"
                    : "GLA atlas for " + withPopulation + " LSOAs, 1,500 assumed for the rest"));
            return g;
        }

        /** LSOA code → boundary, from the per-borough GeoJSON files of the boroughs asked for. */
        private static Map<String, Geometry> lsoaBoundaries(Path dir, Set<String> boroughCodes) {
            Map<String, Geometry> boundaries = new HashMap<>();
            if (!Files.isDirectory(dir)) {
                return boundaries;
            }
            ObjectMapper json = new ObjectMapper();
            GeoJsonReader reader = new GeoJsonReader();
            for (String borough : boroughCodes) {
                Path file = dir.resolve(borough + ".geojson");
                if (!Files.exists(file)) {
                    continue;
                }
                try {
                    for (JsonNode feature : json.readTree(file.toFile()).path("features")) {
                        String code = feature.path("properties").path("LSOA11CD").asText(null);
                        if (code != null && feature.hasNonNull("geometry")) {
                            boundaries.put(code, reader.read(feature.get("geometry").toString()));
                        }
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
                } catch (ParseException ex) {
                    throw new BadInput(file.toString(), 0, "geometry", ex.getMessage());
                }
            }
            return boundaries;
        }

        /** LSOA code → {population mid-2013, area in hectares}. */
        private static Map<String, double[]> londonAtlas(Path file) {
            Map<String, double[]> atlas = new HashMap<>();
            if (!Files.exists(file)) {
                return atlas;
            }
            // the atlas is Windows-1252 (a pound sign in one header), which none of the columns read here holds
            try (CsvRecords csv = CsvRecords.replacingMalformed(Files.newInputStream(file),
                    file.getFileName().toString())) {
                List<String> header = csv.header();
                int population = header.indexOf("Mid-year Population Estimates;All Ages;2013");
                int hectares = header.indexOf("Population Density;Area (Hectares);");
                for (String[] r; (r = csv.next()) != null; ) {
                    List<String> f = Arrays.asList(r);
                    if (population < 0 || f.size() <= Math.max(population, hectares)) {
                        continue;
                    }
                    try {
                        atlas.put(f.get(0), new double[]{Double.parseDouble(f.get(population)),
                                hectares < 0 ? 0 : Double.parseDouble(f.get(hectares))});
                    } catch (NumberFormatException ignored) {
                        // the atlas ends with summary rows that are not LSOAs
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return atlas;
        }
    }

    private static List<List<String>> rows(Path file) {
        try (CsvRecords csv = CsvRecords.open(file)) {
            List<List<String>> rows = new ArrayList<>();
            for (String[] r; (r = csv.next()) != null; ) {
                rows.add(Arrays.asList(r));
            }
            return rows;
        }
    }

    /** Counts from the force's police.uk street files: ASB rows, and crimes per LSOA per crime type. */
    static final class PoliceUk {
        int months;
        long asbRows;
        final Map<String, Map<Integer, Integer>> counts = new TreeMap<>();

        static PoliceUk load(Path root, String force, Map<String, Integer> areaIndex) {
            Path street = root.resolve(POLICE_UK_STREET);
            if (!Files.isDirectory(street)) {
                return null;
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(street, 2)) {
                s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz"))
                        .filter(p -> p.getFileName().toString().startsWith("2014-"))
                        .filter(p -> ForceNames.same(slug(p), force))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (files.isEmpty()) {
                return null;
            }
            PoliceUk p = new PoliceUk();
            p.months = files.size();
            for (Path file : files) {
                try (CsvRecords csv = CsvRecords.open(file)) {
                    List<String> header = csv.header();
                    int lsoa = header.indexOf("LSOA code");
                    int type = header.indexOf("Crime type");
                    for (String[] r; (r = csv.next()) != null; ) {
                        List<String> f = Arrays.asList(r);
                        if (f.size() <= Math.max(lsoa, type)) {
                            continue;
                        }
                        if (f.get(type).equals("Anti-social behaviour")) {
                            p.asbRows++;
                        }
                        Integer area = areaIndex.get(f.get(lsoa));
                        if (area != null) {
                            p.counts.computeIfAbsent(f.get(type), k -> new TreeMap<>()).merge(area, 1, Integer::sum);
                        }
                    }
                }
            }
            return p;
        }

        private static String slug(Path file) {
            String name = file.getFileName().toString();
            return name.substring("2014-01-".length(), name.length() - "-street.csv.gz".length());
        }

        /** Weights per area; every area keeps a little weight, since a year has crimes the sample months missed. */
        Map<String, double[]> weights(int areas) {
            Map<String, double[]> w = new LinkedHashMap<>();
            counts.forEach((type, byArea) -> {
                double[] weights = new double[areas];
                Arrays.fill(weights, 0.25);
                byArea.forEach((area, n) -> weights[area] += n);
                w.put(type, weights);
            });
            return w;
        }
    }

    /** Figures Peel carries for the forces of London, so it works with no shared data at all. */
    private record BuiltIn(String name, String code, long population, long asb, Map<String, Long> crimes,
                           List<Object[]> boroughs) {

        static BuiltIn find(String force) {
            if (ForceNames.same(force, "Metropolitan Police")) {
                return MET;
            }
            if (ForceNames.same(force, "City of London")) {
                return CITY;
            }
            return null;
        }

        Geography geography() {
            Geography g = new Geography();
            g.name = name;
            g.code = code;
            for (Object[] b : boroughs) {
                int index = g.boroughs.size();
                g.boroughs.add(new Area.Borough((String) b[0], (String) b[1]));
                g.areas.add(new Area(index, (String) b[0], null, null, (double) b[2], (double) b[3],
                        ((Number) b[4]).doubleValue() * 1000, "E09000001".equals(b[0]) ? 500 : 2000, null));
            }
            return g;
        }

        private static Map<String, Long> volumes(Object... pairs) {
            Map<String, Long> m = new TreeMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
            }
            return m;
        }

        /** Home Office recorded crime, 12 months to 30 June 2015 (the same figures as rec-crime-pfa.csv). */
        static final BuiltIn MET = new BuiltIn("Metropolitan Police", "E23000001", 8_530_617, 256_000, volumes(
                "All other theft offences", 108582, "Bicycle theft", 17419, "Criminal damage and arson", 59842,
                "Death or serious injury caused by illegal driving", 58, "Domestic burglary", 46173,
                "Drug offences", 41076, "Homicide", 100, "Miscellaneous crimes against society", 8734,
                "Non-domestic burglary", 25990, "Possession of weapons offences", 4371,
                "Public order offences", 39869, "Robbery", 21773, "Sexual offences", 15289, "Shoplifting", 41613,
                "Stalking and harassment", 30639, "Theft from the person", 32916, "Vehicle offences", 80755,
                "Violence with injury", 70667, "Violence without injury", 66733),
                List.of(
                        new Object[]{"E09000002", "Barking and Dagenham", 51.5465, 0.1293, 198},
                        new Object[]{"E09000003", "Barnet", 51.6252, -0.1517, 375},
                        new Object[]{"E09000004", "Bexley", 51.4549, 0.1505, 239},
                        new Object[]{"E09000005", "Brent", 51.5588, -0.2817, 318},
                        new Object[]{"E09000006", "Bromley", 51.4039, 0.0198, 321},
                        new Object[]{"E09000007", "Camden", 51.5290, -0.1255, 234},
                        new Object[]{"E09000008", "Croydon", 51.3714, -0.0977, 376},
                        new Object[]{"E09000009", "Ealing", 51.5130, -0.3089, 342},
                        new Object[]{"E09000010", "Enfield", 51.6538, -0.0799, 324},
                        new Object[]{"E09000011", "Greenwich", 51.4892, 0.0648, 268},
                        new Object[]{"E09000012", "Hackney", 51.5450, -0.0553, 264},
                        new Object[]{"E09000013", "Hammersmith and Fulham", 51.4927, -0.2339, 179},
                        new Object[]{"E09000014", "Haringey", 51.5906, -0.1110, 264},
                        new Object[]{"E09000015", "Harrow", 51.5898, -0.3346, 245},
                        new Object[]{"E09000016", "Havering", 51.5812, 0.1837, 245},
                        new Object[]{"E09000017", "Hillingdon", 51.5441, -0.4760, 293},
                        new Object[]{"E09000018", "Hounslow", 51.4746, -0.3680, 265},
                        new Object[]{"E09000019", "Islington", 51.5465, -0.1058, 220},
                        new Object[]{"E09000020", "Kensington and Chelsea", 51.5020, -0.1947, 156},
                        new Object[]{"E09000021", "Kingston upon Thames", 51.3925, -0.2833, 166},
                        new Object[]{"E09000022", "Lambeth", 51.4571, -0.1231, 318},
                        new Object[]{"E09000023", "Lewisham", 51.4452, -0.0209, 292},
                        new Object[]{"E09000024", "Merton", 51.4098, -0.2108, 205},
                        new Object[]{"E09000025", "Newham", 51.5255, 0.0352, 324},
                        new Object[]{"E09000026", "Redbridge", 51.5590, 0.0741, 293},
                        new Object[]{"E09000027", "Richmond upon Thames", 51.4479, -0.3260, 193},
                        new Object[]{"E09000028", "Southwark", 51.4734, -0.0755, 298},
                        new Object[]{"E09000029", "Sutton", 51.3618, -0.1945, 199},
                        new Object[]{"E09000030", "Tower Hamlets", 51.5203, -0.0293, 284},
                        new Object[]{"E09000031", "Waltham Forest", 51.5908, -0.0134, 268},
                        new Object[]{"E09000032", "Wandsworth", 51.4567, -0.1910, 313},
                        new Object[]{"E09000033", "Westminster", 51.4973, -0.1372, 226}));

        static final BuiltIn CITY = new BuiltIn("City of London", "E23000034", 8_072, 0, volumes(
                "All other theft offences", 1661, "Bicycle theft", 353, "Criminal damage and arson", 217,
                "Death or serious injury caused by illegal driving", 3, "Domestic burglary", 28, "Drug offences", 401,
                "Homicide", 1, "Miscellaneous crimes against society", 167, "Non-domestic burglary", 220,
                "Possession of weapons offences", 27, "Public order offences", 223, "Robbery", 33,
                "Sexual offences", 69, "Shoplifting", 630, "Stalking and harassment", 86, "Theft from the person", 428,
                "Vehicle offences", 186, "Violence with injury", 357, "Violence without injury", 296),
                List.<Object[]>of(new Object[]{"E09000001", "City of London", 51.5155, -0.0922, 8}));
    }
}
