package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peel.prevention.HotspotFixtures.APR;
import static org.peel.prevention.HotspotFixtures.at;

@DisplayName("Hotspot methods on a hand-made strip of five cells")
class HotspotMethodsTest {

    private final HotspotStudy study = HotspotStudy.of(HotspotFixtures.strip(), "Burglary", 100);
    private final HotspotHistory history = study.history(APR, 3, 0.2);

    @Test
    @DisplayName("the grid puts the hand-made incidents in the cells intended, and all five cells are in the study area")
    void grid() {
        assertThat(study.grid().columns()).isEqualTo(5);
        assertThat(study.grid().rows()).isEqualTo(1);
        assertThat(study.areaCells()).containsExactly(0, 1, 2, 3, 4);
        assertThat(history.months()).extracting(Object::toString).containsExactly("2014-01", "2014-02", "2014-03");
    }

    @Test
    @DisplayName("last-period scores each cell by its count in the last training month (March): one, in cell 4;"
            + " below one whole incident, the count over all three months ÷ (the most in a cell + 1) breaks ties")
    void lastPeriod() {
        double[] s = new HotspotMethod.LastPeriod().forecast(history).scores();

        // January to March: cell 0 two, cell 2 one, cell 4 one; the most is 2, so each adds count / 3
        assertThat(s).containsExactly(2.0 / 3, 0, 1.0 / 3, 0, 1 + 1.0 / 3);
    }

    @Test
    @DisplayName("kde sums a Gaussian of every training incident, cut off at three bandwidths")
    void kde() {
        double[] s = new HotspotMethod.Kde(100).forecast(history).scores();

        // incidents at x 60 (two), 260 and 460; centres at 50..450; g(d) = exp(-d² / (2·100²)); beyond 300 m, nothing
        assertThat(s[0]).isCloseTo(2 * g(10) + g(210), within(1e-9));
        assertThat(s[1]).isCloseTo(2 * g(90) + g(110), within(1e-9));
        assertThat(s[2]).isCloseTo(2 * g(190) + g(10) + g(210), within(1e-9));
        assertThat(s[3]).isCloseTo(2 * g(290) + g(90) + g(110), within(1e-9));
        assertThat(s[4]).isCloseTo(g(190) + g(10), within(1e-9));
    }

    @Test
    @DisplayName("prospective weights near and recent incidents more: 1/(1 + distance band) × 1/(1 + months ago)")
    void prospective() {
        double[] s = new HotspotMethod.Prospective(350, 100, 2).forecast(history).scores();

        // March (x 460) weighs 1, February (x 260) 1/2, January nothing; bands of 100 m, nothing beyond 350 m
        assertThat(s[0]).isCloseTo(1.0 / 3 * 0.5, within(1e-12));         // Feb 210 m; Mar 410 m is too far
        assertThat(s[1]).isCloseTo(0.5 * 0.5 + 0.25, within(1e-12));      // Feb 110 m, band 1; Mar 310 m, band 3
        assertThat(s[2]).isCloseTo(1 * 0.5 + 1.0 / 3, within(1e-12));     // Feb 10 m; Mar 210 m
        assertThat(s[3]).isCloseTo(1 * 0.5 + 0.5, within(1e-12));         // Feb 90 m, band 0; Mar 110 m, band 1
        assertThat(s[4]).isCloseTo(0.5 * 0.5 + 1, within(1e-12));         // Feb 190 m; Mar 10 m
    }

    @Test
    @DisplayName("peel gives the same forecast whatever happens in the month it forecasts")
    void peelNeverSeesTheTestMonth() {
        List<HotspotIncident> flooded = new ArrayList<>(HotspotFixtures.strip());
        for (int i = 0; i < 50; i++) {
            flooded.add(at(APR, "Burglary", 160));
            flooded.add(at(APR, "Other crime", 160));
        }
        HotspotStudy withTestMonth = HotspotStudy.of(flooded, "Burglary", 100);

        HotspotForecast plain = HotspotPeelMethod.standard().forecast(history);
        HotspotForecast seen = HotspotPeelMethod.standard().forecast(withTestMonth.history(APR, 3, 0.2));

        assertThat(seen.scores()).containsExactly(plain.scores());
        assertThat(seen.detail()).isEqualTo(plain.detail()).contains("chosen on 2014-03");
    }

    @Test
    @DisplayName("peel tunes itself only on training months, and gives each cell a score from them")
    void peelTunesOnTrainingMonths() {
        HotspotForecast forecast = HotspotPeelMethod.standard().forecast(history);

        assertThat(forecast.detail()).doesNotContain("2014-04");
        assertThat(forecast.scores()).hasSize(5);
        assertThat(java.util.Arrays.stream(forecast.scores()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(forecast.scores()[0] + forecast.scores()[4]).isPositive();
    }

    @Test
    @DisplayName("the evaluation judges each method on the test month: last-period flags cell 4, kde cell 0")
    void evaluation() {
        HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study, List.of(new HotspotMethod.LastPeriod(),
                new HotspotMethod.Kde(100), new HotspotMethod.Prospective(400, 100, 2), HotspotPeelMethod.standard()),
                APR, 3, 1, 0.2);

        // 20% of 5 cells is one cell; April has 4 burglaries, one of them in cell 4 and none in cell 0
        assertThat(report.testIncidents()).isEqualTo(4);
        HotspotEvaluation.Summary lastPeriod = report.summaries().get(0);
        assertThat(lastPeriod.method()).isEqualTo("last-period");
        assertThat(lastPeriod.hitRate()).isCloseTo(0.25, within(1e-12));
        assertThat(lastPeriod.pai()).isCloseTo(0.25 / (1.0 / 5), within(1e-12));
        assertThat(report.summaries().get(1).method()).isEqualTo("kde");
        assertThat(report.summaries().get(1).hitRate()).isZero();
        assertThat(report.summaries()).extracting(HotspotEvaluation.Summary::method)
                .containsExactly("last-period", "kde", "prospective", "peel");
    }

    private static double g(double d) {
        return Math.exp(-d * d / (2 * 100.0 * 100.0));
    }
}
