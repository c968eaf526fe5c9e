package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The synthetic force is reproducible")
class SyntheticDeterminismTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the same seed gives byte-identical files, and another seed gives different data")
    void sameSeedSameBytes() throws IOException {
        // given the Met as Peel knows it without shared data
        ForceSpec met = SyntheticFixtures.builtInMet();

        // when it is generated twice with one seed and once with another
        Path first = SyntheticFixtures.generateCsv(met, 0.002, 7, SyntheticSettings.defaults(), tmp.resolve("first"));
        Path second = SyntheticFixtures.generateCsv(met, 0.002, 7, SyntheticSettings.defaults(), tmp.resolve("second"));
        Path other = SyntheticFixtures.generateCsv(met, 0.002, 8, SyntheticSettings.defaults(), tmp.resolve("other"));

        // then the two runs with one seed agree byte for byte, file by file
        List<String> files = fileNames(first);
        assertThat(files).contains("crime.csv", "asb_incident.csv", "person_record.csv", "ground_truth_people.csv",
                "crime_outcome.csv", "investigator.csv", "offender.csv", "domestic_abuse_incident.csv",
                "missing_episode.csv", "ocg.csv");
        assertThat(fileNames(second)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(second.resolve(f))).as(f).isEqualTo(Files.readAllBytes(first.resolve(f)));
        }
        // and the other seed gives other people and other crimes
        assertThat(Files.readAllBytes(other.resolve("person_record.csv"))).isNotEqualTo(Files.readAllBytes(first.resolve("person_record.csv")));
        assertThat(Files.readAllBytes(other.resolve("crime.csv"))).isNotEqualTo(Files.readAllBytes(first.resolve("crime.csv")));
    }

    @Test
    @DisplayName("with real LSOA geography the same seed still gives byte-identical files")
    void sameSeedSameBytesWithRealPlaces() throws IOException {
        // given the Met built from the shared public data
        Path shared = SharedData.require("geography/lookups");
        ForceSpec met = ForceSources.load("Metropolitan Police Service", SyntheticFixtures.JUNE_2015, shared.getParent().getParent());
        assertThat(met.hasLsoas()).isTrue();

        // when it is generated twice with one seed
        Path first = SyntheticFixtures.generateCsv(met, 0.002, 11, SyntheticSettings.defaults(), tmp.resolve("a"));
        Path second = SyntheticFixtures.generateCsv(met, 0.002, 11, SyntheticSettings.defaults(), tmp.resolve("b"));

        // then every file is the same
        for (String f : fileNames(first)) {
            assertThat(Files.readAllBytes(second.resolve(f))).as(f).isEqualTo(Files.readAllBytes(first.resolve(f)));
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
