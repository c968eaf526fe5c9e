package org.peel.common;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The one way Peel reads a comma-separated file as text ({@link CsvBytes} reads one as bytes, for a bulk load that
 * sends values on as they are): a header row, then records one at a time (streamed, so a file of
 * any size reads in constant memory), parsed by FastCSV. RFC 4180 quoting, so a quoted field may hold commas and
 * line breaks; CRLF or LF; a UTF-8 byte-order mark dropped; blank lines skipped. Every problem is a {@link BadInput}
 * naming the file, the physical line the record starts on and, where there is one, the field: a file that ends
 * inside a quoted field (a truncated last row), a field longer than {@link #MAX_FIELD_CHARS}, a record of more than
 * {@link #MAX_FIELDS} fields, bytes that are not UTF-8. Messages quote at most {@link #EXCERPT_CHARS} characters
 * of a bad value ({@link #excerpt}), so a stray megabyte or a person's details never fill a log.
 */
public final class CsvRecords implements AutoCloseable {

    /** The longest field accepted; real published fields are a few hundred characters at most. */
    public static final int MAX_FIELD_CHARS = 64 * 1024;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 1024;
    /** The most characters of a bad value repeated in a message. */
    public static final int EXCERPT_CHARS = 40;

    private static final Pattern PARSER_LINE = Pattern.compile("line (\\d+)");

    private final String source;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    /** Null while the header row itself is read. */
    private CsvHeader header;
    private long line;

    /** Reads UTF-8 text from the stream (closed with this reader); {@code source} names it in every error. */
    public CsvRecords(InputStream in, String source) {
        this(in, source, CodingErrorAction.REPORT, false);
    }

    /**
     * For a publisher's file known to mix in another encoding where it does no harm (a pound sign in a header):
     * malformed bytes become U+FFFD instead of an error.
     */
    public static CsvRecords replacingMalformed(InputStream in, String source) {
        return new CsvRecords(in, source, CodingErrorAction.REPLACE, false);
    }

    /**
     * For files written with a space after every comma, quoted values included ({@code 1, "Smith, J"}), as FEBRL's
     * are: the spaces around quotes are dropped. A slower parse, so only for such files.
     */
    public static CsvRecords spacedQuotes(Path file) {
        return open(file, true);
    }

    private CsvRecords(InputStream in, String source, CodingErrorAction malformed, boolean spacedQuotes) {
        this.source = source;
        // the parser may hold a field up to four times the limit, so that an over-long field is named, not cut
        CsvReader.CsvReaderBuilder builder = CsvReader.builder().allowUnclosedQuote(false).skipEmptyLines(true);
        if (spacedQuotes) {
            builder.trimWhitespacesAroundQuotes(true);
        } else {
            builder.allowExtraCharsAfterClosingQuote(true);
        }
        this.reader = builder.build(CsvRecordHandler.builder().maxFieldSize(4 * MAX_FIELD_CHARS).maxFields(MAX_FIELDS)
                        .maxRecordSize(64 * MAX_FIELD_CHARS).build(), new StrictUtf8(in, malformed));
        this.records = reader.iterator();
        String[] h = next();
        if (h == null) {
            throw new BadInput(source, 1, null, "the file is empty");
        }
        if (h.length > 0 && !h[0].isEmpty() && h[0].charAt(0) == '\uFEFF') {
            h[0] = h[0].substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String name : h) {
            names.add(name.strip());
        }
        header = new CsvHeader(source, names);
    }

    /** A plain or gzipped ({@code .gz}) file, named in errors by its file name. */
    public static CsvRecords open(Path file) {
        return open(file, false);
    }

    private static CsvRecords open(Path file, boolean spacedQuotes) {
        String name = file.getFileName().toString();
        try {
            InputStream in = Files.newInputStream(file);
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new CsvRecords(in, name, CodingErrorAction.REPORT, spacedQuotes);
        } catch (NoSuchFileException ex) {
            throw new BadInput(file.toString(), 0, null, "file not found");
        } catch (IOException ex) {
            throw new BadInput(name, 0, null, "cannot be read: " + ex.getMessage());
        }
    }

    /** At most {@link #EXCERPT_CHARS} characters of a value, quoted, with an ellipsis when cut. */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= EXCERPT_CHARS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, EXCERPT_CHARS) + "…' (" + value.length() + " characters)";
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

    public boolean has(String name) {
        return header.has(name);
    }

    /** The line the last record returned by {@link #next()} started on. */
    public long line() {
        return line;
    }

    /** A problem with a field of the last record returned. */
    public BadInput bad(String field, String problem) {
        return new BadInput(source, line, field, problem);
    }

    /** The next record's fields (blank lines skipped), or null at the end. */
    public String[] next() {
        CsvRecord r;
        try {
            if (!records.hasNext()) {
                return null;
            }
            r = records.next();
        } catch (CsvParseException ex) {
            throw translate(ex);
        } catch (UncheckedIOException ex) {
            throw translate(ex);
        }
        line = r.getStartingLineNumber();
        int n = r.getFieldCount();
        String[] fields = new String[n];
        for (int i = 0; i < n; i++) {
            String v = r.getField(i);
            if (v.length() > MAX_FIELD_CHARS) {
                throw new BadInput(source, line, header == null ? "field " + (i + 1) : header.field(i),
                        "is " + v.length() + " characters long; the most accepted is " + MAX_FIELD_CHARS
                                + " (starts '" + v.substring(0, EXCERPT_CHARS) + "…')");
            }
            fields[i] = v;
        }
        return fields;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot close " + source, ex);
        }
    }

    private RuntimeException translate(RuntimeException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BadInput bad) {
                return bad;
            }
            if (t instanceof NotUtf8 bad) {
                return new BadInput(source, bad.line, null, "is not UTF-8 text (malformed bytes); save it as UTF-8");
            }
        }
        if (ex instanceof CsvParseException) {
            String message = String.valueOf(ex.getMessage());
            Matcher m = PARSER_LINE.matcher(message);
            long at = m.find() ? Long.parseLong(m.group(1)) : line + 1;
            if (message.startsWith("Unclosed quoted field")) {
                return new BadInput(source, at, null,
                        "a quoted field is never closed: the file ends inside it (is the last row cut short?)");
            }
            return new BadInput(source, at, null, "cannot be read as CSV: " + message);
        }
        return new UncheckedIOException("Cannot read " + source, ex instanceof UncheckedIOException u
                ? u.getCause() : new IOException(ex));
    }

    /**
     * The line feeds among bytes {@code from} to {@code to}, eight bytes at a time: a byte of the word xor line
     * feeds is zero exactly where the byte was a line feed ({@link CsvBytes#zeroBytes}).
     */
    static long lineFeeds(byte[] b, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            count += Long.bitCount(CsvBytes.zeroBytes(CsvBytes.word(b, i) ^ CsvBytes.LINE_FEEDS));
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Bytes that are not UTF-8, found on a physical line. */
    private static final class NotUtf8 extends IOException {
        final long line;

        NotUtf8(long line) {
            super("malformed UTF-8 on line " + line);
            this.line = line;
        }
    }

    /**
     * Decodes UTF-8, refusing malformed bytes (Java's readers replace them silently) and counting line feeds as it
     * goes, so the refusal can name the physical line.
     */
    private static final class StrictUtf8 extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private boolean eof;
        private boolean flushed;
        private long line = 1;

        StrictUtf8(InputStream in, CodingErrorAction malformed) {
            this.in = in;
            this.decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(malformed)
                    .onUnmappableCharacter(malformed);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (out.position() == off) {
                if (!eof && bytes.remaining() < 4) {
                    refill();
                }
                int from = bytes.position();
                CoderResult result = decoder.decode(bytes, out, eof);
                // a line feed byte is never part of a longer UTF-8 character, so the bytes decoded have as many
                // line feeds as the characters they became
                line += lineFeeds(bytes.array(), from, bytes.position());
                if (result.isError()) {
                    throw new NotUtf8(line);
                }
                if (eof && !bytes.hasRemaining()) {
                    if (!flushed) {
                        decoder.flush(out);
                        flushed = true;
                    }
                    if (out.position() == off) {
                        return -1;
                    }
                }
            }
            return out.position() - off;
        }

        private void refill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
