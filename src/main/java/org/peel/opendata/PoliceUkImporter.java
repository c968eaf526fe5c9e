package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.common.CopyWriter;
import org.peel.common.CsvBytes;
import org.peel.common.CsvRecords;

import org.jdbi.v3.core.Handle;
import org.peel.common.BadInput;
import org.peel.place.AreaIndex;
import org.peel.place.PlaceMatch;
import org.peel.place.PlaceStore;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * data.police.uk monthly files: street-level crime and ASB ({@code *-street.csv}) and outcomes
 * ({@code *-outcomes.csv}), plain, gzipped, in folders or zips. Each row is placed in its LSOA, ward and borough:
 * by its LSOA code where it has one, else by its point (the area index), else not at all, and counts then only for
 * its force. Stop-and-search files beside them are not crime and are passed over.
 */
public final class PoliceUkImporter {

    public static final String SOURCE = "police-uk";

    /** A point matched only to a centroid further than this is not placed: it lies outside England and Wales. */
    static final double FURTHEST_CENTROID_METRES = 10_000;

    private static final String STREET = "-street.csv";
    private static final String OUTCOMES = "-outcomes.csv";

    private final OpenDataStore store;
    private final Map<String, String[]> parents;
    private final ForceNames forces;
    private final Map<String, Optional<ForceNames.Force>> forceCache = new HashMap<>();
    /** Each LSOA code's place, decided once: most rows are placed by a code that many rows share. */
    private final Map<String, Placed> byLsoa = new HashMap<>();
    /**
     * The area index and its reach, for rows with a point and no LSOA code: built on a thread of its own beside the
     * first files, which it does not hold up until a row needs it (null when Peel holds no places).
     */
    private CompletableFuture<Areas> areas;
    /** The columns each COPY writes, their types looked up once for the whole run rather than once a file. */
    private CopyWriter.Columns crimeColumns;
    private CopyWriter.Columns outcomeColumns;
    private CopyWriter.Columns monthColumns;

    public PoliceUkImporter(OpenDataStore store) {
        this.store = store;
        this.parents = store.lsoaParents();
        this.forces = store.forceNames();
    }

    /** Whether a file name is one this importer reads. */
    public static boolean wanted(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(STREET) || n.endsWith(OUTCOMES);
    }

    /** Loads one file, in its own transaction; see {@link #importFiles}. */
    public OpenDataStore.FileResult importFile(SourceFile file, BadRows bad, Progress progress) {
        return importFiles(List.of(file), f -> bad, progress).get(0);
    }

    /**
     * Loads the files in order, each in its own transaction (all of it or nothing, skipped when already loaded,
     * replaced when changed), with a file's end overlapping the next file's start (see
     * {@link OpenDataStore#loadAll}). Under the stop policy the first bad row throws, naming its file, line and field,
     * and every file before it stays loaded.
     */
    public List<OpenDataStore.FileResult> importFiles(List<SourceFile> files, Function<SourceFile, BadRows> bad,
                                                      Progress progress) {
        if (areas == null && !parents.isEmpty() && !files.isEmpty()) {
            areas = Areas.building(store);
        }
        // read once: the checksum is taken as the rows are read, and the rows go to the server while the next are read
        return store.loadAll(SOURCE, files, bad, progress::bytes, (h, fileId, file, text, rejected) -> {
            progress.file(file.name());
            boolean street = file.name().toLowerCase(Locale.ROOT).endsWith(STREET);
            try (CsvBytes csv = new CsvBytes(text, file.name())) {
                return street ? street(h, fileId, csv, rejected, progress) : outcomes(h, fileId, csv, rejected,
                        progress);
            }
        });
    }

    private CopyWriter.Columns crimeColumns(Handle h) {
        if (crimeColumns == null) {
            crimeColumns = CopyWriter.columns(h, "opendata_police_uk_crime", "file_id, line, crime_id, month,"
                    + " force_code, longitude, latitude, lsoa_code, ward_code, borough_code, place_method, crime_type,"
                    + " last_outcome");
        }
        return crimeColumns;
    }

