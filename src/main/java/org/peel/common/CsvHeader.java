package org.peel.common;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A comma-separated file's header row: its column names, stripped, and where each first appears. */
final class CsvHeader {

    private final String source;
    private final List<String> names;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvHeader(String source, List<String> names) {
        this.source = source;
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
    }

    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    int size() {
        return names.size();
    }

    /** The column's index; a missing column is an error naming the file and the header it has. */
    int column(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new BadInput(source, 1, name, "column missing from the header " + names);
        }
        return i;
    }

    boolean has(String name) {
        return columns.containsKey(name);
    }

    /** What an error calls field {@code i} (from 0): its column's name, or its place when the header has none. */
    String field(int i) {
        return i < names.size() ? names.get(i) : "field " + (i + 1);
    }
}
