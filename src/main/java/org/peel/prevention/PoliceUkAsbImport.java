package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the ASB rows of a police.uk street-level file into {@code asb_incident}. police.uk gives the month, a
 * point moved to a nearby "snap point", its description ("On or near …") and the LSOA, but no NSIR category,
 * sub-type or exact time; those are stored as not published. Each row's id is the file's name and line, so
 * importing the same file again adds nothing. The file is read whole before anything is written, and written in one
 * transaction: a bad row is reported with its file, line and field, and either nothing from that file is saved or
 * (when asked) the row is skipped and counted. Rows in LSOAs Peel does not hold (outside the force, or before the
 * geography is imported) are counted and left out.
 */
public final class PoliceUkAsbImport {

    static final String ASB = "Anti-social behaviour";

    private final Jdbi jdbi;

    public PoliceUkAsbImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What an import did: data rows read, of which ASB rows (good ones), and of those how many were added, were
     * already held, or lie in LSOAs Peel does not hold; rows of other crime types; bad rows skipped, with the first
     * few named by file, line and field.
     */
    public record Result(long rowsRead, long asbRows, long inserted, long alreadyHeld, long otherCrimeTypes,
                         long outsideForce, long badRows, List<String> badExamples) {
    }

    private record Row(String id, LocalDate month, Double latitude, Double longitude, String location,
                       String lsoaCode) {
    }

    private static final int EXAMPLES_KEPT = 20;

    /** Imports a file, refusing the whole of it at its first bad row. */
    public Result importFile(String fileName, InputStream in) {
        return importFile(fileName, in, false);
    }

    /**
     * Imports a file in one transaction. A bad row stops the import with nothing of the file saved, or with
     * {@code skipBadRows} is left out and reported while the rest is saved.
     */
    public Result importFile(String fileName, InputStream in, boolean skipBadRows) {
        return importFile(fileName, in, skipBadRows, (h, result) -> { });
    }

    /**
     * As {@link #importFile(String, InputStream, boolean)}, calling {@code inTransaction} with what was imported
     * inside the import's own transaction, before it commits: the caller writes its audit entry there, so the rows
     * and the entry are saved together or not at all.
     */
    public Result importFile(String fileName, InputStream in, boolean skipBadRows,
                             java.util.function.BiConsumer<org.jdbi.v3.core.Handle, Result> inTransaction) {
        List<Row> rows = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        long other = 0;
        long read = 0;
        long bad = 0;
        CsvRecords csv = new CsvRecords(in, fileName);
        int cMonth = csv.column("Month");
        int cLon = csv.column("Longitude");
        int cLat = csv.column("Latitude");
        int cLocation = csv.column("Location");
        int cLsoa = csv.column("LSOA code");
        int cType = csv.column("Crime type");
        String slug = fileName.replaceAll(".*/", "").replaceAll("(?i)\\.csv(\\.gz)?$", "");
        for (String[] f; (f = csv.next()) != null; ) {
            read++;
            long line = csv.line();
            try {
                if (!ASB.equals(field(f, cType))) {
                    other++;
                    continue;
                }
                LocalDate month;
                try {
                    month = YearMonth.parse(field(f, cMonth)).atDay(1);
                } catch (DateTimeParseException ex) {
                    throw new BadInput(fileName, line, "Month", "expected YYYY-MM, found '" + field(f, cMonth) + "'");
                }
                Double lat = coordinate(field(f, cLat), -90, 90, fileName, line, "Latitude");
                Double lon = coordinate(field(f, cLon), -180, 180, fileName, line, "Longitude");
                String lsoa = field(f, cLsoa);
                rows.add(new Row("PUK-" + slug + "-" + line, month, lat, lon, field(f, cLocation),
                        lsoa.isEmpty() ? null : lsoa));
            } catch (BadInput problem) {
                if (!skipBadRows) {
                    throw problem;
                }
                bad++;
                if (examples.size() < EXAMPLES_KEPT) {
                    examples.add(problem.getMessage());
                }
            }
        }
        long otherTypes = other;
        long rowsRead = read;
        long badRows = bad;
        return jdbi.inTransaction(h -> {
            Map<String, String[]> places = new HashMap<>();
            h.createQuery("select code, borough_code, ward_code from lsoa where borough_code is not null")
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> places.put(r[0], new String[]{r[1], r[2]}));
            PreparedBatch batch = h.prepareBatch("""
                    insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code, lsoa_code,
                        latitude, longitude, location_text)
                    values (:id, :at, 'not published', 'Not published', :borough, :ward, :lsoa, :lat, :lon, :location)
                    on conflict (id) do nothing""");
            long outside = 0;
            int queued = 0;
            for (Row r : rows) {
                String[] place = r.lsoaCode() == null ? null : places.get(r.lsoaCode());
                if (place == null) {
                    outside++;
                    continue;
                }
                batch.bind("id", r.id()).bind("at", r.month().atStartOfDay()).bind("borough", place[0])
                        .bind("ward", place[1]).bind("lsoa", r.lsoaCode()).bind("lat", r.latitude())
                        .bind("lon", r.longitude()).bind("location", r.location()).add();
                queued++;
            }
            long inserted = 0;
            if (queued > 0) {
                for (int n : batch.execute()) {
                    inserted += n;
                }
            }
            Result result = new Result(rowsRead, rows.size(), inserted, queued - inserted, otherTypes, outside,
                    badRows, List.copyOf(examples));
            inTransaction.accept(h, result);
            return result;
        });
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i].strip() : "";
    }

    private static Double coordinate(String text, double min, double max, String file, long line, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new BadInput(file, line, field, "expected a number between " + (int) min + " and " + (int) max
                + ", found '" + text + "'");
    }
}
