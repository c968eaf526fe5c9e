package org.peel.common;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comma-separated records read one at a time from a stream (a plain, gzipped or zipped file), RFC 4180 quoting,
 * CRLF or LF, a byte-order mark dropped, and the physical line each record starts on kept for error messages.
 */
public final class CsvRecords {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final String source;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();

    public CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
        String[] h = next();
        if (h == null) {
            throw new BadInput(source, 1, null, "the file is empty");
        }
        if (h.length > 0 && !h[0].isEmpty() && h[0].charAt(0) == '\uFEFF') {
            h[0] = h[0].substring(1);
        }
        header = new ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            String name = h[i].strip();
            header.add(name);
            columns.putIfAbsent(name, i);
        }
    }

    public List<String> header() {
        return header;
    }

    public String source() {
        return source;
    }

    /** The column's index; a missing column is an error naming the file and the header it has. */
    public int column(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new BadInput(source, 1, name, "column missing from the header " + header);
        }
        return i;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The line the last record returned by {@link #next()} started on. */
    public long line() {
        return recordLine;
    }

    /** The next record's fields (blank lines skipped), or null at the end. */
    public String[] next() {
        try {
            while (true) {
                String[] r = record();
                if (r == null) {
                    return null;
                }
                if (r.length == 1 && r[0].isBlank()) {
                    continue;
                }
                return r;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + source, ex);
        }
    }

    /** Makes sure a character is buffered; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, BUFFER);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        return fill() ? buf[pos++] : -1;
    }

    private int peek() throws IOException {
        return fill() ? buf[pos] : -1;
    }

    private String[] record() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder(32);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new BadInput(source, recordLine, null, "a quoted field is never closed");
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
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
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            } else {
                field.append(ch);
            }
            c = read();
        }
    }
}
