package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peel.prevention.HotspotFixtures.APR;
import static org.peel.prevention.HotspotFixtures.FEB;
import static org.peel.prevention.HotspotFixtures.JAN;
import static org.peel.prevention.HotspotFixtures.MAR;
import static org.peel.prevention.HotspotFixtures.at;

@DisplayName("A hotspot evaluation that cannot see the future")
class HotspotHonestEvaluationTest {

    private static final YearMonth MAY = YearMonth.of(2014, 5);

    /**
     * The five-cell strip of {@link HotspotFixtures#strip()} (training January to March, April the test month), plus
     * an April burglary and a May crime of another type 100 m and 200 m beyond the strip's east end: places no
     * training month touched.
     */
    private static List<HotspotIncident> stripWithNewPlaces() {
        List<HotspotIncident> list = new ArrayList<>(HotspotFixtures.strip());
        list.add(at(APR, "Burglary", 560));
        list.add(at(MAY, "Other crime", 660));
        return list;
    }

    @Test
    @DisplayName("the grid and study area come from the training months only: the April and May places add no cell")
    void studyAreaIgnoresLaterMonths() {
        // given a study holding April and May, whose incidents lie east of every training incident
        HotspotStudy study = HotspotStudy.of(stripWithNewPlaces(), "Burglary", 100);

        // when April is forecast from January to March
        HotspotHistory history = study.history(APR, 3, 0.2);

        // then the grid is the five cells of the training months (x 0 to 460 m), not seven
        assertThat(study.grid().columns()).as("the whole input spans seven cells").isEqualTo(7);
        assertThat(history.grid().columns()).isEqualTo(5);
        assertThat(history.areaCells()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    @DisplayName("a test incident outside the training months' study area is a miss for every method, and reported")
    void outsideIncidentsAreMisses() {
        HotspotStudy study = HotspotStudy.of(stripWithNewPlaces(), "Burglary", 100);

        HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study,
                List.of(new HotspotMethod.LastPeriod()), APR, 3, 1, 0.2);

        // April: two burglaries in cell 3, one in cell 1, one in cell 4, one beyond the grid. 20% of 5 cells is one
        // cell; last-period flags cell 4 (March's one burglary), so 1 hit of 5 incidents, PAI 0.2 / 0.2 = 1
        HotspotEvaluation.Origin origin = report.origins().get(0);
        assertThat(origin.testIncidents()).isEqualTo(5);
        assertThat(origin.outsideArea()).isEqualTo(1);
        assertThat(report.summaries().get(0).hitRate()).isCloseTo(0.2, within(1e-12));
        assertThat(report.summaries().get(0).pai()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @DisplayName("a training month with no rows at all is left out and reported, not read as a month without crime")
    void missingMonthsAreExcluded() {
        // given no row of any type for February (the force did not publish it)
        List<HotspotIncident> list = new ArrayList<>(HotspotFixtures.strip().stream()
                .filter(i -> !i.month().equals(FEB)).toList());
        HotspotStudy study = HotspotStudy.of(list, "Burglary", 100);

        // when April is forecast from the three months before it
        HotspotHistory history = study.history(APR, 3, 0.2);
        HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study,
                List.of(new HotspotMethod.LastPeriod()), APR, 3, 1, 0.2);

        // then training is January and March only, and February is listed as missing
        assertThat(history.months()).containsExactly(JAN, MAR);
        assertThat(history.missingMonths()).containsExactly(FEB);
        assertThat(report.origins().get(0).missingMonths()).containsExactly(FEB);
        assertThat(report.origins().get(0).trainingMonths()).containsExactly(JAN, MAR);
    }

    @Test
    @DisplayName("a month with rows of other types but no burglary is a real month without burglary, and stays")
    void monthWithoutTheTypeIsNotMissing() {
        // given February holds a row of another type only
        List<HotspotIncident> list = new ArrayList<>(HotspotFixtures.strip().stream()
                .filter(i -> !i.month().equals(FEB)).toList());
        list.add(at(FEB, "Other crime", 160));
        HotspotStudy study = HotspotStudy.of(list, "Burglary", 100);

        HotspotHistory history = study.history(APR, 3, 0.2);

        assertThat(history.months()).containsExactly(JAN, FEB, MAR);
        assertThat(history.missingMonths()).isEmpty();
    }

    @Test
    @DisplayName("with a missing month last, last-period counts the last month that was published")
    void lastPeriodSkipsMissingMonth() {
        // given no rows at all in March: the last published training month is February (one burglary, cell 2)
        List<HotspotIncident> list = new ArrayList<>(HotspotFixtures.strip().stream()
                .filter(i -> !i.month().equals(MAR)).toList());
        HotspotStudy study = HotspotStudy.of(list, "Burglary", 100);

        double[] s = new HotspotMethod.LastPeriod().forecast(study.history(APR, 3, 0.2)).scores();

        // February's count 1 in cell 2, plus history / (most + 1): cell 0 has 2 of 2, cell 2 1 of 2 (most is 2)
        assertThat(s).containsExactly(2.0 / 3, 0, 1 + 1.0 / 3, 0, 0);
    }

    @Test
    @DisplayName("last-period breaks ties by the longer history: March's cell 4, then cell 0 (two in January), then"
            + " cell 2 (one in February); not cell 0, 1, 2 by id")
    void lastPeriodTieBreak() {
        HotspotStudy study = HotspotStudy.of(HotspotFixtures.strip(), "Burglary", 100);
        HotspotHistory history = study.history(APR, 3, 0.6);

        double[] s = new HotspotMethod.LastPeriod().forecast(history).scores();
        int[] order = HotspotRanking.order(s, history.areaCells());

        // 60% of 5 cells is 3 cells
        assertThat(HotspotRanking.cellsFor(0.6, 5)).isEqualTo(3);
        assertThat(order).startsWith(4, 0, 2);
    }

    @Test
    @DisplayName("over several origins, the t-interval of hit rates 0.1, 0.2 and 0.3 is 0.2 ± 4.303 × 0.1 / √3")
    void intervalOverOrigins() {
        HotspotEvaluation.Interval i = HotspotEvaluation.Interval.of(new double[]{0.1, 0.2, 0.3});

        // s = 0.1; t(0.975, 2) = 4.303; half width 4.303 × 0.1 / √3 = 0.24843
        assertThat(i.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(i.high() - i.mean()).isCloseTo(0.24843, within(1e-5));
        assertThat(i.mean() - i.low()).isCloseTo(0.24843, within(1e-5));
    }

    @Test
    @DisplayName("an origin with no earlier month to learn from is skipped and listed; months before the data are"
            + " reported missing")
    void skippedOrigins() {
        HotspotStudy study = HotspotStudy.of(HotspotFixtures.strip(), "Burglary", 100);

        // four origins, January to April; the input starts in January
        HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study,
                List.of(new HotspotMethod.LastPeriod(), new HotspotMethod.Kde(100)), APR, 3, 4, 0.2);

        assertThat(report.skippedTestMonths()).containsExactly(JAN);
        assertThat(report.origins()).extracting(HotspotEvaluation.Origin::testMonth).containsExactly(FEB, MAR, APR);
        assertThat(report.origins().get(0).missingMonths())
                .containsExactly(YearMonth.of(2013, 11), YearMonth.of(2013, 12));
        assertThat(report.summaries().get(0).hitRateInterval().n()).isEqualTo(3);
    }
}
