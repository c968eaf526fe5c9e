package org.peel.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The synthetic force records rape: the force's share of sexual offences, with victims and suspects the law allows")
class SyntheticRapeTest {

    @TempDir
    static Path tmp;
    private static List<Map<String, String>> crimes;
    private static Set<String> rapes;
    private static Map<String, List<Map<String, String>>> peopleByCrime;
    private static Map<String, Map<String, String>> truth;
    private static Map<String, String> outcomes;

    /** The Met without shared data, at 3% of its volumes: 15,289 × 0.03 ≈ 459 sexual offences. */
    @BeforeAll
    static void generate() throws IOException {
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.03, 11, SyntheticSettings.defaults(), tmp);
        crimes = SyntheticFixtures.read(out.resolve("crime.csv"));
        rapes = SyntheticFixtures.read(out.resolve("crime_flag.csv")).stream()
                .filter(f -> f.get("flag").equals("RAPE")).map(f -> f.get("crime_id")).collect(Collectors.toSet());
        peopleByCrime = SyntheticFixtures.read(out.resolve("person_record.csv")).stream()
                .filter(p -> p.get("source_type").equals("crime"))
                .collect(Collectors.groupingBy(p -> p.get("source_id")));
        truth = new HashMap<>();
        SyntheticFixtures.read(out.resolve("ground_truth_people.csv")).forEach(t -> truth.put(t.get("person_record_id"), t));
        outcomes = new HashMap<>();
        SyntheticFixtures.read(out.resolve("crime_outcome.csv")).forEach(o -> outcomes.put(o.get("crime_id"), o.get("outcome_code")));
    }

    @Test
    @DisplayName("rape is the Met's share of sexual offences (0.343, London Datastore, year to June 2015) within 0.07")
    void shareOfSexualOffences() {
        long sexual = crimes.stream().filter(c -> c.get("offence_group").equals("Sexual offences")).count();
        assertThat(sexual).isBetween(440L, 480L);
        // the source: 5,280 rapes of 15,381 sexual offences = 0.3433
        assertThat(ForceSources.MET_RAPE_SHARE_2015).isCloseTo(0.3433, within(0.0001));
        // tolerance: three standard errors of a share of 0.343 over about 459 crimes,
        // 3 × √(0.343 × 0.657 / 459) = 3 × 0.0222 = 0.067, rounded up to 0.07
        assertThat((double) rapes.size() / sexual).isCloseTo(0.3433, within(0.07));
    }

    @Test
    @DisplayName("every rape is a sexual offence with a victim; every named suspect is a man, not the victim")
    void recordsTheLawAllows() {
        Map<String, String> groupOf = crimes.stream().collect(Collectors.toMap(c -> c.get("id"), c -> c.get("offence_group")));
        assertThat(rapes).isNotEmpty();
        int suspects = 0;
        for (String id : rapes) {
            assertThat(groupOf.get(id)).as(id).isEqualTo("Sexual offences");
            List<Map<String, String>> people = peopleByCrime.getOrDefault(id, List.of());
            List<String> victims = people.stream().filter(p -> p.get("role").equals("victim"))
                    .map(p -> truth.get(p.get("id")).get("true_person_id")).toList();
            assertThat(victims).as(id).hasSize(1);
            for (Map<String, String> p : people) {
                if (p.get("role").equals("suspect")) {
                    Map<String, String> t = truth.get(p.get("id"));
                    assertThat(t.get("sex")).as("suspect in " + id).isEqualTo("M");
                    assertThat(t.get("true_person_id")).as("suspect in " + id).isNotEqualTo(victims.get(0));
                    suspects++;
                }
            }
            // a sexual offence's person records are marked as such, for the roles that may not see them
            assertThat(people).allMatch(p -> p.get("sensitivities").contains("SEXUAL_OFFENCE"));
        }
        assertThat(suspects).isPositive();
    }

    @Test
    @DisplayName("most rape victims are women and girls, and no rape is closed by a caution or another out-of-court disposal")
    void victimsAndOutcomes() {
        long women = rapes.stream().flatMap(id -> peopleByCrime.get(id).stream())
                .filter(p -> p.get("role").equals("victim"))
                .filter(p -> truth.get(p.get("id")).get("sex").equals("F")).count();
        // one in ten of new victims is male, and repeat victims are drawn as they come: well over three quarters women
        assertThat((double) women / rapes.size()).isGreaterThan(0.75);
        assertThat(rapes.stream().map(outcomes::get).filter(java.util.Objects::nonNull))
                .noneMatch(code -> Set.of("2", "3", "6", "7", "8", "10", "21", "22").contains(code));
    }

    @Test
    @DisplayName("with the shared data, the Met's share is read from the London Datastore for the 12 months generated")
    void shareFromTheLondonDatastore() throws IOException {
        Path file = SharedData.require("london-datastore/MPS_Borough_Level_Crime_Historic.csv");
        // read here with its own simple parsing: July 2014 to June 2015, "Sexual Offences" rows
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int from = header.indexOf("201407");
        long rape = 0;
        long sexual = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals("Sexual Offences")) {
                for (int c = from; c < from + 12; c++) {
                    long n = f[c].isBlank() ? 0 : Long.parseLong(f[c].strip());
                    sexual += n;
                    rape += f[2].equals("Rape") ? n : 0;
                }
            }
        }
        assertThat(rape).isEqualTo(5280);
        assertThat(sexual).isEqualTo(15381);
        ForceSpec met = ForceSources.load("Metropolitan Police", SyntheticFixtures.JUNE_2015, file.getParent().getParent());
        assertThat(met.rapeShare()).isCloseTo(5280.0 / 15381, within(1e-9));
        assertThat(met.sources()).anyMatch(s -> s.startsWith("rape share of sexual offences: 0.343 (5,280 rapes of"
                + " 15,381 sexual offences), London Datastore"));
    }
}
