package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.common.CopyWriter;
import org.peel.common.CsvRecords;

import org.peel.common.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Home Office's police recorded crime by police force area ({@code rec-crime-pfa.csv}): rolling 12-month totals
 * by offence to each quarter end. Force names are matched to codes; the central fraud bodies (Action Fraud, CIFAS,
 * UK Finance) are kept as areas without a force, and names that match nothing are listed.
 */
public final class HomeOfficePrcImporter {

    public static final String SOURCE = "home-office-prc";

    private static final String ENDING = "12 months ending";
    private static final String PFA = "PFA";
    private static final String OFFENCE = "Offence";
    private static final String TOTAL = "Rolling year total number of offences";

    private final OpenDataStore store;

    public HomeOfficePrcImporter(OpenDataStore store) {
        this.store = store;
    }

    public OpenDataStore.FileResult importFile(SourceFile file, BadRows bad, Progress progress) {
        ForceNames forces = store.forceNames();
        progress.file(file.name());
        return store.load(SOURCE, file, bad, (h, fileId) -> {
            Map<String, Long> unmatched = new TreeMap<>();
            TreeSet<String> fraudBodies = new TreeSet<>();
            TreeSet<String> offDates = new TreeSet<>();
            long rows = 0;
            long negative = 0;
            try (CsvRecords csv = new CsvRecords(file.open(progress::bytes), file.name());
                 CopyWriter copy = CopyWriter.open(h, "opendata_prc",
                         "file_id, line, year_from, year_to, area_name, force_code, offence, offences")) {
                int cEnding = csv.column(ENDING);
                int cPfa = csv.column(PFA);
                int cOffence = csv.column(OFFENCE);
                int cTotal = csv.column(TOTAL);
                for (String[] r; (r = csv.next()) != null; ) {
                    long line = csv.line();
                    try {
                        YearMonth ending = quarterEnd(field(r, cEnding), file.name(), line, offDates);
                        String area = required(r, cPfa, PFA, file.name(), line);
                        String offence = required(r, cOffence, OFFENCE, file.name(), line);
                        long total = count(required(r, cTotal, TOTAL, file.name(), line), file.name(), line);
                        if (total < 0) {
                            negative++;
                        }
                        String code = null;
                        if (ForceNames.isFraudBody(area)) {
                            fraudBodies.add(area);
                        } else {
                            var force = forces.byName(area);
                            if (force.isPresent()) {
                                code = force.get().code();
                            } else {
                                unmatched.merge(area, 1L, Long::sum);
                            }
                        }
                        copy.row(fileId, line, ending.minusMonths(11).atDay(1), ending.atDay(1), area, code,
                                offence, total);
                        rows++;
                        progress.rows(1);
                    } catch (BadInput problem) {
                        bad.reject(problem);
                    }
                }
                copy.finish();
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + file.location(), ex);
            }
            List<String> notes = new ArrayList<>();
            if (!fraudBodies.isEmpty()) {
                notes.add("held as fraud bodies, not forces: " + String.join(", ", fraudBodies));
            }
            unmatched.forEach((name, n) -> notes.add("no force matches '" + name + "' (" + n + " rows kept without a force)"));
            if (negative > 0) {
                // the published table has them: a year's reclassifications outweighing its new records
                notes.add(negative + " rows with a negative total, kept as published");
            }
            if (!offDates.isEmpty()) {
                notes.add("dates not at a month end, read as that month's end: " + String.join(", ", offDates));
            }
            return new OpenDataStore.Loaded(rows, notes);
        });
    }

    /** {@code dd-mm-yyyy}, a quarter end; a day that is not the month's last (30-12-2017) is noted and read as the month. */
    static YearMonth quarterEnd(String v, String file, long line, TreeSet<String> offDates) {
        String[] parts = v.split("-");
        if (parts.length != 3) {
            throw new BadInput(file, line, ENDING, CsvRecords.excerpt(v) + " is not a date dd-mm-yyyy");
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
            YearMonth ym = YearMonth.from(d);
            if (ym.getMonthValue() % 3 != 0) {
                throw new BadInput(file, line, ENDING, CsvRecords.excerpt(v) + " is not a quarter end");
            }
            if (!d.equals(ym.atEndOfMonth())) {
                offDates.add(v);
            }
            return ym;
        } catch (NumberFormatException | DateTimeException ex) {
            throw new BadInput(file, line, ENDING, CsvRecords.excerpt(v) + " is not a date dd-mm-yyyy");
        }
    }

    private static String field(String[] r, int i) {
        return i < r.length ? r[i].strip() : "";
    }

    private static String required(String[] r, int i, String name, String file, long line) {
        String v = field(r, i);
        if (v.isEmpty()) {
            throw new BadInput(file, line, name, "is empty");
        }
        return v;
    }

    /** A whole number; the table has a few negative totals (net reclassifications), which are kept. */
    static long count(String v, String file, long line) {
        try {
            return Long.parseLong(v.replace(",", ""));
        } catch (NumberFormatException ex) {
            throw new BadInput(file, line, TOTAL, CsvRecords.excerpt(v) + " is not a whole number");
        }
    }
}
