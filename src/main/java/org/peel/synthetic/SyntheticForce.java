package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
            new GangNominals(),
            new Offenders());

    /** The demo's force and scale: the Met at 1/500, a few thousand records, generated and loaded in seconds. */
    public static final String DEMO_FORCE = "Metropolitan Police";
    public static final double DEMO_SCALE = 0.01;
    public static final long DEMO_SEED = 2015;
    public static final YearMonth DEFAULT_YEAR_TO = YearMonth.of(2015, 6);

    private SyntheticForce() {
    }

    /**
     * What a generation produced: its key, rows per table, where the force's figures came from, and (when loaded
     * into a database) what the recording passes decided on it, else null.
     */
    public record Result(Generation generation, Map<String, Long> counts, List<String> sources,
                         RecordingPasses.Result recorded) {
        public Result(Generation generation, Map<String, Long> counts, List<String> sources) {
            this(generation, counts, sources, null);
        }

        /** One line on the recording passes, or empty when the generation was not loaded into a database. */
        public String recordedSummary() {
            if (recorded == null) {
                return "";
            }
            var c = recorded.crimes();
            var a = recorded.asb();
            return String.format(java.util.Locale.ROOT, "Recorded through Peel's rules in %.1f s: %,d crimes screened"
                            + " (%,d in: %,d allocated, %,d queued), %,d Victims' Code entitlements; %,d ASB victims assessed"
                            + " (%,d high risk, %,d repeat victims)", recorded.nanos() / 1e9, c.crimes(), c.screenedIn(),
                    c.allocated(), c.queued(), c.entitlements(), a.assessed(), a.highRisk(), a.repeatVictims())
                    + (recorded.domesticAbuse().incidents() == 0 ? "" : String.format(java.util.Locale.ROOT,
                    "; %,d domestic abuse incidents graded (%,d high risk, %,d referred to MARAC)",
                    recorded.domesticAbuse().incidents(), recorded.domesticAbuse().high(),
                    recorded.domesticAbuse().referrals()));
        }

        public long records() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Generates the force with default settings. */
    public static Result generate(ForceSpec force, double scale, long seed, YearMonth yearTo, RecordSink sink) throws IOException {
        return generate(force, new Generation(force.name(), scale, seed, yearTo), SyntheticSettings.defaults(), sink);
    }

    /** Generates the force with the given settings (which become part of the generation's key). */
    public static Result generate(ForceSpec force, Generation requested, SyntheticSettings settings, RecordSink sink)
            throws IOException {
        Generation generation = requested.withSettings(settings);
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
        return new Result(generation, counts, force.sources(),
                sink instanceof DatabaseSink loaded ? loaded.recorded() : null);
    }

    /**
     * Loads the demo force into the database, dated in the twelve months before {@code today}: volumes from the
     * published year to {@link #DEFAULT_YEAR_TO}, records alive now. Once only: a database already holding a demo
     * force keeps it (a second call finds it and does nothing; its records stay on the dates they were generated for,
     * which {@link Result#generation()} gives). {@code fullyStaffed} are the boroughs whose investigation teams are
     * fully staffed on a duty rota ({@link Generation#staffing}); every other borough's teams work a rota too
     * ({@link Generation#withRotaEverywhere}), so that a crime anywhere is owned at once. The recording passes use the thresholds configured in {@code environment}.
     */
    public static Result demo(Jdbi jdbi, Path sharedData, Map<String, String> environment, LocalDate today,
                              java.util.Set<String> fullyStaffed) throws IOException {
        // checked before reading any source, so a warm start costs one query, not a reload of the force's data
        java.util.Optional<LocalDate> held = jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(ends_before, (cast(year_to || '-01' as date) + interval '1 month')::date)
                        from synthetic_generation
                        where lower(force_name) = lower(:force) and scale = :scale and seed = :seed and year_to = :yearTo
                        order by generated_at desc limit 1""")
                .bind("force", DEMO_FORCE).bind("scale", DEMO_SCALE).bind("seed", DEMO_SEED)
                .bind("yearTo", DEFAULT_YEAR_TO.toString()).mapTo(LocalDate.class).findOne());
        if (held.isPresent()) {
            return new Result(new Generation(DEMO_FORCE, DEMO_SCALE, DEMO_SEED, DEFAULT_YEAR_TO).endingBefore(held.get()),
                    Map.of(), List.of());
        }
        ForceSpec force = ForceSources.load(DEMO_FORCE, DEFAULT_YEAR_TO, sharedData);
        Generation generation = new Generation(force.name(), DEMO_SCALE, DEMO_SEED, DEFAULT_YEAR_TO).endingBefore(today)
                .staffing(fullyStaffed).withRotaEverywhere();
        // the demo resolves its people after loading, and only then decides who is a repeat victim (see DemoForce)
        try (DatabaseSink sink = new DatabaseSink(jdbi, environment).deferDomesticAbuse()) {
            return generate(force, generation, SyntheticSettings.defaults(), sink);
        }
    }

    /** The demo force in the published year itself (June 2015), as before the demo was dated to today. */
    public static Result demo(Jdbi jdbi, Path sharedData, Map<String, String> environment) throws IOException {
        return demo(jdbi, sharedData, environment, DEFAULT_YEAR_TO.plusMonths(1).atDay(1), java.util.Set.of());
    }
}
