package org.peel.place;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the ONS geography of England and Wales, and London's boundaries, from a folder laid out like
 * {@code shared/data/geography}:
 * <ul>
 *   <li>{@code lookups/LAD17_CSP17_PFA17_lookup_EW_v2.csv}: every force area and its local authorities (boroughs)</li>
 *   <li>{@code lookups/Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales.csv}: every LSOA
 *       with its 2015 ward and local authority</li>
 *   <li>{@code lookups/lsoa_latlong.csv}: LSOA centroids (the UK; only England and Wales are kept)</li>
 *   <li>{@code london/boroughs.geojson} and {@code london/lsoa11/*.geojson}: London's borough and LSOA boundaries</li>
 * </ul>
 * Each 2015 ward whose LSOAs all have a boundary gets the union of them as its own ({@code dissolved-lsoa}).
 * {@code london/wards-2019} is not read: those are 2019 wards, with other codes and lines, and the LSOA lookup (like
 * police.uk and ONS's small-area figures of the period) is on 2015 wards, so mixing them would give wards no LSOA
 * belongs to.
 * <p>
 * Every file is read and checked before anything is written; then all of it is written in one transaction, as
 * upserts, so a bad row leaves the database as it was and a second run changes nothing.
 */
public final class GeographyImporter {

    static final String FORCES_FILE = "lookups/LAD17_CSP17_PFA17_lookup_EW_v2.csv";
    static final String LSOA_WARD_FILE =
            "lookups/Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales.csv";
    static final String CENTROIDS_FILE = "lookups/lsoa_latlong.csv";
    static final String BOROUGH_BOUNDARIES_FILE = "london/boroughs.geojson";
    static final String LSOA_BOUNDARIES_DIR = "london/lsoa11";
    public static final String DISSOLVED_LSOA = "dissolved-lsoa";

    private static final Pattern FORCE = Pattern.compile("(E23|W15)\\d{6}");
    private static final Pattern LOCAL_AUTHORITY = Pattern.compile("(E0[6-9]|W06)\\d{6}");
    private static final Pattern WARD = Pattern.compile("[EW]05\\d{6}");
    private static final Pattern LSOA = Pattern.compile("[EW]01\\d{6}");
    private static final Pattern INVERTED_NAME = Pattern.compile("(.+), ((?:City|County|City and County) of)");

    private final PlaceStore store;

    public GeographyImporter(PlaceStore store) {
        this.store = store;
    }

    /** What an import did, and what it left out and why. */
    public record Summary(PlaceStore.Upserted forceAreas, PlaceStore.Upserted boroughs, PlaceStore.Upserted wards,
                          PlaceStore.Upserted lsoas, int boroughBoundaries, int wardBoundaries, int lsoaBoundaries,
                          int lsoaCentroids, int boundariesRepaired, Map<String, Integer> skipped, long millis) {
    }

    /** Everything read from the files, checked, before any of it is written. */
    private record Parsed(Map<String, ForceArea> forces, Map<String, Borough> boroughs, Map<String, Ward> wards,
                          Map<String, Lsoa> lsoas, Map<String, double[]> centroids,
                          Map<String, Geometry> boroughBoundaries, Map<String, Geometry> lsoaBoundaries,
                          Map<String, Geometry> wardBoundaries, int repaired, Map<String, Integer> skipped) {
    }

    /** Reads the folder, then writes it all in one transaction. Throws {@link BadInput} naming file, line, field. */
    public Summary importFrom(Path folder) {
        long start = System.nanoTime();
        Parsed p = parse(folder);
        return store.jdbi().inTransaction(h -> {
            PlaceStore.Upserted forces = store.upsertForceAreas(h, p.forces().values());
            PlaceStore.Upserted boroughs = store.upsertBoroughs(h, p.boroughs().values(), p.boroughBoundaries());
            PlaceStore.Upserted wards = store.upsertWards(h, p.wards().values(), p.wardBoundaries(), DISSOLVED_LSOA);
            List<LsoaArea> areas = new ArrayList<>(p.lsoas().size());
            for (Lsoa l : p.lsoas().values()) {
                double[] c = p.centroids().get(l.code());
                Geometry boundary = p.lsoaBoundaries().get(l.code());
                if (c == null && boundary != null) {
                    Geometry inside = boundary.getInteriorPoint();
                    c = new double[]{inside.getCoordinate().y, inside.getCoordinate().x};
                }
                areas.add(c == null ? new LsoaArea(l, boundary, Double.NaN, Double.NaN)
                        : new LsoaArea(l, boundary, c[0], c[1]));
            }
            PlaceStore.Upserted lsoas = store.upsertLsoas(h, areas);
            return new Summary(forces, boroughs, wards, lsoas, p.boroughBoundaries().size(),
                    p.wardBoundaries().size(), p.lsoaBoundaries().size(), p.centroids().size(), p.repaired(),
                    p.skipped(), (System.nanoTime() - start) / 1_000_000);
        });
    }

    private Parsed parse(Path folder) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, ForceArea> forces = new TreeMap<>();
        Map<String, Borough> boroughs = new TreeMap<>();
        readForces(require(folder, FORCES_FILE), forces, boroughs);

        Map<String, Ward> wards = new TreeMap<>();
        Map<String, Lsoa> lsoas = new TreeMap<>();
        readLsoaWards(require(folder, LSOA_WARD_FILE), boroughs, wards, lsoas);

        Map<String, double[]> centroids = readCentroids(require(folder, CENTROIDS_FILE), lsoas, skipped);

        int[] repaired = {0};
        Map<String, Geometry> boroughBoundaries = new TreeMap<>();
        Path boroughFile = folder.resolve(BOROUGH_BOUNDARIES_FILE);
        if (Files.isRegularFile(boroughFile)) {
            GeoJsonFeatures.read(boroughFile, PlaceStore.WGS84, f -> {
                String code = f.text("GSS_CODE");
                if (!boroughs.containsKey(code)) {
                    throw f.bad("GSS_CODE", CsvRecords.excerpt(code) + " is not a local authority in " + FORCES_FILE);
                }
                keepBoundary(f, code, boroughBoundaries, repaired, skipped, "borough");
            });
        } else {
            count(skipped, "borough boundaries: " + BOROUGH_BOUNDARIES_FILE + " not found");
        }

        Map<String, Geometry> lsoaBoundaries = new TreeMap<>();
        for (Path file : lsoaBoundaryFiles(folder, skipped)) {
            GeoJsonFeatures.read(file, PlaceStore.WGS84, f -> {
                String code = f.text("LSOA11CD");
                if (!LSOA.matcher(code).matches()) {
                    throw f.bad("LSOA11CD", CsvRecords.excerpt(code) + " is not an LSOA code");
                }
                if (!lsoas.containsKey(code)) {
                    count(skipped, "LSOA boundaries: not in the LSOA to ward lookup");
                    return;
                }
                keepBoundary(f, code, lsoaBoundaries, repaired, skipped, "LSOA");
            });
        }

        Map<String, Geometry> wardBoundaries = dissolveWards(lsoas, lsoaBoundaries, skipped);
        return new Parsed(forces, boroughs, wards, lsoas, centroids, boroughBoundaries, lsoaBoundaries,
                wardBoundaries, repaired[0], skipped);
    }

    private static void readForces(Path file, Map<String, ForceArea> forces, Map<String, Borough> boroughs) {
        new CsvFile(file).forEachRow(List.of("LAD17CD", "LAD17NM", "PFA17CD", "PFA17NM"), row -> {
            String forceCode = row.code("PFA17CD", FORCE, "a police force area code (E23…, W15…)");
            String forceName = naturalName(row.required("PFA17NM"));
            ForceArea before = forces.putIfAbsent(forceCode, new ForceArea(forceCode, forceName));
            if (before != null && !before.name().equals(forceName)) {
                throw row.bad("PFA17NM", CsvRecords.excerpt(forceName) + " differs from '" + before.name()
                        + "' given earlier for " + forceCode);
            }
            String code = row.code("LAD17CD", LOCAL_AUTHORITY, "a local authority code (E06–E09…, W06…)");
            Borough borough = new Borough(code, naturalName(row.required("LAD17NM")), forceCode);
            Borough earlier = boroughs.putIfAbsent(code, borough);
            if (earlier != null && !earlier.equals(borough)) {
                throw row.bad("LAD17CD", code + " appears twice with different names or forces");
            }
        });
    }

    private static void readLsoaWards(Path file, Map<String, Borough> boroughs, Map<String, Ward> wards,
                                      Map<String, Lsoa> lsoas) {
        CsvFile csv = new CsvFile(file);
        csv.forEachRow(List.of("LSOA11CD", "LSOA11NM", "WD15CD", "WD15NM", "LAD15CD"), row -> {
            String boroughCode = row.code("LAD15CD", LOCAL_AUTHORITY, "a local authority code");
            if (!boroughs.containsKey(boroughCode)) {
                throw row.bad("LAD15CD", boroughCode + " is not a local authority in " + FORCES_FILE);
            }
            String wardCode = row.code("WD15CD", WARD, "a ward code (E05…, W05…)");
            Ward ward = new Ward(wardCode, row.required("WD15NM"), boroughCode);
            Ward earlierWard = wards.putIfAbsent(wardCode, ward);
            if (earlierWard != null && !earlierWard.equals(ward)) {
                throw row.bad("WD15CD", wardCode + " was given earlier as " + earlierWard.name() + " in "
                        + earlierWard.boroughCode());
            }
            String code = row.code("LSOA11CD", LSOA, "an LSOA code (E01…, W01…)");
            Lsoa lsoa = new Lsoa(code, row.required("LSOA11NM"), wardCode, boroughCode);
            if (lsoas.putIfAbsent(code, lsoa) != null) {
                throw row.bad("LSOA11CD", code + " appears twice");
            }
        });
    }

    /** Centroids of the LSOAs in the lookup; Scottish, Northern Irish and other-vintage codes are counted, not kept. */
    private static Map<String, double[]> readCentroids(Path file, Map<String, Lsoa> lsoas,
                                                       Map<String, Integer> skipped) {
        Map<String, double[]> centroids = new TreeMap<>();
        new CsvFile(file).forEachRow(List.of("LSOACD", "latitude", "longitude"), row -> {
            String code = row.required("LSOACD");
            if (!LSOA.matcher(code).matches()) {
                count(skipped, "centroids: not an England or Wales LSOA (Scotland, Northern Ireland)");
                return;
            }
            if (!lsoas.containsKey(code)) {
                count(skipped, "centroids: England or Wales code not in the 2011 LSOA lookup");
                return;
            }
            // England and Wales lie within these, with a margin: a centroid outside is a swapped or garbled figure
            double lat = row.number("latitude", 49.0, 56.0);
            double lon = row.number("longitude", -7.0, 2.5);
            if (centroids.putIfAbsent(code, new double[]{lat, lon}) != null) {
                throw row.bad("LSOACD", code + " appears twice");
            }
        });
        return centroids;
    }

    private static void keepBoundary(GeoJsonFeatures.Feature f, String code, Map<String, Geometry> into,
                                     int[] repaired, Map<String, Integer> skipped, String what) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
            count(skipped, what + " boundaries: feature without a geometry");
            return;
        }
        if (!g.isValid()) {
            // self-touching rings and the like are common in published boundaries; fixing keeps the area
            g = GeometryFixer.fix(g);
            repaired[0]++;
        }
        if (into.putIfAbsent(code, g) != null) {
            count(skipped, what + " boundaries: a second feature for the same code");
        }
    }

    private static List<Path> lsoaBoundaryFiles(Path folder, Map<String, Integer> skipped) {
        Path dir = folder.resolve(LSOA_BOUNDARIES_DIR);
        if (!Files.isDirectory(dir)) {
            count(skipped, "LSOA boundaries: " + LSOA_BOUNDARIES_DIR + " not found");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".geojson")).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + dir, ex);
        }
    }

    /**
     * Each 2015 ward whose LSOAs all have a boundary gets their union. LSOAs nest exactly in 2015 wards, so the
     * union is the ward; a ward with some LSOAs missing would get a wrong shape, so it gets none.
     */
    private static Map<String, Geometry> dissolveWards(Map<String, Lsoa> lsoas, Map<String, Geometry> boundaries,
                                                       Map<String, Integer> skipped) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        Map<String, Boolean> complete = new TreeMap<>();
        for (Lsoa l : lsoas.values()) { // in code order, so the union is the same every run
            Geometry g = boundaries.get(l.code());
            if (g == null) {
                complete.put(l.wardCode(), false);
            } else {
                complete.putIfAbsent(l.wardCode(), true);
                parts.computeIfAbsent(l.wardCode(), k -> new ArrayList<>()).add(g);
            }
        }
        Map<String, Geometry> wards = new TreeMap<>();
        parts.forEach((ward, polygons) -> {
            if (!complete.get(ward)) {
                count(skipped, "ward boundaries: some of the ward's LSOAs have no boundary");
                return;
            }
            Geometry union = UnaryUnionOp.union(polygons);
            wards.put(ward, union);
        });
        return wards;
    }

    /** ONS writes some names back to front ("London, City of"); police.uk and people write "City of London". */
    static String naturalName(String name) {
        Matcher m = INVERTED_NAME.matcher(name.strip());
        return m.matches() ? m.group(2) + " " + m.group(1) : name.strip();
    }

    private static Path require(Path folder, String relative) {
        Path p = folder.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new BadInput(relative, 0, null, "file not found in " + folder.toAbsolutePath());
        }
        return p;
    }

    private static void count(Map<String, Integer> skipped, String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }
}
