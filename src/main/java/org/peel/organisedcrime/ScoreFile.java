package org.peel.organisedcrime;

import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Groups to score, read from CSV with columns {@code ocg_id, activities} (semicolon-separated, predominant first),
 * {@code members, principals} (counts), {@code firearms} (Y/N), {@code violence} (none, threatened, used, serious),
 * {@code corruption, money_laundering} (Y/N), {@code reach} (local, regional, national, international),
 * {@code last_assessed} (YYYY-MM-DD) and {@code significant_event} (empty or YYYY-MM-DD). Every problem names the
 * file, the line and the field.
 */
public final class ScoreFile {

    static final List<String> COLUMNS = List.of("ocg_id", "activities", "members", "principals", "firearms",
            "violence", "corruption", "money_laundering", "reach", "last_assessed", "significant_event");

    /** One group as the file gives it. */
    public record Row(String ocgId, GroupFacts facts, LocalDate lastAssessed, LocalDate significantEvent) {
    }

    private ScoreFile() {
    }

    public static List<Row> read(Path file, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            int[] at = new int[COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = csv.column(COLUMNS.get(i));
            }
            String[] r;
            while ((r = csv.next()) != null) {
                String[] f = new String[at.length];
                for (int i = 0; i < at.length; i++) {
                    f[i] = at[i] < r.length ? r[at[i]].strip() : "";
                }
                String id = f[0];
                if (id.isEmpty()) {
                    throw csv.bad("ocg_id", "is empty: every group needs its reference");
                }
                if (!seen.add(id)) {
                    throw csv.bad("ocg_id", "group " + CsvRecords.excerpt(id) + " appears twice");
                }
                List<String> activities = Arrays.stream(f[1].split(";")).map(String::strip)
                        .filter(a -> !a.isEmpty()).toList();
                int members = count(csv, "members", f[2]);
                int principals = count(csv, "principals", f[3]);
                if (principals > members) {
                    throw csv.bad("principals", principals + " principals but " + members
                            + " members: principals are counted among the members");
                }
                boolean firearms = yesNo(csv, "firearms", f[4]);
                Violence violence = Violence.fromCode(f[5]);
                if (violence == null) {
                    throw csv.bad("violence", "must be none, threatened, used or serious, not " + CsvRecords.excerpt(f[5]));
                }
                boolean corruption = yesNo(csv, "corruption", f[6]);
                boolean laundering = yesNo(csv, "money_laundering", f[7]);
                Reach reach = Reach.fromCode(f[8]);
                if (reach == null) {
                    throw csv.bad("reach", "must be local, regional, national or international, not "
                            + CsvRecords.excerpt(f[8]));
                }
                LocalDate last = date(csv, "last_assessed", f[9]);
                if (last == null) {
                    throw csv.bad("last_assessed", "is empty: give the date of the last assessment as YYYY-MM-DD");
                }
                if (last.isAfter(asOf)) {
                    throw csv.bad("last_assessed", last + " is after the as-of date " + asOf);
                }
                LocalDate event = date(csv, "significant_event", f[10]);
                rows.add(new Row(id, new GroupFacts(activities, members, principals, firearms, violence, corruption,
                        laundering, reach), last, event));
            }
        }
        return rows;
    }

    private static int count(CsvRecords csv, String field, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw csv.bad(field, "must be 0 or more, not " + n);
            }
            return n;
        } catch (NumberFormatException ex) {
            throw csv.bad(field, "must be a whole number, not " + CsvRecords.excerpt(text));
        }
    }

    private static boolean yesNo(CsvRecords csv, String field, String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw csv.bad(field, "must be Y or N, not " + CsvRecords.excerpt(text));
        };
    }

    private static LocalDate date(CsvRecords csv, String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            throw csv.bad(field, "must be a date as YYYY-MM-DD, not " + CsvRecords.excerpt(text));
        }
    }
}
