package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.peel.common.BadInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * transaction: a bad row is reported with its file, line and field, and nothing from that file is saved. Rows in
 * LSOAs Peel does not hold (outside the force, or before the geography is imported) are counted and left out.
 */
public final class PoliceUkAsbImport {

    static final String ASB = "Anti-social behaviour";

    private final Jdbi jdbi;

    public PoliceUkAsbImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What an import did. */
    public record Result(long asbRows, long inserted, long alreadyHeld, long otherCrimeTypes, long outsideForce) {
    }

    private record Row(String id, LocalDate month, Double latitude, Double longitude, String location,
                       String lsoaCode) {
    }

    public Result importFile(String fileName, BufferedReader in) {
        List<Row> rows = new ArrayList<>();
        long other = 0;
        try {
            String header = in.readLine();
            if (header == null) {
                throw new BadInput(fileName, 1, null, "the file is empty");
            }
            List<String> names = split(header.replace("\uFEFF", ""), fileName, 1);
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                at.put(names.get(i).strip(), i);
            }
            for (String required : List.of("Month", "Longitude", "Latitude", "Location", "LSOA code", "Crime type")) {
                if (!at.containsKey(required)) {
                    throw new BadInput(fileName, 1, required, "the header has no such column; is this a police.uk street file?");
                }
            }
            String slug = fileName.replaceAll(".*/", "").replaceAll("\\.csv$", "");
            long line = 1;
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> f = split(text, fileName, line);
                if (!ASB.equals(field(f, at.get("Crime type")))) {
                    other++;
                    continue;
                }
                LocalDate month;
                try {
                    month = YearMonth.parse(field(f, at.get("Month"))).atDay(1);
                } catch (DateTimeParseException ex) {
                    throw new BadInput(fileName, line, "Month", "expected YYYY-MM, found '" + field(f, at.get("Month")) + "'");
                }
                Double lat = coordinate(field(f, at.get("Latitude")), -90, 90, fileName, line, "Latitude");
                Double lon = coordinate(field(f, at.get("Longitude")), -180, 180, fileName, line, "Longitude");
                String lsoa = field(f, at.get("LSOA code"));
                rows.add(new Row("PUK-" + slug + "-" + line, month, lat, lon, field(f, at.get("Location")),
                        lsoa.isEmpty() ? null : lsoa));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        long otherTypes = other;
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
            return new Result(rows.size(), inserted, queued - inserted, otherTypes, outside);
        });
    }

    private static String field(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i).strip() : "";
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

    /** Splits one CSV line, honouring double quotes (police.uk quotes fields that hold commas). */
    static List<String> split(String text, String file, long line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new BadInput(file, line, null, "a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }
}
