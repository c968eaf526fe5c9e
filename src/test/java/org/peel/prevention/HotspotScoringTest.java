package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Hit rate and PAI of a ranked grid")
class HotspotScoringTest {

    // Given a study area of 20 cells (ids 0..19) where cell 7 scores 5, cells 3 and 12 score 4, and every other cell 0,
    // and a test month with 3 incidents in cell 7, 2 in cell 12 and 5 in cell 0: 10 in all.
    private final int[] area = IntStream.range(0, 20).toArray();
    private final double[] scores = new double[20];
    private final int[] test = new int[20];

    HotspotScoringTest() {
        scores[7] = 5;
        scores[3] = 4;
        scores[12] = 4;
        test[7] = 3;
        test[12] = 2;
        test[0] = 5;
    }

    @Test
    @DisplayName("5% of 20 cells flags one cell; it holds 3 of 10 incidents, so hit rate 0.3 and PAI 0.3 / (1/20) = 6")
    void fivePercent() {
        HotspotScore score = HotspotRanking.score(HotspotRanking.order(scores, area), 0.05, test);

        assertThat(score.cells()).isEqualTo(1);
        assertThat(score.hits()).isEqualTo(3);
        assertThat(score.incidents()).isEqualTo(10);
        assertThat(score.hitRate()).isCloseTo(0.3, within(1e-12));
        assertThat(score.pai()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    @DisplayName("10% flags two cells: 7, then 3 before 12 on the tie, so still 3 hits: hit rate 0.3, PAI 0.3 / 0.1 = 3")
    void tenPercentTie() {
        HotspotScore score = HotspotRanking.score(HotspotRanking.order(scores, area), 0.10, test);

        assertThat(score.cells()).isEqualTo(2);
        assertThat(score.hitRate()).isCloseTo(0.3, within(1e-12));
        assertThat(score.pai()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    @DisplayName("tuning's quick count of the flagged cells' hits settles ties the same way: 0.3 at 5% and 10%, 1.0 at"
            + " 16%")
    void quickTopHitRate() {
        assertThat(HotspotRanking.topHitRate(scores, area, 0.05, test)).isCloseTo(0.3, within(1e-12));
        assertThat(HotspotRanking.topHitRate(scores, area, 0.10, test)).isCloseTo(0.3, within(1e-12));
        assertThat(HotspotRanking.topHitRate(scores, area, 0.16, test)).isEqualTo(1.0);
        assertThat(HotspotRanking.topHitRate(scores, area, 0.05, new int[20])).isNaN();
    }

    @Test
    @DisplayName("k is rounded up: 16% of 20 is 3.2, so 4 cells (7, 3, 12, then 0 first of the zeros): all 10 hit, PAI 1 / 0.2 = 5")
    void roundsUp() {
        HotspotScore score = HotspotRanking.score(HotspotRanking.order(scores, area), 0.16, test);

        assertThat(score.cells()).isEqualTo(4);
        assertThat(score.hitRate()).isEqualTo(1.0);
        assertThat(score.pai()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    @DisplayName("equal scores are ordered by cell id, the same way every time")
    void tiesAreDeterministic() {
        int[] first = HotspotRanking.order(scores, area);
        int[] second = HotspotRanking.order(scores.clone(), area.clone());

        assertThat(first).startsWith(7, 3, 12, 0, 1, 2, 4, 5, 6, 8);
        assertThat(second).isEqualTo(first);
    }

    @Test
    @DisplayName("a month with no incidents of the type has no hit rate rather than a made-up zero")
    void noIncidents() {
        HotspotScore score = HotspotRanking.score(HotspotRanking.order(scores, area), 0.05, new int[20]);

        assertThat(score.hitRate()).isNaN();
    }
}
