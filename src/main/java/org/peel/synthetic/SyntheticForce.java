package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The synthetic force: a year of a real force's operational records at any scale, made from public volumes and
 * places, with invented people whose true identities are kept apart as ground truth. The same arguments always
 * give the same records, byte for byte.
 */
public final class SyntheticForce {

    /** The record types, each after the types whose facts it uses. */
    static final List<RecordType> RECORD_TYPES = List.of(
            new InvestigationTeams(),
            new AsbIncidents(),
            new Crimes(),
            new DomesticAbuseIncidents(),
            new MissingEpisodes(),
            new OrganisedCrimeGroups(),
            new Offenders());

    /** The demo's force and scale: the Met at 1/500, a few thousand records, generated and loaded in seconds. */
    public static final String DEMO_FORCE = "Metropolitan Police";
    public static final double DEMO_SCALE = 0.002;
    public static final long DEMO_SEED = 2015;
    public static final YearMonth DEFAULT_YEAR_TO = YearMonth.of(2015, 6);

    private SyntheticForce() {
    }

    /** What a generation produced: its key, rows per table, and where the force's figures came from. */
    public record Result(Generation generation, Map<String, Long> counts, List<String> sources) {
        public long records() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Generates the force with default settings. */
    public static Result generate(ForceSpec force, double scale, long seed, YearMonth yearTo, RecordSink sink) throws IOException {
        return generate(force, new Generation(force.name(), scale, seed, yearTo), SyntheticSettings.defaults(), sink);
    }

    public static Result generate(ForceSpec force, Generation generation, SyntheticSettings settings, RecordSink sink)
            throws IOException {
        sink.checkCanWrite(generation);
        sink.places(force.code(), force.name(), force.boroughs());
        World world;
        try {
            world = new World(generation, force, settings, sink);
            for (RecordType type : RECORD_TYPES) {
                type.tables().forEach(world::out);
                type.generate(world);
            }
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        Map<String, Long> counts = world.counts();
        sink.finish(generation, counts);
        return new Result(generation, counts, force.sources());
    }

    /** Loads the demo force into the database (once: a second call finds it already there and does nothing). */
    public static Result demo(Jdbi jdbi, Path sharedData) throws IOException {
        ForceSpec force = ForceSources.load(DEMO_FORCE, DEFAULT_YEAR_TO, sharedData);
        Generation generation = new Generation(force.name(), DEMO_SCALE, DEMO_SEED, DEFAULT_YEAR_TO);
        boolean present = jdbi.withHandle(h -> h.createQuery("select count(*) from synthetic_generation where key = :key")
                .bind("key", generation.key()).mapTo(Long.class).one() > 0);
        if (present) {
            return new Result(generation, Map.of(), force.sources());
        }
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            return generate(force, generation, SyntheticSettings.defaults(), sink);
        }
    }
}