    private CopyWriter.Columns outcomeColumns(Handle h) {
        if (outcomeColumns == null) {
            outcomeColumns = CopyWriter.columns(h, "opendata_police_uk_outcome",
                    "file_id, line, crime_id, month, force_code, lsoa_code, outcome_type");
        }
        return outcomeColumns;
    }

    /** Looked up on the reading thread, so that the ending thread only reads the field. */
    private CopyWriter.Columns monthColumns(Handle h) {
        if (monthColumns == null) {
            monthColumns = CopyWriter.columns(h, "opendata_police_uk_month",
                    "file_id, force_code, month, kind, rows, unlocated");
        }
        return monthColumns;
    }

    /**
     * A file's rows read and sent: its end waits for the server to take the last of them, keeps the pages a street
     * file's rows went onto, from {@code fromPage} on (-1 for an outcomes file, whose table keeps its index), then
     * writes its counts by force and month.
     */
    private static OpenDataStore.Ending ending(Handle h, long fileId, CopyWriter copy, Months months,
                                               CopyWriter.Columns monthColumns, String kind, long fromPage,
                                               OpenDataStore.Loaded loaded) {
        return new OpenDataStore.Ending() {
            @Override
            public OpenDataStore.Loaded finish() {
                try (copy) {
                    copy.finish();
                }
                if (fromPage >= 0) {
                    OpenDataStore.keepPages(h, fileId, fromPage);
                }
                months.write(h, monthColumns, fileId, kind);
                return loaded;
            }

            @Override
            public void abandon() {
                copy.close();
            }
        };
    }

    /** Counts per force and month, for the coverage table. */
    private static final class Months {
        final Map<String, long[]> counts = new TreeMap<>();
        // a file is one force and one month row after row: its counts are found again only when either changes
        private String lastForce;
        private YearMonth lastMonth;
        private long[] last;

        void add(String force, YearMonth month, boolean located) {
            if (!force.equals(lastForce) || !month.equals(lastMonth)) {
                last = counts.computeIfAbsent(force + "|" + month, k -> new long[2]);
                lastForce = force;
                lastMonth = month;
            }
            long[] c = last;
            c[0]++;
            if (!located) {
                c[1]++;
            }
        }

        void write(Handle h, CopyWriter.Columns columns, long fileId, String kind) {
            try (CopyWriter copy = CopyWriter.open(h, columns)) {
                counts.forEach((key, c) -> {
                    String[] k = key.split("\\|");
                    copy.row(fileId, k[0], YearMonth.parse(k[1]).atDay(1), kind, c[0], c[1]);
                });
                copy.finish();
            }
        }
    }

    private OpenDataStore.Ending street(Handle h, long fileId, CsvBytes csv, BadRows bad, Progress progress) {
        CopyWriter.Columns monthColumns = monthColumns(h);
        long fromPage = OpenDataStore.firstCrimePage(h);
        StreetRows rows = new StreetRows(h, fileId, csv);
        rows.readAll(bad, progress);
        return ending(h, fileId, rows.copy, rows.months, monthColumns, "street", fromPage,
                new OpenDataStore.Loaded(rows.rows, notes(rows.unmatched, rows.byPoint, rows.unknownLsoa)));
    }

    private OpenDataStore.Ending outcomes(Handle h, long fileId, CsvBytes csv, BadRows bad, Progress progress) {
        CopyWriter.Columns monthColumns = monthColumns(h);
        OutcomeRows rows = new OutcomeRows(h, fileId, csv);
        rows.readAll(bad, progress);
        return ending(h, fileId, rows.copy, rows.months, monthColumns, "outcomes", -1,
                new OpenDataStore.Loaded(rows.rows, notes(rows.unmatched, 0, 0)));
    }

    /**
     * A file's rows, one at a time: each checked (a problem thrown before anything of the row is sent), sent to the
     * file's COPY, and counted by force and month. A row is read by a method of its own, apart from the loop over
     * the file, so that the compiler makes it fast once and early.
     */
    private abstract sealed class FileRows permits StreetRows, OutcomeRows {
        final long fileId;
        final CsvBytes csv;
        /** Opened by the subclass once it has found its columns, so that a missing one leaves no COPY begun. */
        CopyWriter copy;
        final Months months = new Months();
        final MonthReader monthOf = new MonthReader();
        final ForceReader forceOf = new ForceReader();
        final Map<String, Long> unmatched = new TreeMap<>();
        long rows;

