package org.peel.prevention;

import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads police.uk street-level files ({@code YYYY-MM-<force>-street.csv}, optionally gzipped) straight from disk.
 * Directories are searched recursively for the force's files; a file named explicitly is read as given.
 */
public final class HotspotStreetFiles {

    private static final List<String> REQUIRED = List.of("Month", "Longitude", "Latitude", "Crime type");

    private HotspotStreetFiles() {
    }

    /** The files to read for a force: explicit files, and matching files found under directories, sorted by name. */
    public static List<Path> find(List<Path> inputs, String forceSlug) {
        Pattern own = Pattern.compile("\\d{4}-\\d{2}-" + Pattern.quote(forceSlug) + "-street\\.csv(\\.gz)?");
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(input)) {
                    found = walk.filter(Files::isRegularFile)
                            .filter(p -> own.matcher(p.getFileName().toString()).matches()).toList();
                } catch (IOException ex) {
                    throw new UncheckedIOException("Cannot search " + input, ex);
                }
                if (found.isEmpty()) {
                    throw new BadInput(input.toString(), 0, null,
                            "no police.uk street files for force '" + forceSlug + "' under it");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(input)) {
                String name = input.getFileName().toString();
                if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
                    throw new BadInput(input.toString(), 0, null, "not a .csv or .csv.gz file");
                }
                files.add(input);
            } else {
                throw new BadInput(input.toString(), 0, null, "no such file or directory");
            }
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files.stream().distinct().toList();
    }

    /** Reads every row of the files found for the force. */
    public static HotspotSource read(List<Path> inputs, String forceSlug) {
        List<Path> files = find(inputs, forceSlug);
        List<HotspotIncident> incidents = new ArrayList<>();
        Map<String, Long> withoutLocation = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, YearMonth> months = new HashMap<>();
        long rows = 0;
        for (Path file : files) {
            rows += readFile(file, incidents, withoutLocation, names, months);
        }
        return new HotspotSource(List.copyOf(incidents), rows, withoutLocation,
                files.stream().map(Path::toString).toList());
    }

    private static long readFile(Path file, List<HotspotIncident> incidents, Map<String, Long> withoutLocation,
                                 Map<String, String> names, Map<String, YearMonth> months) {
        String name = file.getFileName().toString();
        long rows = 0;
        try (CsvRecords csv = CsvRecords.open(file)) {
            int[] at = new int[REQUIRED.size()];
            for (int i = 0; i < REQUIRED.size(); i++) {
                at[i] = csv.column(REQUIRED.get(i));
            }
            for (String[] fields; (fields = csv.next()) != null; ) {
                long line = csv.line();
                rows++;
                String monthText = field(fields, at[0]);
                YearMonth month = months.get(monthText);
                if (month == null) {
                    try {
                        month = YearMonth.parse(monthText);
                    } catch (DateTimeException ex) {
                        throw new BadInput(name, line, "Month", CsvRecords.excerpt(monthText)
                                + " is not a month (YYYY-MM)");
                    }
                    months.put(monthText, month);
                }
                String type = field(fields, at[3]);
                if (type.isEmpty()) {
                    throw new BadInput(name, line, "Crime type", "is empty");
                }
                type = names.computeIfAbsent(type, t -> t);
                String lonText = field(fields, at[1]);
                String latText = field(fields, at[2]);
                if (lonText.isEmpty() && latText.isEmpty()) {
                    withoutLocation.merge(type, 1L, Long::sum);
                    continue;
                }
                double lon = coordinate(lonText, -180, 180, name, line, "Longitude");
                double lat = coordinate(latText, -90, 90, name, line, "Latitude");
                incidents.add(new HotspotIncident(month, type, lon, lat));
            }
        }
        return rows;
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i].strip() : "";
    }

    private static double coordinate(String text, double min, double max, String file, long line, String field) {
        if (text.isEmpty()) {
            throw new BadInput(file, line, field, "is empty while the other coordinate is given");
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new BadInput(file, line, field, CsvRecords.excerpt(text) + " is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new BadInput(file, line, field, text + " is outside " + min + " to " + max);
        }
        return v;
    }
}
