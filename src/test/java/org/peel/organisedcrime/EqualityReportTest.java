package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The gangs matrix equality report, on a case worked out by hand")
class EqualityReportTest {

    private static Map<String, Long> map(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    @Test
    @DisplayName("6 of 10 aged 16-29 against 300 of 1,000 residents is a 60% share against 30%: twice the population's")
    void ratios() {
        List<EqualityReport.Row> rows = EqualityReport.compare(map("0-15", 1, "16-29", 6, "30-44", 3),
                map("0-15", 200, "16-29", 300, "30-44", 300, "45-64", 150, "65+", 50));
        assertThat(rows).extracting(EqualityReport.Row::group).containsExactly("0-15", "16-29", "30-44", "45-64", "65+");
        // matrix shares 0.1, 0.6, 0.3, 0, 0; population shares 0.2, 0.3, 0.3, 0.15, 0.05
        assertThat(rows.get(0).ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(rows.get(1).matrixShare()).isCloseTo(0.6, within(1e-9));
        assertThat(rows.get(1).populationShare()).isCloseTo(0.3, within(1e-9));
        assertThat(rows.get(1).ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(rows.get(2).ratio()).isCloseTo(1.0, within(1e-9));
        assertThat(rows.get(3).ratio()).isZero();
        assertThat(rows.get(4).onMatrix()).isZero();
    }

    @Test
    @DisplayName("people whose ethnicity is not stated are counted but left out of the shares compared")
    void notStatedLeftOut() {
        List<EqualityReport.Row> rows = EqualityReport.compare(map("White", 2, "Black", 2, "Not stated", 4),
                map("White", 600, "Black", 200, "Asian", 200));
        // known on the matrix: 4; White 2/4 = 0.5 against 0.6; Black 0.5 against 0.2 = 2.5
        assertThat(rows).filteredOn(r -> r.group().equals("Black")).singleElement()
                .satisfies(r -> assertThat(r.ratio()).isCloseTo(2.5, within(1e-9)));
        assertThat(rows).filteredOn(r -> r.group().equals("White")).singleElement()
                .satisfies(r -> assertThat(r.ratio()).isCloseTo(0.5 / 0.6, within(1e-9)));
        assertThat(rows).filteredOn(r -> r.group().equals("Not stated")).singleElement()
                .satisfies(r -> {
                    assertThat(r.onMatrix()).isEqualTo(4);
                    assertThat(r.population()).isNull();
                    assertThat(r.ratio()).isNull();
                });
    }

    @Test
    @DisplayName("with no population held, the matrix's make-up is given and nothing is compared")
    void noPopulation() {
        List<EqualityReport.Row> rows = EqualityReport.compare(map("Male", 3, "Female", 1), null);
        assertThat(rows.get(0).matrixShare()).isCloseTo(0.75, within(1e-9));
        assertThat(rows).allSatisfy(r -> assertThat(r.ratio()).isNull());
    }

    @Test
    @DisplayName("age bands at the birthday's edges: 15 the day before turning 16, 16 on the day")
    void ageBands() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        assertThat(EqualityReport.ageBand(LocalDate.of(2010, 6, 2), on)).isEqualTo("0-15");
        assertThat(EqualityReport.ageBand(LocalDate.of(2010, 6, 1), on)).isEqualTo("16-29");
        assertThat(EqualityReport.ageBand(LocalDate.of(1996, 6, 1), on)).isEqualTo("30-44");
        assertThat(EqualityReport.ageBand(LocalDate.of(1961, 6, 1), on)).isEqualTo("65+");
        assertThat(EqualityReport.ageBand(null, on)).isNull();
    }
}
