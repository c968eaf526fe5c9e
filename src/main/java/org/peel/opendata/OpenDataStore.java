package org.peel.opendata;

import org.peel.common.ReadAhead;
import org.peel.common.SourceFile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * SQL for the public tables: the ledger of loaded files, and the forces the sources name. Each file loads in its own
 * transaction: skipped when its checksum is already loaded, its old rows replaced when the checksum differs.
 */
public final class OpenDataStore {

    /** What happened to one file. */
    public enum Status { NEW, REPLACED, UNCHANGED }

    /** One file's result: rows loaded, rows rejected (under the skip policy), and the first rejections. */
    public record FileResult(String source, String name, Status status, long rows, long badRows,
                             List<String> badExamples, List<String> notes) {
    }

    /** Loads one file's rows on the handle, inside the file's transaction, under the ledger id given. */
    @FunctionalInterface
    public interface Loader {
        Loaded load(Handle h, long fileId);
    }

    /**
     * Loads one file's rows from its text, handed over open, in two parts: the rows are read (and sent) on the
     * caller's thread; what is left once the last is read (the server taking the rows still on their way, anything
     * written from what was read) is the {@link Ending} returned, run when the file's turn to commit comes, while
     * the next file's rows are already being read. The store reads the file once, taking its checksum as the loader
     * reads it; the loader may close the stream, and the store still reads whatever is left for the checksum.
     */
    @FunctionalInterface
    public interface StreamLoader {
        Ending load(Handle h, long fileId, SourceFile file, InputStream text, BadRows bad);
    }

    /**
     * The rest of one file's load after its last row is read, on the file's handle and in its transaction: run on
     * another thread than the one that read the rows, and after it has gone on to the next file.
     */
    public interface Ending {
        /** Ends what the loader started (a COPY's last rows, counts written from the rows) and says what it read. */
        Loaded finish();

        /** Gives it up unfinished (a COPY cancelled): the file's transaction is rolled back after. */
        void abandon();
    }

    /** What a loader read: rows kept, and anything the operator should hear about (unmatched names …). */
    public record Loaded(long rows, List<String> notes) {
    }

    private final Jdbi jdbi;

