package org.peel.platform;

import org.peel.module.CommandDatabase;

import java.nio.file.Path;

/**
 * The options every command that touches the database takes: the kernel's {@link CommandDatabase}, with the
 * platform's ways of reading them (where the database is, opening it as the platform's own {@link Database}).
 */
public final class DatabaseOptions extends CommandDatabase {

    /** Options naming an embedded data directory, as {@code --data-dir DIR} would. */
    public static DatabaseOptions embedded(Path dataDir) {
        DatabaseOptions options = new DatabaseOptions();
        options.dataDir = dataDir;
        return options;
    }

    /** The same choice as a module command's options made. */
    static DatabaseOptions of(CommandDatabase chosen) {
        DatabaseOptions options = new DatabaseOptions();
        options.dataDir = chosen.dataDir().orElse(null);
        options.dbUrl = chosen.dbUrl().orElse(null);
        return options;
    }

    /** Whether a database was named at all: {@code --data-dir}, {@code --db-url} or PEEL_DB_URL. */
    public boolean chosen() {
        String env = Environment.variables().get("PEEL_DB_URL");
        return dataDir != null || dbUrl != null || (env != null && !env.isBlank());
    }

    public DatabaseLocation location() {
        if (dbUrl != null && dataDir != null) {
            throw new PeelException("Give either --data-dir or --db-url, not both");
        }
        if (dbUrl != null) {
            return DatabaseLocation.external(dbUrl);
        }
        String env = Environment.variables().get("PEEL_DB_URL");
        if (dataDir == null && env != null && !env.isBlank()) {
            return DatabaseLocation.external(env);
        }
        return new DatabaseLocation.Embedded(dataDir == null ? Path.of("peel-data") : dataDir);
    }

    /** Opens and migrates the database. */
    public Database open() {
        return Database.open(location()).migrate();
    }

    /** Where files that belong with the data go (demo accounts): the data directory, or the working directory. */
    public Path fileHome() {
        DatabaseLocation loc = location();
        return loc instanceof DatabaseLocation.Embedded e ? e.dataDir() : Path.of(".");
    }
}
