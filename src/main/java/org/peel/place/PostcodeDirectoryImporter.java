package org.peel.place;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a postcode directory published by ONS, the ONS Postcode Directory (ONSPD) or the National Statistics Postcode
 * Lookup (NSPL), into the place capability's postcode lookup. The file is read by its header, whatever the column
 * order or case: {@code pcds} (the postcode, one space before the inward code), {@code doterm} (year and month of
 * termination, empty while live), the ward ({@code osward} in the ONSPD, {@code ward} in the NSPL), the LSOA
 * ({@code lsoa21} and/or {@code lsoa11}) and, when present, {@code lat} and {@code long}.
 *
 * <p>Peel's wards are the 2015 wards its geography holds, and a directory carries the wards of its own year: a
 * postcode whose ward Peel holds takes it; else the ward of its LSOA (2011 LSOAs, whose codes the 2021 ones keep where
 * unchanged); else it is outside the force's geography (another force, Scotland, Northern Ireland, a later ward) and
 * is counted, not loaded. A terminated postcode is kept with the month it ended, so that an old address still finds
 * its ward. ONS writes 99.999999 for the latitude of a postcode without a grid reference: its position is left empty.
 *
 * <p>The whole file is loaded in one transaction: a bad row (named by file, line and field) leaves the lookup as it
 * was. Loading the same file again changes nothing; a newer directory changes only what it changes.
 */
public final class PostcodeDirectoryImporter {

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern WARD_OR_LSOA = Pattern.compile("[EWSN]\\d{8}");
    /** ONS's latitude for "no grid reference". */
    private static final double NO_GRID_LATITUDE = 99.999999;
    private static final int BATCH = 5_000;

    private final PlaceStore store;

    public PostcodeDirectoryImporter(PlaceStore store) {
        this.store = store;
    }

    /** What a load did: rows read, postcodes new, changed and unchanged, terminated ones held, rows left out and why. */
    public record Summary(String file, long rows, int inserted, int changed, int unchanged, int terminated,
                          Map<String, Long> skipped, long millis) {
    }

