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

    @Test
    @DisplayName("each borough against its own population: 6 of 8 known on Westminster's matrix Black against 40% of"
            + " its residents is 1.88 (95% 1.26 to 2.80); a borough with no one on the matrix is left out")
    void byBorough() {
        Map<String, Map<String, Long>> matrix = Map.of("W", map("White", 2, "Black", 6, "Not stated", 1),
                "C", map("White", 0, "Black", 0));
        Map<String, Map<String, Long>> population = Map.of("W", map("White", 600, "Black", 400),
                "C", map("White", 900, "Black", 100));
        Map<String, String> boroughs = new LinkedHashMap<>();
        boroughs.put("C", "Camden");
        boroughs.put("W", "Westminster");
        List<EqualityReport.BoroughRows> out = EqualityReport.byBorough(matrix, population, boroughs);
        assertThat(out).extracting(EqualityReport.BoroughRows::boroughName).containsExactly("Westminster");
        assertThat(out.get(0).onMatrix()).isEqualTo(9);
        // known on the matrix: 8 (Not stated left out). Black: 6/8 = 0.75 against 400/1000 = 0.4, ratio 1.875;
        // SE of ln ratio = sqrt(1/6 - 1/8) = sqrt(1/24) = 0.204124; 1.959964 x 0.204124 = 0.400076;
        // exp(0.400076) = 1.491938, so 1.875 / 1.491938 = 1.256754 to 1.875 x 1.491938 = 2.797384
        EqualityReport.Row black = out.get(0).rows().stream().filter(r -> r.group().equals("Black")).findFirst()
                .orElseThrow();
        assertThat(black.ratio()).isCloseTo(1.875, within(1e-9));
        assertThat(black.low()).isCloseTo(1.256754, within(1e-5));
        assertThat(black.high()).isCloseTo(2.797384, within(1e-5));
        // White: 2/8 = 0.25 against 0.6, ratio 0.416667; SE = sqrt(1/2 - 1/8) = 0.612372; x 1.959964 = 1.200228;
        // exp(1.200228) = 3.320874: 0.125469 to 1.383698, spanning 1
        EqualityReport.Row white = out.get(0).rows().stream().filter(r -> r.group().equals("White")).findFirst()
                .orElseThrow();
        assertThat(white.ratio()).isCloseTo(0.416667, within(1e-5));
        assertThat(white.low()).isCloseTo(0.125469, within(1e-5));
        assertThat(white.high()).isCloseTo(1.383698, within(1e-5));
        EqualityReport.Row notStated = out.get(0).rows().stream().filter(r -> r.group().equals("Not stated"))
                .findFirst().orElseThrow();
        assertThat(notStated.ratio()).isNull();
        assertThat(notStated.low()).isNull();
    }

    @Test
    @DisplayName("a borough whose population is not held gives its make-up with nothing compared")
    void boroughWithoutPopulation() {
        List<EqualityReport.BoroughRows> out = EqualityReport.byBorough(Map.of("K", map("White", 1, "Black", 3)),
                Map.of(), Map.of("K", "Kent"));
        assertThat(out.get(0).rows()).allSatisfy(r -> {
            assertThat(r.ratio()).isNull();
            assertThat(r.low()).isNull();
        });
        assertThat(out.get(0).rows().get(1).matrixShare()).isCloseTo(0.75, within(1e-9));
    }
}
