package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.peel.testing.Fixtures;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A small force's person records for the people pages' tests: 60 people seen in crimes in Westminster, a second
 * crime record with a slip in the surname for every third of them, then linked into persons by a batch run.
 */
public final class PeopleWebRecords {

    static final String[] GIVEN = {"James", "Mary", "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah",
            "Mia"};
    static final String[] SURNAMES = {"Smith", "Jones", "Okafor", "Nowak", "Williams", "Wilson"};

    private PeopleWebRecords() {
    }

    /** Records the people and links them; returns nothing, the tests look records up by their recorded id. */
    public static void recordAndLink(Jdbi jdbi) {
        for (int i = 0; i < 60; i++) {
            insert(jdbi, "pr-" + (i + 1), "crime", "crime-" + (i + 1), "victim", GIVEN[i % 10], SURNAMES[i / 10],
                    dob(i), postcode(i), (i + 1) + " High Street");
        }
        for (int i = 0; i < 20; i++) {
            int o = i * 3;
            insert(jdbi, "pr-" + (101 + i), "crime", "crime-" + (101 + i), "witness", GIVEN[o % 10],
                    SURNAMES[o / 10] + "e", dob(o), postcode(o), (o + 1) + " High Street");
        }
        new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE), "peel link run");
    }

    /**
     * Seven Ottilie Brackenburys born one a year from 1990 to 1996 and one born in 1960 (for {@code thisYear} 2026;
     * each 1 year later for each year later): 8 share the name, 7 of them born in the years an age of 30-35 stands
     * for. Among the 80 records of other people the people pages' tests use, so that the model
     * trained on them finds a name as rare as hers worth matching.
     */
    public static void eightOttilies(Jdbi jdbi, int thisYear) {
        for (int i = 0; i < 7; i++) {
            insert(jdbi, "ob-" + i, "crime", "crime-ob-" + i, "victim", "Ottilie", "Brackenbury",
                    LocalDate.of(thisYear - 36 + i, 3 + i, 10 + i), "W" + (i + 1) + " 2AB", (i + 1) + " Canal Row");
        }
        insert(jdbi, "ob-7", "crime", "crime-ob-7", "victim", "Ottilie", "Brackenbury",
                LocalDate.of(thisYear - 66, 9, 9), "W9 2AB", "9 Canal Row");
        recordAndLink(jdbi);
    }

    public static LocalDate dob(int i) {
        return LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28);
    }

    static String postcode(int i) {
        return "M" + (i % 9 + 1) + " " + (i % 7 + 1) + "AB";
    }

    /** A person record of a Westminster record. */
    public static void insert(Jdbi jdbi, String id, String sourceType, String sourceId, String role, String given,
                       String surname, LocalDate dob, String postcode, String address) {
        insert(jdbi, id, sourceType, sourceId, Fixtures.WESTMINSTER, role, given, surname, dob, postcode, address);
    }

    /** A person record of a record in {@code boroughCode}. */
    static void insert(Jdbi jdbi, String id, String sourceType, String sourceId, String boroughCode, String role,
                       String given, String surname, LocalDate dob, String postcode, String address) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                                   postcode, address, recorded_at, borough_code)
                        values (:id, :type, :source, :role, :g, :s, :d, :p, :a, :at, :b)""")
                .bind("id", id).bind("type", sourceType).bind("source", sourceId).bind("role", role)
                .bind("g", given).bind("s", surname).bind("d", dob).bind("p", postcode).bind("a", address)
                .bind("at", LocalDateTime.of(2025, 6, 1, 10, 0)).bind("b", boroughCode).execute());
    }

    /** The public reference of a person, as URLs name them. */
    public static String ref(Jdbi jdbi, long personId) {
        return new PeopleStore(jdbi).refOf(personId);
    }

    /** The path of a person's page. */
    public static String page(Jdbi jdbi, long personId) {
        return "/people/" + ref(jdbi, personId);
    }

    /** The linkage number of the record with this recorded id. */
    static long seq(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("select seq from person_record where id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }
}
