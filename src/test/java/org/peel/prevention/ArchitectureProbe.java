package org.peel.prevention;

import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.peel.investigation.CrimeStore;
import org.peel.opendata.ForceNames;

/**
 * A class that breaks every capability rule at once, kept in the test sources only: prevention reaching into
 * investigation's store and the public-data importers, and a would-be rule class holding a JDBI handle and a Javalin
 * context. {@code DependencyRulesProbeTest} shows each architecture rule refusing it.
 */
final class ArchitectureProbe {

    private final CrimeStore crimes;

    ArchitectureProbe(CrimeStore crimes) {
        this.crimes = crimes;
    }

    /** Decides from a request and a database handle, which a rule must never do. */
    boolean decide(Context ctx, Handle handle) {
        return crimes != null && handle != null && !ForceNames.isFraudBody(ctx.path());
    }
}
