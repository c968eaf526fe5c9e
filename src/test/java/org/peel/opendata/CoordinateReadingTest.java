package org.peel.opendata;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading a police.uk coordinate")
class CoordinateReadingTest {

    @Test
    @DisplayName("a plain decimal is the double Java reads for the same text")
    void plainDecimals() {
        assertThat(PoliceUkImporter.decimal("0.968272")).isEqualTo(0.968272);
        assertThat(PoliceUkImporter.decimal("51.255956")).isEqualTo(51.255956);
        assertThat(PoliceUkImporter.decimal("-0.14")).isEqualTo(-0.14);
        assertThat(PoliceUkImporter.decimal("+2.5")).isEqualTo(2.5);
        assertThat(PoliceUkImporter.decimal("180")).isEqualTo(180.0);
        assertThat(PoliceUkImporter.decimal(".5")).isEqualTo(0.5);
        // minus zero keeps its sign, as Double.parseDouble("-0") does
        assertThat(PoliceUkImporter.decimal("-0")).isEqualTo(-0.0);
    }

    @Test
    @DisplayName("an exponent or more than fifteen digits is read as Java reads it")
    void otherNumbers() {
        assertThat(PoliceUkImporter.decimal("1e3")).isEqualTo(1000.0);
        assertThat(PoliceUkImporter.decimal("0.12345678901234567")).isEqualTo(0.12345678901234567);
        assertThat(PoliceUkImporter.decimal("1234567890123456789")).isEqualTo(1234567890123456789.0);
    }

    @Test
    @DisplayName("text that is not a number is refused")
    void notNumbers() {
        for (String v : new String[]{"east", ".", "-", "", "1.2.3", "51,2"}) {
            assertThatThrownBy(() -> PoliceUkImporter.decimal(v)).as(v).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    @DisplayName("a million random coordinates of up to eight places each read as Double.parseDouble reads them")
    void randomCoordinates() {
        Random random = new Random(18);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            int places = 1 + random.nextInt(8);
            // a value between -180 and 180 with that many decimal places
            long unscaled = (long) ((random.nextDouble() - 0.5) * 360 * Math.pow(10, places));
            String v = BigDecimal.valueOf(unscaled, places).toPlainString();
            if (Double.doubleToRawLongBits(PoliceUkImporter.decimal(v))
                    != Double.doubleToRawLongBits(Double.parseDouble(v))) {
                differ.add(v);
            }
        }
        assertThat(differ).isEmpty();
    }
}