    public OpenDataStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public List<ForceNames.Force> forces() {
        return jdbi.withHandle(h -> h.createQuery("select code, name, territorial from opendata_force order by code")
                .map((rs, ctx) -> new ForceNames.Force(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list());
    }

    public ForceNames forceNames() {
        return new ForceNames(forces());
    }

    /**
     * Loads the file unless the same content is already loaded. A file with the same name and other content has its
     * rows deleted and loaded again, in one transaction, so readers see the old rows or the new, never a mix.
     */
    public FileResult load(String source, SourceFile file, BadRows bad, Loader loader) {
        String sha = file.sha256();
        return jdbi.inTransaction(h -> {
            // a file and its ledger row commit together, so a crash that loses the last commits loses whole files,
            // which the next run loads again: no need to wait for each commit to reach the disk
            h.execute("set local synchronous_commit = off");
            h.execute("select pg_advisory_xact_lock(hashtext(?))", source + "/" + file.name());
            Optional<String> held = h.createQuery("select sha256 from opendata_file where source = :s and name = :n")
                    .bind("s", source).bind("n", file.name()).mapTo(String.class).findOne();
            if (held.isPresent() && held.get().equals(sha)) {
                return new FileResult(source, file.name(), Status.UNCHANGED, 0, 0, List.of(), List.of());
            }
            held.ifPresent(x -> forget(h, source, file.name()));
            long id = h.createQuery("""
                            insert into opendata_file (source, name, path, sha256, rows)
                            values (:s, :n, :p, :sha, 0) returning id""")
                    .bind("s", source).bind("n", file.name()).bind("p", file.location()).bind("sha", sha)
                    .mapTo(Long.class).one();
            Loaded loaded = loader.load(h, id);
            h.createUpdate("update opendata_file set rows = :r, bad_rows = :b where id = :id")
                    .bind("r", loaded.rows()).bind("b", bad.count()).bind("id", id).execute();
            return new FileResult(source, file.name(), held.isPresent() ? Status.REPLACED : Status.NEW,
                    loaded.rows(), bad.count(), bad.examples(), loaded.notes());
        });
    }

    /**
     * Loads the files in order, each as {@link #load(String, SourceFile, BadRows, Loader)} does (in its own
     * transaction, skipped when the same content is loaded, its old rows replaced when it changed), reading each
     * once where it can: a file whose name the ledger does not hold cannot be the same content already loaded, so
     * its checksum is taken as it is loaded instead of in a pass of its own before.
     * <p>
     * One file's end overlaps the next file's start. Once a file's last row is read, its {@link Ending} (the
     * server taking the rows still on their way, its counts, its ledger row, its commit) runs on a thread of its
     * own while this thread begins the next file on another connection and reads its rows: neither the server nor
     * the reading waits for the other between files. The files still commit one at a time and in order, and a
     * file's rows are handed over only once the file before has committed, so what a stop leaves is what loading
     * them one by one would leave: every file before the one that failed, whole, and nothing of it or after it.
     * A file's failure while it ends is thrown in place of anything the next file met meanwhile, as the next file
     * would not have been begun.
     *
     * @return each file's result, in the order given
     */
    public List<FileResult> loadAll(String source, List<SourceFile> files, Function<SourceFile, BadRows> badRows,
                                    LongConsumer progress, StreamLoader loader) {
        List<FileResult> results = new ArrayList<>();
        ExecutorService ender = null;
        Future<FileResult> ending = null;
        try {
            for (int i = 0; i < files.size(); i++) {
                Future<FileResult> before = ending;
                ending = null;
                Begun begun;
                try {
                    begun = begin(source, files.get(i), badRows.apply(files.get(i)), progress, loader, before);
                } catch (RuntimeException | Error ex) {
                    throw endedBefore(before, ex);
                }
                try {
                    if (before != null) {
                        results.add(await(before));
                    }
                } catch (RuntimeException | Error ex) {
                    if (begun instanceof Reading reading) {
                        reading.abandon();
                    }
                    throw ex;
                }
                if (begun instanceof Unchanged unchanged) {
                    results.add(unchanged.result());
                } else if (begun instanceof Reading reading && i == files.size() - 1) {
                    results.add(reading.end()); // nothing comes after it to overlap with
                } else if (begun instanceof Reading reading) {
                    if (ender == null) {
                        ender = Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "end-" + source);
                            t.setDaemon(true);
                            return t;
                        });
                    }
                    ending = ender.submit(reading::end);
                }
            }
            return results;
        } finally {
            if (ender != null) {
                ender.shutdown();
            }
        }
    }

    /**
     * The file before the one that failed still ends and commits, as it would have had the files been loaded one
     * by one; if it fails too, its failure is the one thrown.
     */
    private static RuntimeException endedBefore(Future<FileResult> before, Throwable failure) {
        if (before != null) {
            try {
                await(before);
            } catch (RuntimeException | Error earlier) {
                if (earlier != failure) {
                    earlier.addSuppressed(failure);
                }
                throw earlier;
            }
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return (RuntimeException) failure;
    }

    private static FileResult await(Future<FileResult> f) {
        try {
            return f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a file was being committed", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (ex.getCause() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /**
     * Begins one file's transaction and reads its rows: either its result at once (unchanged, skipped), or the file
     * read to its last row with its end still to run. {@code before} is the end of the file before, perhaps still
     * running: a file replacing rows already held waits for it first, as deleting them moves the published
     * generation on, which that end's counts do too, and it would wait on this transaction to commit.
     */
    private Begun begin(String source, SourceFile file, BadRows bad, LongConsumer progress, StreamLoader loader,
                        Future<FileResult> before) {
        Handle h = jdbi.open();
        Checksummed text = null;
        try {
            h.begin();
            Optional<Long> fresh = lockAndAdd(h, source, file);
            String known = null;
            long id;
            if (fresh.isPresent()) {
                id = fresh.get();
            } else {
                String held = h.createQuery("select sha256 from opendata_file where source = :s and name = :n")
                        .bind("s", source).bind("n", file.name()).mapTo(String.class).one();
                known = file.sha256();
                if (held.equals(known)) {
                    h.commit();
                    close(h, null);
                    return new Unchanged(new FileResult(source, file.name(), Status.UNCHANGED, 0, 0, List.of(),
                            List.of()));
                }
                if (before != null) {
                    await(before);
                }
                forget(h, source, file.name());
                id = h.createQuery("""
                                insert into opendata_file (source, name, path, sha256, rows)
                                values (:s, :n, :p, :sha, 0) returning id""")
                        .bind("s", source).bind("n", file.name()).bind("p", file.location()).bind("sha", known)
                        .mapTo(Long.class).one();
            }
            text = new Checksummed(file.open(progress), file.name());
            Ending ending = loader.load(h, id, file, text, bad);
            return new Reading(source, file, bad, h, id, known, text, ending);
        } catch (IOException ex) {
            close(h, text);
            throw new UncheckedIOException("Cannot read " + file.location(), ex);
        } catch (RuntimeException | Error ex) {
            close(h, text);
            throw ex;
        }
    }

    /**
     * In one round trip to the server: takes the file's lock for this transaction, then adds its ledger row unless
     * its name is held already (empty then). Two statements sent together, so that the second looks at the ledger
     * only once the lock is held: a run loading the same file at the same time has committed it by then, or not
     * begun it. The checksum of a new file is filled in at its end, in this same transaction, once it is read.
     */
    private static Optional<Long> lockAndAdd(Handle h, String source, SourceFile file) {
        // synchronous_commit: a file and its ledger row commit together, so a crash that loses the last commits
        // loses whole files, which the next run loads again: no need to wait for each commit to reach the disk
        try (PreparedStatement s = h.getConnection().prepareStatement("""
                select set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtext(?));
                insert into opendata_file (source, name, path, sha256, rows)
                select ?, ?, ?, '', 0 where not exists (select 1 from opendata_file where source = ? and name = ?)
                returning id""")) {
            s.setString(1, source + "/" + file.name());
            s.setString(2, source);
            s.setString(3, file.name());
            s.setString(4, file.location());
            s.setString(5, source);
            s.setString(6, file.name());
            s.execute();
            if (!s.getMoreResults()) {
                throw new IllegalStateException("no answer to the ledger insert for " + file.name());
            }
            try (ResultSet r = s.getResultSet()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot begin loading " + file.name() + ": " + ex.getMessage(), ex);
        }
    }

    /** Rolls back whatever the handle has not committed, and lets the file and the connection go. */
    private static void close(Handle h, Checksummed text) {
        try {
            if (text != null) {
                text.closeFile();
            }
        } catch (IOException | RuntimeException ignored) {
            // the load is given up already; the first error is the one to report
        }
        try {
            if (h.isInTransaction()) {
                h.rollback();
            }
        } catch (RuntimeException ignored) {
            // as above: the connection goes back to the pool, which resets it
        }
        h.close();
    }

    /** A file begun: unchanged, with its result, or its rows read with its transaction open and its end to run. */
    private sealed interface Begun permits Unchanged, Reading {
    }

    /** The same content is loaded already: nothing to do. */
    private record Unchanged(FileResult result) implements Begun {
    }

    /** A file read to its last row, its transaction open on {@code h}, its {@link Ending} yet to run. */
    private record Reading(String source, SourceFile file, BadRows bad, Handle h, long id, String known,
                           Checksummed text, Ending ending) implements Begun {

        /** Ends the file's load, records it in the ledger and commits; anything failing rolls the file back. */
        FileResult end() {
            boolean committed = false;
            try {
                Loaded loaded = ending.finish();
                String sha;
                try {
                    sha = text.finish();
                } catch (IOException ex) {
                    throw new UncheckedIOException("Cannot read " + file.location(), ex);
                }
                if (known != null && !known.equals(sha)) {
                    throw new IllegalStateException(file.location()
                            + " changed while it was being loaded; load it again");
                }
                h.createUpdate("update opendata_file set rows = :r, bad_rows = :b, sha256 = :sha where id = :id")
                        .bind("r", loaded.rows()).bind("b", bad.count()).bind("sha", sha).bind("id", id).execute();
                h.commit();
                committed = true;
                return new FileResult(source, file.name(), known != null ? Status.REPLACED : Status.NEW,
                        loaded.rows(), bad.count(), bad.examples(), loaded.notes());
            } finally {
                if (!committed) {
                    abandonEnding();
                }
                close(h, text);
            }
        }

        /** Gives the file up: nothing of it is kept. */
        void abandon() {
            abandonEnding();
            close(h, text);
        }

        private void abandonEnding() {
            try {
                ending.abandon();
            } catch (RuntimeException ignored) {
                // the transaction is rolled back next; the first error is the one to report
            }
        }
    }

    /**
     * The file's text with its SHA-256 taken as it is read ({@link SourceFile#sha256()} over the same bytes). The
     * file is read, inflated and checksummed on a thread of its own, ahead of the loader reading its rows. Closing
     * it, as a CSV reader does when done, leaves the file open for {@link #finish()}.
     */
    private static final class Checksummed extends FilterInputStream {
        private final MessageDigest digest;

        Checksummed(InputStream in, String name) {
            super(null);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            // the digest is read only after the reading thread has handed over the end of the text
            this.in = new ReadAhead(new DigestInputStream(in, digest), name);
        }

        @Override
        public void close() {
            // the store closes the file itself, after finish()
        }

        /** Reads whatever the loader left, and returns the checksum of the whole text. */
        String finish() throws IOException {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        }

        void closeFile() throws IOException {
            in.close();
        }
    }

    /**
     * Removes a file from the ledger with its rows: the tables with a foreign key go by cascade, the two police.uk
     * tables (no key, for the speed of COPY) by their file id. A street file's crime rows are looked for first on
     * the pages they were loaded onto ({@link #keepPages}); only if fewer are found there than were loaded (some went
     * into space freed earlier in the table) is the whole table read for the rest.
     */
    static void forget(Handle h, String source, String name) {
        Optional<long[]> pages = h.createQuery("""
                        select f.id, f.rows, b.first_block, b.last_block
                        from opendata_file f join opendata_police_uk_blocks b on b.file_id = f.id
                        where f.source = :s and f.name = :n
                          and b.filenode = pg_relation_filenode('opendata_police_uk_crime')""")
                .bind("s", source).bind("n", name)
                .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .findOne();
        boolean allFound = pages.isPresent() && h.createUpdate("""
                        delete from opendata_police_uk_crime
                        where file_id = :id and ctid >= cast(:from as tid) and ctid < cast(:to as tid)""")
                .bind("id", pages.get()[0]).bind("from", "(" + pages.get()[2] + ",0)")
                .bind("to", "(" + (pages.get()[3] + 1) + ",0)").execute() >= pages.get()[1];
        h.createUpdate("""
                        with gone as (select id from opendata_file where source = :s and name = :n),
                             crimes as (delete from opendata_police_uk_crime
                                        where not :allFound and file_id in (select id from gone)),
                             outcomes as (delete from opendata_police_uk_outcome where file_id in (select id from gone))
                        delete from opendata_file where id in (select id from gone)""")
                .bind("s", source).bind("n", name).bind("allFound", allFound).execute();
    }

    /**
     * PostgreSQL 16 grows a table by up to 64 pages at once for a bulk load, and leaves those the load did not use
     * free for the next: a file's COPY, begun as the one before it ends, may put its first rows on them.
     */
    private static final int PAGES_GROWN_AT_ONCE = 64;

    /**
     * The first page a COPY begun now may put rows on: the table's last pages, those another load grew it by and may
     * not have used, and any after. (It may also find space freed earlier in the table: see {@link #forget}.)
     */
    static long firstCrimePage(Handle h) {
        return h.createQuery("""
                        select greatest(pg_relation_size('opendata_police_uk_crime') / current_setting('block_size')::bigint
                                        - :grown, 0)""")
                .bind("grown", PAGES_GROWN_AT_ONCE).mapTo(Long.class).one();
    }

    /**
     * Keeps the pages a street file's rows were loaded onto, in the file's transaction once its COPY has ended:
     * from {@link #firstCrimePage} when the COPY began to the table's last page now. Nothing is read to find them: a row that
     * went elsewhere (into space freed earlier) is found when the file is forgotten, by its count.
     */
    static void keepPages(Handle h, long fileId, long fromPage) {
        h.createUpdate("""
                        insert into opendata_police_uk_blocks (file_id, filenode, first_block, last_block)
                        select :id, pg_relation_filenode('opendata_police_uk_crime'), least(:from, last), last
                        from (select pg_relation_size('opendata_police_uk_crime')
                                     / current_setting('block_size')::bigint - 1 as last) table_now
                        where last >= 0""")
                .bind("id", fileId).bind("from", fromPage).execute();
    }

    /** Forgets every file of a source with these names, and their rows (the import benchmark starts clean). */
    public void forget(String source, java.util.Collection<String> names) {
        jdbi.useTransaction(h -> names.forEach(n -> forget(h, source, n)));
    }

    /** Files loaded for a source, by name. */
    public List<String> loadedFiles(String source) {
        return jdbi.withHandle(h -> h.createQuery("select name from opendata_file where source = :s order by name")
                .bind("s", source).mapTo(String.class).list());
    }

    /** Each LSOA's ward and borough, as the place tables hold them: {ward, borough}. */
    public java.util.Map<String, String[]> lsoaParents() {
        java.util.Map<String, String[]> m = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select code, ward_code, borough_code from lsoa").setFetchSize(10_000)
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(r -> m.put(r[0], new String[]{r[1], r[2]})));
        return m;
    }

    /** Borough codes by name. */
    public java.util.Map<String, String> boroughNames() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select code, name from borough")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).forEach(r -> m.put(r[1], r[0])));
        return m;
    }

    /** Each borough's force area code. */
    public java.util.Map<String, String> boroughForces() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select code, force_code from borough")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).forEach(r -> m.put(r[0], r[1])));
        return m;
    }
}
