package org.peel.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a generation into Peel's database with COPY. Tables are spooled to CSV first (the generator writes
 * several tables at once, and one connection can run only one COPY at a time), then copied parent-first
 * inside one transaction together with the {@code synthetic_generation} row. So a generation is either
 * wholly present or absent, and loading the same generation again is refused rather than duplicated.
 */
public final class DatabaseSink implements RecordSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final CsvSink spool;
    private String forceCode;
    private String forceName;
    private List<Area.Borough> boroughs = List.of();
    private Map<String, Long> loaded = Map.of();
    private long loadNanos;

    public DatabaseSink(Jdbi jdbi) throws IOException {
        this.jdbi = jdbi;
        this.spool = new CsvSink(Files.createTempDirectory("peel-synthetic-"));
    }

    /** The spooled CSV files, kept until {@link #close()}: the benchmark copies them again as its baseline. */
    public CsvSink spool() {
        return spool;
    }

    /** How long the COPY transaction took, in nanoseconds. */
    public long loadNanos() {
        return loadNanos;
    }

    /** Rows copied per table by {@link #finish}. */
    public Map<String, Long> loaded() {
        return loaded;
    }

    @Override
    public void checkCanWrite(Generation generation) {
        jdbi.useHandle(h -> refuseIfPresent(h, generation));
    }

    private static void refuseIfPresent(Handle h, Generation generation) {
        boolean present = h.createQuery("select count(*) from synthetic_generation where key = :key")
                .bind("key", generation.key()).mapTo(Long.class).one() > 0;
        if (present) {
            throw new BadInput("synthetic_generation", 0, null, "this database already holds the synthetic force "
                    + generation.forceName() + " at scale " + generation.scaleText() + ", seed " + generation.seed()
                    + ", year to " + generation.yearTo() + " (generation " + generation.key()
                    + "); nothing was loaded again. Use another seed or scale, or another database.");
        }
    }

    @Override
    public void places(String forceCode, String forceName, List<Area.Borough> boroughs) {
        this.forceCode = forceCode;
        this.forceName = forceName;
        this.boroughs = List.copyOf(boroughs);
    }

    @Override
    public Writer open(Table table) throws IOException {
        return spool.open(table);
    }

    @Override
    public void finish(Generation generation, Map<String, Long> counts) throws IOException {
        spool.finish(generation, counts);
        long started = System.nanoTime();
        try {
            loaded = jdbi.inTransaction(h -> {
                // one loader at a time, so two concurrent loads of one generation cannot both pass the check
                h.execute("lock table synthetic_generation in share row exclusive mode");
                refuseIfPresent(h, generation);
                ensurePlaces(h);
                Connection c = h.getConnection();
                Map<String, Long> rows = new java.util.LinkedHashMap<>();
                for (Table t : spool.tables()) {
                    rows.put(t.name(), copy(c, t));
                }
                h.createUpdate("insert into synthetic_generation (key, force_name, scale, seed, year_to, counts)"
                                + " values (:key, :force, :scale, :seed, :yearTo, cast(:counts as jsonb))")
                        .bind("key", generation.key())
                        .bind("force", generation.forceName())
                        .bind("scale", new java.math.BigDecimal(generation.scaleText()))
                        .bind("seed", generation.seed())
                        .bind("yearTo", generation.yearTo().toString())
                        .bind("counts", JSON.writeValueAsString(counts))
                        .execute();
                return rows;
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        loadNanos = System.nanoTime() - started;
    }

    private long copy(Connection c, Table t) {
        try {
            return CopyLoader.copy(c, null, t, spool.dir().resolve(t.fileName()));
        } catch (SQLException ex) {
            throw new IllegalStateException("COPY into " + t.name() + " failed: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Forces other than those Peel seeds (the Met, the City) need their force and boroughs before any record. */
    private void ensurePlaces(Handle h) {
        if (forceCode == null) {
            return;
        }
        h.createUpdate("insert into force_area (code, name) values (:code, :name) on conflict (code) do nothing")
                .bind("code", forceCode).bind("name", forceName).execute();
        for (Area.Borough b : boroughs) {
            h.createUpdate("insert into borough (code, name, force_code) values (:code, :name, :force)"
                            + " on conflict (code) do nothing")
                    .bind("code", b.code()).bind("name", b.name()).bind("force", forceCode).execute();
        }
    }

    @Override
    public void close() throws IOException {
        spool.close();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(spool.dir())) {
            s.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
    }
}
