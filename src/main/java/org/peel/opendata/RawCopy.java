package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.CopyWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The import benchmark's baseline: the same files' bytes sent untouched by {@code COPY} into a table of the files'
 * own columns, as text. No parsing in Peel, no checks, no places, no ledger: as fast as these rows can get into
 * PostgreSQL from this JVM. The table is logged, as the import's own table is, so both pay for the write-ahead log
 * that makes a load survive a crash.
 */
public final class RawCopy {

    private static final String TABLE = "bench_raw_police_uk";

    private RawCopy() {
    }

    /** Copies every data row (headers skipped) of the files; returns the rows sent. The table is dropped after. */
    public static long copy(Jdbi jdbi, List<SourceFile> files, Progress progress) {
        jdbi.useHandle(h -> {
            h.execute("drop table if exists " + TABLE);
            h.execute("create table " + TABLE + " (crime_id text, month text, reported_by text,"
                    + " falls_within text, longitude text, latitude text, location text, lsoa_code text,"
                    + " lsoa_name text, crime_type text, last_outcome text, context text)");
        });
        try {
            return jdbi.inTransaction(h -> {
                long rows = 0;
                for (SourceFile f : files) {
                    progress.file(f.name());
                    try (InputStream in = f.open(progress::bytes)) {
                        long n = CopyWriter.csv(h.getConnection(), TABLE, "crime_id, month, reported_by,"
                                + " falls_within, longitude, latitude, location, lsoa_code, lsoa_name, crime_type,"
                                + " last_outcome, context", true, in);
                        progress.rows(n);
                        rows += n;
                    } catch (IOException ex) {
                        throw new UncheckedIOException("Cannot read " + f.location(), ex);
                    }
                }
                return rows;
            });
        } finally {
            jdbi.useHandle(h -> h.execute("drop table if exists " + TABLE));
        }
    }
}
