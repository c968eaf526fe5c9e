package org.peel.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Search before create: the persons a partly typed record most likely already is, with the match probability and
 * why, fast enough to run on every keystroke. An in-memory index of keys (date of birth, postcode, surname sound
 * with initial, surname sound, first three letters of the surname) finds candidates; the trained model scores them.
 * The smallest candidate lists are used first and the total is capped, so a common surname alone cannot make one
 * search slow.
 */
public final class PersonSearch {

    /** One likely existing record for the typed details. */
    public record Candidate(PersonDetails details, MatchExplanation why) {
        public double probability() {
            return why.match().probability();
        }
    }

    private static final int DEFAULT_CAP = 5_000;

    private final PreparedRecord[] records;
    private final Map<String, int[]> postings;
    private final MatchModel model;
    private final int cap;

    private PersonSearch(PreparedRecord[] records, Map<String, int[]> postings, MatchModel model, int cap) {
        this.records = records;
        this.postings = postings;
        this.model = model;
        this.cap = cap;
    }

    public static PersonSearch of(List<PreparedRecord> records, MatchModel model) {
        Map<String, int[]> postings = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (PreparedRecord r : records) {
            for (String k : keys(r)) {
                if (k != null) {
                    sizes.merge(k, 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            postings.put(e.getKey(), new int[e.getValue()]);
        }
        Map<String, Integer> filled = new HashMap<>(sizes.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            for (String k : keys(records.get(i))) {
                if (k != null) {
                    int at = filled.merge(k, 1, Integer::sum) - 1;
                    postings.get(k)[at] = i;
                }
            }
        }
        return new PersonSearch(records.toArray(PreparedRecord[]::new), postings, model, DEFAULT_CAP);
    }

    public int size() {
        return records.length;
    }

    /** The model the index scores with. */
    public MatchModel model() {
        return model;
    }

    /** The {@code limit} most likely records for the typed details, most likely first, above {@code minimum}. */
    public List<Candidate> top(PersonDetails typed, int limit, double minimum) {
        return top(typed, limit, minimum, i -> false);
    }

    /**
     * As {@link #top(PersonDetails, int, double)}, passing over the records at the index positions {@code skip}
     * holds: records since superseded by a later version held elsewhere.
     */
    public List<Candidate> top(PersonDetails typed, int limit, double minimum, IntPredicate skip) {
        PreparedRecord query = PreparedRecord.of(typed);
        int[] candidates = candidates(query);
        PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble(x -> x[0]));
        double floor = MatchWeight.weightOf(minimum);
        for (int i : candidates) {
            if (skip.test(i)) {
                continue;
            }
            double w = model.weight(query, records[i]);
            if (w < floor) {
                continue;
            }
            if (best.size() < limit) {
                best.add(new double[]{w, i});
            } else if (w > best.peek()[0]) {
                best.poll();
                best.add(new double[]{w, i});
            }
        }
        List<Candidate> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            PreparedRecord r = records[(int) best.poll()[1]];
            out.add(new Candidate(r.details(), model.explain(query, r)));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The {@code limit} most likely persons for the typed details: each person once, represented by their record
     * that matches best, most likely first. {@code personOf} gives the person of the record at an index position.
     */
    public List<Candidate> topPersons(PersonDetails typed, int limit, double minimum,
                                      java.util.function.IntToLongFunction personOf) {
        PreparedRecord query = PreparedRecord.of(typed);
        double floor = MatchWeight.weightOf(minimum);
        Map<Long, double[]> bestOfPerson = new HashMap<>();
        for (int i : candidates(query)) {
            double w = model.weight(query, records[i]);
            if (w >= floor) {
                bestOfPerson.merge(personOf.applyAsLong(i), new double[]{w, i}, (a, b) -> a[0] >= b[0] ? a : b);
            }
        }
        return bestOfPerson.values().stream()
                .sorted((a, b) -> Double.compare(b[0], a[0]))
                .limit(limit)
                .map(best -> {
                    PreparedRecord r = records[(int) best[1]];
                    return new Candidate(r.details(), model.explain(query, r));
                })
                .toList();
    }

    /** Scores every record: what the index saves, kept for benchmarks and for checking the index's answers. */
    public double[] scoreAll(PersonDetails typed, int from, int to) {
        PreparedRecord query = PreparedRecord.of(typed);
        double[] w = new double[to - from];
        for (int i = from; i < to; i++) {
            w[i - from] = model.weight(query, records[i]);
        }
        return w;
    }

    private int[] candidates(PreparedRecord q) {
        List<int[]> lists = new ArrayList<>();
        for (String k : keys(q)) {
            int[] p = k == null ? null : postings.get(k);
            if (p != null) {
                lists.add(p);
            }
        }
        lists.sort(Comparator.comparingInt(p -> p.length));
        int total = 0;
        List<int[]> used = new ArrayList<>();
        for (int[] p : lists) {
            if (!used.isEmpty() && total + p.length > cap) {
                break;
            }
            used.add(p.length > cap ? Arrays.copyOf(p, cap) : p);
            total += Math.min(p.length, cap);
        }
        int[] all = new int[total];
        int n = 0;
        for (int[] p : used) {
            System.arraycopy(p, 0, all, n, p.length);
            n += p.length;
        }
        if (used.size() > 1) {
            Arrays.sort(all);
            int distinct = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[distinct++] = all[i];
                }
            }
            return Arrays.copyOf(all, distinct);
        }
        return all;
    }

    private static String[] keys(PreparedRecord r) {
        return new String[]{
                r.dobNumber() == 0 ? null : "d:" + r.dobNumber(),
                r.postcode == null ? null : "p:" + r.postcode,
                r.surnameSound == null || r.given == null ? null : "sg:" + r.surnameSound + "|" + r.given.charAt(0),
                r.surnameSound == null ? null : "s:" + r.surnameSound,
                r.surname == null || r.surname.length() < 3 ? null : "s3:" + r.surname.substring(0, 3),
                r.email == null ? null : "e:" + r.email,
                r.phone == null ? null : "t:" + r.phone};
    }
}
