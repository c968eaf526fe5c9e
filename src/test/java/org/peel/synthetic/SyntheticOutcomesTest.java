package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.investigation.SeriousOffence;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The synthetic force gives only outcomes Peel's outcome rules accept")
class SyntheticOutcomesTest {

    private static final int RECORDED = (int) LocalDate.of(2026, 3, 2).toEpochDay();
    private static final int CLOSED = (int) LocalDate.of(2026, 4, 1).toEpochDay();

    @Test
    @DisplayName("A caution drawn for a robbery (indictable only) becomes a charge")
    void robberyCaution() {
        assertThat(Crimes.allowed("3", "Robbery", Set.of(), 25, 25, true, false, true, RECORDED, CLOSED)).isEqualTo("1");
    }

    @Test
    @DisplayName("A youth caution for someone 18 on the day becomes an adult caution")
    void cautionByAgeOnTheDay() {
        assertThat(Crimes.allowed("2", "Shoplifting", Set.of(), 17, 18, true, false, true, RECORDED, CLOSED)).isEqualTo("3");
    }

    @Test
    @DisplayName("A community resolution for domestic abuse becomes a caution; 'no suspect' with a known partner becomes 16")
    void domestic() {
        assertThat(Crimes.allowed("8", "Violence without injury", Set.of(), 30, 30, true, true, true, RECORDED, CLOSED))
                .isEqualTo("3");
        assertThat(Crimes.allowed("18", "Violence with injury", Set.of(), 30, 30, true, true, true, RECORDED, CLOSED))
                .isEqualTo("16");
    }

    @Test
    @DisplayName("A cannabis warning for a 16-year-old becomes a youth caution; wounding with intent is never cautioned")
    void drugsAndWounding() {
        assertThat(Crimes.allowed("7", "Drug offences", Set.of(), 16, 16, true, false, false, RECORDED, CLOSED)).isEqualTo("2");
        assertThat(Crimes.allowed("3", "Violence with injury", Set.of(SeriousOffence.WOUNDING_WITH_INTENT), 30, 30, true,
                false, true, RECORDED, CLOSED)).isEqualTo("1");
        // a valid draw is kept
        assertThat(Crimes.allowed("7", "Drug offences", Set.of(), 30, 30, true, false, false, RECORDED, CLOSED)).isEqualTo("7");
    }
}
