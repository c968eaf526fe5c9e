package org.peel.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated file read as its UTF-8 bytes, for a bulk load that sends most values to the server as they
 * are: decoding every value to a {@code String} and encoding it back costs more than the load itself. The file
 * reads as {@link CsvRecords} reads it (RFC 4180 quoting, a quoted field may hold commas and line breaks, CRLF, LF
 * or CR, a byte-order mark dropped, blank lines skipped, characters after a closing quote kept) and is refused for
 * the same problems: a quote never closed, a field longer than {@link CsvRecords#MAX_FIELD_CHARS} characters, more
 * than {@link CsvRecords#MAX_FIELDS} fields, a record with more or fewer fields than the header, bytes that are not
 * UTF-8, each naming the file and the line.
 * <p>
 * A record's fields are seen in place, in {@link #array()} from {@link #start} to {@link #end}, with white space
 * at either end left out (as {@link String#strip()} leaves it out) and valid only until the next call to
 * {@link #next()}. A field the record does not have is empty.
 */
public final class CsvBytes implements AutoCloseable {

    private static final VarHandle WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final long QUOTE_MARKS = 0x2222222222222222L;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long TOP_BITS = 0x8080808080808080L;

    /** A record may be this long at most; a longer one is nearly always a quote never closed. */
    private static final int MAX_RECORD_BYTES = 64 * CsvRecords.MAX_FIELD_CHARS;

    private final InputStream in;
    private final String source;
    private byte[] buf = new byte[1 << 16];
    /** The unread bytes are {@code buf[pos, limit)}. */
    private int pos;
    private int limit;
    private boolean eof;
    /** The physical line {@code pos} is on. */
    private long nextLine = 1;
    /** Whether the record last found has a byte beyond ASCII, and a quoted field. */
    private boolean wide;
    private boolean quotes;

    private long line;
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    /** Null while the header row itself is read. */
    private CsvHeader header;

    /** Reads UTF-8 text from the stream (closed with this reader); {@code source} names it in every error. */
    public CsvBytes(InputStream in, String source) {
        this.in = in;
        this.source = source;
        fill();
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
        if (!next()) {
            throw new BadInput(source, 1, null, "the file is empty");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(text(i));
        }
        header = new CsvHeader(source, names);
    }

    public List<String> header() {
        return header.names();
    }

    public String source() {
        return source;
    }

    /** The column's index; a missing column is an error naming the file and the header it has. */
    public int column(String name) {
        return header.column(name);
    }

    /** The line the current record starts on. */
    public long line() {
        return line;
    }

    /** A problem with a field of the current record. */
    public BadInput bad(String field, String problem) {
        return new BadInput(source, line, field, problem);
    }

    /** The current record's bytes; see {@link #start} and {@link #end}. */
    public byte[] array() {
        return buf;
    }

    /** How many fields the current record has. */
    public int fields() {
        return count;
    }

    /** Where field {@code i} of the current record starts in {@link #array()}. */
    public int start(int i) {
        return i < count ? starts[i] : 0;
    }

    /** Where field {@code i} of the current record ends (exclusive) in {@link #array()}. */
    public int end(int i) {
        return i < count ? ends[i] : 0;
    }

    public boolean isEmpty(int i) {
        return start(i) == end(i);
    }

    /** Field {@code i} as text. */
    public String text(int i) {
        return new String(buf, start(i), end(i) - start(i), StandardCharsets.UTF_8);
    }

    /** Whether field {@code i} is exactly these bytes. */
    public boolean is(int i, byte[] value) {
        return value != null && Arrays.equals(buf, start(i), end(i), value, 0, value.length);
    }

    /** Field {@code i}'s bytes, copied. */
    public byte[] bytes(int i) {
        return Arrays.copyOfRange(buf, start(i), end(i));
    }

    /** Moves to the next record (blank lines skipped); false at the end of the file. */
    public boolean next() {
        while (true) {
            int end = recordEnd();
            if (end < 0) {
                return false;
            }
            int from = pos;
            line = nextLine;
            int terminator = end == limit ? 0 : (buf[end] == '\r' && end + 1 < limit && buf[end + 1] == '\n' ? 2 : 1);
            pos = end + terminator;
            if (end == from) {
                if (terminator > 0) {
                    nextLine++;
                }
                continue; // a blank line
            }
            if (wide) {
                checkUtf8(from, end);
            }
            long breaks = quotes ? breaks(from, end) : 0; // before unquoting moves the bytes
            split(from, end);
            nextLine += 1 + breaks;
            return true;
        }
    }

    /**
     * Makes sure a whole record is in the buffer from {@code pos}, and returns where it ends (its line break, or
     * the end of the file), or -1 when no bytes are left. Quotes are followed so that a line break inside a quoted
     * field does not end the record.
     */
    private int recordEnd() {
        while (true) {
            if (pos == limit && eof) {
                return -1;
            }
            int p = pos;
            // inside quotes; in a field that began with a quote (where every quote opens or closes quoting, and
            // two together, one closing and one opening, are one quote); at the start of a field
            boolean quoted = false;
            boolean quotedField = false;
            boolean fieldStart = true;
            int highBits = 0;
            quotes = false;
            // most of a record has no quote and no line break: passed over eight bytes at a time
            long words = 0;
            while (p + 8 <= limit) {
                long w = (long) WORDS.get(buf, p);
                if ((zeroBytes(w ^ LINE_FEEDS) | zeroBytes(w ^ CARRIAGE_RETURNS) | zeroBytes(w ^ QUOTE_MARKS)) != 0) {
                    break;
                }
                words |= w;
                p += 8;
            }
            if (p > pos) {
                fieldStart = buf[p - 1] == ',';
                highBits = (words & TOP_BITS) != 0 ? -1 : 0;
            }
            while (p < limit) {
                byte c = buf[p];
                highBits |= c;
                if (c == '"' && (fieldStart || quotedField)) {
                    quoted = !quoted;
                    quotedField = true;
                    quotes = true;
                    fieldStart = false;
                } else if (quoted) {
                    p++;
                    continue;
                } else if (c == ',') {
                    fieldStart = true;
                    quotedField = false;
                } else if (c == '\n') {
                    wide = highBits < 0;
                    return p;
                } else if (c == '\r') {
                    if (p + 1 < limit || eof) {
                        wide = highBits < 0;
                        return p;
                    }
                    break; // whether a line feed follows is in the bytes not yet read
                } else {
                    fieldStart = false;
                }
                p++;
            }
            if (eof) {
                if (quoted) {
                    throw new BadInput(source, nextLine, null,
                            "a quoted field is never closed: the file ends inside it (is the last row cut short?)");
                }
                wide = highBits < 0;
                return limit;
            }
            if (limit - pos >= MAX_RECORD_BYTES) {
                throw new BadInput(source, nextLine, null, "a record is longer than " + MAX_RECORD_BYTES
                        + " bytes: is a quote never closed?");
            }
            more();
        }
    }

    /** Keeps the unread bytes, at the start of the buffer (a larger one if it is full), and reads more after. */
    private void more() {
        int unread = limit - pos;
        if (unread >= buf.length / 2) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, pos, bigger, 0, unread);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, unread);
        }
        pos = 0;
        limit = unread;
        fill();
    }

    private void fill() {
        try {
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
                if (n > 0) {
                    return;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + source, ex);
        }
    }

    /** Splits the record {@code buf[from, end)} into fields, unquoting in place, and checks it. */
    private void split(int from, int end) {
        count = 0;
        int p = from;
        while (true) {
            int s = p;
            int e;
            if (p < end && buf[p] == '"') {
                // unquoted in place: two quotes inside quotes are one; after a closing quote, characters belong to
                // the field until a comma, and a quote is kept and opens quoting again
                int w = p;
                boolean quoted = true;
                p++;
                while (p < end) {
                    byte c = buf[p];
                    if (c == '"' && quoted) {
                        if (p + 1 < end && buf[p + 1] == '"') {
                            buf[w++] = '"';
                            p += 2;
                            continue;
                        }
                        quoted = false;
                    } else if (c == '"') {
                        buf[w++] = c; // kept, as FastCSV keeps it, and quoting again
                        quoted = true;
                    } else if (c == ',' && !quoted) {
                        break;
                    } else {
                        buf[w++] = c;
                    }
                    p++;
                }
                e = w;
            } else {
                p = comma(p, end);
                e = p;
            }
            add(s, e);
            if (p >= end) {
                break;
            }
            p++; // the comma
            if (p == end) {
                add(p, p); // a record ending in a comma has an empty last field
                break;
            }
        }
        if (header != null && count != header.size()) {
            // as the record reader refuses it: a comma too many or too few puts every value after it in the wrong column
            throw new BadInput(source, line, null, "has " + count + (count == 1 ? " field" : " fields")
                    + " where the header has " + header.size() + ": is a comma or a quote missing?");
        }
        for (int i = 0; i < count; i++) {
            check(i);
            strip(i, wide);
        }
    }

    /** The first comma from {@code p} on, or {@code end}: eight bytes at a time, then one at a time. */
    private int comma(int p, int end) {
        while (p + 8 <= end) {
            long found = zeroBytes((long) WORDS.get(buf, p) ^ COMMAS);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < end && buf[p] != ',') {
            p++;
        }
        return p;
    }

    /**
     * The top bit set in each byte of {@code x} that is zero, and in no other: adding 0x7F to a byte's low seven
     * bits carries into its top bit unless they are all zero, and never into the next byte.
     */
    static long zeroBytes(long x) {
        return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
    }

    /** The eight bytes from {@code at}, the first the lowest. */
    static long word(byte[] b, int at) {
        return (long) WORDS.get(b, at);
    }

    private void add(int s, int e) {
        if (count == CsvRecords.MAX_FIELDS) {
            throw new BadInput(source, line, null, "has more than " + CsvRecords.MAX_FIELDS + " fields");
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        count++;
    }

    /** Line breaks inside a record (in its quoted fields): CRLF, LF and a lone CR each one. */
    private int breaks(int from, int end) {
        int n = 0;
        for (int p = from; p < end; p++) {
            if (buf[p] == '\n' || (buf[p] == '\r' && (p + 1 == end || buf[p + 1] != '\n'))) {
                n++;
            }
        }
        return n;
    }

    private void checkUtf8(int from, int end) {
        int bad = malformedAt(buf, from, end);
        if (bad >= 0) {
            throw new BadInput(source, line + breaks(from, bad), null,
                    "is not UTF-8 text (malformed bytes); save it as UTF-8");
        }
    }

    private void check(int i) {
        int bytes = ends[i] - starts[i];
        if (bytes > CsvRecords.MAX_FIELD_CHARS) {
            String v = new String(buf, starts[i], bytes, StandardCharsets.UTF_8);
            if (v.length() > CsvRecords.MAX_FIELD_CHARS) {
                throw new BadInput(source, line, header == null ? "field " + (i + 1) : header.field(i),
                        "is " + v.length() + " characters long; the most accepted is " + CsvRecords.MAX_FIELD_CHARS
                                + " (starts '" + v.substring(0, CsvRecords.EXCERPT_CHARS) + "…')");
            }
        }
    }

    /** Leaves out white space at either end, as {@link String#strip()} does. */
    private void strip(int i, boolean wide) {
        int s = starts[i];
        int e = ends[i];
        while (s < e && buf[s] >= 0 && Character.isWhitespace(buf[s])) {
            s++;
        }
        while (e > s && buf[e - 1] >= 0 && Character.isWhitespace(buf[e - 1])) {
            e--;
        }
        if (wide && s < e && (buf[s] < 0 || buf[e - 1] < 0)) {
            // a character beyond ASCII at an end: Unicode white space is rare, so decode to see
            String v = new String(buf, s, e - s, StandardCharsets.UTF_8);
            String stripped = v.strip();
            if (stripped.length() != v.length()) {
                int lead = stripLeadingCount(v);
                s += v.substring(0, lead).getBytes(StandardCharsets.UTF_8).length;
                e = s + stripped.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        starts[i] = s;
        ends[i] = e;
    }

    /**
     * Where the first byte that is not part of well-formed UTF-8 is, or -1: as strict as Java's decoder (no
     * overlong forms, no surrogates, nothing above U+10FFFF).
     */
    static int malformedAt(byte[] b, int from, int to) {
        int p = from;
        while (p < to) {
            int c = b[p] & 0xFF;
            if (c < 0x80) {
                p++;
                continue;
            }
            int n;
            int min;
            int second = p + 1 < to ? b[p + 1] & 0xFF : -1;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                // E0 needs A0..BF (else overlong); ED needs 80..9F (else a surrogate)
                min = c == 0xE0 ? 0xA0 : 0x80;
                if (c == 0xED && second > 0x9F) {
                    return p;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = c == 0xF0 ? 0x90 : 0x80;
                if (c == 0xF4 && second > 0x8F) {
                    return p;
                }
            } else {
                return p;
            }
            if (second < min || second > 0xBF) {
                return p;
            }
            for (int k = 2; k <= n; k++) {
                if (p + k >= to || (b[p + k] & 0xC0) != 0x80) {
                    return p;
                }
            }
            p += n + 1;
        }
        return -1;
    }

    private static int stripLeadingCount(String v) {
        return v.length() - v.stripLeading().length();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot close " + source, ex);
        }
    }
}
