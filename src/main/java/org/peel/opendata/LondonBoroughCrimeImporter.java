package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.common.CopyWriter;
import org.peel.common.CsvRecords;

import org.peel.common.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The London Datastore's Metropolitan Police recorded crime by borough: one row per borough, major and minor
 * category, one column per month ({@code YYYYMM}). Borough names are matched to GSS codes; the file has no City of
 * London (a force of its own), and a borough that matches nothing is kept by name and listed.
 */
public final class LondonBoroughCrimeImporter {

    public static final String SOURCE = "london-borough-crime";

    private final OpenDataStore store;

    public LondonBoroughCrimeImporter(OpenDataStore store) {
        this.store = store;
    }

    public OpenDataStore.FileResult importFile(SourceFile file, BadRows bad, Progress progress) {
        Map<String, String> boroughs = store.boroughNames();
        progress.file(file.name());
        return store.load(SOURCE, file, bad, (h, fileId) -> {
            Map<String, Long> unmatched = new TreeMap<>();
            long rows = 0;
            try (CsvRecords csv = new CsvRecords(file.open(progress::bytes), file.name());
                 CopyWriter copy = CopyWriter.open(h, "opendata_london_borough_crime",
                         "file_id, line, borough_code, borough_name, major_category, minor_category, month, offences")) {
                int cBorough = csv.column("Borough");
                int cMajor = csv.column("Major Category");
                int cMinor = csv.column("Minor Category");
                List<Integer> monthColumns = new ArrayList<>();
                List<YearMonth> months = new ArrayList<>();
                for (int i = 0; i < csv.header().size(); i++) {
                    String name = csv.header().get(i);
                    if (name.matches("\\d{6}")) {
                        monthColumns.add(i);
                        months.add(YearMonth.of(Integer.parseInt(name.substring(0, 4)),
                                Integer.parseInt(name.substring(4))));
                    }
                }
                if (months.isEmpty()) {
                    throw new BadInput(file.name(), 1, null, "no month columns (YYYYMM) in the header");
                }
                for (String[] r; (r = csv.next()) != null; ) {
                    long line = csv.line();
                    try {
                        String borough = get(r, cBorough);
                        String major = get(r, cMajor);
                        String minor = get(r, cMinor);
                        if (borough.isEmpty() || major.isEmpty()) {
                            throw new BadInput(file.name(), line, borough.isEmpty() ? "Borough" : "Major Category",
                                    "is empty");
                        }
                        String code = boroughs.get(borough);
                        if (code == null) {
                            unmatched.merge(borough, 1L, Long::sum);
                        }
                        List<Object[]> values = new ArrayList<>();
                        for (int k = 0; k < monthColumns.size(); k++) {
                            String v = get(r, monthColumns.get(k));
                            if (v.isEmpty()) {
                                continue;
                            }
                            try {
                                values.add(new Object[]{months.get(k), Long.parseLong(v)});
                            } catch (NumberFormatException ex) {
                                throw new BadInput(file.name(), line, csv.header().get(monthColumns.get(k)),
                                        CsvRecords.excerpt(v) + " is not a whole number");
                            }
                        }
                        for (Object[] v : values) {
                            copy.row(fileId, line, code, borough, major, minor, ((YearMonth) v[0]).atDay(1), v[1]);
                            rows++;
                        }
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
            unmatched.forEach((b, n) -> notes.add("no borough is called '" + b + "' (" + n + " rows kept by name only)"));
            notes.add("the file has no City of London: it is policed by its own force");
            return new OpenDataStore.Loaded(rows, notes);
        });
    }

    private static String get(String[] r, int i) {
        return i < r.length ? r[i].strip() : "";
    }
}
