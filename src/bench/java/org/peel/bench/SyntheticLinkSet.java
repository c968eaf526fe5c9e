package org.peel.bench;

import org.peel.common.CsvRecords;
import org.peel.people.FieldMapping;
import org.peel.people.PersonDetails;
import org.peel.people.PersonRecordFile;
import org.peel.platform.PeelException;
import org.peel.synthetic.CsvSink;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.SyntheticForce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Person records of a synthetic force for {@code peel bench link --synthetic N}: the Metropolitan Police
 * (seed 1, year to June 2015) at the scale that gives about N person records, written as CSV to a temporary
 * folder, read back through the same field mapping as any other file, each record given its true person from
 * the ground truth. The folder is deleted afterwards.
 */
final class SyntheticLinkSet {

    static final String FORCE = "Metropolitan Police";
    static final long SEED = 1;
    static final YearMonth YEAR_TO = YearMonth.of(2015, 6);
    /** Person records the Met gives at scale 1.0, about; the scale for N records is N over this. */
    static final double RECORDS_AT_SCALE_ONE = 1_800_000;
    static final String MAP = "given_name=forenames,surname=surname,dob=date_of_birth,sex=sex,address=address,"
            + "postcode=postcode,phone=phone";

    /**
     * The records and their true persons, the scale asked for, how long generating and reading took, and how many
     * pairs of different true persons (among those with a record) are hard to tell apart ({@link #hardCases}).
     */
    record Generated(double scale, PersonRecordFile.Contents contents, double seconds, Map<String, Long> hardCases) {
    }

    private SyntheticLinkSet() {
    }

    static double scaleFor(int records) {
        return records / RECORDS_AT_SCALE_ONE;
    }

    static Generated generate(int records, Path sharedData) {
        long t0 = System.nanoTime();
        double scale = scaleFor(records);
        ForceSpec force = ForceSources.load(FORCE, YEAR_TO, sharedData);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("peel-bench-link-");
            try (CsvSink sink = new CsvSink(dir)) {
                SyntheticForce.generate(force, scale, SEED, YEAR_TO, sink);
            }
            PersonRecordFile.Contents read = PersonRecordFile.read(dir.resolve("person_record.csv"), "id", null,
                    FieldMapping.parse(List.of(MAP)));
            String[] truth = truePersons(dir.resolve("ground_truth_people.csv"), read.records());
            Map<String, Long> hard = hardCases(dir.resolve("ground_truth_people.csv"));
            return new Generated(scale, new PersonRecordFile.Contents(read.records(), Arrays.asList(truth),
                    read.unreadableDates()), (System.nanoTime() - t0) / 1e9, hard);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** Each record's true person, in record order; the ground truth's first two columns are plain ids. */
    private static String[] truePersons(Path file, List<PersonDetails> records) throws IOException {
        Map<String, Integer> position = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            position.put(records.get(i).recordId(), i);
        }
        String[] truth = new String[records.size()];
        try (CsvRecords csv = CsvRecords.open(file)) {
            for (String[] r; (r = csv.next()) != null; ) {
                if (r.length < 2) {
                    continue;
                }
                Integer at = position.get(r[0]);
                if (at != null) {
                    truth[at] = r[1];
                }
            }
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == null) {
                throw new PeelException("person record " + records.get(i).recordId() + " has no ground truth");
            }
        }
        return truth;
    }

    /**
     * Pairs of different true persons, each with at least one record, that share what identity resolution leans
     * on: at one address with one surname (households), and of those born on one day with different forenames
     * (twins) or with one forename born on different days (father and son); and, not at one address, the same
     * forename, surname and year of birth (common names). From the true persons' own details.
     */
    static Map<String, Long> hardCases(Path truthFile) throws IOException {
        Map<String, String[]> persons = new HashMap<>();
        try (CsvRecords csv = CsvRecords.open(truthFile)) {
            for (String[] r; (r = csv.next()) != null; ) {
                if (r.length >= 7) {
                    persons.putIfAbsent(r[1], new String[]{first(r[2]), r[3], r[4], r[6]});
                }
            }
        }
        Map<String, List<String[]>> homes = new HashMap<>();
        Map<String, Long> names = new HashMap<>();
        Map<String, Long> namesAtHome = new HashMap<>();
        for (String[] p : persons.values()) {
            homes.computeIfAbsent(p[1] + "|" + p[3], k -> new ArrayList<>(2)).add(p);
            String year = p[2] == null || p[2].length() < 4 ? "" : p[2].substring(0, 4);
            names.merge(p[0] + "|" + p[1] + "|" + year, 1L, Long::sum);
            namesAtHome.merge(p[0] + "|" + p[1] + "|" + year + "|" + p[3], 1L, Long::sum);
        }
        long household = 0;
        long twins = 0;
        long fatherSon = 0;
        for (List<String[]> home : homes.values()) {
            for (int i = 0; i < home.size(); i++) {
                for (int j = i + 1; j < home.size(); j++) {
                    String[] a = home.get(i);
                    String[] b = home.get(j);
                    household++;
                    if (!a[2].isEmpty() && a[2].equals(b[2]) && !a[0].equals(b[0])) {
                        twins++;
                    } else if (a[0].equals(b[0]) && !a[2].equals(b[2])) {
                        fatherSon++;
                    }
                }
            }
        }
        long commonName = 0;
        for (long n : names.values()) {
            commonName += n * (n - 1) / 2;
        }
        for (long n : namesAtHome.values()) {
            commonName -= n * (n - 1) / 2;
        }
        Map<String, Long> hard = new java.util.LinkedHashMap<>();
        hard.put("true_persons", (long) persons.size());
        hard.put("household_pairs", household);
        hard.put("twin_pairs", twins);
        hard.put("father_and_son_pairs", fatherSon);
        hard.put("common_name_pairs", commonName);
        return hard;
    }

    private static String first(String forenames) {
        String f = forenames == null ? "" : forenames.trim();
        int space = f.indexOf(' ');
        return space < 0 ? f : f.substring(0, space);
    }

    /**
     * About {@code maxRecords} of the records: every record of a fixed pseudo-random share of the true persons,
     * so that each person kept keeps all their records and the sample is the same on every run.
     */
    static PersonRecordFile.Contents samplePersons(PersonRecordFile.Contents data, int maxRecords) {
        int n = data.records().size();
        if (n <= maxRecords) {
            return data;
        }
        double share = (double) maxRecords / n;
        List<PersonDetails> records = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String person = data.entities().get(i);
            long h = person.hashCode() * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            double u = (h >>> 11) * 0x1.0p-53;
            if (u < share) {
                records.add(data.records().get(i));
                entities.add(person);
            }
        }
        return new PersonRecordFile.Contents(records, entities, 0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the benchmark for
        }
    }
}
