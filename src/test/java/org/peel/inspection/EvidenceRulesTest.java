package org.peel.inspection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The evidence's arithmetic: rates, percentiles, spreads and cadence, on cases worked by hand")
class EvidenceRulesTest {

    @Test
    @DisplayName("a rate of 3 of 8 is 37.5%; a rate of nothing owed is not a figure")
    void rate() {
        assertThat(EvidenceRules.ratePct(3, 8)).isEqualTo(37.5);
        assertThat(EvidenceRules.ratePct(0, 0)).isNull();
        assertThat(new Evidence.Compliance("q2.2", "t", "deadlines met", 0, 0).figure()).isEqualTo("n/a");
    }

    @Test
    @DisplayName("the median of 1, 3, 10 days is 3; of 7 and 20 is 13.5; the 90th percentile of 1, 3, 10 is 8.6")
    void percentiles() {
        assertThat(EvidenceRules.percentile(List.of(10.0, 1.0, 3.0), 0.5)).isEqualTo(3.0);
        assertThat(EvidenceRules.percentile(List.of(20.0, 7.0), 0.5)).isEqualTo(13.5);
        assertThat(EvidenceRules.percentile(List.of(1.0, 3.0, 10.0), 0.9)).isCloseTo(8.6, within(1e-9));
        assertThat(EvidenceRules.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    @DisplayName("boroughs at 10%, 40% and 25% are 30 points apart; one borough alone has no spread; an empty"
            + " borough is left out")
    void spread() {
        assertThat(EvidenceRules.rangePoints(List.of(10.0, 40.0, 25.0))).isCloseTo(30.0, within(1e-9));
        assertThat(EvidenceRules.rangePoints(Arrays.asList(10.0, null))).isNull();
        Evidence.Spread s = new Evidence.Spread("q3.0", "t", "High risk", List.of(
                new Evidence.BoroughRate("Camden", 1, 10), new Evidence.BoroughRate("Brent", 2, 5),
                new Evidence.BoroughRate("Barnet", 0, 0)));
        assertThat(s.boroughs()).extracting(Evidence.BoroughRate::borough).containsExactly("Camden", "Brent");
        assertThat(s.figure()).isEqualTo("30 points");
    }

    @Test
    @DisplayName("every 30 days, set up 1 January: meetings on 20 March (before the period), 15 April (26 days),"
            + " 1 June (47) and 25 June (24) are 3 held, 2 within cadence, overdue by 31 March next year")
    void cadence() {
        List<LocalDate> met = List.of(LocalDate.parse("2015-06-25"), LocalDate.parse("2015-03-20"),
                LocalDate.parse("2015-04-15"), LocalDate.parse("2015-06-01"));
        EvidenceRules.Cadence c = EvidenceRules.cadence(met, LocalDate.parse("2015-01-01"), 30,
                LocalDate.parse("2015-04-01"), LocalDate.parse("2016-03-31"));
        assertThat(c).isEqualTo(new EvidenceRules.Cadence(3, 2, true));
    }

    @Test
    @DisplayName("a group that first met exactly its cadence after it was set up met within it, and is not overdue"
            + " on the last day of its next cadence")
    void cadenceBoundary() {
        EvidenceRules.Cadence c = EvidenceRules.cadence(List.of(LocalDate.parse("2016-01-31")),
                LocalDate.parse("2016-01-01"), 30, LocalDate.parse("2015-04-01"), LocalDate.parse("2016-03-01"));
        assertThat(c).isEqualTo(new EvidenceRules.Cadence(1, 1, false));
    }

    @Test
    @DisplayName("a delay reads as its median and says what it was made of")
    void delayWords() {
        Evidence.Delay d = new Evidence.Delay("q2.2", "t", "examinations completed", 2, 13.5, 18.7, 1L, 1);
        assertThat(d.figure()).isEqualTo("13.5 days");
        assertThat(d.detail()).isEqualTo("Median of 2 examinations completed; 90% within 18.7 days; 1 (50%) within"
                + " their target; 1 still waiting at the period's end.");
    }
}