    public Summary importFrom(Path file) {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        return store.jdbi().inTransaction(h -> {
            Map<String, String> wards = new HashMap<>();
            h.createQuery("select code from ward").mapTo(String.class).forEach(w -> wards.put(w, w));
            Map<String, String> lsoaWard = new HashMap<>();
            h.createQuery("select code, ward_code from lsoa where ward_code is not null")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> lsoaWard.put(e.getKey(), e.getValue()));
            h.execute("""
                    create temporary table postcode_in (postcode text primary key, ward_code text not null,
                        lsoa_code text, terminated_on date, latitude double precision, longitude double precision)
                    on commit drop""");
            Map<String, Long> skipped = new LinkedHashMap<>();
            long rows = 0;
            try (CsvRecords csv = CsvRecords.open(file)) {
                Columns c = Columns.of(csv);
                PreparedBatch batch = batch(h);
                for (String[] r = csv.next(); r != null; r = csv.next()) {
                    rows++;
                    String text = c.get(r, c.postcode);
                    String postcode = PlaceStore.normalisePostcode(text);
                    if (postcode == null) {
                        throw csv.bad(c.name(c.postcode), text.isEmpty() ? "is empty"
                                : CsvRecords.excerpt(text) + " is not a UK postcode");
                    }
                    LocalDate terminated = terminated(csv, c, r);
                    String ward = code(csv, c, r, c.ward);
                    String lsoa21 = c.lsoa21 < 0 ? null : code(csv, c, r, c.lsoa21);
                    String lsoa11 = c.lsoa11 < 0 ? null : code(csv, c, r, c.lsoa11);
                    String lsoa = lsoa21 != null && lsoaWard.containsKey(lsoa21) ? lsoa21
                            : lsoa11 != null && lsoaWard.containsKey(lsoa11) ? lsoa11 : null;
                    String held = ward != null && wards.containsKey(ward) ? ward : lsoa == null ? null : lsoaWard.get(lsoa);
                    if (held == null) {
                        skipped.merge("outside the wards Peel holds", 1L, Long::sum);
                        continue;
                    }
                    Double lat = c.lat < 0 ? null : coordinate(csv, c, r, c.lat, 49.0, 61.0, true);
                    Double lon = c.lon < 0 || lat == null ? null : coordinate(csv, c, r, c.lon, -9.0, 2.5, false);
                    batch.bind("pc", postcode).bind("w", held).bind("l", lsoa).bind("t", terminated)
                            .bind("lat", lat).bind("lon", lat == null ? null : lon).add();
                    if (batch.size() >= BATCH) {
                        batch.execute();
                        batch = batch(h);
                    }
                }
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
            long distinct = h.createQuery("select count(*) from postcode_in").mapTo(Long.class).one();
            long kept = rows - skipped.values().stream().mapToLong(Long::longValue).sum();
            if (kept > distinct) {
                skipped.put("repeated postcode (the first row kept)", kept - distinct);
            }
            int changed = h.createUpdate("""
                            update place_postcode p set ward_code = i.ward_code, lsoa_code = i.lsoa_code,
                                terminated_on = i.terminated_on, latitude = i.latitude, longitude = i.longitude,
                                source = :source
                            from postcode_in i
                            where p.postcode = i.postcode
                              and (p.ward_code, p.lsoa_code, p.terminated_on, p.latitude, p.longitude)
                                  is distinct from (i.ward_code, i.lsoa_code, i.terminated_on, i.latitude, i.longitude)""")
                    .bind("source", name).execute();
            int inserted = h.createUpdate("""
                            insert into place_postcode (postcode, ward_code, lsoa_code, source, terminated_on, latitude,
                                longitude)
                            select postcode, ward_code, lsoa_code, :source, terminated_on, latitude, longitude
                            from postcode_in on conflict (postcode) do nothing""")
                    .bind("source", name).execute();
            int terminated = h.createQuery("select count(*) from postcode_in where terminated_on is not null")
                    .mapTo(Integer.class).one();
            return new Summary(name, rows, inserted, changed, (int) distinct - inserted - changed, terminated, skipped,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    private static PreparedBatch batch(Handle h) {
        return h.prepareBatch("""
                insert into postcode_in (postcode, ward_code, lsoa_code, terminated_on, latitude, longitude)
                values (:pc, :w, :l, :t, :lat, :lon) on conflict (postcode) do nothing""");
    }

    /** doterm: empty while the postcode is live; else the year and month it was terminated, as YYYYMM. */
    private static LocalDate terminated(CsvRecords csv, Columns c, String[] r) {
        if (c.terminated < 0) {
            return null;
        }
        String v = c.get(r, c.terminated);
        if (v.isEmpty()) {
            return null;
        }
        var m = YEAR_MONTH.matcher(v);
        int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (month < 1 || month > 12) {
            throw csv.bad(c.name(c.terminated), CsvRecords.excerpt(v) + " is not a year and month as YYYYMM");
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
    }

    /** A ward or LSOA code, or null when empty or ONS's pseudo-code for "none" (a code ending 99999999). */
    private static String code(CsvRecords csv, Columns c, String[] r, int column) {
        String v = c.get(r, column);
        if (v.isEmpty() || v.endsWith("99999999")) {
            return null;
        }
        if (!WARD_OR_LSOA.matcher(v).matches()) {
            throw csv.bad(c.name(column), CsvRecords.excerpt(v) + " is not a GSS code (a letter and eight digits)");
        }
        return v;
    }

    private static Double coordinate(CsvRecords csv, Columns c, String[] r, int column, double min, double max,
                                     boolean latitude) {
        String v = c.get(r, column);
        if (v.isEmpty()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            throw csv.bad(c.name(column), CsvRecords.excerpt(v) + " is not a number");
        }
        if (latitude && d == NO_GRID_LATITUDE) {
            return null;
        }
        if (!(d >= min && d <= max)) {
            throw csv.bad(c.name(column), v + " is outside " + min + " to " + max);
        }
        return d;
    }

    /** Where each field is, found by its header name in any case; -1 when the file has no such column. */
    private record Columns(List<String> header, int postcode, int terminated, int ward, int lsoa21, int lsoa11,
                           int lat, int lon) {

        static Columns of(CsvRecords csv) {
            Map<String, Integer> byName = new HashMap<>();
            List<String> header = csv.header();
            for (int i = 0; i < header.size(); i++) {
                byName.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            int postcode = byName.getOrDefault("pcds", -1);
            if (postcode < 0) {
                throw new BadInput(csv.source(), 1, "pcds", "column missing from the header " + header);
            }
            int ward = byName.getOrDefault("osward", byName.getOrDefault("ward", -1));
            if (ward < 0) {
                throw new BadInput(csv.source(), 1, "osward", "column missing from the header (osward in the ONSPD,"
                        + " ward in the NSPL) " + header);
            }
            int terminated = byName.getOrDefault("doterm", -1);
            if (terminated < 0) {
                throw new BadInput(csv.source(), 1, "doterm", "column missing from the header " + header);
            }
            return new Columns(header, postcode, terminated, ward, byName.getOrDefault("lsoa21", -1),
                    byName.getOrDefault("lsoa11", -1), byName.getOrDefault("lat", -1), byName.getOrDefault("long", -1));
        }

        String get(String[] r, int column) {
            return column < r.length ? r[column].strip() : "";
        }

        String name(int column) {
            return header.get(column);
        }
    }
}
