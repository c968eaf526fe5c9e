package org.peel.people;

import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person records from a comma-separated file with a header row, read through a {@link FieldMapping}, with the
 * true entity of each record for evaluation. Values are trimmed (FEBRL puts a space after every comma); quoted
 * values may hold commas. A date that is not a real date in one of the accepted forms is read as missing and
 * counted, because real files hold impossible dates and the record is still worth linking.
 */
public final class PersonRecordFile {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** The records, each record's true entity (same order), and how many dates could not be read. */
    public record Contents(List<PersonDetails> records, List<String> entities, int unreadableDates) {
    }

    private PersonRecordFile() {
    }

    /**
     * Reads the file. {@code idRegex}, when given, extracts the entity from the id column: its first group if it
     * has one, else the whole match ({@code rec-(\d+)} turns {@code rec-123-dup-0} into {@code 123}).
     */
    public static Contents read(Path file, String idColumn, Pattern idRegex, FieldMapping mapping) {
        String source = file.getFileName().toString();
        try (CsvRecords csv = CsvRecords.spacedQuotes(file)) {
            List<String> names = csv.header();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            int idAt = column(index, idColumn, source);
            Map<PersonField, int[]> at = new HashMap<>();
            mapping.columns().forEach((field, cols) ->
                    at.put(field, cols.stream().mapToInt(c -> column(index, c, source)).toArray()));
            List<PersonDetails> records = new ArrayList<>();
            List<String> entities = new ArrayList<>();
            int unreadable = 0;
            for (String[] fields; (fields = csv.next()) != null; ) {
                long number = csv.line();
                List<String> values = new ArrayList<>(fields.length);
                for (String f : fields) {
                    values.add(f.trim());
                }
                if (values.size() != names.size()) {
                    throw new BadInput(source, number, null, "expected " + names.size() + " values, found "
                            + values.size());
                }
                String id = values.get(idAt);
                entities.add(entity(id, idRegex, source, number, idColumn));
                String dobText = value(values, at.get(PersonField.DOB));
                LocalDate dob = date(dobText);
                if (dobText != null && dob == null) {
                    unreadable++;
                }
                records.add(new PersonDetails(id, value(values, at.get(PersonField.GIVEN_NAME)),
                        value(values, at.get(PersonField.SURNAME)), value(values, at.get(PersonField.FULL_NAME)), dob,
                        value(values, at.get(PersonField.SEX)), value(values, at.get(PersonField.ADDRESS)),
                        value(values, at.get(PersonField.POSTCODE)), value(values, at.get(PersonField.CITY)),
                        value(values, at.get(PersonField.EMAIL)), value(values, at.get(PersonField.PHONE))));
            }
            return new Contents(records, entities, unreadable);
        }
    }

    /** Several files with the same columns, read as one set in the order given. */
    public static Contents readAll(List<Path> files, String idColumn, Pattern idRegex, FieldMapping mapping) {
        List<PersonDetails> records = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        int unreadable = 0;
        for (Path f : files) {
            Contents c = read(f, idColumn, idRegex, mapping);
            records.addAll(c.records());
            entities.addAll(c.entities());
            unreadable += c.unreadableDates();
        }
        return new Contents(records, entities, unreadable);
    }

    /** A date of birth in ISO ({@code 1980-03-04}), {@code 19800304} or {@code 04/03/1980} form; null otherwise. */
    public static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(text.trim(), f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static String entity(String id, Pattern regex, String source, long line, String idColumn) {
        if (regex == null) {
            return id;
        }
        Matcher m = regex.matcher(id);
        if (!m.find()) {
            throw new BadInput(source, line, idColumn, CsvRecords.excerpt(id) + " does not match --id-regex " + regex.pattern());
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    private static int column(Map<String, Integer> index, String name, String source) {
        Integer i = index.get(name);
        if (i == null) {
            throw new BadInput(source, 1, name, "no such column; the header has " + String.join(", ", index.keySet()));
        }
        return i;
    }

    private static String value(List<String> values, int[] columns) {
        if (columns == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int c : columns) {
            String v = values.get(c);
            if (!v.isEmpty()) {
                if (!s.isEmpty()) {
                    s.append(' ');
                }
                s.append(v);
            }
        }
        return s.isEmpty() ? null : s.toString();
    }
}
