package org.peel.measure;

/**
 * Whoever adds up the facts a {@link FactFilter} takes: {@link MeasureStore#sum} in the force's PostgreSQL, or the
 * national job over every force's facts on Spark. The engine decides what to count; this only counts it.
 */
@FunctionalInterface
public interface FactCounts {

    /** The sum of {@code n} over the facts the filter takes (0 when none). */
    double sum(FactFilter filter);
}
