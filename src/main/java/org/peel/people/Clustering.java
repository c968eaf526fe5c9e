package org.peel.people;

import java.util.ArrayList;
import java.util.List;

/**
 * Match probabilities to persons. Pairs at or above the upper threshold join their records into one person
 * (connected components: if A is B and B is C, A is C). Pairs between the thresholds are neither merged nor
 * split silently: they go to a reviewer. Pairs below the lower threshold are different people.
 *
 * @param upper probability at or above which a pair is the same person
 * @param lower probability at or above which (and below upper) a pair goes for review
 */
public record Clustering(double upper, double lower) {

    public Clustering {
        if (!(lower > 0 && lower <= upper && upper < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < lower <= upper < 1, not lower " + lower
                    + " and upper " + upper);
        }
    }

    /**
     * Records join at 95% or more; pairs between 50% and 95% go to a reviewer rather than being lost. On the synthetic
     * million {@code bench link} shows precision and recall had the same pairs been joined at other thresholds.
     */
    public static Clustering standard() {
        return new Clustering(0.95, 0.5);
    }

    /** The outcome: a person number for every record, and the pairs for review. */
    public record Result(int[] personOf, int persons, List<ScoredPair> review) {
    }

    public Result cluster(int records, List<ScoredPair> pairs) {
        int[] parent = new int[records];
        for (int i = 0; i < records; i++) {
            parent[i] = i;
        }
        List<ScoredPair> review = new ArrayList<>();
        for (ScoredPair p : pairs) {
            if (p.probability() >= upper) {
                union(parent, p.left(), p.right());
            } else if (p.probability() >= lower) {
                review.add(p);
            }
        }
        int[] personOf = new int[records];
        int[] numberOfRoot = new int[records];
        java.util.Arrays.fill(numberOfRoot, -1);
        int persons = 0;
        for (int i = 0; i < records; i++) {
            int root = find(parent, i);
            if (numberOfRoot[root] < 0) {
                numberOfRoot[root] = persons++;
            }
            personOf[i] = numberOfRoot[root];
        }
        return new Result(personOf, persons, review);
    }

    /**
     * Adds records to an earlier result without disturbing it: the earlier records keep their persons, and a new
     * record joins the person it matches best at or above the upper threshold. A pair that would join two earlier
     * persons is not merged but sent for review, because merging existing persons is a decision for a person.
     *
     * @param records every record, the earlier ones first, in the same order as before
     * @param pairs   scored pairs each involving at least one new record
     */
    public Result extend(Result earlier, int records, List<ScoredPair> pairs) {
        int before = earlier.personOf().length;
        int[] parent = new int[records];
        // the earlier person each root stands for, or -1 for a root of new records only
        int[] personOfRoot = new int[records];
        int[] rootOfPerson = new int[earlier.persons()];
        java.util.Arrays.fill(rootOfPerson, -1);
        for (int i = 0; i < records; i++) {
            parent[i] = i;
            personOfRoot[i] = -1;
        }
        for (int i = 0; i < before; i++) {
            int p = earlier.personOf()[i];
            if (rootOfPerson[p] < 0) {
                rootOfPerson[p] = i;
                personOfRoot[i] = p;
            } else {
                parent[i] = rootOfPerson[p];
            }
        }
        List<ScoredPair> sorted = new ArrayList<>(pairs);
        sorted.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        List<ScoredPair> review = new ArrayList<>();
        for (ScoredPair p : sorted) {
            if (p.probability() < lower) {
                continue;
            }
            int ra = find(parent, p.left());
            int rb = find(parent, p.right());
            if (ra == rb) {
                continue;
            }
            boolean twoEarlierPersons = personOfRoot[ra] >= 0 && personOfRoot[rb] >= 0;
            if (p.probability() >= upper && !twoEarlierPersons) {
                int root = Math.min(ra, rb);
                int other = Math.max(ra, rb);
                parent[other] = root;
                personOfRoot[root] = Math.max(personOfRoot[root], personOfRoot[other]);
            } else {
                review.add(p);
            }
        }
        int[] personOf = new int[records];
        int[] numberOfRoot = new int[records];
        java.util.Arrays.fill(numberOfRoot, -1);
        int persons = earlier.persons();
        for (int i = 0; i < records; i++) {
            int root = find(parent, i);
            if (personOfRoot[root] >= 0) {
                personOf[i] = personOfRoot[root];
            } else {
                if (numberOfRoot[root] < 0) {
                    numberOfRoot[root] = persons++;
                }
                personOf[i] = numberOfRoot[root];
            }
        }
        List<ScoredPair> allReview = new ArrayList<>(earlier.review());
        allReview.addAll(review);
        return new Result(personOf, persons, allReview);
    }

    /** The root of {@code i}'s set in a disjoint-set forest (path halving). */
    public static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the sets of {@code a} and {@code b}; the smaller index stays the root, so results are order-free. */
    public static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
