package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A review pair differing in sex or given name is never shown as near-certain")
class ReviewDoubtTest {

    private static final Nicknames NICKNAMES = Nicknames.standard();

    @Test
    @DisplayName("a woman and a man of different names: doubtful on both counts")
    void womanAndMan() {
        assertThat(ReviewDoubt.of("F", "M", "Sarah", "Mohammed", NICKNAMES)).isEqualTo("They differ in sex and in given name");
    }

    @Test
    @DisplayName("the same name recorded as female and male: doubtful, they differ in sex")
    void sexOnly() {
        assertThat(ReviewDoubt.of("Female", "M", "Alex", "Alex", NICKNAMES)).isEqualTo("They differ in sex");
    }

    @Test
    @DisplayName("Sarah and Claire, both women: doubtful, they differ in given name")
    void nameOnly() {
        assertThat(ReviewDoubt.of("F", "F", "Sarah", "Claire", NICKNAMES)).isEqualTo("They differ in given name");
    }

    @Test
    @DisplayName("a familiar form, an initial, a one-letter slip, a second forename or a missing sex are not a difference")
    void notDifferences() {
        assertThat(ReviewDoubt.of("M", "M", "William", "Bill", NICKNAMES)).isNull();
        assertThat(ReviewDoubt.of("M", "M", "J", "John", NICKNAMES)).isNull();
        assertThat(ReviewDoubt.of("F", "F", "Katherine", "Katharine", NICKNAMES)).isNull();
        assertThat(ReviewDoubt.of("F", "F", "Mary Ann", "Mary", NICKNAMES)).isNull();
        assertThat(ReviewDoubt.of(null, "M", "John", "John", NICKNAMES)).isNull();
    }
}
