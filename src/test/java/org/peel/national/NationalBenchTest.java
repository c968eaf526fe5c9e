package org.peel.national;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The national benchmark's agreement")
class NationalBenchTest {

    @Test
    @DisplayName("is the share, of the pairs either path puts in one person, that both do")
    void agreementWorkedByHand() {
        // path A joins records 0 and 1; path B joins 0, 1 and 2. A puts 1 pair together, B puts 3 ({0,1} {0,2} {1,2}),
        // both put {0,1} together: 1 of the 3 pairs either puts together
        int[] a = {0, 0, 1, 2};
        int[] b = {0, 0, 0, 2};

        assertThat(NationalBench.agreement(a, b)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    @DisplayName("is 1 when the paths decide every pair alike, whatever they number their persons")
    void sameDecisionsDifferentNumbers() {
        assertThat(NationalBench.agreement(new int[]{0, 0, 1, 2, 2}, new int[]{7, 7, 3, 5, 5})).isEqualTo(1.0);
        assertThat(NationalBench.agreement(new int[]{0, 1, 2}, new int[]{0, 1, 2})).isEqualTo(1.0);
    }
}
