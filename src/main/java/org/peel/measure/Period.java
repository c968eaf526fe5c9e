package org.peel.measure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of whole months, first to last inclusive: a month, a quarter, a financial year (April to March), or the
 * rolling 12 months to any month end, the inspectorate's usual period.
 */
public record Period(YearMonth from, YearMonth to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period month(YearMonth m) {
        return new Period(m, m);
    }

    /** The 12 months ending with the month given: "year to June 2015" is July 2014 to June 2015. */
    public static Period yearTo(YearMonth to) {
        return new Period(to.minusMonths(11), to);
    }

    /** Calendar quarter 1–4 of the year. */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
        }
        YearMonth start = YearMonth.of(year, quarter * 3 - 2);
        return new Period(start, start.plusMonths(2));
    }

    /** The financial year starting in April of the year given: 2014 is April 2014 to March 2015. */
    public static Period financialYear(int startYear) {
        return new Period(YearMonth.of(startYear, 4), YearMonth.of(startYear + 1, 3));
    }

    public int months() {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    public Period minusYears(int years) {
        return new Period(from.minusYears(years), to.minusYears(years));
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** Every month, first to last. */
    public List<YearMonth> monthList() {
        List<YearMonth> all = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            all.add(m);
        }
        return all;
    }

    /**
     * The last months of the spans of {@code grainMonths} that tile this period exactly, latest first; empty when
     * they cannot (a 12-month total cannot answer for a quarter).
     */
    public List<YearMonth> spanEnds(int grainMonths) {
        if (months() % grainMonths != 0) {
            return List.of();
        }
        List<YearMonth> ends = new ArrayList<>();
        for (YearMonth m = to; !m.isBefore(from); m = m.minusMonths(grainMonths)) {
            ends.add(m);
        }
        return ends;
    }

    /** "12 months to June 2015", "June 2015", or "April 2014 to March 2015". */
    public String describe() {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK);
        if (months() == 1) {
            return to.format(f);
        }
        if (months() == 12) {
            return "12 months to " + to.format(f);
        }
        return from.format(f) + " to " + to.format(f);
    }
}
