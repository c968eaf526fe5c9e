package org.peel.synthetic;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Loads one CSV file written by {@link TableOutput} into its table with PostgreSQL COPY. */
public final class CopyLoader {

    private CopyLoader() {
    }

    /** Copies the file into {@code schema.table} on the connection's current transaction; returns rows copied. */
    public static long copy(Connection connection, String schema, Table table, Path file) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return copy.copyIn(sql(schema, table), in);
        }
    }

    /** The COPY statement for a table's CSV (header line, empty unquoted field as null). */
    static String sql(String schema, Table table) {
        String target = (schema == null ? "" : schema + ".") + table.name();
        return "copy " + target + " (" + table.header() + ") from stdin with (format csv, header true)";
    }
}