        FileRows(long fileId, CsvBytes csv) {
            this.fileId = fileId;
            this.csv = csv;
        }

        /** The current record. */
        abstract void read();

        /** Every record of the file; a bad one goes to {@code bad}, which under the stop policy throws it on. */
        void readAll(BadRows bad, Progress progress) {
            try {
                while (csv.next()) {
                    try {
                        read();
                        progress.rows(1);
                    } catch (BadInput problem) {
                        bad.reject(problem);
                    }
                }
            } catch (RuntimeException | Error ex) {
                copy.close();
                throw ex;
            }
        }
    }

    /** A street file's rows: crimes and ASB, each placed in its LSOA, ward and borough. */
    private final class StreetRows extends FileRows {
        final int cId;
        final int cMonth;
        final int cBy;
        final int cLon;
        final int cLat;
        final int cLsoa;
        final int cType;
        final int cOutcome;
        long byPoint;
        long unknownLsoa;

        StreetRows(Handle h, long fileId, CsvBytes csv) {
            super(fileId, csv);
            cId = csv.column("Crime ID");
            cMonth = csv.column("Month");
            cBy = csv.column("Reported by");
            cLon = csv.column("Longitude");
            cLat = csv.column("Latitude");
            cLsoa = csv.column("LSOA code");
            cType = csv.column("Crime type");
            cOutcome = csv.column("Last outcome category");
            copy = CopyWriter.open(h, crimeColumns(h));
        }

        @Override
        void read() {
            YearMonth month = monthOf.read(csv, cMonth);
            if (csv.isEmpty(cType)) {
                throw csv.bad("Crime type", "is empty");
            }
            double lon = coordinate(csv, cLon, "Longitude", -180, 180);
            double lat = coordinate(csv, cLat, "Latitude", -90, 90);
            String force = forceOf.read(csv, cBy, unmatched);
            Placed p = place(csv, cLsoa, lat, lon);
            if (p.byPoint()) {
                byPoint++;
            } else if (p.unknownLsoa()) {
                unknownLsoa++;
            }
            copy.row().int8(fileId).int4(csv.line());
            if (csv.isEmpty(cId)) {
                copy.nullValue();
            } else {
                text(copy, csv, cId);
            }
            copy.epochDay(monthOf.firstDay()).text(forceOf.code());
            float8(copy, lon);
            float8(copy, lat);
            copy.text(p.lsoa()).text(p.ward()).text(p.borough()).text(p.method());
            text(copy, csv, cType);
            text(copy, csv, cOutcome);
            copy.end();
            if (force != null) {
                months.add(force, month, p.lsoa() != null);
            }
            rows++;
        }
    }

    /** An outcomes file's rows: every outcome given to a crime, named by the crime's id. */
    private final class OutcomeRows extends FileRows {
        final int cId;
        final int cMonth;
        final int cBy;
        final int cLsoa;
        final int cOutcome;

        OutcomeRows(Handle h, long fileId, CsvBytes csv) {
            super(fileId, csv);
            cId = csv.column("Crime ID");
            cMonth = csv.column("Month");
            cBy = csv.column("Reported by");
            cLsoa = csv.column("LSOA code");
            cOutcome = csv.column("Outcome type");
            copy = CopyWriter.open(h, outcomeColumns(h));
        }

        @Override
        void read() {
            if (csv.isEmpty(cId)) {
                throw csv.bad("Crime ID", "is empty: an outcome must name its crime");
            }
            YearMonth month = monthOf.read(csv, cMonth);
            if (csv.isEmpty(cOutcome)) {
                throw csv.bad("Outcome type", "is empty");
            }
            String force = forceOf.read(csv, cBy, unmatched);
            boolean located = !csv.isEmpty(cLsoa);
            copy.row().int8(fileId).int4(csv.line());
            text(copy, csv, cId);
            copy.epochDay(monthOf.firstDay()).text(forceOf.code());
            if (located) {
                text(copy, csv, cLsoa);
            } else {
                copy.nullValue();
            }
            text(copy, csv, cOutcome);
            copy.end();
            if (force != null) {
                months.add(force, month, located);
            }
            rows++;
        }
    }

