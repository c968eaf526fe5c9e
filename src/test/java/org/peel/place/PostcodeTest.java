package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Postcodes are held in one form: upper case, one space before the inward code")
class PostcodeTest {

    @Test
    @DisplayName("any case and spacing gives the one form; text not shaped like a full postcode gives none")
    void normalise() {
        assertThat(PlaceStore.normalisePostcode("sw1a2aa")).isEqualTo("SW1A 2AA");
        assertThat(PlaceStore.normalisePostcode(" NW1   7AA ")).isEqualTo("NW1 7AA");
        assertThat(PlaceStore.normalisePostcode("e14 5ab")).isEqualTo("E14 5AB");
        assertThat(PlaceStore.normalisePostcode("SW1A")).isNull();
        assertThat(PlaceStore.normalisePostcode("hello")).isNull();
        assertThat(PlaceStore.normalisePostcode(null)).isNull();
    }
}
