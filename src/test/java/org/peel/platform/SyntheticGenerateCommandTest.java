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
    @DisplayName("refuses a scale of zero with a clear message")
    void refusesZeroScale() {
        int exit = PeelCommand.execute("generate", "--force", "Metropolitan Police", "--scale", "0",
                "--out", tmp.toString(), "--shared-data", tmp.toString());
        assertThat(exit).isEqualTo(2);
    }
}
