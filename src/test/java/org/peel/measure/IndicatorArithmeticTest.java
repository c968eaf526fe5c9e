package org.peel.measure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Indicator arithmetic and periods")
class IndicatorArithmeticTest {

    @Test
    @DisplayName("a rate is numerator ÷ denominator × factor, rounded half up to one decimal")
    void ratio() {
        // 712,599 offences among 8,530,617 people: 83.534… per 1,000
        assertThat(IndicatorArithmetic.ratio(712_599, 8_530_617, BigDecimal.valueOf(1000), 1).value()).isEqualTo(83.5);
        // 1 in 8: 12.5 exactly, and 0.25 rounds up to 0.3
        assertThat(IndicatorArithmetic.ratio(1, 8, BigDecimal.valueOf(100), 1).value()).isEqualTo(12.5);
        assertThat(IndicatorArithmetic.ratio(1, 4, BigDecimal.ONE, 1).value()).isEqualTo(0.3);
    }

    @Test
    @DisplayName("no rate over a zero denominator, and the reason says so")
    void zeroDenominator() {
        IndicatorArithmetic.Result r = IndicatorArithmetic.ratio(5, 0, BigDecimal.valueOf(1000), 1);

        assertThat(r.value()).isNull();
        assertThat(r.reason()).contains("denominator is zero");
    }

    @Test
    @DisplayName("a change is a percentage of the earlier count: 2.9 means 2.9%, falls are negative")
    void change() {
        assertThat(IndicatorArithmetic.percentChange(1029, 1000, 1).value()).isEqualTo(2.9);
        assertThat(IndicatorArithmetic.percentChange(885, 1000, 1).value()).isEqualTo(-11.5);
        assertThat(IndicatorArithmetic.percentChange(10, 0, 1).value()).isNull();
    }

    @Test
    @DisplayName("periods: the year to June 2015 starts in July 2014; a financial year runs April to March")
    void periods() {
        Period year = Period.yearTo(YearMonth.of(2015, 6));

        assertThat(year.from()).isEqualTo(YearMonth.of(2014, 7));
        assertThat(year.firstDay()).hasToString("2014-07-01");
        assertThat(year.lastDay()).hasToString("2015-06-30");
        assertThat(year.months()).isEqualTo(12);
        assertThat(year.minusYears(5).to()).isEqualTo(YearMonth.of(2010, 6));
        assertThat(Period.financialYear(2014)).isEqualTo(new Period(YearMonth.of(2014, 4), YearMonth.of(2015, 3)));
        assertThat(Period.quarter(2015, 2).monthList()).hasSize(3).startsWith(YearMonth.of(2015, 4));
    }

    @Test
    @DisplayName("12-month totals tile a 24-month period in two spans but cannot make up a quarter")
    void spans() {
        Period twoYears = new Period(YearMonth.of(2013, 7), YearMonth.of(2015, 6));

        assertThat(twoYears.spanEnds(12)).containsExactly(YearMonth.of(2015, 6), YearMonth.of(2014, 6));
        assertThat(Period.quarter(2015, 2).spanEnds(12)).isEmpty();
        assertThat(Period.quarter(2015, 2).spanEnds(1)).hasSize(3);
    }
}