    /** A field's bytes, as the file has them, to a text column. */
    private static void text(CopyWriter copy, CsvBytes csv, int i) {
        copy.text(csv.array(), csv.start(i), csv.end(i));
    }

    /** A coordinate, NaN when the row has none. */
    private static void float8(CopyWriter copy, double v) {
        if (Double.isNaN(v)) {
            copy.nullValue();
        } else {
            copy.float8(v);
        }
    }

    private List<String> notes(Map<String, Long> unmatched, long byPoint, long unknownLsoa) {
        List<String> notes = new ArrayList<>();
        unmatched.forEach((n, c) -> notes.add("no force matches '" + n + "' (" + c + " rows kept without a force)"));
        if (byPoint > 0) {
            notes.add(byPoint + " rows without an LSOA code placed by their point");
        }
        if (unknownLsoa > 0) {
            notes.add(unknownLsoa + " rows name an LSOA Peel does not hold"
                    + (parents.isEmpty() ? " (run 'peel import geography' to place rows in wards and boroughs)" : ""));
        }
        return notes;
    }

    /**
     * Reads the Reported by field of row after row: a file is one force's, so the name is looked up again only when
     * it differs from the row before.
     */
    private final class ForceReader {
        private byte[] name;
        private String text;
        private String code;
        private byte[] codeBytes;

        /** The force's code, or null (the name counted as unmatched) when no force has the name. */
        String read(CsvBytes csv, int i, Map<String, Long> unmatched) {
            if (!csv.is(i, name)) {
                text = csv.text(i);
                name = csv.bytes(i);
                code = forceCache.computeIfAbsent(text, forces::byName).map(ForceNames.Force::code).orElse(null);
                codeBytes = code == null ? null : code.getBytes(StandardCharsets.UTF_8);
            }
            if (code == null) {
                unmatched.merge(text, 1L, Long::sum);
            }
            return code;
        }

        /** The code last read, as the text column takes it. */
        byte[] code() {
            return codeBytes;
        }
    }

    /** The LSOAs' boundaries and centroids, indexed, and where a point could be placed at all. */
    private record Areas(AreaIndex index, PointReach reach) {

