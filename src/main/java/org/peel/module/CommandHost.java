package org.peel.module;

/**
 * The command line a module's commands run under (Peel's {@code peel} command, at the root of every command): it
 * knows how to open a database, which no module does. {@link CommandDatabase#openContext()} finds it as the root command.
 */
public interface CommandHost {

    /**
     * Opens (starting or attaching to the embedded server) and migrates the database the options name, and hands
     * back what a command works with; closing the context stops what the opening started (the audit sealer, the pool,
     * an embedded server this process started).
     */
    CommandContext open(CommandDatabase options);

    /**
     * Something the platform provides to a module's command that the module may not build itself (a synthetic force
     * for a simulation, say): the module names the interface it defines, the platform hands back its implementation.
     */
    default <T> java.util.Optional<T> provide(Class<T> type) {
        return java.util.Optional.empty();
    }

    /** The command line a command runs under, if it is Peel's. */
    static java.util.Optional<CommandHost> of(picocli.CommandLine.Model.CommandSpec command) {
        Object root = command == null ? null : command.root().userObject();
        return root instanceof CommandHost host ? java.util.Optional.of(host) : java.util.Optional.empty();
    }
}
