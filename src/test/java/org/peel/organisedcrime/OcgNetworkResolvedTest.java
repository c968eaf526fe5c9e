package org.peel.organisedcrime;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A group's associate network joins records through resolved persons, not names as recorded")
class OcgNetworkResolvedTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void setUp() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, activities)
                    values ('N-1', 'Ferry Crew', ?, 'drugs supply', '2b', ?, 'drugs supply')""", Fixtures.WESTMINSTER,
                    LocalDate.now().minusYears(1));
            // the principal recorded twice on the group, spelled two ways; a significant member; an associate
            record(h, "N-1-a", "ocg", "N-1", "principal", "Jon", "Smith", "1990-02-03");
            record(h, "N-1-b", "ocg", "N-1", "peripheral", "John", "Smyth", "1990-02-03");
            record(h, "N-1-c", "ocg", "N-1", "significant", "Kyle", "Brown", "1992-07-08");
            record(h, "N-1-d", "ocg", "N-1", "associate", "Lee", "Grant", "1985-01-01");
            // crime C-1: the principal spelled a third way, with the significant member under another spelling
            record(h, "C-1-s1", "crime", "C-1", "suspect", "Jonny", "Smithe", "1990-02-03");
            record(h, "C-1-s2", "crime", "C-1", "suspect", "K", "Browne", "1992-08-07");
            // crime C-2: the associate's exact name and date of birth, but resolved to someone else
            record(h, "C-2-s1", "crime", "C-2", "suspect", "Lee", "Grant", "1985-01-01");
            record(h, "C-2-s2", "crime", "C-2", "suspect", "Kyle", "Brown", "1992-07-08");
            person(h, "N-1-a", "N-1-b", "C-1-s1");
            person(h, "N-1-c", "C-1-s2");
            person(h, "C-2-s1");
            person(h, "C-2-s2");
        });
    }

    private static void record(Handle h, String id, String type, String source, String role, String forenames,
                               String surname, String dob) {
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                    recorded_at, borough_code)
                values (?, ?, ?, ?, ?, ?, cast(? as date), ?, ?)""", id, type, source, role, forenames, surname, dob,
                LocalDateTime.now().minusMonths(3), Fixtures.WESTMINSTER);
    }

    private static void person(Handle h, String... recordIds) {
        long person = h.createUpdate("insert into person (created_by) values ('test')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long decision = h.createUpdate("insert into link_decision (kind, decided_by, reason)"
                + " values ('resolve', 'test', 'same person')").executeAndReturnGeneratedKeys("id").mapTo(Long.class)
                .one();
        for (String id : recordIds) {
            h.execute("insert into person_link (person_record_id, person_id, decision_id)"
                    + " select seq, ?, ? from person_record where id = ?", person, decision, id);
        }
    }

    @Test
    @DisplayName("two spellings of the principal resolved to one person are one node, standing as the principal")
    void twoSpellingsOneNode() {
        AssociateNetwork.Result net = new OcgStore(jdbi).network("N-1");
        assertThat(net.ranked()).extracting(r -> r.node().recordId())
                .containsExactlyInAnyOrder("N-1-a", "N-1-c", "N-1-d");
        assertThat(net.ranked()).filteredOn(r -> r.node().recordId().equals("N-1-a"))
                .extracting(r -> r.node().role()).containsExactly("Principal");
    }

    @Test
    @DisplayName("a crime ties the principal and the significant member through their persons, whatever the crime's"
            + " spelling; an exact name and date of birth resolved to someone else ties nobody")
    void crimeTiesThroughPersons() {
        AssociateNetwork.Result net = new OcgStore(jdbi).network("N-1");
        assertThat(net.pairs()).isEqualTo(Map.of("N-1-a|N-1-c", List.of("crime C-1")));
        assertThat(net.isolated()).as("the associate").isEqualTo(1);
    }
}
