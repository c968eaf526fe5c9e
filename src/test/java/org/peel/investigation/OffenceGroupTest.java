package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Offence groups read from the labels of ONS tables, old and new")
class OffenceGroupTest {

    @Test
    @DisplayName("A burglary in a dwelling is residential burglary; in a building other than a dwelling, non-residential")
    void dwellings() {
        assertThat(OffenceGroup.fromLabel("Burglary in a dwelling")).contains(OffenceGroup.RESIDENTIAL_BURGLARY);
        assertThat(OffenceGroup.fromLabel("Domestic burglary")).contains(OffenceGroup.RESIDENTIAL_BURGLARY);
        assertThat(OffenceGroup.fromLabel("Burglary in a building other than a dwelling"))
                .contains(OffenceGroup.NON_RESIDENTIAL_BURGLARY);
        assertThat(OffenceGroup.fromLabel("Non-domestic burglary")).contains(OffenceGroup.NON_RESIDENTIAL_BURGLARY);
        assertThat(OffenceGroup.fromLabel("Residential burglary")).contains(OffenceGroup.RESIDENTIAL_BURGLARY);
    }
}
