package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The map page's verdict in plain words")
class HotspotVerdictTest {

    private static HotspotEvaluation.Interval mean(double m, double low, double high) {
        return new HotspotEvaluation.Interval(m, low, high, 3);
    }

    private static HotspotEvaluation.Summary method(String name, double hitRate,
                                                    HotspotEvaluation.Comparison peelMinusThis) {
        return new HotspotEvaluation.Summary(name, hitRate, hitRate * 20, 0, 0, 0, mean(hitRate, 0, 1),
                mean(hitRate * 20, 0, 20), peelMinusThis);
    }

    /** Three origins, September to November, with the summaries given. */
    private static HotspotEvaluation.Report report(HotspotEvaluation.Summary... summaries) {
        List<HotspotEvaluation.Origin> origins = List.of(9, 10, 11).stream().map(m -> new HotspotEvaluation.Origin(
                YearMonth.of(2014, m), List.of(), 100, 0, List.of(), List.of(), null, new int[0])).toList();
        return new HotspotEvaluation.Report("Burglary", 0.05, 100, origins, List.of(summaries), List.of());
    }

    @Test
    @DisplayName("when peel leads every rival on average: its mean, the best rival's, months won and the lead over"
            + " each rival with its interval, in percentage points")
    void peelAhead() {
        // given peel caught 25% on average, kde 20% (peel ahead in 2 of 3 months by 5 points, interval 1 to 9) and
        // sepp 22% (ahead in 3 of 3 by 3 points, interval 0.5 to 5.5)
        HotspotEvaluation.Report report = report(
                method("kde", 0.20, new HotspotEvaluation.Comparison(mean(0.05, 0.01, 0.09), mean(1, 0, 2), 2, 3)),
                method("sepp", 0.22, new HotspotEvaluation.Comparison(mean(0.03, 0.005, 0.055), mean(1, 0, 2), 3, 3)),
                method("peel", 0.25, null));

        HotspotVerdict verdict = HotspotVerdict.of(report);

        assertThat(verdict.headline()).isEqualTo("Over the 3 months 2014-09 to 2014-11, each forecast only from the"
                + " months before it, Peel's map caught on average 25.0% of the month's burglary in the 5% of the"
                + " area it flagged; the best rival, a self-exciting model of the kind sold to forces, caught 22.0%."
                + " Peel's map did better than every rival on average, and better than a self-exciting model of the"
                + " kind sold to forces in 3 of 3 months.");
        assertThat(verdict.rivals()).containsExactly(
                "Against a smoothed map of all past incidents: Peel's map caught more in 2 of 3 months, ahead by 5.0"
                        + " percentage points on average (95% interval +1.0 to +9.0).",
                "Against a self-exciting model of the kind sold to forces: Peel's map caught more in 3 of 3 months,"
                        + " ahead by 3.0 percentage points on average (95% interval +0.5 to +5.5).");
    }

    @Test
    @DisplayName("when a rival does better on average, the verdict says so rather than claiming a win")
    void peelBehind() {
        HotspotEvaluation.Report report = report(
                method("kde", 0.20, new HotspotEvaluation.Comparison(mean(-0.02, -0.05, 0.01), mean(-1, -2, 0), 1,
                        3)),
                method("peel", 0.18, null));

        HotspotVerdict verdict = HotspotVerdict.of(report);

        assertThat(verdict.headline()).endsWith("Here Peel's map did not do best on average: a smoothed map of all"
                + " past incidents caught 20.0%.");
        assertThat(verdict.rivals().get(0)).contains("caught more in 1 of 3 months, behind by 2.0 percentage points");
    }
}
