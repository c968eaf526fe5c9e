package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Synthetic people have names a real person could have")
class SyntheticPersonNamesTest {

    @Test
    @DisplayName("nobody's middle name repeats their given name, and about 45% of people still have a middle name")
    void noRepeatedForename() {
        // given the Met's people as the generator draws them
        ForceSpec met = SyntheticFixtures.builtInMet();
        int size = 20_000;
        PersonPool people = new PersonPool(met.areas(), met.boroughs(), size,
                (int) LocalDate.of(2026, 12, 1).toEpochDay(), new SplittableRandom(7));

        // when their forenames are read as they would be recorded perfectly
        int repeated = 0;
        int withMiddle = 0;
        for (int p = 0; p < size; p++) {
            String[] names = people.forenames(p).split(" ");
            if (names.length > 1) {
                withMiddle++;
                if (names[0].equals(names[1])) {
                    repeated++;
                }
            }
        }

        // then no "David David", and the share with a middle name stays near the 45% drawn, less the few dropped
        assertThat(repeated).isZero();
        assertThat(withMiddle).isBetween((int) (size * 0.40), (int) (size * 0.46));
    }
}
