package org.peel.platform;

import org.peel.module.CommandGroup;
import org.peel.place.GeographyImporter;
import org.peel.place.PlaceCounts;
import org.peel.place.PlaceStore;
import org.peel.place.PostcodeDirectoryImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel import …}: loading public reference data, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Load public reference data into Peel.",
        subcommands = {ImportCommand.Geography.class, ImportCommand.Postcodes.class, OpenDataImportCommands.HomeOfficePrc.class,
                OpenDataImportCommands.Population.class, OpenDataImportCommands.PoliceUk.class,
                OpenDataImportCommands.LondonBoroughCrime.class})
public final class ImportCommand extends CommandGroup {

    @Command(name = "geography", mixinStandardHelpOptions = true,
            description = "Load force areas, boroughs, 2015 wards and 2011 LSOAs of England and Wales, with London's"
                    + " boundaries, from ONS lookups and GeoJSON. All or nothing; running it again changes nothing.")
    public static final class Geography implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
                description = "Folder with lookups/ and london/ (default: $PEEL_SHARED_DATA/geography,"
                        + " or ../shared/data/geography)")
        Path folder;

        @Override
        public Integer call() {
            Path dir = folder != null ? folder : sharedData().resolve("geography");
            try (Database database = db.open()) {
                PlaceStore store = new PlaceStore(database.jdbi());
                GeographyImporter.Summary s = new GeographyImporter(store).importFrom(dir);
                PlaceCounts counts = store.counts();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("folder", dir.toString());
                json.put("forceAreas", upserted(s.forceAreas()));
                json.put("boroughs", upserted(s.boroughs()));
                json.put("wards", upserted(s.wards()));
                json.put("lsoas", upserted(s.lsoas()));
                json.put("boroughBoundaries", s.boroughBoundaries());
                json.put("wardBoundariesDissolved", s.wardBoundaries());
                json.put("lsoaBoundaries", s.lsoaBoundaries());
                json.put("lsoaCentroids", s.lsoaCentroids());
                json.put("boundariesRepaired", s.boundariesRepaired());
                json.put("skipped", s.skipped());
                json.put("held", counts);
                json.put("millis", s.millis());
                output.print(System.out, text(dir, s, counts), json);
                return 0;
            }
        }

        private static String text(Path dir, GeographyImporter.Summary s, PlaceCounts held) {
            StringBuilder t = new StringBuilder("Imported geography from " + dir + " in "
                    + String.format("%.1f", s.millis() / 1000.0) + " s\n");
            t.append(line("force areas", s.forceAreas()));
            t.append(line("boroughs", s.boroughs()));
            t.append(line("wards", s.wards()));
            t.append(line("LSOAs", s.lsoas()));
            t.append(String.format("  boundaries: %d boroughs, %d wards (dissolved from LSOAs), %,d LSOAs;"
                            + " %d repaired; %,d LSOA centroids%n", s.boroughBoundaries(), s.wardBoundaries(),
                    s.lsoaBoundaries(), s.boundariesRepaired(), s.lsoaCentroids()));
            if (s.skipped().isEmpty()) {
                t.append("  nothing skipped\n");
            } else {
                t.append("  skipped:\n");
                s.skipped().forEach((why, n) -> t.append(String.format("    %,7d  %s%n", n, why)));
            }
            t.append(String.format("Peel now holds %d force areas, %d boroughs, %,d wards, %,d LSOAs"
                            + " (%,d with a boundary)", held.forceAreas(), held.boroughs(), held.wards(), held.lsoas(),
                    held.lsoasWithBoundary()));
            return t.toString();
        }

        private static Map<String, Integer> upserted(PlaceStore.Upserted u) {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("read", u.offered());
            m.put("new", u.inserted());
            m.put("changed", u.updated());
            m.put("unchanged", u.unchanged());
            return m;
        }

        private static String line(String what, PlaceStore.Upserted u) {
            return String.format("  %-12s %,7d read: %,d new, %,d changed, %,d unchanged%n", what, u.offered(),
                    u.inserted(), u.updated(), u.unchanged());
        }

        /** Peel's public data sets: PEEL_SHARED_DATA, or ../shared/data beside the working directory. */
        public static Path sharedData() {
            String configured = Environment.variables().get("PEEL_SHARED_DATA");
            return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
        }
    }

    @Command(name = "postcodes", mixinStandardHelpOptions = true,
            description = "Load a postcode directory, the ONS Postcode Directory (ONSPD) or the National Statistics"
                    + " Postcode Lookup (NSPL) as CSV (plain or .gz): each postcode's ward, LSOA, position and, when"
                    + " terminated, the month it ended. Columns are found by header (pcds, doterm, osward or ward,"
                    + " lsoa21 and/or lsoa11, lat, long). Run after 'import geography'. All or nothing; running it"
                    + " again changes nothing.")
    public static final class Postcodes implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Parameters(index = "0", paramLabel = "FILE", description = "The directory's CSV, e.g. ONSPD_FEB_2024_UK.csv")
        Path file;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                PostcodeDirectoryImporter.Summary s = new PostcodeDirectoryImporter(new PlaceStore(database.jdbi()))
                        .importFrom(file);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("file", s.file());
                json.put("rows", s.rows());
                json.put("new", s.inserted());
                json.put("changed", s.changed());
                json.put("unchanged", s.unchanged());
                json.put("terminated", s.terminated());
                json.put("skipped", s.skipped());
                json.put("millis", s.millis());
                StringBuilder t = new StringBuilder(String.format("Loaded %s: %,d rows; %,d postcodes new, %,d changed,"
                                + " %,d unchanged; %,d of them terminated, held with the month they ended", s.file(), s.rows(), s.inserted(),
                        s.changed(), s.unchanged(), s.terminated()));
                s.skipped().forEach((why, n) -> t.append(String.format("%n  %,d left out: %s", n, why)));
                output.print(System.out, t.toString(), json);
                return 0;
            }
        }
    }
}
