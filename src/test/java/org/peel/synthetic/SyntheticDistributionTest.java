package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The synthetic force behaves like the real one")
class SyntheticDistributionTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("offence-group proportions are within one percentage point of the Home Office table for the Met, 12 months to June 2015")
    void offenceGroupsMatchHomeOffice() throws IOException {
        // given the Home Office table, read here with its own simple parsing
        Path table = SharedData.require("home-office/rec-crime-pfa.csv");
        Map<String, Long> expected = new TreeMap<>();
        for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f[0].equals("30-06-2015") && f[1].equals("Metropolitan Police") && !f[3].startsWith("Fraud")
                    && Long.parseLong(f[4]) > 0) {
                expected.put(f[3], Long.parseLong(f[4]));
            }
        }
        long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(expectedTotal).isBetween(700_000L, 720_000L);

        // when the Met is generated from the shared data at a small scale
        ForceSpec met = ForceSources.load("Metropolitan Police", SyntheticFixtures.JUNE_2015, table.getParent().getParent());
        Path out = SyntheticFixtures.generateCsv(met, 0.004, 3, SyntheticSettings.defaults(), tmp);

        // then every group's share of crimes is within one percentage point of the table's
        Map<String, Long> actual = new TreeMap<>();
        List<Map<String, String>> crimes = SyntheticFixtures.read(out.resolve("crime.csv"));
        crimes.forEach(c -> actual.merge(c.get("offence_group"), 1L, Long::sum));
        assertThat(expected.keySet()).containsAll(actual.keySet());
        assertThat((long) crimes.size()).isEqualTo(Math.round(expectedTotal * 0.004));
        expected.forEach((group, n) -> assertThat((double) actual.getOrDefault(group, 0L) / crimes.size())
                .as(group).isCloseTo((double) n / expectedTotal, within(0.01)));
    }

    @Test
    @DisplayName("the share of ASB incidents whose victim had another incident in the previous 12 months is within the configured band")
    void asbRepeatVictims() throws IOException {
        for (double configured : new double[]{0.30, 0.50}) {
            // given a setting for the repeat-victim share
            SyntheticSettings settings = SyntheticSettings.defaults().withAsbRepeatVictimShare(configured);

            // when a force is generated
            Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.02, 5, settings, tmp.resolve("r" + configured));

            // then, by the ground truth, the share of victims with an earlier incident within 12 months is near the setting
            assertThat(repeatVictimShare(out)).as("configured %s", configured).isCloseTo(configured, within(0.03));
        }
    }

    @Test
    @DisplayName("the share of person records that differ from their true person in at least one field is near the configured rate")
    void recordingVariationRate() throws IOException {
        for (double configured : new double[]{0.45, 0.20}) {
            // given a setting for how often a record is varied
            SyntheticSettings settings = SyntheticSettings.defaults().withVariedShare(configured);

            // when a force is generated
            Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.005, 9, settings, tmp.resolve("v" + configured));

            // then comparing each record with its true person's canonical details gives about that share
            List<Map<String, String>> records = SyntheticFixtures.read(out.resolve("person_record.csv"));
            Map<String, Map<String, String>> truth = new HashMap<>();
            SyntheticFixtures.read(out.resolve("ground_truth_people.csv")).forEach(t -> truth.put(t.get("person_record_id"), t));
            List<String> fields = List.of("forenames", "surname", "date_of_birth", "sex", "address", "postcode", "phone");
            long differing = records.stream().filter(r -> fields.stream()
                    .anyMatch(f -> !r.get(f).equals(truth.get(r.get("id")).get(f)))).count();
            assertThat(records).hasSizeGreaterThan(5_000);
            assertThat((double) differing / records.size()).as("configured %s", configured).isCloseTo(configured, within(0.02));
        }
    }

    @Test
    @DisplayName("person records carry no trace of the true person")
    void groundTruthDoesNotLeak() throws IOException {
        // given a generated force
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.002, 1, SyntheticSettings.defaults(), tmp);

        // then no record file mentions a true person id
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("ground_truth")).toList()) {
                assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContainPattern("-T[0-9]");
            }
        }
        // and the same person appears under more than one record
        List<Map<String, String>> truth = SyntheticFixtures.read(out.resolve("ground_truth_people.csv"));
        assertThat(truth.stream().map(t -> t.get("true_person_id")).distinct().count()).isLessThan(truth.size());
    }

    @Test
    @DisplayName("investigators in post fall short of establishment by the configured shortfall")
    void investigatorShortfall() throws IOException {
        // given the default 15% shortfall
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.05, 2, SyntheticSettings.defaults(), tmp);

        // then investigators in post are 85% of establishment, and every one has a PIP level
        long establishment = SyntheticFixtures.read(out.resolve("investigation_team.csv")).stream()
                .mapToLong(t -> Long.parseLong(t.get("establishment"))).sum();
        List<Map<String, String>> investigators = SyntheticFixtures.read(out.resolve("investigator.csv"));
        assertThat(1 - (double) investigators.size() / establishment).isCloseTo(0.15, within(0.01));
        assertThat(investigators).allSatisfy(i -> assertThat(i.get("pip_level")).isIn("1", "2", "3", "4"));
    }

    /** Incidents with a victim whose true person was the victim of another incident in the previous 365 days. */
    private static double repeatVictimShare(Path out) throws IOException {
        Map<String, LocalDateTime> reported = new HashMap<>();
        SyntheticFixtures.read(out.resolve("asb_incident.csv"))
                .forEach(i -> reported.put(i.get("id"), LocalDateTime.parse(i.get("reported_at").replace(' ', 'T'))));
        Map<String, String> truePerson = new HashMap<>();
        SyntheticFixtures.read(out.resolve("ground_truth_people.csv"))
                .forEach(t -> truePerson.put(t.get("person_record_id"), t.get("true_person_id")));
        record Victimisation(LocalDateTime at, String person) {
        }
        List<Victimisation> victimisations = new ArrayList<>();
        for (Map<String, String> r : SyntheticFixtures.read(out.resolve("person_record.csv"))) {
            if (r.get("source_type").equals("asb_incident") && r.get("role").contains("victim")) {
                victimisations.add(new Victimisation(reported.get(r.get("source_id")), truePerson.get(r.get("id"))));
            }
        }
        victimisations.sort((a, b) -> a.at().compareTo(b.at()));
        Map<String, LocalDateTime> last = new HashMap<>();
        long repeats = 0;
        for (Victimisation v : victimisations) {
            LocalDateTime before = last.get(v.person());
            if (before != null && !before.isBefore(v.at().minusDays(365))) {
                repeats++;
            }
            last.put(v.person(), v.at());
        }
        assertThat(victimisations).hasSizeGreaterThan(1_000);
        return (double) repeats / victimisations.size();
    }
}
