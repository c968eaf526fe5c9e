package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.common.BadInput;
import org.peel.testing.SharedData;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Forces are found by any of the names the public sources use")
class SyntheticForceNamesTest {

    @Test
    @DisplayName("spellings of one force match, different forces do not")
    void spellings() {
        assertThat(ForceNames.same("Metropolitan Police Service", "Metropolitan Police")).isTrue();
        assertThat(ForceNames.same("Devon & Cornwall", "Devon and Cornwall")).isTrue();
        assertThat(ForceNames.same("devon-and-cornwall", "Devon & Cornwall Police")).isTrue();
        assertThat(ForceNames.same("London, City of", "City of London Police")).isTrue();
        assertThat(ForceNames.same("city-of-london", "City of London")).isTrue();
        assertThat(ForceNames.same("West Midlands", "West Mercia")).isFalse();
    }

    @Test
    @DisplayName("a force outside London is built from the shared data, with its police.uk ASB volume and spatial pattern")
    void forceOutsideLondon() {
        // given the shared data
        Path root = SharedData.require("police-uk/street").getParent().getParent();

        // when Devon and Cornwall is asked for under the other spelling
        ForceSpec force = ForceSources.load("Devon & Cornwall Police", SyntheticFixtures.JUNE_2015, root);

        // then it has its own places, volumes, ASB figure and crime patterns
        assertThat(force.name()).isEqualTo("Devon & Cornwall");
        assertThat(force.hasLsoas()).isTrue();
        assertThat(force.boroughs()).hasSizeGreaterThan(5);
        assertThat(force.totalCrimes()).isBetween(40_000L, 120_000L);
        assertThat(force.asbVolume()).isPositive();
        assertThat(force.spatialPattern()).containsKey("Burglary");
        assertThat(force.sources()).anyMatch(s -> s.startsWith("ASB volume: police.uk"));
    }

    @Test
    @DisplayName("without shared data an unknown force is refused with a clear message")
    void unknownForce() {
        assertThatThrownBy(() -> ForceSources.load("Gotham City", SyntheticFixtures.JUNE_2015, null))
                .isInstanceOf(BadInput.class).hasMessageContaining("Gotham City");
    }
}
