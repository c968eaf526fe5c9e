package org.peel.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public data in ../shared/data (or PEEL_SHARED_DATA). Tests that need it skip with a clear message when it
 * is absent, and fail instead when PEEL_REQUIRE_SHARED_DATA=1 (as in CI).
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getenv("PEEL_SHARED_DATA");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
    }

    /** The path below the shared data, or the test is skipped (or failed in CI) when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String message = "shared data not found at " + p.toAbsolutePath()
                    + " (set PEEL_SHARED_DATA to the folder holding Peel's public data sets)";
            if ("1".equals(System.getenv("PEEL_REQUIRE_SHARED_DATA"))) {
                throw new AssertionError(message + "; PEEL_REQUIRE_SHARED_DATA=1 so this is a failure");
            }
            Assumptions.abort(message);
        }
        return p;
    }
}
