package org.peel.partners;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AuditTrail;
import org.peel.module.CommandOutput;
import org.peel.people.Ethnicity;
import org.peel.people.PersonEthnicityStore;
import org.peel.platform.PeelCommand;
import org.peel.testing.Fixtures;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The gangs matrix's equality report worked by hand. Ten people on the matrix: 6 Black, 4 White. The force area's
 * census population: Black 1,000, White 8,000 (and Mixed 500, Asian 700, Other 300, with no one on the matrix).
 * <pre>
 *   rate Black = 6 / 1,000 = 6.0 per 1,000;  rate White = 4 / 8,000 = 0.5 per 1,000
 *   ratio      = 6.0 / 0.5 = 12
 *   SE(ln ratio) = sqrt(1/6 + 1/4) = sqrt(0.41667) = 0.64550
 *   95% interval = exp(ln 12 -/+ 1.959964 x 0.64550) = exp(2.48491 -/+ 1.26515) = 3.386 to 42.524
 * </pre>
 * Ages on 2025-06-30: five born 2000-01-01 (25, band 16-29) and five born 1985-01-01 (40, band 30-44), against
 * 2,000 residents aged 16-29 and 4,000 aged 30-44: ratio (5/2,000)/(5/4,000) = 2, interval
 * exp(ln 2 -/+ 1.959964 x sqrt(1/5 + 1/5)) = 0.579 to 6.908.
 * <p>The IOM cohort, its ethnicity recorded by self-definition through people: two Black (African, Caribbean), one
 * White (British), one who chose not to state it, one scored but outside the cohort (Black, not counted):
 * <pre>
 *   rate Black = 2 / 1,000 = 2.0 per 1,000;  rate White = 1 / 8,000 = 0.125 per 1,000
 *   ratio      = 2.0 / 0.125 = 16
 *   SE(ln ratio) = sqrt(1/2 + 1/1) = 1.224745
 *   95% interval = exp(ln 16 -/+ 1.959964 x 1.224745) = exp(2.772589 -/+ 2.400455) = 1.451 to 176.451
 *   not recorded: 1 (not stated)
 * </pre>
 */
