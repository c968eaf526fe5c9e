package org.peel.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where Peel finds the public data sets: --shared-data, else $PEEL_SHARED_DATA, else ../shared/data. */
final class SharedDataLocation {
    private SharedDataLocation() {
    }

    static Optional<Path> resolve(Path option) {
        Path p = option;
        if (p == null) {
            String env = System.getenv("PEEL_SHARED_DATA");
            p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        }
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
