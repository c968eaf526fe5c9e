package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The reason someone new was recorded without a detail is kept through the access policy, audited, and counted by month")
class PersonNotGivenStoreTest {

    private static final User OFFICER = new User(7, "pc.reason", "PC Reason", Role.NEIGHBOURHOOD_OFFICER,
            Fixtures.WESTMINSTER);
    private static final User INSPECTOR = new User(8, "hmi.reason", "HMI Reason", Role.INSPECTOR, null);

    private static void record(TestDatabase.Fresh db, String id, String borough) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at,
                                                   borough_code)
                        values (:id, 'asb', :id, 'victim', 'Ottilie', 'Brackenbury', '2026-06-03 09:00', :b)""")
                .bind("id", id).bind("b", borough).execute());
    }

    @Test
    @DisplayName("kept and audited for an officer who may record; refused and audited, nothing kept, for a read-only inspector")
    void throughTheAccessPolicy() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        record(db, "PR-N1", Fixtures.WESTMINSTER);
        record(db, "PR-N2", Fixtures.WESTMINSTER);
        PersonNotGivenStore store = new PersonNotGivenStore(db.jdbi(), new AuditTrail(db.jdbi()));
        SharedName.WithoutDetail refused = new SharedName.WithoutDetail(SharedName.NotGiven.REFUSED,
                SharedName.Namesakes.byName(9));

        db.jdbi().useTransaction(h -> store.record(h, OFFICER, Section.PREVENTION, "PR-N1", refused,
                LocalDateTime.of(2026, 6, 3, 9, 0)));
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> store.record(h, INSPECTOR, Section.PREVENTION,
                "PR-N2", refused, LocalDateTime.of(2026, 6, 3, 9, 0)))).isInstanceOf(IllegalStateException.class);

        Map<String, Long> audited = db.jdbi().withHandle(h -> h.createQuery("""
                        select record_id || ' ' || action || ' ' || outcome as what, count(*) as n from audit_event
                        where record_type = 'person_record' group by 1""")
                .map((rs, ctx) -> Map.entry(rs.getString("what"), rs.getLong("n"))).list())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(audited).containsEntry("PR-N1 person-record.not-given success", 1L)
                .containsEntry("PR-N2 access-denied denied", 1L).hasSize(2);
        long seqN1 = db.jdbi().withHandle(h -> h.createQuery("select seq from person_record where id = 'PR-N1'")
                .mapTo(Long.class).one());
        assertThat(store.notes(java.util.List.of(seqN1, seqN1 + 1))).containsOnlyKeys(seqN1);
    }

    @Test
    @DisplayName("the month's count: only names more than 5 share, only that month, only the borough asked for")
    void countedByMonth() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        PersonNotGivenStore store = new PersonNotGivenStore(db.jdbi(), new AuditTrail(db.jdbi()));
        // June: two refused (9 and 6 namesakes), one unknown with 5 namesakes (the panel showed them all: not
        // counted), one not safe in Camden; May: one refused
        Object[][] rows = {
                {"PR-C1", Fixtures.WESTMINSTER, SharedName.NotGiven.REFUSED, 9, LocalDateTime.of(2026, 6, 1, 0, 0)},
                {"PR-C2", Fixtures.WESTMINSTER, SharedName.NotGiven.REFUSED, 6, LocalDateTime.of(2026, 6, 30, 23, 59)},
                {"PR-C3", Fixtures.WESTMINSTER, SharedName.NotGiven.UNKNOWN, 5, LocalDateTime.of(2026, 6, 10, 12, 0)},
                {"PR-C4", Fixtures.CAMDEN, SharedName.NotGiven.NOT_SAFE, 40, LocalDateTime.of(2026, 6, 11, 12, 0)},
                {"PR-C5", Fixtures.WESTMINSTER, SharedName.NotGiven.REFUSED, 9, LocalDateTime.of(2026, 5, 31, 23, 59)}};
        for (Object[] r : rows) {
            record(db, (String) r[0], (String) r[1]);
            db.jdbi().useTransaction(h -> store.record(h, OFFICER, Section.PREVENTION, (String) r[0],
                    new SharedName.WithoutDetail((SharedName.NotGiven) r[2], SharedName.Namesakes.byName((int) r[3])),
                    (LocalDateTime) r[4]));
        }
        LocalDateTime june = LocalDateTime.of(2026, 6, 1, 0, 0);

        assertThat(store.countByReason(june, june.plusMonths(1), null)).containsExactly(
                Map.entry(SharedName.NotGiven.REFUSED, 2), Map.entry(SharedName.NotGiven.UNKNOWN, 0),
                Map.entry(SharedName.NotGiven.NOT_SAFE, 1));
        assertThat(store.countByReason(june, june.plusMonths(1), Fixtures.WESTMINSTER)).containsExactly(
                Map.entry(SharedName.NotGiven.REFUSED, 2), Map.entry(SharedName.NotGiven.UNKNOWN, 0),
                Map.entry(SharedName.NotGiven.NOT_SAFE, 0));
    }
}
