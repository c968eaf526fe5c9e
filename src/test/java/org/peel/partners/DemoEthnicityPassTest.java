package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AuditTrail;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo's IOM offenders and ASB victims state an ethnicity drawn from the census population")
class DemoEthnicityPassTest {

    @Test
    @DisplayName("a draw falls in proportion to the counts: of 1 A and 3 B, 0.2 x 4 = 0.8 is A, 0.3 x 4 = 1.2 is B")
    void drawInProportion() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("A", 1L);
        weights.put("B", 3L);
        // 0.2 x 4 = 0.8, below A's 1: A; 0.3 x 4 = 1.2, past A's 1 and within B's 3: B; 0.99 x 4 = 3.96: B
        assertThat(DemoEthnicityPass.draw(weights, 0.2)).isEqualTo("A");
        assertThat(DemoEthnicityPass.draw(weights, 0.3)).isEqualTo("B");
        assertThat(DemoEthnicityPass.draw(weights, 0.99)).isEqualTo("B");
    }

    @Test
    @DisplayName("every offender scored for IOM gets a category or not stated, and an observed group; a second run adds none")
    void recordsEveryOffender(@TempDir Path dir) throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing",
                    Fixtures.WESTMINSTER);
            h.execute("""
                    insert into iom_cohort_run (id, rule_version, as_of, run_at, run_by, offenders_scored)
                    values (1, 'test', '2025-06-30', now(), 'test', 300)""");
            for (int i = 0; i < 300; i++) {
                offender(h, "OF-" + i);
            }
        });
        // everyone in the census is Black African: every stated category must be B2
        Path census = dir.resolve("census.csv");
        List<String> columns = new java.util.ArrayList<>(CensusPopulation.CATEGORY_COLUMNS.values());
        StringBuilder header = new StringBuilder("PFA16NM");
        StringBuilder row = new StringBuilder("Metropolitan Police");
        for (String c : columns) {
            header.append(",Ethnic Group: ").append(c).append("; measures: Value");
            row.append(',').append(c.endsWith("African") && c.startsWith("Black") ? "1000" : "0");
        }
        Files.writeString(census, header + "\n" + row + "\n");

        DemoEthnicityPass.Summary s = DemoEthnicityPass.prepare(db.jdbi(), new AuditTrail(db.jdbi()), census, 7);
        assertThat(s.offenders()).isEqualTo(300);
        Map<String, Object> counts = db.jdbi().withHandle(h -> h.createQuery("""
                        select count(*) filter (where self_defined_ethnicity = 'B2') as african,
                               count(*) filter (where self_defined_ethnicity = 'NS') as not_stated,
                               count(*) filter (where observed_ethnicity = 'Black') as observed_black,
                               count(*) filter (where self_defined_ethnicity is null or observed_ethnicity is null) as gaps
                        from person_record where source_type = 'offender'""").mapToMap().one());
        assertThat(((Number) counts.get("african")).longValue() + ((Number) counts.get("not_stated")).longValue())
                .isEqualTo(300);
        assertThat(((Number) counts.get("not_stated")).longValue()).isEqualTo(s.notStated()).isBetween(5L, 40L);
        assertThat(counts.get("observed_black")).isEqualTo(300L);
        assertThat(counts.get("gaps")).isEqualTo(0L);
        assertThat(DemoEthnicityPass.prepare(db.jdbi(), new AuditTrail(db.jdbi()), census, 7).offenders()).isZero();
    }

    private static void offender(Handle h, String id) {
        h.execute("insert into offender (id, borough_code, first_offence_on, offence_count) values (?, ?, '2020-01-01', 3)",
                id, Fixtures.WESTMINSTER);
        h.execute("""
                insert into iom_cohort_score (run_id, offender_id, offender_ids, borough_code, score, reasons,
                                              borough_rank, in_rule_cohort)
                values (1, ?, array[?], ?, 10, '{}', 1, true)""", id, id, Fixtures.WESTMINSTER);
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth, sex,
                                           recorded_at, borough_code)
                values (?, 'offender', ?, 'offender', 'C', 'D', '1990-01-01', 'M', '2025-01-01 00:00+00', ?)""",
                "PR-" + id, id, Fixtures.WESTMINSTER);
    }
}
