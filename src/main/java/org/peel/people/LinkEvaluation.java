package org.peel.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a resolution against the truth: a pair of records is a true pair when both
 * belong to the same true entity, a predicted pair when both were resolved to the same person.
 */
public record LinkEvaluation(long truePairs, long predictedPairs, long correctPairs) {

    /** Compares predicted persons with true entity ids, record by record (the two lists in the same order). */
    public static LinkEvaluation of(int[] personOf, List<String> entityOf) {
        if (personOf.length != entityOf.size()) {
            throw new IllegalArgumentException("one person and one entity per record");
        }
        Map<String, Long> entitySizes = new HashMap<>();
        Map<Integer, Long> personSizes = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        for (int i = 0; i < personOf.length; i++) {
            entitySizes.merge(entityOf.get(i), 1L, Long::sum);
            personSizes.merge(personOf[i], 1L, Long::sum);
            both.merge(personOf[i] + "\u0000" + entityOf.get(i), 1L, Long::sum);
        }
        return new LinkEvaluation(pairs(entitySizes.values()), pairs(personSizes.values()), pairs(both.values()));
    }

    private static long pairs(Iterable<Long> sizes) {
        long total = 0;
        for (long n : sizes) {
            total += n * (n - 1) / 2;
        }
        return total;
    }

    /** Of the pairs put together, the share that are truly one person (1 when none were put together). */
    public double precision() {
        return predictedPairs == 0 ? 1.0 : correctPairs / (double) predictedPairs;
    }

    /** Of the true pairs, the share put together (1 when there are none). */
    public double recall() {
        return truePairs == 0 ? 1.0 : correctPairs / (double) truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