@DisplayName("Equality reports of the gangs matrix, ASB risk grades and the IOM cohort against census population")
class ActivityEqualityTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("the rule: Black 6 of 1,000 against White 4 of 8,000 is a ratio of 12, 95% interval 3.39 to 42.52")
    void workedByHand() {
        List<EqualityGroups.Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(new EqualityGroups.Person("Black", "M", LocalDate.of(2000, 1, 1)));
        }
        for (int i = 0; i < 4; i++) {
            people.add(new EqualityGroups.Person("White", "M", LocalDate.of(1985, 1, 1)));
        }
        List<EqualityGroups.Dimension> dims = EqualityGroups.report("Gangs matrix", people, LocalDate.of(2025, 6, 30),
                Map.of("White", 8000L, "Mixed", 500L, "Asian", 700L, "Black", 1000L, "Other", 300L), null, true);

        Disproportionality.Row black = dims.get(0).rows().stream().filter(r -> r.group().equals("Black")).findFirst()
                .orElseThrow();
        assertThat(black.ratePer1000()).isCloseTo(6.0, within(1e-9));
        assertThat(black.ratio()).isCloseTo(12.0, within(1e-9));
        assertThat(black.low()).isCloseTo(3.386, within(0.001));
        assertThat(black.high()).isCloseTo(42.524, within(0.001));
        assertThat(dims.get(1).rows()).as("no age population given").isEmpty();
        assertThat(dims.get(1).note()).contains("not in the shared data");
        assertThat(dims.get(2).counts()).containsEntry("Male", 10L).containsEntry("Female", 0L);
        assertThat(dims.get(2).rows()).as("no population by sex in the shared data").isEmpty();
        assertThat(dims.get(2).note()).startsWith("No population by sex");
    }

    @Test
    @DisplayName("peel equality activities reads the matrix through its published view and gives the same figures")
    void onTheDatabase(@TempDir Path dir) throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing",
                    Fixtures.WESTMINSTER);
            for (int i = 0; i < 10; i++) {
                boolean black = i < 6;
                String dob = i < 5 ? "2000-01-01" : "1985-01-01";
                nominal(h, "GN-" + i, black ? "Black" : "White", "included", dob);
            }
            // removed from the matrix: not counted
            nominal(h, "GN-X", "Black", "removed", "2000-01-01");
            h.execute("""
                    insert into iom_cohort_run (id, rule_version, as_of, run_at, run_by, offenders_scored)
                    values (1, 'test', '2025-06-30', now(), 'test', 5)""");
            offender(h, "OF-1", true);
            offender(h, "OF-2", true);
            offender(h, "OF-3", true);
            offender(h, "OF-4", true);
            offender(h, "OF-5", false);
        });
        PersonEthnicityStore ethnicities = new PersonEthnicityStore(db.jdbi(), new AuditTrail(db.jdbi()));
        ethnicities.record(Fixtures.administrator(), "PR-OF-1", Ethnicity.B2, "Black");
        ethnicities.record(Fixtures.administrator(), "PR-OF-2", Ethnicity.B1, null);
        ethnicities.record(Fixtures.administrator(), "PR-OF-3", Ethnicity.W1, "White");
        ethnicities.record(Fixtures.administrator(), "PR-OF-4", Ethnicity.NS, "Black");
        ethnicities.record(Fixtures.administrator(), "PR-OF-5", Ethnicity.B2, "Black");
        long audited = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'ethnicity-record' and record_type = 'person_record'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(5);
        Path census = dir.resolve("census.csv");
        Files.writeString(census, "PFA16NM,Ethnic Group: White; measures: Value,Ethnic Group: Mixed; measures: Value,"
                + "Ethnic Group: Asian; measures: Value,Ethnic Group: Black; measures: Value,"
                + "Ethnic Group: Other; measures: Value\nKent,1,1,1,1,1\nMetropolitan Police,8000,500,700,1000,300\n");
        Path atlas = dir.resolve("atlas.csv");
        Files.writeString(atlas, "Codes,Names,Mid-year Population Estimates;Aged 0-15;2013,"
                + "Mid-year Population Estimates;Aged 16-29;2013,Mid-year Population Estimates;Aged 30-44;2013,"
                + "Mid-year Population Estimates;Aged 45-64;2013,Mid-year Population Estimates;Aged 65+;2013\n"
                + "E01004734,Westminster 001A,100,1500,3000,900,400\nE01004735,Westminster 001B,0,500,1000,100,100\n"
                + "W01001000,Cardiff 001A,9,9,9,9,9\n");

        assertThat(PeelCommand.execute("equality", "activities", "--as-of", "2025-06-30", "--census", census.toString(),
                "--atlas", atlas.toString(), "--db-url", db.jdbcUrl(), "--format", "json"))
                .as(streams.err().toString()).isZero();

        JsonNode reports = CommandOutput.JSON.readTree(streams.out().toString()).get("reports");
        JsonNode ethnicity = find(reports, "Gangs matrix", "Ethnic group");
        JsonNode black = row(ethnicity, "Black");
        assertThat(black.get("people").asLong()).isEqualTo(6);
        assertThat(black.get("population").asLong()).isEqualTo(1000);
        assertThat(black.get("ratio").asDouble()).isCloseTo(12.0, within(1e-9));
        assertThat(black.get("ci_low").asDouble()).isCloseTo(3.386, within(0.001));
        assertThat(black.get("ci_high").asDouble()).isCloseTo(42.524, within(0.001));
        JsonNode age = find(reports, "Gangs matrix", "Age on 2025-06-30");
        // Westminster's two LSOAs: 16-29 is 1,500 + 500 = 2,000; 30-44 is 3,000 + 1,000 = 4,000; Cardiff, not the force's, left out
        JsonNode young = row(age, "16-29");
        assertThat(young.get("population").asLong()).isEqualTo(2000);
        assertThat(young.get("ratio").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(young.get("ci_low").asDouble()).isCloseTo(0.579, within(0.001));
        assertThat(young.get("ci_high").asDouble()).isCloseTo(6.908, within(0.001));
        JsonNode iom = find(reports, "IOM cohort", "Ethnic group");
        assertThat(iom.get("counts").get("Black").asLong()).isEqualTo(2);
        assertThat(iom.get("counts").get("White").asLong()).isEqualTo(1);
        assertThat(iom.get("counts").get("Not recorded").asLong()).isEqualTo(1);
        JsonNode iomBlack = row(iom, "Black");
        assertThat(iomBlack.get("rate_per_1000").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(iomBlack.get("ratio").asDouble()).isCloseTo(16.0, within(1e-9));
        assertThat(iomBlack.get("ci_low").asDouble()).isCloseTo(1.451, within(0.001));
        assertThat(iomBlack.get("ci_high").asDouble()).isCloseTo(176.451, within(0.001));
        assertThat(iom.get("note").asText()).contains("1 with none recorded left out");
    }

    private static void nominal(Handle h, String id, String ethnicity, String status, String dob) {
        h.execute("""
                insert into gang_nominal (id, gang_name, borough_code, ethnicity, status, score, sources, review_due,
                                          last_reviewed, removed_on, removal_reason, dpia_reference, recorded_by,
                                          recorded_at)
                values (?, 'Elm Boys', ?, ?, ?, 20, 2, '2025-09-01', '2025-06-01', ?, ?, 'DPIA-01', 'ia', now())""",
                id, Fixtures.WESTMINSTER, ethnicity, status, status.equals("removed") ? LocalDate.of(2025, 5, 1) : null,
                status.equals("removed") ? "score fell to 0" : null);
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth, sex,
                                           recorded_at, borough_code)
                values (?, 'gang', ?, 'gang nominal', 'A', 'B', ?::date, 'M', '2025-01-01 00:00+00', ?)""",
                "PR-" + id, id, dob, Fixtures.WESTMINSTER);
    }

    private static void offender(Handle h, String id, boolean inCohort) {
        h.execute("insert into offender (id, borough_code, first_offence_on, offence_count) values (?, ?, '2020-01-01', 3)",
                id, Fixtures.WESTMINSTER);
        h.execute("""
                insert into iom_cohort_score (run_id, offender_id, offender_ids, borough_code, score, reasons,
                                              borough_rank, in_rule_cohort)
                values (1, ?, array[?], ?, 10, '{}', 1, ?)""", id, id, Fixtures.WESTMINSTER, inCohort);
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth, sex,
                                           recorded_at, borough_code)
                values (?, 'offender', ?, 'offender', 'C', 'D', '1990-01-01', 'M', '2025-01-01 00:00+00', ?)""",
                "PR-" + id, id, Fixtures.WESTMINSTER);
    }

    private static JsonNode find(JsonNode reports, String activity, String dimension) {
        for (JsonNode r : reports) {
            if (r.get("activity").asText().equals(activity) && r.get("dimension").asText().equals(dimension)) {
                return r;
            }
        }
        throw new AssertionError("no report " + activity + " by " + dimension + " in " + reports);
    }

    private static JsonNode row(JsonNode report, String group) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("group").asText().equals(group)) {
                return r;
            }
        }
        throw new AssertionError("no row " + group + " in " + report);
    }
}
