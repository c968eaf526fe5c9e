package org.peel.measure;

import java.math.BigDecimal;

/**
 * One indicator, as data (table {@code measure_indicator}): a ratio, numerator ÷ denominator × factor, or a
 * percentage change in a count against some years earlier. The numerator counts an offence group, optionally only
 * the offences given an outcome in an outcome group; the denominator is the population, households, or the count of
 * another offence group.
 */
public record IndicatorDefinition(String id, int version, String title, String meaning, Kind kind,
                                  String numeratorGroup, String outcomeGroup, Denominator denominator,
                                  String denominatorGroup, BigDecimal factor, String unit, int decimals,
                                  int periodOffsetYears, Integer changeYears, int ordinal, String countBasis,
                                  Integer periodEndMonth, String statusFilter) {

    /**
     * The period this indicator is counted over when {@code asked} is asked for: the same, or, for an indicator with
     * its own period end month (3: the year to 31 March), as many months to the latest such month at or before the
     * end asked for.
     */
    public Period periodFor(Period asked) {
        if (periodEndMonth == null) {
            return asked;
        }
        java.time.YearMonth end = asked.to();
        while (end.getMonthValue() != periodEndMonth) {
            end = end.minusMonths(1);
        }
        return end.equals(asked.to()) ? asked : new Period(end.minusMonths(asked.months() - 1L), end);
    }

    /** A ratio, or a change on an earlier period. */
    public enum Kind { RATIO, CHANGE }

    /** What a ratio divides by. */
    public enum Denominator { POPULATION, HOUSEHOLDS, OFFENCES }
}
