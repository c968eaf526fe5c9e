package org.peel.synthetic;

import org.peel.common.CopyWriter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * One table the generator writes: its database name, the CSV file it becomes with {@code --out}, and its
 * columns in file order (the COPY column list).
 */
public record Table(String name, String fileName, List<String> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    /** A table whose file is {@code <name>.csv}. */
    public static Table of(String name, String... columns) {
        return new Table(name, name + ".csv", List.of(columns));
    }

    public String header() {
        return String.join(",", columns);
    }

    /** The table's name, in {@code schema} when one is given. */
    public String qualifiedName(String schema) {
        return (schema == null ? "" : schema + ".") + name;
    }

    /** Loads a CSV file of this table (header line first) on the connection's transaction; returns rows copied. */
    public long load(Connection connection, String schema, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return CopyWriter.csv(connection, qualifiedName(schema), header(), true, in);
        }
    }
}
