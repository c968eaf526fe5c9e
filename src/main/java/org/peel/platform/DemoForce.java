package org.peel.platform;

import org.peel.people.BatchLinkage;
import org.peel.people.IdentityResolution;
import org.peel.people.PeopleStore;
import org.peel.people.PersonRecordSource;
import org.peel.place.GeographyImporter;
import org.peel.place.PlaceStore;
import org.peel.synthetic.SyntheticForce;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
        } else {
            loadGeography(database, sharedData.get().resolve("geography"), out);
        }
        long t = System.nanoTime();
        try {
            SyntheticForce.Result result = SyntheticForce.demo(database.jdbi(), sharedData.orElse(null));
            if (result.records() > 0) {
                out.printf("Generated the demo force (%s, scale %s, seed %d) in %.1f s: %,d records%n",
                        SyntheticForce.DEMO_FORCE, SyntheticForce.DEMO_SCALE, SyntheticForce.DEMO_SEED,
                        (System.nanoTime() - t) / 1e9, result.records());
                out.println(result.recordedSummary());
                resolvePeople(database, out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One person out of many records: the demo's person records resolved, with doubtful pairs left for review. */
    private static void resolvePeople(Database database, PrintStream out) {
        long t = System.nanoTime();
        BatchLinkage.Report r = new BatchLinkage(IdentityResolution.standard(), new PeopleStore(database.jdbi()))
                .run(new PersonRecordSource(database.jdbi(), PersonRecordSource.STANDARD_TABLE), "peel demo");
        out.printf("Resolved %,d person records into %,d persons in %.1f s; %,d doubtful pairs await review%n",
                r.records(), r.personsCreated(), (System.nanoTime() - t) / 1e9, r.reviewPairsQueued());
    }

    private static void loadGeography(Database database, Path geography, PrintStream out) {
        PlaceStore places = new PlaceStore(database.jdbi());
        if (places.counts().lsoas() == 0 && Files.isDirectory(geography)) {
            long t = System.nanoTime();
            new GeographyImporter(places).importFrom(geography);
            out.printf("Loaded geography from %s in %.1f s: %d boroughs, %d wards, %d LSOAs%n", geography,
                    (System.nanoTime() - t) / 1e9, places.counts().boroughs(), places.counts().wards(),
                    places.counts().lsoas());
        }
    }
}
