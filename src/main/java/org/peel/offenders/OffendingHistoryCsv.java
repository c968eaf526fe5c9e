package org.peel.offenders;

import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Offending histories as CSV, columns {@code offender_id,borough_code,offence_date,offence_group,disposal}: dates as
 * YYYY-MM-DD, offence groups by their Home Office names as the gravity table holds them. Every problem names the file,
 * the line and the field.
 */
public final class OffendingHistoryCsv {

    public static final List<String> COLUMNS = List.of("offender_id", "borough_code", "offence_date", "offence_group",
            "disposal");

    private OffendingHistoryCsv() {
    }

    public static List<Offence> read(Path file, GravityWeights gravity) {
        List<Offence> out = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            int[] col = new int[COLUMNS.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = csv.column(COLUMNS.get(i));
            }
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                String[] v = new String[col.length];
                for (int i = 0; i < col.length; i++) {
                    v[i] = col[i] < row.length ? row[col[i]].strip() : "";
                    if (v[i].isEmpty()) {
                        throw csv.bad(COLUMNS.get(i), "is empty");
                    }
                }
                LocalDate on;
                try {
                    on = LocalDate.parse(v[2]);
                } catch (DateTimeParseException ex) {
                    throw csv.bad("offence_date", "not a date as YYYY-MM-DD: " + CsvRecords.excerpt(v[2]));
                }
                if (gravity.of(v[3]).isEmpty()) {
                    throw csv.bad("offence_group", "not a Home Office offence group the gravity table '"
                            + gravity.name() + "' holds: " + CsvRecords.excerpt(v[3]));
                }
                out.add(new Offence(v[0], v[1], on, v[3], v[4]));
            }
        }
        return out;
    }
}
