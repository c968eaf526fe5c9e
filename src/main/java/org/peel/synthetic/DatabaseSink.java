package org.peel.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.BadInput;
import org.peel.common.CopyWriter;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a generation into Peel's database with COPY, in one transaction together with its
 * {@code synthetic_generation} row: a generation is wholly present or absent, and loading the same
 * generation again is refused rather than duplicated. Once the records are copied, {@link RecordingPasses} runs them
 * through the application's recording rules in the same transaction.
 *
 * <p>One connection runs one COPY at a time, but the generator writes several tables at once. So the first
 * table opened (the person records, the largest) is streamed into COPY while the rest are generated, which
 * lets PostgreSQL work alongside the generator; the other tables are spooled to CSV and copied parent-first
 * when generation ends. Every table is also kept as a CSV file until {@link #close()}, so the benchmark can
 * copy exactly the same files again as its baseline.
 */
public final class DatabaseSink implements RecordSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final CsvSink spool;
    private String forceCode;
    private String forceName;
    private List<Area.Borough> boroughs = List.of();
    private Generation generation;
    private Handle handle;
    private Table streamed;
    private Writer streamedWriter;
    private OutputStream streamedFile;
    private PGCopyOutputStream copyStream;
    private final Map<String, Long> loaded = new LinkedHashMap<>();
    private long loadNanos;
    private final Map<String, String> environment;
    private RecordingPasses.Result recorded;
    private boolean decideDomesticAbuse = true;

    public DatabaseSink(Jdbi jdbi) throws IOException {
        this(jdbi, Map.of());
    }

    /** A sink whose recording passes use the thresholds configured in {@code environment} (PEEL_ASB_…). */
    public DatabaseSink(Jdbi jdbi, Map<String, String> environment) throws IOException {
        this.jdbi = jdbi;
        this.environment = Map.copyOf(environment);
        this.spool = new CsvSink(Files.createTempDirectory("peel-synthetic-"));
    }

    /**
     * Leaves the domestic abuse incidents' MARAC decisions to be made after the force's person records are resolved
     * (as the demo does), instead of on loading.
     */
    public DatabaseSink deferDomesticAbuse() {
        this.decideDomesticAbuse = false;
        return this;
    }

    /** Every table written, in load order. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        if (streamed != null) {
            tables.add(streamed);
        }
        tables.addAll(spool.tables());
        return tables;
    }

    /** The CSV file of a table, kept until {@link #close()}. */
    public Path file(Table table) {
        return spool.dir().resolve(table.fileName());
    }

    /**
     * Nanoseconds from the end of generation to the commit, less the recording passes: the load that did not
     * overlap generation.
     */
    public long loadNanos() {
        return loadNanos;
    }

    /** What the recording passes decided on the loaded records, and how long they took; null before {@link #finish}. */
    public RecordingPasses.Result recorded() {
        return recorded;
    }

    /** Rows copied per table. */
    public Map<String, Long> loaded() {
        return loaded;
    }

    @Override
    public void checkCanWrite(Generation generation) {
        this.generation = generation;
        jdbi.useHandle(h -> refuseIfPresent(h, generation));
    }

    private static void refuseIfPresent(Handle h, Generation generation) {
        boolean present = h.createQuery("select count(*) from synthetic_generation where key = :key")
                .bind("key", generation.key()).mapTo(Long.class).one() > 0;
        if (present) {
            throw new BadInput("synthetic_generation", 0, null, "this database already holds the synthetic force "
                    + generation.forceName() + " at scale " + generation.scaleText() + ", seed " + generation.seed()
                    + ", year to " + generation.yearTo()
                    + (generation.endsBefore() == null ? "" : ", dated up to " + generation.endsBefore()) + " (generation " + generation.key()
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
        if (handle != null) {
            return spool.open(table);
        }
        if (generation == null) {
            throw new IllegalStateException("checkCanWrite must name the generation before tables are opened");
        }
        handle = jdbi.open();
        try {
            handle.begin();
            // one loader at a time, so two concurrent loads of one generation cannot both pass the check
            handle.execute("lock table synthetic_generation in share row exclusive mode");
            refuseIfPresent(handle, generation);
            ensurePlaces(handle);
            copyStream = CopyWriter.csvOutput(handle.getConnection(), table.name(), table.header(), true);
        } catch (IllegalStateException ex) {
            throw new IOException("COPY into " + table.name() + " could not start: " + ex.getMessage(), ex);
        }
        streamed = table;
        streamedFile = new BufferedOutputStream(Files.newOutputStream(file(table)), 1 << 16);
        streamedWriter = new BufferedWriter(new OutputStreamWriter(new Tee(streamedFile, copyStream), StandardCharsets.UTF_8), 1 << 16);
        return streamedWriter;
    }

    @Override
    public void finish(Generation generation, Map<String, Long> counts) throws IOException {
        long started = System.nanoTime();
        spool.finish(generation, counts);
        if (handle == null) {
            throw new IllegalStateException("no table was written for generation " + generation.key());
        }
        try {
            streamedWriter.flush();
            streamedFile.close();
            loaded.put(streamed.name(), copyStream.endCopy());
            for (Table t : spool.tables()) {
                loaded.put(t.name(), t.load(handle.getConnection(), null, file(t)));
            }
            recorded = new RecordingPasses(jdbi, environment, decideDomesticAbuse).run(handle, generation);
            handle.createUpdate("insert into synthetic_generation (key, force_name, scale, seed, year_to, ends_before, counts)"
                            + " values (:key, :force, :scale, :seed, :yearTo, :endsBefore, cast(:counts as jsonb))")
                    .bind("key", generation.key())
                    .bind("force", generation.forceName())
                    .bind("scale", new BigDecimal(generation.scaleText()))
                    .bind("seed", generation.seed())
                    .bind("yearTo", generation.yearTo().toString())
                    .bind("endsBefore", generation.endsBefore())
                    .bind("counts", JSON.writeValueAsString(counts))
                    .execute();
            handle.commit();
        } catch (SQLException ex) {
            throw new IOException("COPY failed: " + ex.getMessage(), ex);
        } finally {
            endTransaction();
        }
        loadNanos = System.nanoTime() - started - recorded.nanos();
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

    /** Rolls back anything not committed, and deletes the spooled files. */
    @Override
    public void close() throws IOException {
        try {
            if (handle != null) {
                try {
                    if (copyStream != null && copyStream.isActive()) {
                        copyStream.cancelCopy();
                    }
                } catch (SQLException ignored) {
                    // the rollback below ends the transaction whatever state the COPY was in
                }
                if (streamedFile != null) {
                    streamedFile.close();
                }
                endTransaction();
            }
        } finally {
            deleteSpool();
        }
    }

    private void deleteSpool() throws IOException {
        spool.close();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(spool.dir())) {
            s.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
    }

    /** Rolls back whatever was not committed and gives the connection back. */
    private void endTransaction() {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } finally {
            handle.close();
            handle = null;
        }
    }

    /** Writes every byte to two streams: the spooled file and the COPY. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }
}
