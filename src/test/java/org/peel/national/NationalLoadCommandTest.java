package org.peel.national;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.module.CommandOutput;
import org.peel.platform.PeelCommand;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel national load command")
class NationalLoadCommandTest {

    private final TestDatabase.Fresh db = TestDatabase.fresh();

    /**
     * Jonathan Smythe of Kent (k-1) and Jonathon Smythe of Essex (e-1) are one national person, NP1; the other two
     * records are a person each.
     */
    private static Path index(Path dir, String personsCsv) throws IOException {
        Files.createDirectories(dir.resolve("persons.csv"));
        Files.createDirectories(dir.resolve("links.csv"));
        Files.writeString(dir.resolve("persons.csv/part-00000.csv"), personsCsv);
        Files.writeString(dir.resolve("links.csv/part-00000.csv"), """
                national_id,left_force,left_record_id,right_force,right_record_id,weight,probability,explanation
                NP1,essex,e-1,kent,k-1,14.2,0.9999,"given_name jaro-winkler >= 0.92; dob exact"
                """);
        return dir;
    }

    private static final String PERSONS = """
            national_id,force,record_id
            NP1,essex,e-1
            NP1,kent,k-1
            NP2,kent,k-2
            NP3,essex,e-2
            """;

    @Test
    @DisplayName("loads persons and links once; the same index again changes nothing; a newer one replaces it")
    void idempotentAndReplacing(@TempDir Path dir) throws Exception {
        LocalSpark.session();
        Path first = index(dir.resolve("first"), PERSONS);

        JsonNode loaded = run(0, "national", "load", "--input", first.toString(), "--db-url", db.jdbcUrl(),
                "--format", "json");
        JsonNode again = run(0, "national", "load", "--input", first.toString(), "--db-url", db.jdbcUrl(),
                "--format", "json");

        assertThat(loaded.get("loaded").asBoolean()).isTrue();
        assertThat(loaded.get("persons").asInt()).isEqualTo(4);
        assertThat(loaded.get("nationalPersons").asInt()).isEqualTo(3);
        assertThat(loaded.get("links").asInt()).isEqualTo(1);
        assertThat(again.get("loaded").asBoolean()).isFalse();
        assertThat(again.get("loadId").asLong()).isEqualTo(loaded.get("loadId").asLong());
        assertThat(count("select count(*) from national_index_load")).isEqualTo(1);
        assertThat(published()).containsExactly("NP1 essex e-1", "NP1 kent k-1", "NP2 kent k-2", "NP3 essex e-2");
        String explanation = db.jdbi().withHandle(h -> h.createQuery(
                        "select explanation from national_person_link_published where left_record_id = 'e-1'")
                .mapTo(String.class).one());
        assertThat(explanation).isEqualTo("given_name jaro-winkler >= 0.92; dob exact");
        assertThat(count("select count(*) from audit_event where action = 'import'"
                + " and record_type = 'national-person-index'")).isEqualTo(1);

        // Kent's k-2 is gone from the newer index, and e-2 has become NP4
        Path second = index(dir.resolve("second"), """
                national_id,force,record_id
                NP1,essex,e-1
                NP1,kent,k-1
                NP4,essex,e-2
                """);
        JsonNode replaced = run(0, "national", "load", "--input", second.toString(), "--db-url", db.jdbcUrl(),
                "--format", "json");

        assertThat(replaced.get("loaded").asBoolean()).isTrue();
        assertThat(published()).containsExactly("NP1 essex e-1", "NP1 kent k-1", "NP4 essex e-2");
        assertThat(count("select count(*) from national_person")).as("nothing deleted").isEqualTo(4);
    }

    @Test
    @DisplayName("a record without a national id is refused with its file, line and field, and nothing is loaded")
    void badInput(@TempDir Path dir) throws Exception {
        LocalSpark.session();
        Path bad = index(dir, """
                national_id,force,record_id
                NP1,essex,e-1
                ,kent,k-1
                """);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute("national", "load", "--input", bad.toString(), "--db-url", db.jdbcUrl());
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("persons.csv: line 3: field national_id is empty");
        assertThat(count("select count(*) from national_person")).isZero();
    }

    private int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private List<String> published() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select national_id || ' ' || force || ' ' || record_id from national_person_published
                        order by national_id, force, record_id""").mapTo(String.class).list());
    }

    private static JsonNode run(int expected, String... args) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as(text.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        return CommandOutput.JSON.readTree(text.toString(StandardCharsets.UTF_8));
    }
}
