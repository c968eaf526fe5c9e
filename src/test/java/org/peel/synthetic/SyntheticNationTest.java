package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A synthetic nation")
class SyntheticNationTest {

    @Test
    @DisplayName("has people known to more than one force, and is the same for the same seed")
    void peopleAcrossForces() {
        SyntheticNation nation = SyntheticNation.generate(5_000, 4, 3, 0.2, 0.1);

        assertThat(nation.records()).hasSize(5_000);
        assertThat(nation.records().stream().map(SyntheticNation.Recorded::force).distinct()).hasSize(4);
        assertThat(nation.personsInSeveralForces()).isGreaterThan(100);
        assertThat(SyntheticNation.generate(5_000, 4, 3, 0.2, 0.1)).isEqualTo(nation);
    }

    @Test
    @DisplayName("peel generate --forces writes one export per force and the truth apart from them")
    void generateCommand(@TempDir Path dir) throws IOException {
        int exit = PeelCommand.execute("generate", "--forces", "3", "--records", "1000", "--out", dir.toString());

        assertThat(exit).isZero();
        assertThat(dir.resolve("metropolitan.csv")).exists();
        assertThat(dir.resolve("kent.csv")).exists();
        assertThat(dir.resolve("essex.csv")).exists();
        List<String> truth = Files.readAllLines(dir.resolve("truth").resolve("ground_truth_people.csv"));
        assertThat(truth.get(0)).isEqualTo("force,record_id,person");
        assertThat(truth).hasSize(1_001);
        assertThat(Files.readAllLines(dir.resolve("kent.csv")).get(0))
                .isEqualTo("record_id,given_name,surname,dob,sex,address,postcode,city,email,phone");
    }

    @Test
    @DisplayName("peel generate refuses --forces without --out, in one line")
    void needsOut() {
        assertThat(PeelCommand.execute("generate", "--forces", "3")).isNotZero();
    }
}
