package org.peel.people;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Existing person records and persons are given their borough, sensitivity and public reference on upgrade")
class PersonRecordBackfillTest {

    @Test
    @DisplayName("records stored before the upgrade take their source record's borough and sensitivity; persons a random reference")
    void upgradeFillsTheNewColumns() {
        // given a database as it was before records carried their borough, holding a Camden sexual offence, a
        // Westminster missing child episode, a record whose source is not in the database, and a person
        String url = TestDatabase.emptyDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("103").load()
                .migrate();
        Jdbi jdbi = Jdbi.create(url);
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                       domestic_abuse, hate)
                    values ('C1', '2025-01-01', '2025-01-01', 'Sexual offences', 'Violence and sexual offences', ?,
                            false, false)""", Fixtures.CAMDEN);
            h.execute("""
                    insert into missing_episode (id, reported_at, borough_code, risk_grade, child, looked_after)
                    values ('M1', '2025-01-01', ?, 'medium', true, false)""", Fixtures.WESTMINSTER);
            for (String[] r : List.of(new String[]{"P1", "crime", "C1"}, new String[]{"P2", "missing_episode", "M1"},
                    new String[]{"P3", "crime", "GONE"})) {
                h.execute("""
                        insert into person_record (id, source_type, source_id, role, surname, recorded_at)
                        values (?, ?, ?, 'victim', 'Able', '2025-01-01')""", r[0], r[1], r[2]);
            }
            h.execute("insert into person (created_by) values ('peel link run')");
        });

        // when Peel is upgraded
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();

        // then each record has its source's borough and sensitivity, without a previous version being kept
        Map<String, String> boroughs = jdbi.withHandle(h -> h.createQuery("""
                        select id, coalesce(borough_code, 'none') || ' ' || array_to_string(sensitivities, ',') as b
                        from person_record order by id""")
                .reduceRows(new java.util.TreeMap<String, String>(), (m, row) -> {
                    m.put(row.getColumn("id", String.class), row.getColumn("b", String.class).strip());
                    return m;
                }));
        assertThat(boroughs).containsExactly(Map.entry("P1", Fixtures.CAMDEN + " SEXUAL_OFFENCE"),
                Map.entry("P2", Fixtures.WESTMINSTER + " CHILD_PROTECTION"), Map.entry("P3", "none"));
        long versions = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from record_history where table_name = 'person_record'").mapTo(Long.class).one());
        assertThat(versions).isZero();
        // and the person has a reference
        String ref = jdbi.withHandle(h -> h.createQuery("select public_ref::text from person").mapTo(String.class)
                .one());
        assertThat(ref).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
