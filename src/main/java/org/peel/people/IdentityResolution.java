package org.peel.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The linkage engine end to end: normalise the records, block, estimate m and u from the data, score every
 * candidate pair, and cluster into persons with a review band. Pure: records in, resolution out.
 */
public final class IdentityResolution {

    private final List<BlockingRule> rules;
    private final MatchModel.Training training;
    private final Clustering clustering;

    public IdentityResolution(List<BlockingRule> rules, MatchModel.Training training, Clustering clustering) {
        this.rules = List.copyOf(rules);
        this.training = training;
        this.clustering = clustering;
    }

    public static IdentityResolution standard() {
        return new IdentityResolution(BlockingRule.standard(), MatchModel.Training.standard(), Clustering.standard());
    }

    /**
     * What resolving a set of records produced.
     *
     * @param phaseSeconds how long each phase took (preparing the records, blocking, training, scoring, clustering),
     *                     in order, so a benchmark can say where the time goes; empty where not measured
     */
    public record Resolution(List<PreparedRecord> records, MatchModel model, long candidatePairs,
                             Map<String, Long> pairsPerRule, List<ScoredPair> scored, Clustering.Result persons,
                             Map<String, Double> phaseSeconds) {

        public Resolution(List<PreparedRecord> records, MatchModel model, long candidatePairs,
                          Map<String, Long> pairsPerRule, List<ScoredPair> scored, Clustering.Result persons) {
            this(records, model, candidatePairs, pairsPerRule, scored, persons, Map.of());
        }

        public MatchExplanation explain(ScoredPair pair) {
            return model.explain(records.get(pair.left()), records.get(pair.right()));
        }
    }

    public Resolution resolve(List<PersonDetails> details) {
        Map<String, Double> phases = new java.util.LinkedHashMap<>();
        long t = System.nanoTime();
        // each record on its own, so on every core; the list keeps the records' order
        List<PreparedRecord> records = details.parallelStream().map(PreparedRecord::of).toList();
        Set<PersonField> present = details.parallelStream()
                .flatMap(d -> java.util.Arrays.stream(PersonField.values()).filter(d::has))
                .collect(Collectors.toSet());
        List<FieldComparison> comparisons = FieldComparison.forFields(present);
        t = lap(phases, "prepare", t);
        Blocks blocks = Blocks.of(records, rules);
        t = lap(phases, "block", t);
        MatchModel model = MatchModel.train(records, comparisons, rules, training, blocks);
        t = lap(phases, "train", t);
        Map<String, Long> perRule = new java.util.LinkedHashMap<>();
        List<ScoredPair> scored = score(records, model, blocks, perRule);
        t = lap(phases, "score", t);
        Clustering.Result persons = clustering.cluster(records.size(), scored);
        lap(phases, "cluster", t);
        long pairs = perRule.values().stream().mapToLong(Long::longValue).sum();
        return new Resolution(records, model, pairs, perRule, scored, persons,
                java.util.Collections.unmodifiableMap(phases));
    }

    private static long lap(Map<String, Double> phases, String phase, long since) {
        long now = System.nanoTime();
        phases.put(phase, (now - since) / 1e9);
        return now;
    }

    /**
     * Every candidate pair of every rule scored once (a pair several rules yield, under the first), in parallel over
     * the rules' groups, without holding the pairs: only those at or above the review band are kept, in record order.
     */
    private List<ScoredPair> score(List<PreparedRecord> records, MatchModel model, Blocks blocks,
                                   Map<String, Long> perRule) {
        double lower = MatchWeight.weightOf(clustering.lower());
        List<ScoredPair> scored = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            int rule = r;
            java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();
            List<ScoredPair> part = java.util.stream.IntStream.range(0, blocks.groups(r)).parallel().collect(
                    ArrayList<ScoredPair>::new,
                    (kept, g) -> {
                        int[] group = blocks.group(rule, g);
                        long n = 0;
                        for (int x = 0; x < group.length; x++) {
                            PreparedRecord a = records.get(group[x]);
                            for (int y = x + 1; y < group.length; y++) {
                                int i = group[x];
                                int j = group[y];
                                if (blocks.yieldedEarlier(rule, i, j)) {
                                    continue;
                                }
                                n++;
                                double w = model.weight(a, records.get(j));
                                if (w >= lower) {
                                    kept.add(new ScoredPair(i, j, w, MatchWeight.probability(w)));
                                }
                            }
                        }
                        count.add(n);
                    },
                    ArrayList::addAll);
            scored.addAll(part);
            perRule.put(rules.get(r).name(), count.sum());
        }
        // the same order on every run, whatever the threads did
        scored.sort(java.util.Comparator.comparingInt(ScoredPair::left).thenComparingInt(ScoredPair::right));
        return scored;
    }

    /**
     * Resolves records added since an earlier resolution, reusing its model: only pairs involving a new record
     * are compared, earlier records keep their persons, and a new record that would join two earlier persons goes
     * for review instead. Retrain (a full {@link #resolve}) from time to time as the records grow.
     */
    public Resolution extend(Resolution earlier, List<PersonDetails> added) {
        List<PreparedRecord> records = new ArrayList<>(earlier.records());
        int firstNew = records.size();
        added.forEach(d -> records.add(PreparedRecord.of(d)));
        CandidatePairs pairs = CandidatePairs.of(records, rules, firstNew);
        List<ScoredPair> scored = score(records, earlier.model(), pairs);
        Clustering.Result persons = clustering.extend(earlier.persons(), records.size(), scored);
        return new Resolution(List.copyOf(records), earlier.model(), pairs.size(), pairs.perRule(), scored, persons);
    }

    /**
     * Resolves records added to records already resolved into persons (as stored, not as an earlier run in memory
     * left them): the model is estimated afresh from all of them, then only pairs involving a new record are
     * compared and clustered as in {@link #extend(Resolution, List)}.
     */
    public Resolution extend(List<PersonDetails> earlier, Clustering.Result earlierPersons, List<PersonDetails> added) {
        List<PreparedRecord> records = new ArrayList<>(earlier.size() + added.size());
        earlier.forEach(d -> records.add(PreparedRecord.of(d)));
        added.forEach(d -> records.add(PreparedRecord.of(d)));
        Set<PersonField> present = new java.util.HashSet<>();
        for (List<PersonDetails> list : List.of(earlier, added)) {
            for (PersonDetails d : list) {
                for (PersonField f : PersonField.values()) {
                    if (d.has(f)) {
                        present.add(f);
                    }
                }
            }
        }
        MatchModel model = MatchModel.train(records, FieldComparison.forFields(present), rules, training);
        CandidatePairs pairs = CandidatePairs.of(records, rules, earlier.size());
        List<ScoredPair> scored = score(records, model, pairs);
        Clustering.Result persons = clustering.extend(earlierPersons, records.size(), scored);
        return new Resolution(List.copyOf(records), model, pairs.size(), pairs.perRule(), scored, persons);
    }

    private List<ScoredPair> score(List<PreparedRecord> records, MatchModel model, CandidatePairs pairs) {
        List<ScoredPair> scored = new ArrayList<>();
        double lower = MatchWeight.weightOf(clustering.lower());
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.left(k);
            int j = pairs.right(k);
            double w = model.weight(records.get(i), records.get(j));
            // pairs below the review band are different people: no need to keep them
            if (w >= lower) {
                scored.add(new ScoredPair(i, j, w, MatchWeight.probability(w)));
            }
        }
        return scored;
    }
}
