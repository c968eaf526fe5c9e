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
                                  int periodOffsetYears, Integer changeYears, int ordinal) {

    /** A ratio, or a change on an earlier period. */
    public enum Kind { RATIO, CHANGE }

    /** What a ratio divides by. */
    public enum Denominator { POPULATION, HOUSEHOLDS, OFFENCES }
}
