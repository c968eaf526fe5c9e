package org.peel.investigation;

import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a duty rota from CSV with the header {@code investigator_id,date,shift_start,shift_end} (dates as
 * YYYY-MM-DD, times as HH:MM). Every row is checked before anything is written, and the first bad one is refused
 * naming the file, line and field; then all rows are written in one transaction. Loading the same file again
 * changes nothing; a later file replaces an investigator's shift on the days it covers.
 */
public final class DutyRotaImport {

    private final InvestigatorStore store;
    private final Clock clock;

    public DutyRotaImport(InvestigatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Rows read, and how many added or changed a shift. */
    public record Summary(long rows, long changed) {
    }

    private record Row(long line, String investigatorId, DutyRota.Shift shift) {
    }

    public Summary importFrom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return importFrom(in, file.getFileName().toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

    public Summary importFrom(InputStream in, String source) {
        CsvRecords csv = new CsvRecords(in, source);
        int inv = csv.column("investigator_id");
        int date = csv.column("date");
        int start = csv.column("shift_start");
        int end = csv.column("shift_end");
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (String[] r = csv.next(); r != null; r = csv.next()) {
            long line = csv.line();
            String id = field(r, inv);
            if (id.isEmpty()) {
                throw new BadInput(source, line, "investigator_id", "the investigator id is missing");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(field(r, date));
            } catch (DateTimeParseException ex) {
                throw new BadInput(source, line, "date", CsvRecords.excerpt(field(r, date)) + " is not a date as YYYY-MM-DD");
            }
            LocalTime from = time(field(r, start), source, line, "shift_start");
            LocalTime to = time(field(r, end), source, line, "shift_end");
            if (from.equals(to)) {
                throw new BadInput(source, line, "shift_end", "the shift ends when it starts");
            }
            Long earlier = seen.putIfAbsent(id + "|" + day, line);
            if (earlier != null) {
                throw new BadInput(source, line, "date", id + " already has a shift on " + day + " at line " + earlier);
            }
            rows.add(new Row(line, id, new DutyRota.Shift(day, from, to)));
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return store.jdbi().inTransaction(h -> {
            var known = store.existingInvestigators(h, rows.stream().map(Row::investigatorId).distinct().toList());
            for (Row row : rows) {
                if (!known.contains(row.investigatorId())) {
                    throw new BadInput(source, row.line(), "investigator_id", "no investigator " + row.investigatorId());
                }
            }
            long changed = 0;
            for (Row row : rows) {
                if (store.upsertShift(h, row.investigatorId(), row.shift(), now)) {
                    changed++;
                }
            }
            return new Summary(rows.size(), changed);
        });
    }

    private static String field(String[] r, int i) {
        return i < r.length ? r[i].strip() : "";
    }

    private static LocalTime time(String text, String source, long line, String field) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException ex) {
            throw new BadInput(source, line, field, CsvRecords.excerpt(text) + " is not a time as HH:MM");
        }
    }
}
