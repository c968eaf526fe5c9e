package org.peel.measure;

import java.util.List;

/**
 * One indicator's value for a place and period, with how it was made: the definition's version, the source, the
 * numerator and denominator, whether every month and place the period needs was there, and notes saying what was
 * missing or why there is no value at all. A figure without a value says which input it lacked ({@link Gap}), so
 * that the import named to fill it is the one that would.
 */
public record Figure(IndicatorDefinition definition, Place place, Period period, Double value, Double numerator,
                     Double denominator, boolean complete, String source, List<String> notes, Gap gap) {

    /** The input a figure without a value lacked. */
    public enum Gap {
        /** No source holds the offences (or incidents) counted for the place and period. */
        FACTS,
        /** The offences are held but the place's resident population is not. */
        POPULATION,
        /** The offences are held but the place's households are not. */
        HOUSEHOLDS,
        /** Everything is held, but the arithmetic gives no value (a zero denominator, months missing). */
        NONE
    }

    public Figure {
        notes = List.copyOf(notes);
    }

    /** A figure whose inputs were all there (or whose arithmetic gave no value). */
    public Figure(IndicatorDefinition definition, Place place, Period period, Double value, Double numerator,
                  Double denominator, boolean complete, String source, List<String> notes) {
        this(definition, place, period, value, numerator, denominator, complete, source, notes,
                value == null ? Gap.NONE : null);
    }

    /** No value, for want of the facts counted, and the reasons. */
    public static Figure unavailable(IndicatorDefinition d, Place place, Period period, List<String> reasons) {
        return unavailable(d, place, period, reasons, Gap.FACTS);
    }

    /** No value, for want of the input given, and the reasons. */
    public static Figure unavailable(IndicatorDefinition d, Place place, Period period, List<String> reasons,
                                     Gap gap) {
        return new Figure(d, place, period, null, null, null, false, null, reasons, gap);
    }

    public boolean available() {
        return value != null;
    }

    /** The value as published, to the definition's decimals with thousands separated, or "n/a". */
    public String shown() {
        if (value == null) {
            return "n/a";
        }
        return String.format(java.util.Locale.UK, "%,." + definition.decimals() + "f", value);
    }
}
