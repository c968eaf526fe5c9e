package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Bank holidays in England and Wales and working-day arithmetic, against published dates")
class WorkingDaysTest {

    private static List<LocalDate> dates(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    @Test
    @DisplayName("2015: Christmas on a Friday moves Boxing Day to Monday 28th")
    void year2015() {
        assertThat(BankHolidays.of(2015)).containsExactlyElementsOf(dates("2015-01-01", "2015-04-03", "2015-04-06",
                "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28"));
    }

    @Test
    @DisplayName("2020: the early May holiday moved to Friday 8 May for VE Day")
    void year2020() {
        assertThat(BankHolidays.of(2020)).containsExactlyElementsOf(dates("2020-01-01", "2020-04-10", "2020-04-13",
                "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"));
    }

    @Test
    @DisplayName("2022: New Year substitute, Platinum Jubilee on 2 and 3 June, the Queen's funeral, Christmas on a Sunday")
    void year2022() {
        assertThat(BankHolidays.of(2022)).containsExactlyElementsOf(dates("2022-01-03", "2022-04-15", "2022-04-18",
                "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"));
    }

    @Test
    @DisplayName("2023: the Coronation on 8 May beside the usual early May holiday")
    void year2023() {
        assertThat(BankHolidays.of(2023)).containsExactlyElementsOf(dates("2023-01-02", "2023-04-07", "2023-04-10",
                "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"));
    }

    @Test
    @DisplayName("2011 and 2012: the royal wedding, the Diamond Jubilee's moved spring holiday, Christmas on a Sunday")
    void years2011And2012() {
        assertThat(BankHolidays.of(2011)).containsExactlyElementsOf(dates("2011-01-03", "2011-04-22", "2011-04-25",
                "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"));
        assertThat(BankHolidays.of(2012)).containsExactlyElementsOf(dates("2012-01-02", "2012-04-06", "2012-04-09",
                "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"));
    }

    @Test
    @DisplayName("2021 and 2026: Christmas on a Saturday, and Boxing Day on a Saturday")
    void christmasAtTheWeekend() {
        assertThat(BankHolidays.of(2021)).contains(LocalDate.parse("2021-12-27"), LocalDate.parse("2021-12-28"))
                .doesNotContain(LocalDate.parse("2021-12-25"), LocalDate.parse("2021-12-26"));
        assertThat(BankHolidays.of(2026)).containsExactlyElementsOf(dates("2026-01-01", "2026-04-03", "2026-04-06",
                "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"));
    }

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({"2010,2010-04-04", "2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20", "2027,2027-03-28",
            "2030,2030-04-21", "2035,2035-03-25"})
    void easter(int year, LocalDate sunday) {
        assertThat(BankHolidays.easterSunday(year)).isEqualTo(sunday);
    }

    @ParameterizedTest(name = "{2}: {1} working day(s) from {0} is {3}")
    @CsvSource({
            "2015-12-24,1,Christmas and the Boxing Day substitute,2015-12-29",
            "2022-12-23,1,Christmas on a Sunday and its substitute,2022-12-28",
            "2022-12-23,2,Christmas on a Sunday and its substitute,2022-12-29",
            "2015-04-02,1,Good Friday and Easter Monday,2015-04-07",
            "2021-12-31,1,New Year's Day on a Saturday substituted on Monday 3 January,2022-01-04",
            "2022-09-16,1,the Queen's funeral,2022-09-20",
            "2023-05-05,1,the Coronation,2023-05-09",
            "2020-05-07,1,VE Day 2020,2020-05-11",
            "2020-05-01,1,the usual early May Monday was a working day in 2020,2020-05-04",
            "2015-12-19,2,a Saturday report,2015-12-22",
            "2015-06-10,0,no days,2015-06-10",
            "2015-06-10,5,an ordinary week,2015-06-17"})
    void add(LocalDate from, int days, String why, LocalDate expected) {
        assertThat(WorkingDays.add(from, days)).as(why).isEqualTo(expected);
    }

    @Test
    @DisplayName("Working days between two dates count the later day, not the first")
    void between() {
        assertThat(WorkingDays.between(LocalDate.parse("2015-12-24"), LocalDate.parse("2015-12-30"))).isEqualTo(2);
        assertThat(WorkingDays.between(LocalDate.parse("2015-12-30"), LocalDate.parse("2015-12-24"))).isZero();
    }

    @Test
    @DisplayName("Years outside the checked table and negative days are refused")
    void refusals() {
        assertThatThrownBy(() -> BankHolidays.of(2036)).hasMessageContaining("2010 to 2035");
        assertThatThrownBy(() -> WorkingDays.add(LocalDate.parse("2015-01-01"), -1)).hasMessageContaining("negative");
    }
}
