package org.peel.common;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rows for one table gathered in memory and sent with {@link CopyWriter} on the caller's handle, so inside its
 * transaction. A store describes a row once as {@link Values} (column name, value) and uses that one description
 * both for its single-row insert ({@link #binding}) and for many rows at once here, so the two cannot drift apart.
 * Values are any {@link CopyWriter#value(Object)} takes: null, text, numbers, booleans, dates, date-times, instants,
 * and {@code String[]} for a text array.
 */
public final class CopyRows {

    /** A row's values by column name, in column order. */
    @FunctionalInterface
    public interface Values {
        Values put(String column, Object value);
    }

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

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
        List<Object> values = new ArrayList<>(columns.isEmpty() ? 16 : columns.size());
        boolean first = rows.isEmpty();
        row.apply(new Values() {
            @Override
            public Values put(String column, Object value) {
                int i = values.size();
                if (first) {
                    columns.add(column);
                } else if (i >= columns.size() || !columns.get(i).equals(column)) {
                    throw new IllegalStateException(table + ": column " + column + " out of order");
                }
                values.add(value);
                return this;
            }
        });
        if (!first && values.size() != columns.size()) {
            throw new IllegalStateException(table + ": a row of " + values.size() + " values for " + columns.size()
                    + " columns");
        }
        rows.add(values.toArray());
    }

    public int size() {
        return rows.size();
    }

    /** Sends the rows gathered so far and starts afresh; returns the rows copied. */
    public long copy(Handle h) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (CopyWriter copy = CopyWriter.open(h, table, columns)) {
            for (Object[] row : rows) {
                copy.row(row);
            }
            long n = copy.finish();
            rows.clear();
            columns.clear();
            return n;
        }
    }
}
