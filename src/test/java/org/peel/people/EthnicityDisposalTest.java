package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A person record's ethnicity is recorded with an audit entry and erased when the record is disposed of")
class EthnicityDisposalTest {

    @Test
    @DisplayName("given an offender's record with self-defined A1 and observed Asian, disposal leaves neither")
    void disposalErasesEthnicity() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at)
                values ('PR-E1', 'offender', 'OF-E1', 'offender', 'A', 'B', '2025-01-01 00:00')"""));
        PersonEthnicityStore store = new PersonEthnicityStore(db.jdbi(), new AuditTrail(db.jdbi()));
        assertThat(store.record(Fixtures.administrator(), "PR-E1", Ethnicity.A1, "Asian")).isTrue();
        assertThat(store.record(Fixtures.administrator(), "PR-NONE", Ethnicity.A1, "Asian")).isFalse();
        Map<String, Object> published = db.jdbi().withHandle(h -> h.createQuery("""
                        select self_defined_ethnicity, self_defined_group, observed_group
                        from people_person_ethnicity_published where record_id = 'PR-E1'""").mapToMap().one());
        assertThat(published).containsEntry("self_defined_ethnicity", "A1").containsEntry("self_defined_group", "Asian")
                .containsEntry("observed_group", "Asian");

        db.jdbi().useHandle(h -> h.createQuery("select people_person_record_disposal_published('offender', 'OF-E1')")
                .mapTo(Integer.class).one());
        Map<String, Object> after = db.jdbi().withHandle(h -> h.createQuery("""
                        select self_defined_ethnicity, observed_ethnicity, forenames from person_record
                        where id = 'PR-E1'""").mapToMap().one());
        assertThat(after).containsEntry("self_defined_ethnicity", null).containsEntry("observed_ethnicity", null)
                .containsEntry("forenames", null);
    }
}
