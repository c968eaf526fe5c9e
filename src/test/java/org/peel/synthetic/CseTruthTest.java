package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AuditTrail;
import org.peel.people.BatchLinkage;
import org.peel.people.IdentityResolution;
import org.peel.people.PeopleStore;
import org.peel.people.PersonRecordSource;
import org.peel.testing.TestDatabase;
import org.peel.vulnerability.DemoVulnerabilityPass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The synthetic force knows which children are truly at risk of sexual exploitation, and the demo's CSE"
        + " grades follow that truth")
class CseTruthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the truth file names every child who went missing, with their episodes, care, age and whether at"
            + " risk, and repeat missing makes risk likelier")
    void truthFile() throws IOException {
        // given a small Met written as files
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.002, 7, SyntheticSettings.defaults(),
                tmp);

        // then the CSE truth sits beside the people's truth, with its columns
        Path file = out.resolve("ground_truth_cse.csv");
        assertThat(file).exists();
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("true_person_id,missing_episodes,looked_after,age,at_risk");
        List<Map<String, String>> truth = SyntheticFixtures.read(file);
        // and every child who went missing has exactly one row: the children's missing person records, through the
        // people's truth, name the same true persons as the CSE truth
        Set<String> childRecords = SyntheticFixtures.read(out.resolve("missing_episode.csv")).stream()
                .filter(e -> e.get("child").equals("true")).map(e -> e.get("id")).collect(Collectors.toSet());
        Set<String> missingRecords = SyntheticFixtures.read(out.resolve("person_record.csv")).stream()
                .filter(r -> r.get("role").equals("missing person") && childRecords.contains(r.get("source_id")))
                .map(r -> r.get("id")).collect(Collectors.toSet());
        Set<String> missingChildren = SyntheticFixtures.read(out.resolve("ground_truth_people.csv")).stream()
                .filter(t -> missingRecords.contains(t.get("person_record_id"))).map(t -> t.get("true_person_id"))
                .collect(Collectors.toSet());
        assertThat(truth).extracting(t -> t.get("true_person_id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(missingChildren);
        assertThat(truth).allSatisfy(t -> assertThat(Integer.parseInt(t.get("age"))).isBetween(0, 17));
        assertThat(truth).anySatisfy(t -> assertThat(t.get("at_risk")).isEqualTo("true"));
        assertThat(truth).anySatisfy(t -> assertThat(t.get("at_risk")).isEqualTo("false"));
    }

    @Test
    @DisplayName("the chance of being truly at risk rises with repeat missing, with care, and with age")
    void riskChance() {
        // a teenager missing once: 0.03; twice: 0.10; three or four times: 0.25; five to nine: 0.45; ten or more: 0.65
        assertThat(MissingEpisodes.cseRiskChance(1, false, 15)).isEqualTo(0.03);
        assertThat(MissingEpisodes.cseRiskChance(4, false, 15)).isEqualTo(0.25);
        assertThat(MissingEpisodes.cseRiskChance(12, false, 15)).isEqualTo(0.65);
        // in care, half as much again: 0.45 × 1.5 = 0.675; 0.65 × 1.5 = 0.975, held to 0.85
        assertThat(MissingEpisodes.cseRiskChance(6, true, 15)).isCloseTo(0.675, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MissingEpisodes.cseRiskChance(12, true, 15)).isEqualTo(0.85);
        // under 13, 0.4 of it: 0.25 × 0.4 = 0.10
        assertThat(MissingEpisodes.cseRiskChance(3, false, 12)).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("the demo's CSE cases graded medium or high are mostly the children truly at risk, and few of those"
            + " are graded low")
    void gradesFollowTruth() throws IOException {
        // given a Met large enough to have some thirty children missing three or more times, loaded and resolved
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ForceSpec met = SyntheticFixtures.builtInMet();
        Generation g = new Generation(met.name(), SCALE, 7, SyntheticFixtures.JUNE_2015).endingBefore(TODAY)
                .staffing(Set.of());
        try (DatabaseSink sink = new DatabaseSink(jdbi).deferDomesticAbuse()) {
            SyntheticForce.generate(met, g, SyntheticSettings.defaults(), sink);
        }
        new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE), "test");

        // when the demo assesses them, its assessor finding indicators as the truth has it
        Clock clock = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        DemoVulnerabilityPass.prepare(jdbi, new AuditTrail(jdbi), clock, Map.of(),
                CseTruth.episodesOfChildrenAtRisk(jdbi)::contains);

        // then every grade is the rule's for its score (no officer's judgement in the demo): medium from 3, high from 6
        assertThat(count(jdbi, """
                select count(*) from cse_assessment
                where grade <> case when score >= 6 then 'high' when score >= 3 then 'medium' else 'low' end"""))
                .isZero();
        long assessed = count(jdbi, "select count(*) from cse_assessment");
        long flagged = count(jdbi, "select count(*) from cse_assessment where grade <> 'low'");
        long atRisk = count(jdbi, AT_RISK + ")");
        long flaggedAtRisk = count(jdbi, AT_RISK + ") and grade <> 'low'");
        double precision = (double) flaggedAtRisk / flagged;
        double recall = (double) flaggedAtRisk / atRisk;
        System.out.printf("CSE grades against truth, Met %s seed 7: %d assessed, %d truly at risk, %d graded medium"
                + " or high, %d of them at risk: precision %.2f, recall %.2f%n", SCALE, assessed, atRisk, flagged,
                flaggedAtRisk, precision, recall);
        assertThat(assessed).isGreaterThanOrEqualTo(25);
        assertThat(atRisk).isPositive();
        // Recall: repeat missing (1) is always seen; an at-risk child shows each of the other eight indicators half the
        // time, and stays below 3 only with no weight-2 indicator (0.5^4) and at most one of the four weight-1 ones
        // (0.5^4 × 5): 0.0625 × 0.3125 ≈ 0.02, so expected recall ≈ 0.98. Measured here 13 of 15 (0.87); four or
        // more misses in fifteen has a chance of about 0.0002, so the floor is 0.75.
        assertThat(recall).isGreaterThanOrEqualTo(0.75);
        // Precision: a child not at risk reaches 3 with any weight-2 indicator (1 − 0.98^4 ≈ 0.078) or, without one,
        // two or more weight-1 ones at 0.08 each (≈ 0.034 × 0.922): a false flag ≈ 0.11. With some two in five of
        // these children truly at risk, expected precision is 0.4 × 0.98 / (0.4 × 0.98 + 0.6 × 0.11) ≈ 0.86. Measured
        // here 13 of 13; the floor 0.6 still says "mostly the children at risk".
        assertThat(precision).isGreaterThanOrEqualTo(0.6);
    }

    private static final double SCALE = 0.02;

    /** The demo's CSE assessments of children the generator made truly at risk; close the bracket to use. */
    private static final String AT_RISK = """
            select count(*) from cse_assessment a
            where a.source_report in (select r.source_id from person_record r
                                      join synthetic_truth t on t.person_record_id = r.id
                                      join synthetic_cse_truth c on c.true_person_id = t.true_person_id
                                      where r.source_type = 'missing_episode' and r.role = 'missing person'
                                        and c.at_risk""";

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
