package org.peel.module;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditTrail;
import org.peel.place.PlaceStore;

import java.time.Clock;
import java.util.Map;

/**
 * What a module's command works with, on a database opened and migrated for it: the command line's side of
 * {@link ModuleContext}. The same configuration and the one {@link Clock}; the application's pool (never the schema's
 * owner); the audit trail and places. Close it (try-with-resources) when the command is done.
 *
 * @param environment configuration variables ({@code PEEL_…}) as they were when Peel started
 * @param closing     what closing the context does: stops the audit sealer, the pool and an embedded server this
 *                    process started
 */
public record CommandContext(Map<String, String> environment, Clock clock, Jdbi jdbi, AuditTrail audit,
                             PlaceStore places, Runnable closing) implements AutoCloseable {

    public CommandContext {
        environment = Map.copyOf(environment);
    }

    @Override
    public void close() {
        closing.run();
    }
}
