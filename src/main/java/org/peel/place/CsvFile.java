package org.peel.place;

import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A comma-separated file as ONS publishes them: a header row, fields quoted when they hold a comma
 * ("Bristol, City of"), sometimes a UTF-8 byte-order mark, CRLF or LF line ends. Every problem is reported with the
 * file, the line and the field.
 */
final class CsvFile {

    private final Path path;
    private final String name;

    CsvFile(Path path) {
        this.path = path;
        this.name = path.getFileName().toString();
    }

    String name() {
        return name;
    }

    /** One data row: fields by header name, and the line it started on. */
    final class Row {
        private final Map<String, Integer> columns;
        private final List<String> values;
        private final long line;

        private Row(Map<String, Integer> columns, List<String> values, long line) {
            this.columns = columns;
            this.values = values;
            this.line = line;
        }

        long line() {
            return line;
        }

        /** The trimmed value; empty when the row is short (trailing empty fields are often left off). */
        String get(String field) {
            Integer i = columns.get(field);
            if (i == null) {
                throw new BadInput(name, 1, field, "column missing from the header");
            }
            return i < values.size() ? values.get(i).strip() : "";
        }

        String required(String field) {
            String v = get(field);
            if (v.isEmpty()) {
                throw bad(field, "is empty");
            }
            return v;
        }

        /** A GSS code that must match the expected shape, e.g. {@code E01\d{6}} for an LSOA. */
        String code(String field, Pattern shape, String what) {
            String v = required(field);
            if (!shape.matcher(v).matches()) {
                throw bad(field, CsvRecords.excerpt(v) + " is not " + what);
            }
            return v;
        }

        double number(String field, double min, double max) {
            String v = required(field);
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException ex) {
                throw bad(field, CsvRecords.excerpt(v) + " is not a number");
            }
            if (!(d >= min && d <= max)) {
                throw bad(field, v + " is outside " + min + " to " + max);
            }
            return d;
        }

        BadInput bad(String field, String problem) {
            return new BadInput(name, line, field, problem);
        }
    }

    /** Reads every data row in order; checks the header holds the fields named. */
    void forEachRow(List<String> requiredFields, Consumer<Row> action) {
        try (CsvRecords csv = CsvRecords.open(path)) {
            Map<String, Integer> columns = new HashMap<>();
            for (String field : csv.header()) {
                columns.putIfAbsent(field, csv.column(field));
            }
            for (String field : requiredFields) {
                if (!csv.has(field)) {
                    throw new BadInput(name, 1, field, "column missing from the header " + csv.header());
                }
            }
            for (String[] values = csv.next(); values != null; values = csv.next()) {
                action.accept(new Row(columns, Arrays.asList(values), csv.line()));
            }
        }
    }
}
