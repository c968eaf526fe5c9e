package org.peel.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Disproportionality of a police activity (stop and search, ASB risk grades, gang scores, an offender cohort) between
 * groups of people, against the population each group has: the rate per 1,000 people, the rate ratio to a reference
 * group, and its 95% confidence interval by the log method treating the counts as Poisson and the populations as
 * fixed (SE of ln ratio = sqrt(1/a + 1/c)). A group with no events, or no population, has no ratio.
 */
public final class Disproportionality {

    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959964;

    private Disproportionality() {
    }

    /** One group's line: events, population, rate per 1,000, and ratio to the reference with its interval. */
    public record Row(String group, long events, long population, Double ratePer1000, Double ratio, Double low,
                      Double high) {
    }

    /**
     * @param events     events per group (groups with no population are left out)
     * @param population population per group
     * @param reference  the group the others are compared with
     */
    public static List<Row> table(Map<String, Long> events, Map<String, Long> population, String reference) {
        long refEvents = events.getOrDefault(reference, 0L);
        long refPop = population.getOrDefault(reference, 0L);
        if (refEvents == 0 || refPop == 0) {
            throw new IllegalArgumentException("the reference group " + reference + " needs events and population");
        }
        double refRate = (double) refEvents / refPop;
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Long> p : population.entrySet()) {
            long a = events.getOrDefault(p.getKey(), 0L);
            long n = p.getValue();
            if (n == 0) {
                continue;
            }
            double rate = (double) a / n;
            if (a == 0) {
                rows.add(new Row(p.getKey(), 0, n, 0.0, null, null, null));
                continue;
            }
            double ratio = rate / refRate;
            double se = p.getKey().equals(reference) ? 0 : Math.sqrt(1.0 / a + 1.0 / refEvents);
            rows.add(new Row(p.getKey(), a, n, rate * 1000, ratio, ratio * Math.exp(-Z95 * se),
                    ratio * Math.exp(Z95 * se)));
        }
        return rows;
    }
}
