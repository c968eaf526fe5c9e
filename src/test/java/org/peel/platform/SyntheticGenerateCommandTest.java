package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel generate")
class SyntheticGenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("writes one CSV file per record type and the ground truth with --out")
    void writesFiles() {
        // when the Met is generated at a tiny scale into a folder
        int exit = PeelCommand.execute("generate", "--force", "Metropolitan Police Service", "--scale", "0.001",
                "--seed", "5", "--year-to", "2015-06", "--out", tmp.toString(), "--shared-data", tmp.toString());

        // then it succeeds and the files are there
        assertThat(exit).isZero();
        assertThat(tmp.resolve("crime.csv")).exists();
        assertThat(tmp.resolve("asb_incident.csv")).exists();
        assertThat(tmp.resolve("ground_truth_people.csv")).exists();
        assertThat(Files.isRegularFile(tmp.resolve("person_record.csv"))).isTrue();
    }

    @Test
    @DisplayName("takes recording-variation, repeat-victim and shortfall settings, which give the generation another key")
    void settings() throws Exception {
        // when one force is generated with default settings and with its own
        Path defaults = tmp.resolve("defaults");
        Path custom = tmp.resolve("custom");
        assertThat(PeelCommand.execute("generate", "--force", "Metropolitan Police", "--scale", "0.001",
                "--out", defaults.toString(), "--shared-data", tmp.toString())).isZero();
        assertThat(PeelCommand.execute("generate", "--force", "Metropolitan Police", "--scale", "0.001",
                "--varied-share", "0.2", "--asb-repeat-victim-share", "0.4", "--investigator-shortfall", "0.1",
                "--out", custom.toString(), "--shared-data", tmp.toString())).isZero();

        // then their record ids carry different generation keys
        String first = Files.readAllLines(defaults.resolve("crime.csv")).get(1).split("-")[0];
        String second = Files.readAllLines(custom.resolve("crime.csv")).get(1).split("-")[0];
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    @DisplayName("refuses a scale of zero with a clear message")
    void refusesZeroScale() {
        int exit = PeelCommand.execute("generate", "--force", "Metropolitan Police", "--scale", "0",
                "--out", tmp.toString(), "--shared-data", tmp.toString());
        assertThat(exit).isEqualTo(2);
    }
}
