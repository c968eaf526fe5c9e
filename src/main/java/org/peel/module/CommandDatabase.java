package org.peel.module;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --data-dir DIR | --db-url URL}: the database a command works on (without either, {@code PEEL_DB_URL}, else
 * {@code ./peel-data}). A picocli mixin for every command that touches the database, the platform's and the
 * modules' alike. A module's command calls {@link #openContext()} and is handed a {@link CommandContext}; the opening itself
 * (starting or attaching to the embedded server, migrating, the audit key) is the platform's, reached through the
 * {@link CommandHost} the command line runs under, so that a capability never depends on the platform.
 */
public class CommandDatabase {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded PostgreSQL (default: ./peel-data)")
    protected Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "External PostgreSQL, e.g. postgresql://user@host:5432/peel (or env PEEL_DB_URL)")
    protected String dbUrl;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The {@code --data-dir} given, if one was. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** The {@code --db-url} given, if one was. */
    public Optional<String> dbUrl() {
        return Optional.ofNullable(dbUrl);
    }

    /**
     * Opens and migrates the database these options name, for one command; close the context when done.
     *
     * @throws IllegalStateException when the command runs under a command line that cannot open databases
     */
    public CommandContext openContext() {
        Object root = command == null ? null : command.root().userObject();
        if (root instanceof CommandHost host) {
            return host.open(this);
        }
        throw new IllegalStateException("The command '" + (command == null ? "?" : command.qualifiedName())
                + "' opens a database, so it runs under Peel's command line, which knows how to open one");
    }
}
