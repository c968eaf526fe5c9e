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
}
