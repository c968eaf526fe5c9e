package org.peel.common;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rows for one table gathered in memory and written with {@code COPY … FROM STDIN (FORMAT csv)} on the caller's
 * handle, so inside its transaction. A store describes a row once as {@link Values} (column name, value) and uses
 * that one description both for its single-row insert ({@link #binding}) and for many rows at once here, so the two
 * cannot drift apart. Values: null, text, numbers, booleans, {@link LocalDate}, {@link LocalDateTime}, and
 * {@code String[]} for a text array.
 */
public final class CopyRows {

    /** A row's values by column name, in column order. */
    @FunctionalInterface
    public interface Values {
        Values put(String column, Object value);
    }

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final StringBuilder csv = new StringBuilder(1 << 16);
    private int rows;

    public CopyRows(String table) {
        this.table = table;
    }

    /** Binds each value to the named parameter of the same name as its column. */
    public static Values binding(SqlStatement<?> statement) {
        return new Values() {
            @Override
            public Values put(String column, Object value) {
                statement.bind(column, value);
                return this;
            }
        };
    }

    /** Adds a row; every row must give the same columns in the same order. */
    public void add(UnaryOperator<Values> row) {
        int[] field = {0};
        row.apply(new Values() {
            @Override
            public Values put(String column, Object value) {
                int i = field[0]++;
                if (rows == 0) {
                    columns.add(column);
                } else if (i >= columns.size() || !columns.get(i).equals(column)) {
                    throw new IllegalStateException(table + ": column " + column + " out of order");
                }
                if (i > 0) {
                    csv.append(',');
                }
                append(value);
                return this;
            }
        });
        csv.append('\n');
        rows++;
    }

    public int size() {
        return rows;
    }

    /** Sends the rows gathered so far and starts afresh; returns the rows copied. */
    public long copy(Handle h) {
        if (rows == 0) {
            return 0;
        }
        try {
            long n = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
            csv.setLength(0);
            rows = 0;
            columns.clear();
            return n;
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
        } else if (value instanceof String[] array) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    literal.append(',');
                }
                literal.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            quoted(literal.append('}').toString());
        } else {
            quoted(value.toString());
        }
    }

    /** Quoted, so that an empty string stays an empty string and only an empty unquoted field is null. */
    private void quoted(String text) {
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
