package org.peel.opendata;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Rows streamed into PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)}, a buffer at a time, so a file of any
 * size loads in constant memory. Runs on the caller's handle and so inside its transaction.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyStream(Handle h, String table, String columns) {
        try {
            copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        }
    }

    /** One row; null is SQL NULL, every other value is written as quoted text (numbers as their digits). */
    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number || v instanceof Boolean) {
                buffer.append(v);
            } else {
                String s = v.toString();
                buffer.append('"');
                if (s.indexOf('"') < 0) {
                    buffer.append(s);
                } else {
                    buffer.append(s.replace("\"", "\"\""));
                }
                buffer.append('"');
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** A line already in COPY's csv form (the raw baseline of the import benchmark). */
    void line(String csvLine) {
        buffer.append(csvLine).append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException ex) {
            throw new IllegalStateException("copy: " + ex.getMessage(), ex);
        }
    }

    /** Sends the rest and ends the copy; the rows become visible when the transaction commits. */
    void finish() {
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
