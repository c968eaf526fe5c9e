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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
     * Loads one file's rows from its text, handed over open: the store reads the file once, taking its checksum as
     * the loader reads it. The loader may close the stream; the store still reads whatever is left for the checksum.
     */
    @FunctionalInterface
    public interface TextLoader {
        Loaded load(Handle h, long fileId, InputStream text);
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
     * As {@link #load(String, SourceFile, BadRows, Loader)}, reading the file once where it can: a file whose name the
     * ledger does not hold cannot be the same content already loaded, so its checksum is taken as it is loaded
     * instead of in a pass of its own before. A name already held is checked first, as before, so an unchanged
     * file is still skipped without loading it.
     */
    public FileResult load(String source, SourceFile file, BadRows bad, LongConsumer progress, TextLoader loader) {
        return jdbi.inTransaction(h -> {
            h.execute("set local synchronous_commit = off");
            h.execute("select pg_advisory_xact_lock(hashtext(?))", source + "/" + file.name());
            Optional<String> held = h.createQuery("select sha256 from opendata_file where source = :s and name = :n")
                    .bind("s", source).bind("n", file.name()).mapTo(String.class).findOne();
            String known = null;
            if (held.isPresent()) {
                known = file.sha256();
                if (held.get().equals(known)) {
                    return new FileResult(source, file.name(), Status.UNCHANGED, 0, 0, List.of(), List.of());
                }
                forget(h, source, file.name());
            }
            // the checksum of a new file is filled in below, in this same transaction, once the file is read
            long id = h.createQuery("""
                            insert into opendata_file (source, name, path, sha256, rows)
                            values (:s, :n, :p, :sha, 0) returning id""")
                    .bind("s", source).bind("n", file.name()).bind("p", file.location())
                    .bind("sha", known == null ? "" : known).mapTo(Long.class).one();
            Loaded loaded;
            String sha;
            try {
                Checksummed text = new Checksummed(file.open(progress), file.name());
                try {
                    loaded = loader.load(h, id, text);
                    sha = text.finish();
                } finally {
                    text.closeFile();
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + file.location(), ex);
            }
            if (known != null && !known.equals(sha)) {
                throw new IllegalStateException(file.location() + " changed while it was being loaded; load it again");
            }
            h.createUpdate("update opendata_file set rows = :r, bad_rows = :b, sha256 = :sha where id = :id")
                    .bind("r", loaded.rows()).bind("b", bad.count()).bind("sha", sha).bind("id", id).execute();
            return new FileResult(source, file.name(), held.isPresent() ? Status.REPLACED : Status.NEW,
                    loaded.rows(), bad.count(), bad.examples(), loaded.notes());
        });
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
     * tables (no key, for the speed of COPY) by their file id.
     */
    static void forget(org.jdbi.v3.core.Handle h, String source, String name) {
        h.createUpdate("""
                        with gone as (select id from opendata_file where source = :s and name = :n),
                             crimes as (delete from opendata_police_uk_crime where file_id in (select id from gone)),
                             outcomes as (delete from opendata_police_uk_outcome where file_id in (select id from gone))
                        delete from opendata_file where id in (select id from gone)""")
                .bind("s", source).bind("n", name).execute();
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
