package org.peel.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where Peel finds the public data sets: --shared-data, else $PEEL_SHARED_DATA, else ../shared/data. */
public final class SharedDataLocation {
    private SharedDataLocation() {
    }

    public static Optional<Path> resolve(Path option) {
        return resolve(option, Environment.variables());
    }

    /** As {@link #resolve(Path)}, reading PEEL_SHARED_DATA from the configuration Peel read at start-up. */
    static Optional<Path> resolve(Path option, Map<String, String> environment) {
        Path p = option;
        if (p == null) {
            String env = environment.get("PEEL_SHARED_DATA");
            p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        }
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
