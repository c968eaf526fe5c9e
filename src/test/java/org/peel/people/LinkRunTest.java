package org.peel.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.platform.PeelCommand;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person_record table belongs to its own migration; these tests keep their records in a table of the same
 * columns made for the test, so that they do not depend on it.
 */
@DisplayName("Batch linkage of stored person records")
class LinkRunTest {

    private static final String TABLE = "test_person_record";
    private static final String[] GIVEN = {"James", "Mary", "Oliver", "Amelia", "Harry", "Isla", "George", "Ava",
            "Noah", "Mia"};
    private static final String[] SURNAMES = {"Smith", "Jones", "Okafor", "Nowak", "Williams", "Wilson"};

    private TestDatabase.Fresh db;
    private Jdbi jdbi;

    @BeforeEach
    void records() {
        // given 60 people, and a second record with a slip in the surname for every third of them (ids 101…120)
        db = TestDatabase.fresh();
        jdbi = db.jdbi();
        // an operator's table of records to link: created by the owner, readable by the application
        db.ownerJdbi().useHandle(h -> h.execute("create table " + TABLE + " (id bigint primary key, forenames text,"
                + " surname text, dob date, sex text, address text, postcode text, phone text)"));
        for (int i = 0; i < 60; i++) {
            insert(i + 1, GIVEN[i % 10], SURNAMES[i / 10], dob(i), "M" + (i % 9 + 1) + " " + (i % 7 + 1) + "AB",
                    (i + 1) + " High Street");
        }
        for (int i = 0; i < 20; i++) {
            int o = i * 3;
            insert(101 + i, GIVEN[o % 10], SURNAMES[o / 10] + "e", dob(o), "M" + (o % 9 + 1) + " " + (o % 7 + 1) + "AB",
                    (o + 1) + " High Street");
        }
    }

    private static LocalDate dob(int i) {
        return LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28);
    }

    private void insert(long id, String given, String surname, LocalDate dob, String postcode, String address) {
        jdbi.useHandle(h -> h.createUpdate("insert into " + TABLE
                        + " (id, forenames, surname, dob, postcode, address) values (:id, :g, :s, :d, :p, :a)")
                .bind("id", id).bind("g", given).bind("s", surname).bind("d", dob).bind("p", postcode)
                .bind("a", address).execute());
    }

    private BatchLinkage.Report run() {
        return new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, TABLE), "peel link run");
    }

    @Test
    @DisplayName("the first run links every record, each second record with its original, in one audited decision")
    void firstRun() {
        BatchLinkage.Report report = run();

        PeopleStore store = new PeopleStore(jdbi);
        assertThat(report.records()).isEqualTo(80);
        assertThat(report.recordsLinked()).isEqualTo(80);
        assertThat(report.personsCreated()).isEqualTo(60);
        for (int i = 0; i < 20; i++) {
            assertThat(store.personOf(101 + i)).isEqualTo(store.personOf(i * 3 + 1));
        }
        Set<Long> persons = new HashSet<>(store.currentLinks().values());
        assertThat(persons).hasSize(60);
        assertThat(new AuditTrail(jdbi).search(new AuditTrail.Filter(null, null, null, null, null,
                "person.link-run"), 10)).hasSize(1);
    }

    @Test
    @DisplayName("a later run touches only new records: they join existing persons, nothing earlier moves")
    void incrementalRun() {
        run();
        Map<Long, Long> before = new PeopleStore(jdbi).currentLinks();
        assertThat(run().newRecords()).isZero();

        // a third record of person 1 (James Smith), and a new person
        insert(201, "James", "Smith", dob(0), "M1 1AB", "1 High Street");
        insert(202, "Zofia", "Quartermaine", LocalDate.of(2001, 2, 3), "E1 6AN", "9 Mill Lane");
        BatchLinkage.Report second = run();

        PeopleStore store = new PeopleStore(jdbi);
        assertThat(second.newRecords()).isEqualTo(2);
        assertThat(second.personsCreated()).isEqualTo(1);
        assertThat(store.personOf(201)).isEqualTo(store.personOf(1));
        assertThat(store.personOf(202)).isNotEqualTo(store.personOf(1));
        Map<Long, Long> after = store.currentLinks();
        before.forEach((record, person) -> assertThat(after.get(record)).isEqualTo(person));
    }

    @Test
    @DisplayName("peel link run resolves through the command line and reports what it did")
    void command() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute("link", "run", "--db-url", db.jdbcUrl(), "--table", TABLE, "--format", "json");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("records_linked").asInt()).isEqualTo(80);
        assertThat(json.get("persons_created").asInt()).isEqualTo(60);
        assertThat(json.has("review_pairs_queued")).isTrue();
    }
}
