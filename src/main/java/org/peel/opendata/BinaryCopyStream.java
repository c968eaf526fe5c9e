package org.peel.opendata;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Rows streamed into PostgreSQL with {@code COPY … FROM STDIN (FORMAT binary)}: each value sent as the server holds
 * it (a double as its eight bytes, a date as its day number), so neither side formats or parses text. For the
 * police.uk tables, millions of rows checked in Java first; a value of the wrong type fails the whole COPY, so a
 * row goes in only with its columns written in the order and types declared. Runs on the caller's handle and so
 * inside its transaction.
 */
final class BinaryCopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts dates from 1 January 2000. */
    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private final CopyIn copy;
    private final int columns;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(FLUSH_AT + 4096);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int written;
    private long rows;

    BinaryCopyStream(Handle h, String table, String columns) {
        this.columns = columns.split(",").length;
        try {
            copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin with (format binary)");
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts a row; every column declared must follow. */
    BinaryCopyStream row() {
        try {
            out.writeShort(columns);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written = 0;
        return this;
    }

    BinaryCopyStream text(String v) {
        try {
            if (v == null) {
                out.writeInt(-1);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written++;
        return this;
    }

    BinaryCopyStream int4(long v) {
        try {
            out.writeInt(4);
            out.writeInt(Math.toIntExact(v));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written++;
        return this;
    }

    BinaryCopyStream int8(long v) {
        try {
            out.writeInt(8);
            out.writeLong(v);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written++;
        return this;
    }

    BinaryCopyStream float8(Double v) {
        try {
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(8);
                out.writeDouble(v);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written++;
        return this;
    }

    BinaryCopyStream date(LocalDate v) {
        try {
            out.writeInt(4);
            out.writeInt((int) (v.toEpochDay() - EPOCH_2000));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written++;
        return this;
    }

    /** Ends the row, checking that every column was written. */
    void end() {
        if (written != columns) {
            throw new IllegalStateException("a row of " + written + " values for " + columns + " columns");
        }
        rows++;
        if (bytes.size() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() {
        try {
            copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
        } catch (SQLException ex) {
            throw new IllegalStateException("copy: " + ex.getMessage(), ex);
        }
        bytes.reset();
    }

    /** Sends the rest with the trailer and ends the copy; the rows become visible when the transaction commits. */
    void finish() {
        try {
            out.writeShort(-1);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        flush();
        try {
            copy.endCopy();
        } catch (SQLException ex) {
            throw new IllegalStateException("copy: " + ex.getMessage(), ex);
        }
    }

    /** A copy not finished (a bad row under the stop policy, a read error) is cancelled, never half-ended. */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is being rolled back; the first error is the one to report
            }
        }
    }
}
