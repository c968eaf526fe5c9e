package org.peel.platform;

import org.peel.place.GeographyImporter;
import org.peel.place.PlaceStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Fills a demo database with a living force: geography and synthetic records, once. */
final class DemoForce {
    private DemoForce() {
    }

    static void prepare(Database database, Optional<Path> sharedData, PrintStream out) {
        if (sharedData.isEmpty()) {
            out.println("Public data not found (../shared/data or PEEL_SHARED_DATA): using the built-in 32 London boroughs");
            return;
        }
        PlaceStore places = new PlaceStore(database.jdbi());
        Path geography = sharedData.get().resolve("geography");
        if (places.counts().lsoas() == 0 && Files.isDirectory(geography)) {
            long t = System.nanoTime();
            new GeographyImporter(places).importFrom(geography);
            out.printf("Loaded geography from %s in %.1f s: %d boroughs, %d wards, %d LSOAs%n", geography,
                    (System.nanoTime() - t) / 1e9, places.counts().boroughs(), places.counts().wards(),
                    places.counts().lsoas());
        }
    }
}
