package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.common.CopyWriter;
import org.peel.common.CsvRecords;

import org.jdbi.v3.core.Handle;
import org.peel.common.BadInput;
import org.peel.place.AreaIndex;
import org.peel.place.PlaceMatch;
import org.peel.place.PlaceStore;

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
    private String lastReportedBy;
    private Optional<ForceNames.Force> lastForce;
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
            try (CsvRecords csv = new CsvRecords(text, file.name())) {
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
     * A file's rows read and sent: its end waits for the server to take the last of them, then writes its counts by
     * force and month.
     */
    private static OpenDataStore.Ending ending(Handle h, long fileId, CopyWriter copy, Months months,
                                               CopyWriter.Columns monthColumns, String kind,
                                               OpenDataStore.Loaded loaded) {
        return new OpenDataStore.Ending() {
            @Override
            public OpenDataStore.Loaded finish() {
                try (copy) {
                    copy.finish();
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

    private OpenDataStore.Ending street(Handle h, long fileId, CsvRecords csv, BadRows bad, Progress progress) {
        int cId = csv.column("Crime ID");
        int cMonth = csv.column("Month");
        int cBy = csv.column("Reported by");
        int cLon = csv.column("Longitude");
        int cLat = csv.column("Latitude");
        int cLsoa = csv.column("LSOA code");
        int cType = csv.column("Crime type");
        int cOutcome = csv.column("Last outcome category");
        Months months = new Months();
        MonthReader monthOf = new MonthReader();
        Map<String, Long> unmatched = new TreeMap<>();
        long rows = 0;
        long byPoint = 0;
        long unknownLsoa = 0;
        CopyWriter.Columns monthColumns = monthColumns(h);
        CopyWriter copy = CopyWriter.open(h, crimeColumns(h));
        try {
            for (String[] r; (r = csv.next()) != null; ) {
                long line = csv.line();
                try {
                    YearMonth month = monthOf.read(get(r, cMonth), csv.source(), line);
                    String type = get(r, cType);
                    if (type.isEmpty()) {
                        throw new BadInput(csv.source(), line, "Crime type", "is empty");
                    }
                    Double lon = coordinate(get(r, cLon), "Longitude", -180, 180, csv.source(), line);
                    Double lat = coordinate(get(r, cLat), "Latitude", -90, 90, csv.source(), line);
                    String force = force(get(r, cBy), unmatched);
                    Placed p = place(get(r, cLsoa), lat, lon);
                    if (p.method != null && p.method.startsWith("point")) {
                        byPoint++;
                    } else if ("lsoa-unknown".equals(p.method)) {
                        unknownLsoa++;
                    }
                    String id = get(r, cId);
                    copy.row().int8(fileId).int4(line).text(id.isEmpty() ? null : id).epochDay(monthOf.firstDay())
                            .text(force).float8(lon).float8(lat).text(p.lsoa).text(p.ward).text(p.borough)
                            .text(p.method).text(type).text(get(r, cOutcome)).end();
                    if (force != null) {
                        months.add(force, month, p.lsoa != null);
                    }
                    rows++;
                    progress.rows(1);
                } catch (BadInput problem) {
                    bad.reject(problem);
                }
            }
        } catch (RuntimeException | Error ex) {
            copy.close();
            throw ex;
        }
        return ending(h, fileId, copy, months, monthColumns, "street",
                new OpenDataStore.Loaded(rows, notes(unmatched, byPoint, unknownLsoa)));
    }

    private OpenDataStore.Ending outcomes(Handle h, long fileId, CsvRecords csv, BadRows bad, Progress progress) {
        int cId = csv.column("Crime ID");
        int cMonth = csv.column("Month");
        int cBy = csv.column("Reported by");
        int cLsoa = csv.column("LSOA code");
        int cOutcome = csv.column("Outcome type");
        Months months = new Months();
        MonthReader monthOf = new MonthReader();
        Map<String, Long> unmatched = new TreeMap<>();
        long rows = 0;
        CopyWriter.Columns monthColumns = monthColumns(h);
        CopyWriter copy = CopyWriter.open(h, outcomeColumns(h));
        try {
            for (String[] r; (r = csv.next()) != null; ) {
                long line = csv.line();
                try {
                    String id = get(r, cId);
                    if (id.isEmpty()) {
                        throw new BadInput(csv.source(), line, "Crime ID", "is empty: an outcome must name its crime");
                    }
                    YearMonth month = monthOf.read(get(r, cMonth), csv.source(), line);
                    String outcome = get(r, cOutcome);
                    if (outcome.isEmpty()) {
                        throw new BadInput(csv.source(), line, "Outcome type", "is empty");
                    }
                    String force = force(get(r, cBy), unmatched);
                    String lsoa = get(r, cLsoa);
                    copy.row().int8(fileId).int4(line).text(id).epochDay(monthOf.firstDay()).text(force)
                            .text(lsoa.isEmpty() ? null : lsoa).text(outcome).end();
                    if (force != null) {
                        months.add(force, month, !lsoa.isEmpty());
                    }
                    rows++;
                    progress.rows(1);
                } catch (BadInput problem) {
                    bad.reject(problem);
                }
            }
        } catch (RuntimeException | Error ex) {
            copy.close();
            throw ex;
        }
        return ending(h, fileId, copy, months, monthColumns, "outcomes",
                new OpenDataStore.Loaded(rows, notes(unmatched, 0, 0)));
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

    private String force(String reportedBy, Map<String, Long> unmatched) {
        Optional<ForceNames.Force> f;
        if (reportedBy.equals(lastReportedBy)) {
            f = lastForce; // a file is one force's, row after row
        } else {
            f = forceCache.computeIfAbsent(reportedBy, forces::byName);
            lastReportedBy = reportedBy;
            lastForce = f;
        }
        if (f.isEmpty()) {
            unmatched.merge(reportedBy, 1L, Long::sum);
            return null;
        }
        return f.get().code();
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

    /** Where a row is: LSOA, ward, borough, and how it was decided (null when it could not be placed). */
    private record Placed(String lsoa, String ward, String borough, String method) {
    }

    private static final Placed UNPLACED = new Placed(null, null, null, null);

    private Placed place(String lsoaCode, Double lat, Double lon) {
        if (!lsoaCode.isEmpty()) {
            return byLsoa.computeIfAbsent(lsoaCode, code -> {
                String[] p = parents.get(code);
                return p == null ? new Placed(code, null, null, "lsoa-unknown") : new Placed(code, p[0], p[1], "lsoa");
            });
        }
        if (lat == null || lon == null || areas == null) {
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
        return new Placed(pm.lsoaCode(), pm.wardCode(), pm.boroughCode(),
                "point-" + pm.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * Reads the Month field of row after row: a file is nearly always one month, so the text is parsed again only
     * when it differs from the row before (and checked exactly as {@link #month} checks it).
     */
    static final class MonthReader {
        private String text;
        private YearMonth month;
        private long firstDay;

        YearMonth read(String v, String file, long line) {
            if (!v.equals(text)) {
                month = month(v, file, line);
                firstDay = month.atDay(1).toEpochDay();
                text = v;
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

    private static Double coordinate(String v, String field, double min, double max, String file, long line) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = decimal(v);
            if (!(d >= min && d <= max)) {
                throw new BadInput(file, line, field, v + " is outside " + min + " to " + max);
            }
            return d;
        } catch (NumberFormatException ex) {
            throw new BadInput(file, line, field, CsvRecords.excerpt(v) + " is not a number");
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
        int n = v.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
            negative = v.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > 15) {
                    return Double.parseDouble(v);
                }
                digits = digits * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.parseDouble(v);
            }
        }
        if (count == 0) {
            return Double.parseDouble(v);
        }
        double d = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
        return negative ? -d : d;
    }

    private static String get(String[] r, int i) {
        return i < r.length ? r[i].strip() : "";
    }
}