        /** Starts building them; the place tables are read on a handle of their own. */
        static CompletableFuture<Areas> building(OpenDataStore store) {
            CompletableFuture<Areas> built = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    var all = new PlaceStore(store.jdbi()).lsoaAreas();
                    built.complete(new Areas(AreaIndex.of(all), new PointReach(all)));
                } catch (Throwable ex) {
                    built.completeExceptionally(ex);
                }
            }, "area-index");
            t.setDaemon(true);
            t.start();
            return built;
        }

        /** Waits for them, the first time a row needs them; a failure to build them is thrown as it was. */
        static Areas of(CompletableFuture<Areas> areas) {
            try {
                return areas.join();
            } catch (CompletionException ex) {
                if (ex.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (ex.getCause() instanceof Error e) {
                    throw e;
                }
                throw ex;
            }
        }
    }

    /**
     * Where a row is: LSOA, ward, borough, and how it was decided (all null when it could not be placed), each as the
     * text column takes it.
     */
    private record Placed(byte[] lsoa, byte[] ward, byte[] borough, byte[] method, boolean byPoint,
                          boolean unknownLsoa) {

        static Placed of(String lsoa, String ward, String borough, String method) {
            return new Placed(utf8(lsoa), utf8(ward), utf8(borough), utf8(method), method.startsWith("point"),
                    method.equals("lsoa-unknown"));
        }

        private static byte[] utf8(String v) {
            return v == null ? null : v.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final Placed UNPLACED = new Placed(null, null, null, null, false, false);

    /** The LSOA code of the row before, and its place: a file's rows come LSOA by LSOA. */
    private byte[] lastLsoa;
    private Placed lastPlaced;

    private Placed place(CsvBytes csv, int cLsoa, double lat, double lon) {
        if (!csv.isEmpty(cLsoa)) {
            if (!csv.is(cLsoa, lastLsoa)) {
                lastPlaced = byLsoa.computeIfAbsent(csv.text(cLsoa), code -> {
                    String[] p = parents.get(code);
                    return p == null ? Placed.of(code, null, null, "lsoa-unknown") : Placed.of(code, p[0], p[1], "lsoa");
                });
                lastLsoa = csv.bytes(cLsoa);
            }
            return lastPlaced;
        }
        return placeByPoint(lat, lon);
    }

    /** A row without an LSOA code, placed by its point if it has one (rare: a method of its own). */
    private Placed placeByPoint(double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon) || areas == null) {
            return UNPLACED;
        }
        Areas a = Areas.of(areas);
        if (!a.reach().mayPlace(lat, lon)) {
            return UNPLACED;
        }
        Optional<PlaceMatch> m = a.index().locate(lat, lon);
        if (m.isEmpty() || (m.get().method() == PlaceMatch.Method.NEAREST_CENTROID
                && m.get().distanceMetres() > FURTHEST_CENTROID_METRES)) {
            return UNPLACED;
        }
        PlaceMatch pm = m.get();
        return Placed.of(pm.lsoaCode(), pm.wardCode(), pm.boroughCode(),
                "point-" + pm.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * Reads the Month field of row after row: a file is nearly always one month, so the text is parsed again only
     * when it differs from the row before (and checked exactly as {@link #month} checks it).
     */
    static final class MonthReader {
        private byte[] text;
        private YearMonth month;
        private long firstDay;

        YearMonth read(CsvBytes csv, int i) {
            if (!csv.is(i, text)) {
                month = month(csv.text(i), csv.source(), csv.line());
                firstDay = month.atDay(1).toEpochDay();
                text = csv.bytes(i);
            }
            return month;
        }

        /** The first day of the month last read, as a day number. */
        long firstDay() {
            return firstDay;
        }
    }

    static YearMonth month(String v, String file, long line) {
        try {
            return YearMonth.parse(v);
        } catch (DateTimeException ex) {
            throw new BadInput(file, line, "Month", CsvRecords.excerpt(v) + " is not a month YYYY-MM");
        }
    }

    /** A coordinate in range, or NaN when the field is empty. */
    private static double coordinate(CsvBytes csv, int i, String field, double min, double max) {
        if (csv.isEmpty(i)) {
            return Double.NaN;
        }
        try {
            double d = decimal(csv.array(), csv.start(i), csv.end(i));
            if (!(d >= min && d <= max)) {
                throw csv.bad(field, csv.text(i) + " is outside " + min + " to " + max);
            }
            return d;
        } catch (NumberFormatException ex) {
            throw csv.bad(field, CsvRecords.excerpt(csv.text(i)) + " is not a number");
        }
    }

    /** 10⁰ … 10²², every one exactly a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * A number's text as {@link Double#parseDouble} reads it, and as fast as two coordinates a row need. Published
     * coordinates are plain decimals of a few digits ({@code -0.968272}): for those, the digits as a whole number
     * (below 10¹⁵, so exact) divided by a power of ten (exact up to 10²²) is the correctly rounded value, as IEEE
     * division rounds correctly, so it is the double {@code parseDouble} gives. Anything else (an exponent, more
     * digits, not a number at all) is read by {@code parseDouble} itself, which throws for what is not a number.
     */
    static double decimal(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        return decimal(b, 0, b.length);
    }

    /** As {@link #decimal(String)}, the text as its UTF-8 bytes {@code b[from, to)}. */
    static double decimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (++count > 15) {
                    return parsed(b, from, to);
                }
                digits = digits * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return parsed(b, from, to);
            }
        }
        if (count == 0) {
            return parsed(b, from, to);
        }
        double d = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
        return negative ? -d : d;
    }

    private static double parsed(byte[] b, int from, int to) {
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.UTF_8));
    }
}
