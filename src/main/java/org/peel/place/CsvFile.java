package org.peel.place;

import org.peel.common.BadInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final char BOM = '\uFEFF';

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
                throw bad(field, "'" + v + "' is not " + what);
            }
            return v;
        }

        double number(String field, double min, double max) {
            String v = required(field);
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException ex) {
                throw bad(field, "'" + v + "' is not a number");
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
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            LineCounter reader = new LineCounter(in);
            List<String> header = reader.record();
            if (header == null) {
                throw new BadInput(name, 1, null, "the file is empty");
            }
            if (!header.isEmpty() && !header.get(0).isEmpty() && header.get(0).charAt(0) == BOM) {
                header.set(0, header.get(0).substring(1));
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip(), i);
            }
            for (String field : requiredFields) {
                if (!columns.containsKey(field)) {
                    throw new BadInput(name, 1, field, "column missing from the header " + header);
                }
            }
            while (true) {
                long line = reader.nextLine();
                List<String> values = reader.record();
                if (values == null) {
                    return;
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue; // blank lines, usually at the end of the file
                }
                action.accept(new Row(columns, values, line));
            }
        } catch (java.nio.charset.MalformedInputException ex) {
            throw new BadInput(name, 0, null, "not UTF-8 text");
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + path, ex);
        }
    }

    /** RFC 4180 records over a reader, counting physical lines so errors can point at them. */
    private final class LineCounter {
        private final BufferedReader in;
        private long line = 1;

        LineCounter(BufferedReader in) {
            this.in = in;
        }

        long nextLine() {
            return line;
        }

        /** The next record's fields, or null at the end. A quoted field may run over several lines. */
        List<String> record() throws IOException {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            long startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw new BadInput(name, startLine, null, "a quoted field is never closed");
                    }
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            in.reset();
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                }
                c = in.read();
            }
        }
    }
}
