package org.peel.synthetic;

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
}
