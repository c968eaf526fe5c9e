package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A borough's exception to the cohort rule: the checks its form and the demo force share")
class CohortExceptionTest {

    @Test
    @DisplayName("needs add or remove, an offender who is held, and a reason of at least a sentence")
    void checks() {
        assertThat(CohortException.check("OF1", true, "remove", "Serving a custodial sentence").any()).isFalse();
        assertThat(CohortException.check("OF1", true, "swap", "Serving a custodial sentence").all())
                .containsOnlyKeys("kind");
        assertThat(CohortException.check("OF9", false, "add", "Serving a custodial sentence").all())
                .containsEntry("offenderId", "No offender OF9 is held");
        assertThat(CohortException.check("", false, "add", "Serving a custodial sentence").all())
                .containsOnlyKeys("offenderId");
        // "In prison" is 9 characters: short of a sentence
        assertThat(CohortException.check("OF1", true, "remove", "In prison").all()).containsOnlyKeys("reason");
    }
}
