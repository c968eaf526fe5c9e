package org.peel.measure;

import java.util.List;

/**
 * One indicator's value for a place and period, with how it was made: the definition's version, the source, the
 * numerator and denominator, whether every month and place the period needs was there, and notes saying what was
 * missing or why there is no value at all.
 */
public record Figure(IndicatorDefinition definition, Place place, Period period, Double value, Double numerator,
                     Double denominator, boolean complete, String source, List<String> notes) {

    public Figure {
        notes = List.copyOf(notes);
    }

    /** No value, and the reasons. */
    public static Figure unavailable(IndicatorDefinition d, Place place, Period period, List<String> reasons) {
        return new Figure(d, place, period, null, null, null, false, null, reasons);
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
