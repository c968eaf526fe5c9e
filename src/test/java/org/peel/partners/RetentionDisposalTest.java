package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.people.PeopleStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Disposal after MoPI review on the real database, run as the application's role. The hand-made force:
 * <pre>
 *   C-SHOP  shoplifting 2019-03-14 at 51.5 N 0.14 W; victim Amy Rowe (born 1990-05-05, 4 Elm Row, address once
 *           corrected from "4 Elm Road", so an earlier version sits in record_history); suspect Kyle Batt (born
 *           1999-01-01, 9 Oak Street); one supervisory review whose note names the suspect.
 *   C-HELD  shoplifting 2018-01-01, victim Dee Hall, held for legal proceedings.
 *   ASB-9   nuisance 2018-09-01 at 51.5 N, caller Amy L Rowe.
 * </pre>
 * Disposing of C-SHOP erases, counted by hand: the crime's exact place (1 row), the review note (1), the two
 * person records' links to their persons (2) and the two person records' personal fields (2): 6 rows.
 */
@DisplayName("Disposal erases a record's personal data, keeps an audited tombstone, and is refused for a held record")
class RetentionDisposalTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private TestDatabase.Fresh db;
    private RetentionStore store;

    @BeforeEach
    void force() {
        db = TestDatabase.fresh();
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing",
                    Fixtures.WESTMINSTER);
            crime(h, "C-SHOP", "2019-03-14");
            crime(h, "C-HELD", "2018-01-01");
            h.execute("""
                    insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code, latitude, longitude)
                    values ('ASB-9', '2018-09-01 10:00+00', 'nuisance', 'Noise', ?, 'E05013806', 51.5, -0.14)""",
                    Fixtures.WESTMINSTER);
            person(h, "P1", "crime", "C-SHOP", "victim", "Amy", "Rowe", "1990-05-05", "4 Elm Road");
            h.execute("update person_record set address = '4 Elm Row' where id = 'P1'");
            person(h, "P2", "crime", "C-SHOP", "suspect", "Kyle", "Batt", "1999-01-01", "9 Oak Street");
            person(h, "P3", "crime", "C-HELD", "victim", "Dee", "Hall", "1970-03-03", "1 Ash Lane");
            person(h, "P4", "asb_incident", "ASB-9", "caller", "Amy L", "Rowe", "1990-05-05", "4 Elm Row");
            h.execute("""
                    insert into supervisory_review (crime_id, reviewed_by, reviewed_at, note, next_review_due)
                    values ('C-SHOP', 'ds.khan', '2019-03-20 10:00', 'Kyle Batt seen on CCTV; arrest', '2019-04-20')""");
        });
        PeopleStore people = new PeopleStore(jdbi, new AuditTrail(jdbi));
        people.newPerson(List.of(seq("P1"), seq("P4")), Fixtures.intelligenceAnalyst(), "same name, date of birth and address");
        people.newPerson(List.of(seq("P2")), Fixtures.intelligenceAnalyst(), "one record");
        store = new RetentionStore(jdbi, new AuditTrail(jdbi), RetentionSettings.defaults());
        store.hold(Fixtures.administrator(), "crime", "C-HELD", "legal-proceedings", "civil claim pending", TODAY);
    }

    @Test
    @DisplayName("after disposal the names, birth dates, addresses, exact place, notes and earlier versions are gone")
    void personalDataErased() {
        // when the reviewer disposes of C-SHOP
        store.decide(Fixtures.administrator(), "crime", "C-SHOP", false,
                "no policing purpose after six years; no further offending", TODAY);

        // then its people have no personal fields left, and no link to a person
        List<Map<String, Object>> people = db.jdbi().withHandle(h -> h.createQuery("""
                select id, forenames, surname, date_of_birth, sex, address, postcode, phone from person_record
                where source_id = 'C-SHOP' order by id""").mapToMap().list());
        assertThat(people).hasSize(2);
        people.forEach(p -> assertThat(p.entrySet()).filteredOn(e -> !e.getKey().equals("id"))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNull()));
        assertThat(count("select count(*) from person_link l join person_record r on r.seq = l.person_record_id"
                + " where r.source_id = 'C-SHOP'")).isZero();
        // and nothing about them survives anywhere in the versions kept, nor the note naming the suspect
        assertThat(count("select count(*) from record_history where previous::text like '%Elm Road%'"
                + " or previous::text like '%Batt%'")).isZero();
        assertThat(count("select count(*) from supervisory_review where note like '%Batt%'")).isZero();
        // and the crime keeps only what statistics need: its offence group and dates, not its exact place
        Map<String, Object> crime = db.jdbi().withHandle(h -> h.createQuery(
                "select offence_group, recorded_at::date::text as day, latitude from crime where id = 'C-SHOP'")
                .mapToMap().one());
        assertThat(crime).containsEntry("offence_group", "Shoplifting").containsEntry("day", "2019-03-14")
                .containsEntry("latitude", null);
        // and Amy Rowe's other record, the ASB call, is untouched
        assertThat(count("select count(*) from person_record where id = 'P4' and surname = 'Rowe'")).isEqualTo(1);
    }

    @Test
    @DisplayName("the tombstone holds kind, id, group, date, decision, reviewer, reason and 6 rows erased, and no personal data")
    void tombstone() {
        store.decide(Fixtures.administrator(), "crime", "C-SHOP", false,
                "no policing purpose after six years; no further offending", TODAY);

        Map<String, Object> t = db.jdbi().withHandle(h -> h.createQuery("""
                select record_type, record_id, mopi_group, disposed_on::text as disposed_on, decision, disposed_by,
                       reason, rows_erased from retention_tombstone""").mapToMap().one());
        assertThat(t).containsEntry("record_type", "crime").containsEntry("record_id", "C-SHOP")
                .containsEntry("mopi_group", 3).containsEntry("disposed_on", "2025-06-30")
                .containsEntry("decision", "dispose").containsEntry("disposed_by", "admin")
                .containsEntry("reason", "no policing purpose after six years; no further offending")
                .containsEntry("rows_erased", 6);
        assertThat(t.toString()).doesNotContain("Rowe", "Batt", "1990", "Elm");
    }

    @Test
    @DisplayName("the audit entry is written in the same transaction as the tombstone and the erasure")
    void auditInSameTransaction() {
        store.decide(Fixtures.administrator(), "crime", "C-SHOP", false, "no policing purpose", TODAY);

        // rows written by one transaction carry its id as xmin
        String tomb = one("select xmin::text from retention_tombstone where record_id = 'C-SHOP'");
        String audit = one("select xmin::text from audit_event where action = 'retention-dispose'"
                + " and record_id = 'C-SHOP'");
        String erased = one("select xmin::text from person_record where id = 'P2'");
        assertThat(audit).isEqualTo(tomb).isEqualTo(erased);
        assertThat(one("select detail from audit_event where action = 'retention-dispose'"))
                .contains("MoPI group 3", "6 rows of personal data erased").doesNotContain("Batt");
    }

    @Test
    @DisplayName("a record on hold for legal proceedings is refused: nothing erased, no tombstone, the refusal audited")
    void heldRecordRefused() {
        assertThatThrownBy(() -> store.decide(Fixtures.administrator(), "crime", "C-HELD", false, "old", TODAY))
                .hasMessageContaining("C-HELD is on hold (legal-proceedings)");

        assertThat(count("select count(*) from person_record where id = 'P3' and surname = 'Hall'")).isEqualTo(1);
        assertThat(count("select count(*) from retention_tombstone")).isZero();
        assertThat(count("select count(*) from audit_event where action = 'retention-review' and outcome = 'denied'"
                + " and record_id = 'C-HELD'")).isEqualTo(1);

        // called directly, investigation's disposal refuses the held crime as well
        assertThatThrownBy(() -> db.jdbi().useHandle(h ->
                h.execute("select investigation_crime_disposal_published('C-HELD')")))
                .hasMessageContaining("crime C-HELD is on hold");
        assertThat(count("select count(*) from person_record where id = 'P3' and surname = 'Hall'")).isEqualTo(1);
    }

    @Test
    @DisplayName("an ASB incident's disposal erases its caller and exact place, keeping its category and date")
    void asbIncident() {
        store.decide(Fixtures.administrator(), "asb_incident", "ASB-9", false, "six years, nothing since", TODAY);

        assertThat(count("select count(*) from person_record where id = 'P4' and surname is null"
                + " and date_of_birth is null and address is null")).isEqualTo(1);
        assertThat(count("select count(*) from asb_incident where id = 'ASB-9' and latitude is null"
                + " and category = 'nuisance'")).isEqualTo(1);
        // asb_incident row 1, link 1, person record 1
        assertThat(count("select rows_erased from retention_tombstone where record_id = 'ASB-9'")).isEqualTo(3);
    }

    @Test
    @DisplayName("the application's role cannot delete a person record itself, even with the disposal setting")
    void applicationCannotDelete() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> {
            h.execute("select set_config('peel.disposal', 'erase', false)");
            h.execute("delete from person_record where id = 'P3'");
        })).hasMessageContaining("permission denied");
    }

    private static void crime(Handle h, String id, String day) {
        h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   latitude, longitude, domestic_abuse, hate)
                values (?, ?::timestamptz, ?::timestamptz, 'Shoplifting', 'Shoplifting', ?, 51.5, -0.14, false, false)""",
                id, day + " 12:00+00", day + " 12:00+00", Fixtures.WESTMINSTER);
    }

    private static void person(Handle h, String id, String type, String source, String role, String forenames,
                               String surname, String dob, String address) {
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                           address, recorded_at, borough_code)
                values (?, ?, ?, ?, ?, ?, ?::date, ?, '2020-01-01 00:00+00', ?)""",
                id, type, source, role, forenames, surname, dob, address, Fixtures.WESTMINSTER);
    }

    private long seq(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("select seq from person_record where id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    private int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String one(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
