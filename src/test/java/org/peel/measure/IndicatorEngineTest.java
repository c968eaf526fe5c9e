package org.peel.measure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.opendata.OpenDataStore;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Force in numbers on the hand-worked Home Office table of {@link MeasureFixtures}. */
@DisplayName("Indicators over the Home Office table, by hand")
class IndicatorEngineTest {

    private static final Period YEAR_TO_JUNE_2015 = Period.yearTo(YearMonth.of(2015, 6));

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final OpenDataStore openData = new OpenDataStore(db.jdbi());
    private final IndicatorEngine engine = new IndicatorEngine(new MeasureStore(db.jdbi()));
    private final Place.Area met = new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police");
    private ForceInNumbers report;

    @BeforeEach
    void load() throws IOException {
        MeasureFixtures.homeOfficeTable(openData, dir);
        report = ForceInNumbers.of(engine, met, YEAR_TO_JUNE_2015);
    }

    @Test
    @DisplayName("recorded crime excludes fraud: (100 + 200 + 50) ÷ 100,000 × 1,000 = 3.5, not 8.5")
    void fraudExcluded() {
        ForceInNumbers.Row row = report.row("recorded_crime_excl_fraud_per_1000");

        assertThat(row.force().value()).isEqualTo(3.5);
        assertThat(row.force().numerator()).isEqualTo(350.0);
        assertThat(row.force().complete()).isTrue();
        assertThat(row.force().notes()).contains("population (mid-2014)");
    }

    @Test
    @DisplayName("England and Wales is the 43 forces without BTP or Action Fraud: 770 ÷ 520,000 × 1,000 = 1.5")
    void englandAndWalesWithoutBtp() {
        assertThat(report.row("recorded_crime_excl_fraud_per_1000").englandAndWales().value()).isEqualTo(1.5);
        // violence with injury: (42 × 10 + 100) ÷ 520,000 × 1,000 = 1.0; with BTP's 1,000 it would be 2.9
        Figure violence = report.row("violence_with_injury_per_1000").englandAndWales();
        assertThat(violence.value()).isEqualTo(1.0);
        assertThat(violence.numerator()).isEqualTo(520.0);
        assertThat(violence.denominator()).isEqualTo(520_000.0);
        assertThat(violence.complete()).isTrue();
    }

    @Test
    @DisplayName("the year before and the changes: 2.5 per 1,000; +40.0% on a year (250 → 350), +16.7% on five (300 → 350)")
    void changes() {
        assertThat(report.row("recorded_crime_excl_fraud_per_1000_previous_year").force().value()).isEqualTo(2.5);
        assertThat(report.row("recorded_crime_excl_fraud_change_1y_pct").force().value()).isEqualTo(40.0);
        assertThat(report.row("recorded_crime_excl_fraud_change_5y_pct").force().value()).isEqualTo(16.7);
        // England and Wales a year on: (420 + 350) against (420 + 250): +14.9%
        assertThat(report.row("recorded_crime_excl_fraud_change_1y_pct").englandAndWales().value()).isEqualTo(14.9);
    }

    @Test
    @DisplayName("victim-based crime counts violence and burglary but not drugs: 150 ÷ 100,000 × 1,000 = 1.5")
    void victimBased() {
        assertThat(report.row("victim_based_crime_per_1000").force().value()).isEqualTo(1.5);
        assertThat(report.row("sexual_offences_per_1000").force().value()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("without households burglary per 1,000 households is not available, and says why")
    void noHouseholds() {
        ForceInNumbers.Row row = report.row("burglary_dwelling_per_1000_households");

        assertThat(row.force().value()).isNull();
        assertThat(row.force().notes()).anySatisfy(n -> assertThat(n).contains("no households held")
                .contains("pfa-population.csv leaves households empty")
                .contains("(area_code,area_name,year,population,households) with the households column filled"));
        assertThat(row.complete()).isFalse();
    }

    @Test
    @DisplayName("indicators with no source (ASB here, OCGs, calls, satisfaction) are not available with a reason")
    void noSource() {
        assertThat(report.row("asb_incidents_per_1000").force().notes())
                .anySatisfy(n -> assertThat(n).contains("Nothing in").contains("police.uk"));
        assertThat(report.row("ocgs_per_million").force().notes())
                .startsWith("no source Peel holds records organised crime groups")
                .anySatisfy(n -> assertThat(n).contains("not published as open data"));
        assertThat(report.row("charge_rate_pct").force().value()).isNull();
    }

    @Test
    @DisplayName("a 12-month table cannot answer for a quarter, and says so")
    void quarterFromYearlyTotals() {
        IndicatorDefinition d = engine.store().definition("violence_with_injury_per_1000").orElseThrow();

        Figure f = engine.figure(d, met, Period.quarter(2015, 2));

        assertThat(f.value()).isNull();
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("12-month totals"));
    }

    @Test
    @DisplayName("a named group of forces sums its members: the Met and Devon, (100 + 10) ÷ 110,000 × 1,000 = 1.0")
    void namedGroup() {
        IndicatorDefinition d = engine.store().definition("violence_with_injury_per_1000").orElseThrow();

        Figure f = engine.figure(d, new Place.Forces("Met and Devon", List.of("E23000001", "E23000035")),
                YEAR_TO_JUNE_2015);

        assertThat(f.numerator()).isEqualTo(110.0);
        assertThat(f.denominator()).isEqualTo(110_000.0);
        assertThat(f.value()).isEqualTo(1.0);
    }
}
