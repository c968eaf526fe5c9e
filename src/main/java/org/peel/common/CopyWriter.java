package org.peel.common;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The one way Peel bulk-loads rows: {@code COPY … FROM STDIN (FORMAT binary)} on the caller's handle, so inside its
 * transaction, a buffer at a time, so any number of rows loads in constant memory. Each value goes as the server
 * holds it (a double as its eight bytes, a date as its day number), so neither side formats or parses text.
 * <p>
 * Values are written either with a typed method ({@link #text}, {@link #int8}, … for the hot paths) or with
 * {@link #value(Object)}, which encodes a Java value for the column's type as the catalog declares it, so a store can
 * hand over strings, numbers, dates, instants, arrays without knowing the wire format. A {@link LocalDateTime} for a
 * {@code timestamptz} column is read in the session's time zone, as a bound parameter would be. A row goes in only
 * with every column written: a short row is refused before it reaches the server.
 * <p>
 * Text already in CSV form (the synthetic generator's table files, the raw baseline of the import benchmark) is sent
 * as it is with {@link #csv} or {@link #csvOutput}.
 */
public final class CopyWriter implements AutoCloseable {

    /**
     * A buffer goes to the server at this size: small enough that the server starts on a file's rows soon after the
     * first are read, and that the wait at the end is short, as a police.uk file is only a megabyte or two.
     */
    private static final int FLUSH_AT = 1 << 16;
    /** Buffers in turn: the writer runs this many buffers ahead of the server before it waits. */
    private static final int BUFFERS = 8;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts dates and times from 1 January 2000. */
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final Instant EPOCH_2000 = Instant.parse("2000-01-01T00:00:00Z");
    private static final int TEXT_OID = 25;

    private final String table;
    private final List<String> columns;
    private final String[] types;
    private final ZoneId sessionZone;
    private final CopyIn copy;
    private final Buffer out = new Buffer(FLUSH_AT + 4096);
    private Sender sender;
    private int written;
    private long rows;

    private CopyWriter(Handle h, Columns target) {
        this.table = target.table;
        this.columns = target.names;
        this.types = target.types;
        this.sessionZone = target.zone;
        try {
            copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                    + String.join(", ", columns) + ") from stdin with (format binary)");
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * A table's columns, in the order their values will be written, with the types the catalog declares for them
     * and the session's time zone: looked up once, for a caller that copies into the same table again and again (a
     * file at a time) without asking the server each time.
     */
    public static final class Columns {
        private final String table;
        private final List<String> names;
        private final String[] types;
        private final ZoneId zone;

        private Columns(String table, List<String> names, String[] types, ZoneId zone) {
            this.table = table;
            this.names = List.copyOf(names);
            this.types = types;
            this.zone = zone;
        }

        public String table() {
            return table;
        }
    }

    /** Looks the columns' types up, in one round trip. */
    public static Columns columns(Handle h, String table, List<String> columns) {
        try {
            Catalog catalog = catalog(h.getConnection(), table);
            Map<String, String> declared = catalog.types();
            String[] types = new String[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = declared.get(columns.get(i));
                if (types[i] == null) {
                    throw new IllegalArgumentException(table + " has no column " + columns.get(i));
                }
            }
            return new Columns(table, columns, types, catalog.zone());
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        }
    }

    /** As {@link #columns(Handle, String, List)}, the columns as one comma-separated list. */
    public static Columns columns(Handle h, String table, String columns) {
        return columns(h, table, names(columns));
    }

    private static List<String> names(String columns) {
        List<String> names = new ArrayList<>();
        for (String c : columns.split(",")) {
            names.add(c.strip());
        }
        return names;
    }

    /** Starts a COPY into the table's columns, named in the order their values will be written. */
    public static CopyWriter open(Handle h, String table, List<String> columns) {
        return new CopyWriter(h, columns(h, table, columns));
    }

    /** As {@link #open(Handle, String, List)}, the columns as one comma-separated list. */
    public static CopyWriter open(Handle h, String table, String columns) {
        return open(h, table, names(columns));
    }

    /** Starts a COPY into columns looked up before, on this handle or another of the same database. */
    public static CopyWriter open(Handle h, Columns columns) {
        return new CopyWriter(h, columns);
    }

    /** One whole row: each value encoded for its column's type; see {@link #value(Object)}. */
    public void row(Object... values) {
        row();
        for (Object v : values) {
            value(v);
        }
        end();
    }

    /** Starts a row; every column declared must follow, then {@link #end()}. */
    public CopyWriter row() {
        out.writeShort(types.length);
        written = 0;
        return this;
    }

    public CopyWriter text(String v) {
        if (v == null) {
            out.writeInt(-1);
        } else {
            out.writeText(v);
        }
        written++;
        return this;
    }

    /** A text value given as its UTF-8 bytes, {@code b[from, to)}, sent as they are. */
    public CopyWriter text(byte[] b, int from, int to) {
        out.writeInt(to - from);
        out.write(b, from, to - from);
        written++;
        return this;
    }

    /** A text value given as its UTF-8 bytes (null for NULL), sent as they are. */
    public CopyWriter text(byte[] b) {
        return b == null ? nullValue() : text(b, 0, b.length);
    }

    /** SQL NULL, whatever the column's type. */
    public CopyWriter nullValue() {
        out.writeInt(-1);
        written++;
        return this;
    }

    public CopyWriter int4(long v) {
        out.writeInt(4);
        out.writeInt(Math.toIntExact(v));
        written++;
        return this;
    }

    public CopyWriter int8(long v) {
        out.writeInt(8);
        out.writeLong(v);
        written++;
        return this;
    }

    public CopyWriter float8(double v) {
        out.writeInt(8);
        out.writeLong(Double.doubleToLongBits(v));
        written++;
        return this;
    }

    public CopyWriter float8(Double v) {
        return v == null ? nullValue() : float8(v.doubleValue());
    }

    public CopyWriter date(LocalDate v) {
        if (v == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(4);
            out.writeInt(Math.toIntExact(v.toEpochDay() - EPOCH_2000_DAYS));
        }
        written++;
        return this;
    }

    /** A date given as its day number since 1970-01-01 ({@link LocalDate#toEpochDay()}), without an object. */
    public CopyWriter epochDay(long day) {
        out.writeInt(4);
        out.writeInt(Math.toIntExact(day - EPOCH_2000_DAYS));
        written++;
        return this;
    }

    /**
     * The next column's value, encoded for its declared type: text types from any value's {@code toString()};
     * integers and floating point from numbers (or their text); {@code numeric} from a number; {@code boolean};
     * {@code date} from a {@link LocalDate}; {@code timestamptz} from an {@link Instant}, {@link OffsetDateTime},
     * {@link ZonedDateTime} or (in the session's zone) {@link LocalDateTime}; {@code timestamp} from a
     * {@link LocalDateTime}; {@code jsonb}/{@code json} from their text; {@code bytea} from bytes; {@code uuid};
     * {@code text[]} from a {@code String[]} or a collection. Null is SQL NULL.
     */
    public CopyWriter value(Object v) {
        if (written >= types.length) {
            throw new IllegalStateException(table + ": more values than the " + types.length + " columns");
        }
        String type = types[written];
        try {
            if (v == null) {
                out.writeInt(-1);
            } else {
                encode(type, v);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(table + "." + columns.get(written) + " (" + type + "): cannot send "
                    + v.getClass().getSimpleName() + " " + CsvRecords.excerpt(String.valueOf(v)), ex);
        }
        written++;
        return this;
    }

    private void encode(String type, Object v) throws IOException {
        switch (type) {
            case "smallint" -> {
                out.writeInt(2);
                out.writeShort(Math.toIntExact(integer(v)));
            }
            case "integer" -> {
                out.writeInt(4);
                out.writeInt(Math.toIntExact(integer(v)));
            }
            case "bigint" -> {
                out.writeInt(8);
                out.writeLong(integer(v));
            }
            case "double precision" -> {
                out.writeInt(8);
                out.writeDouble(v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString()));
            }
            case "real" -> {
                out.writeInt(4);
                out.writeFloat(v instanceof Number n ? n.floatValue() : Float.parseFloat(v.toString()));
            }
            case "numeric" -> numeric(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
            case "boolean" -> {
                out.writeInt(1);
                out.writeByte(v instanceof Boolean b ? (b ? 1 : 0) : (Boolean.parseBoolean(v.toString()) ? 1 : 0));
            }
            case "date" -> {
                LocalDate d = v instanceof LocalDate ld ? ld : LocalDate.parse(v.toString());
                out.writeInt(4);
                out.writeInt(Math.toIntExact(d.toEpochDay() - EPOCH_2000_DAYS));
            }
            case "timestamp with time zone" -> micros(instant(v));
            case "timestamp without time zone" -> micros((v instanceof LocalDateTime t ? t
                    : LocalDateTime.parse(v.toString())).toInstant(ZoneOffset.UTC));
            case "jsonb" -> {
                byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length + 1);
                out.writeByte(1); // jsonb's binary format version
                out.write(b);
            }
            case "bytea" -> {
                byte[] b = (byte[]) v;
                out.writeInt(b.length);
                out.write(b);
            }
            case "uuid" -> {
                UUID u = v instanceof UUID id ? id : UUID.fromString(v.toString());
                out.writeInt(16);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case "text[]", "character varying[]" -> textArray(v);
            default -> {
                if (type.endsWith("[]")) {
                    throw new IllegalArgumentException("arrays of " + type + " are not supported");
                }
                // text, varchar, char, json, enums and domains over text: their binary form is their text
                byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    private static long integer(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).longValueExact();
        }
        return Long.parseLong(v.toString().strip());
    }

    private Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof LocalDateTime t) {
            return t.atZone(sessionZone).toInstant();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return OffsetDateTime.parse(v.toString()).toInstant();
    }

    private void micros(Instant i) throws IOException {
        out.writeInt(8);
        out.writeLong(ChronoUnit.MICROS.between(EPOCH_2000, i));
    }

    private void textArray(Object v) throws IOException {
        List<String> items = new ArrayList<>();
        if (v instanceof Object[] array) {
            for (Object o : array) {
                items.add(o == null ? null : o.toString());
            }
        } else if (v instanceof Collection<?> c) {
            for (Object o : c) {
                items.add(o == null ? null : o.toString());
            }
        } else {
            throw new IllegalArgumentException("not an array");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(buf);
        boolean nulls = items.contains(null);
        if (items.isEmpty()) {
            a.writeInt(0);
            a.writeInt(0);
            a.writeInt(TEXT_OID);
        } else {
            a.writeInt(1);
            a.writeInt(nulls ? 1 : 0);
            a.writeInt(TEXT_OID);
            a.writeInt(items.size());
            a.writeInt(1);
            for (String s : items) {
                if (s == null) {
                    a.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    a.writeInt(b.length);
                    a.write(b);
                }
            }
        }
        out.writeInt(buf.size());
        out.write(buf.toByteArray());
    }

    /** numeric's binary form: base-10000 digits, a weight, a sign, a display scale. */
    private void numeric(BigDecimal d) throws IOException {
        int scale = Math.max(d.scale(), 0);
        BigInteger unscaled = d.setScale(scale).unscaledValue();
        boolean negative = unscaled.signum() < 0;
        String digits = unscaled.abs().toString();
        // pad so that the decimal point falls on a base-10000 boundary on both sides
        int fracPad = (4 - scale % 4) % 4;
        String all = digits + "0".repeat(fracPad);
        int intLen = all.length() - scale - fracPad;
        if (intLen < 0) {
            all = "0".repeat(-intLen) + all;
            intLen = 0;
        }
        int intPad = (4 - intLen % 4) % 4;
        all = "0".repeat(intPad) + all;
        intLen += intPad;
        List<Short> groups = new ArrayList<>();
        for (int i = 0; i < all.length(); i += 4) {
            groups.add(Short.parseShort(all.substring(i, i + 4)));
        }
        int weight = intLen / 4 - 1;
        while (!groups.isEmpty() && groups.get(0) == 0) {
            groups.remove(0);
            weight--;
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1) == 0) {
            groups.remove(groups.size() - 1);
        }
        if (groups.isEmpty()) {
            weight = 0;
        }
        out.writeInt(8 + 2 * groups.size());
        out.writeShort(groups.size());
        out.writeShort(weight);
        out.writeShort(negative ? 0x4000 : 0);
        out.writeShort(scale);
        for (short g : groups) {
            out.writeShort(g);
        }
    }

    /** Ends the row, checking that every column was written. */
    public void end() {
        if (written != types.length) {
            throw new IllegalStateException(table + ": a row of " + written + " values for " + types.length
                    + " columns");
        }
        rows++;
        if (out.size() >= FLUSH_AT) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /**
     * Hands the full buffer to the sender and goes on encoding into another, so that reading and checking the next
     * rows overlaps with the server taking these. The sender starts with the first full buffer: a copy of a few
     * rows never starts a thread.
     */
    private void flush() {
        if (sender == null) {
            sender = new Sender();
        }
        out.swap(sender.send(out.array(), out.size()));
    }

    /** Sends the rest with the trailer and ends the copy; returns the rows copied. */
    public long finish() {
        out.writeShort(-1);
        try {
            if (sender != null) {
                sender.send(out.array(), out.size());
                sender.drain();
            } else {
                copy.writeToCopy(out.array(), 0, out.size());
            }
            out.reset();
            return copy.endCopy();
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        }
    }

    /** A copy not finished (a bad row under the stop policy, a read error) is cancelled, never half-ended. */
    @Override
    public void close() {
        if (sender != null) {
            sender.stop();
        }
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is being rolled back; the first error is the one to report
            }
        }
    }

    /**
     * The one thread that writes full buffers to the server while the caller fills the next. {@link #BUFFERS} buffers
     * in turn: the caller waits only when the server is that many buffers behind.
     */
    private final class Sender {
        private record Chunk(byte[] bytes, int length) {
        }

        private static final Chunk END = new Chunk(new byte[0], 0);
        private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BUFFERS);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Throwable failure;
        private volatile boolean stopped;

        Sender() {
            for (int i = 1; i < BUFFERS; i++) {
                empty.add(new byte[FLUSH_AT + 4096]);
            }
            Thread thread = new Thread(this::run, "copy-" + table);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                for (Chunk c; (c = full.take()) != END; ) {
                    if (failure == null && !stopped) {
                        try {
                            copy.writeToCopy(c.bytes(), 0, c.length());
                        } catch (Throwable ex) {
                            failure = ex;
                        }
                    }
                    empty.put(c.bytes());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }

        /** Queues n bytes of the buffer for the server; returns a buffer to fill next. */
        byte[] send(byte[] b, int n) {
            check();
            try {
                full.put(new Chunk(b, n));
                return empty.take();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("copy into " + table + " interrupted", ex);
            }
        }

        /** Waits until everything queued has reached the server. */
        void drain() {
            end();
            check();
        }

        void stop() {
            stopped = true;
            end();
        }

        private void end() {
            if (done.getCount() == 0) {
                return;
            }
            try {
                full.put(END);
                done.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

        private void check() {
            Throwable f = failure;
            if (f != null) {
                throw new IllegalStateException("copy into " + table + ": " + f.getMessage(), f);
            }
        }
    }

    /** A growable byte buffer in COPY's big-endian binary form, without the locking of the java.io streams. */
    private static final class Buffer {
        private static final VarHandle SHORT =
                MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle INT =
                MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        private byte[] a;
        private int n;

        Buffer(int capacity) {
            a = new byte[capacity];
        }

        byte[] array() {
            return a;
        }

        int size() {
            return n;
        }

        void reset() {
            n = 0;
        }

        void swap(byte[] next) {
            a = next;
            n = 0;
        }

        private void room(int more) {
            if (n + more > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }

        void writeByte(int v) {
            room(1);
            a[n++] = (byte) v;
        }

        void writeShort(int v) {
            room(2);
            SHORT.set(a, n, (short) v);
            n += 2;
        }

        void writeInt(int v) {
            room(4);
            INT.set(a, n, v);
            n += 4;
        }

        void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        void writeFloat(float v) {
            writeInt(Float.floatToIntBits(v));
        }

        void writeLong(long v) {
            room(8);
            LONG.set(a, n, v);
            n += 8;
        }

        void write(byte[] b) {
            write(b, 0, b.length);
        }

        void write(byte[] b, int from, int length) {
            room(length);
            System.arraycopy(b, from, a, n, length);
            n += length;
        }

        /**
         * A text value: its UTF-8 length, then its bytes. For a string of ASCII (nearly every published value) the
         * JDK's encoder is a vectorised check and one array copy, far faster than a character at a time.
         */
        void writeText(String v) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            write(b);
        }
    }

    /**
     * Sends text already in COPY's CSV form (an empty unquoted field is NULL), with or without a header line, on
     * the connection's current transaction; returns the rows copied.
     */
    public static long csv(Connection c, String table, String columns, boolean header, InputStream in) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(csvSql(table, columns, header), in);
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException("copy into " + table, ex);
        }
    }

    /** A stream to write CSV text into, as {@link #csv}; {@code endCopy()} on it returns the rows copied. */
    public static PGCopyOutputStream csvOutput(Connection c, String table, String columns, boolean header) {
        try {
            return new PGCopyOutputStream(c.unwrap(PGConnection.class), csvSql(table, columns, header), 1 << 16);
        } catch (SQLException ex) {
            throw new IllegalStateException("copy into " + table + ": " + ex.getMessage(), ex);
        }
    }

    private static String csvSql(String table, String columns, boolean header) {
        return "copy " + table + " (" + columns + ") from stdin with (format csv" + (header ? ", header true" : "")
                + ")";
    }

    /** The columns' declared types, and the session's time zone, in one round trip. */
    private record Catalog(Map<String, String> types, ZoneId zone) {
    }

    private static Catalog catalog(Connection c, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        String zone = null;
        try (PreparedStatement s = c.prepareStatement("select a.attname, format_type(coalesce(nullif(t.typbasetype, 0),"
                + " a.atttypid), null), current_setting('TimeZone') from pg_attribute a join pg_type t"
                + " on t.oid = a.atttypid where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    types.put(r.getString(1), r.getString(2).toLowerCase(Locale.ROOT));
                    zone = r.getString(3);
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no table " + table);
        }
        return new Catalog(types, ZoneId.of(zone, ZoneId.SHORT_IDS));
    }
}
