package org.peel.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capabilities meet in SQL only through published views. ArchUnit sees Java dependencies but not the table names in
 * a statement, so this reads the capabilities' main sources as text and refuses any statement that names one of
 * investigation's tables (crimes, their screening, allocation, victims' code contacts, investigators, forensic
 * requests) rather than a view investigation publishes ({@code investigation_*_published}).
 */
@DisplayName("Other capabilities read investigation's data only through its published views")
class PublishedViewsOnlyTest {

    /** Capabilities that must not read investigation's tables; measure reads through its own views already. */
    private static final List<String> READERS = List.of("prevention", "vulnerability", "organisedcrime", "partners",
            "inspection");

    /** A table named where SQL names one: after from, join, into, update or table. */
    static final Pattern INVESTIGATION_TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+((?:crime|crime_\\w+|allocation_queue|victims_code_\\w+"
                    + "|investigator\\w*|forensic_request\\w*|investigation_\\w+))\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("no statement in prevention, vulnerability, organised crime or inspection names an investigation table")
    void onlyPublishedViews() {
        List<String> found = new ArrayList<>();
        for (String capability : READERS) {
            Path dir = Path.of("src/main/java/org/peel", capability);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> found.addAll(reads(f)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        assertThat(found).as("investigation tables read directly (read investigation_*_published views instead)")
                .isEmpty();
    }

    @Test
    @DisplayName("the scan recognises a direct read, and lets a published view through")
    void scanCanFail() {
        assertThat(names("select max(recorded_at) from crime where borough_code = :b")).containsExactly("crime");
        assertThat(names("from victim v join crime c on c.id = v.source_id")).containsExactly("crime");
        assertThat(names("select * from crime_allocation a join investigator i on i.id = a.investigator_id"))
                .containsExactly("crime_allocation", "investigator");
        assertThat(names("select id from investigation_crime_published where borough_code = :b")).isEmpty();
        assertThat(names("the facts computed from ASB incidents and crimes")).isEmpty();
    }

    /** Organised crime's tables as SQL names them: the register, its assessments, disruptions, events and gangs. */
    static final Pattern ORGANISED_CRIME_TABLE = Pattern.compile(
            "\\b(?:from|join)\\s+((?:ocg|ocg_\\w+|gang_\\w+))\\b", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("measure's current views count organised crime groups through organisedcrime_ocg_published only")
    void measureReadsOrganisedCrimeThroughItsView() throws IOException {
        List<String> found = new ArrayList<>();
        for (String view : List.of("measure_fact", "measure_coverage")) {
            Path latest;
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
                latest = files.filter(f -> text(f).contains("create view " + view + " as"))
                        .max(java.util.Comparator.comparingInt(PublishedViewsOnlyTest::version)).orElseThrow();
            }
            String sql = text(latest);
            String definition = sql.substring(sql.indexOf("create view " + view + " as"));
            int end = definition.indexOf(';');
            Matcher m = ORGANISED_CRIME_TABLE.matcher(definition.substring(0, end));
            while (m.find()) {
                if (!m.group(1).toLowerCase().endsWith("_published")) {
                    found.add(latest.getFileName() + ": " + view + " reads " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(ORGANISED_CRIME_TABLE.matcher("from ocg g join borough b").find()).isTrue();
        assertThat(ORGANISED_CRIME_TABLE.matcher("from organisedcrime_ocg_published g").find()).isFalse();
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> reads(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String name : names(lines[i])) {
                out.add(file + ":" + (i + 1) + " reads " + name);
            }
        }
        return out;
    }

    static List<String> names(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = INVESTIGATION_TABLE.matcher(sql);
        while (m.find()) {
            if (!m.group(1).toLowerCase().endsWith("_published")) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
