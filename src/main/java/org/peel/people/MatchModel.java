package org.peel.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained Fellegi–Sunter model: for each comparison level, m (its probability between records of one person)
 * and u (between records of different people), the prior probability that two records match, and term frequencies
 * for names. Scores a pair as a match weight in bits and explains it comparison by comparison. A level of
 * agreement never counts against a match: where the data gives it m below u (too rare among matches to estimate),
 * it counts 0.
 *
 * <p>Serializable so that a model trained once can be shipped to other machines and score pairs there exactly as
 * here (the national path on Spark broadcasts it to its executors).
 */
public final class MatchModel implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** How the model is trained. */
    public record Training(int randomPairs, long seed, int maxIterations, double tolerance) {
        public static Training standard() {
            return new Training(300_000, 20_260_101L, 100, 1e-5);
        }
    }

    /** What one EM session (one blocking rule's pairs) found, for reports. */
    public record Session(String rule, long pairs, double lambda, int iterations, List<String> estimated)
            implements java.io.Serializable {
    }

    private static final double FLOOR = 1e-6;

    private final List<FieldComparison> comparisons;
    private final double[][] m;
    private final double[][] u;
    private final double[][] bits;
    private final double lambda;
    private final TermFrequencies givenNames;
    private final TermFrequencies surnames;
    private final int givenIndex;
    private final int surnameIndex;
    private final List<Session> sessions;

    public MatchModel(List<FieldComparison> comparisons, double[][] m, double[][] u, double lambda,
                      TermFrequencies givenNames, TermFrequencies surnames, List<Session> sessions) {
        this.comparisons = List.copyOf(comparisons);
        this.m = m;
        this.u = u;
        this.lambda = lambda;
        this.givenNames = givenNames;
        this.surnames = surnames;
        this.sessions = List.copyOf(sessions);
        this.bits = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            List<ComparisonLevel> levels = comparisons.get(c).levels();
            bits[c] = new double[levels.size()];
            int different = levels.size() - 1;
            for (int l = 0; l < levels.size(); l++) {
                if (levels.get(l).neutral()) {
                    continue;
                }
                double w = TermFrequencies.log2(Math.max(m[c][l], FLOOR) / Math.max(u[c][l], FLOOR));
                // a partial agreement the data never showed between records of one person (a nickname, where no
                // one used nicknames) is no evidence either way, not evidence of two people
                bits[c][l] = l == different ? w : Math.max(0, w);
            }
        }
        int g = -1;
        int s = -1;
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c) instanceof FieldComparison.GivenName) {
                g = c;
            } else if (comparisons.get(c) instanceof FieldComparison.Surname) {
                s = c;
            }
        }
        this.givenIndex = g;
        this.surnameIndex = s;
    }

    /**
     * Estimates the model from the records: u from random pairs, then one EM session per blocking rule that yields
     * pairs, each estimating m for the comparisons the rule does not force; a comparison's m is the mean over the
     * sessions that estimated it. The prior is the number of matches the sessions imply, over all pairs.
     */
    public static MatchModel train(List<PreparedRecord> records, List<FieldComparison> comparisons,
                                   List<BlockingRule> rules, Training training) {
        double[][] u = ExpectationMaximisation.estimateU(records, comparisons, training.randomPairs(), training.seed());
        double[][] start = ExpectationMaximisation.initialM(comparisons);
        double[][] sum = new double[comparisons.size()][];
        int[] sessionsOf = new int[comparisons.size()];
        for (int c = 0; c < sum.length; c++) {
            sum[c] = new double[comparisons.get(c).levels().size()];
        }
        double[] expected = new double[rules.size()];
        List<Session> sessions = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            BlockingRule rule = rules.get(r);
            if (!rule.trains()) {
                continue;
            }
            CandidatePairs pairs = CandidatePairs.ofRule(records, rule);
            if (pairs.size() == 0) {
                continue;
            }
            boolean[] active = new boolean[comparisons.size()];
            List<String> estimated = new ArrayList<>();
            for (int c = 0; c < active.length; c++) {
                active[c] = !rule.comparisons().contains(comparisons.get(c).name());
                if (active[c]) {
                    estimated.add(comparisons.get(c).name());
                }
            }
            ComparisonPatterns patterns = ComparisonPatterns.of(records, comparisons, pairs);
            ExpectationMaximisation.Estimate e = ExpectationMaximisation.run(patterns, comparisons, active, u, start,
                    0.3, training.maxIterations(), training.tolerance());
            for (int c = 0; c < active.length; c++) {
                if (active[c]) {
                    for (int l = 0; l < sum[c].length; l++) {
                        sum[c][l] += e.m()[c][l];
                    }
                    sessionsOf[c]++;
                }
            }
            expected[r] = e.lambda() * pairs.size();
            sessions.add(new Session(rule.name(), pairs.size(), e.lambda(), e.iterations(), estimated));
        }
        double[][] m = new double[comparisons.size()][];
        for (int c = 0; c < m.length; c++) {
            if (sessionsOf[c] == 0) {
                // no rule left this comparison free to estimate: keep the starting guess rather than drop it
                m[c] = start[c].clone();
                continue;
            }
            m[c] = new double[sum[c].length];
            for (int l = 0; l < m[c].length; l++) {
                m[c][l] = sum[c][l] / sessionsOf[c];
            }
        }
        // each session counts only the matches its rule catches: at least the largest of those; and where a rule is
        // exactly one level of one comparison, that count divided by the level's m (from the other sessions)
        double expectedMatches = 0;
        for (int r = 0; r < rules.size(); r++) {
            expectedMatches = Math.max(expectedMatches, expected[r]);
            BlockingRule.Implied implied = rules.get(r).implies();
            if (implied == null || expected[r] == 0) {
                continue;
            }
            for (int c = 0; c < comparisons.size(); c++) {
                if (comparisons.get(c).name().equals(implied.comparison()) && sessionsOf[c] > 0
                        && m[c][implied.level()] > 0.05) {
                    expectedMatches = Math.max(expectedMatches, expected[r] / m[c][implied.level()]);
                }
            }
        }
        double allPairs = (double) records.size() * (records.size() - 1) / 2;
        double lambda = allPairs == 0 ? 0.5 : Math.min(0.5, Math.max(1e-12, expectedMatches / allPairs));
        return new MatchModel(comparisons, m, u, lambda,
                TermFrequencies.of(records, PreparedRecord::givenName),
                TermFrequencies.of(records, PreparedRecord::surname), sessions);
    }

    /** The prior: log2(λ ÷ (1 − λ)). */
    public double priorWeight() {
        return TermFrequencies.log2(lambda / (1 - lambda));
    }

    public double lambda() {
        return lambda;
    }

    public List<FieldComparison> comparisons() {
        return comparisons;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** The match weight of a pair in bits, prior included. Allocates nothing: this runs millions of times. */
    public double weight(PreparedRecord a, PreparedRecord b) {
        double w = priorWeight();
        for (int c = 0; c < comparisons.size(); c++) {
            int l = comparisons.get(c).compare(a, b);
            w += bits[c][l] + termFrequencyAdjustment(c, l, a);
        }
        return w;
    }

    /** The same weight, with every comparison's contribution and the reason for it. */
    public MatchExplanation explain(PreparedRecord a, PreparedRecord b) {
        List<FieldContribution> contributions = new ArrayList<>();
        double w = priorWeight();
        for (int c = 0; c < comparisons.size(); c++) {
            FieldComparison comparison = comparisons.get(c);
            int l = comparison.compare(a, b);
            ComparisonLevel level = comparison.levels().get(l);
            double tf = termFrequencyAdjustment(c, l, a);
            contributions.add(new FieldContribution(comparison.name(), level.code(), level.description(),
                    m[c][l], u[c][l], bits[c][l], tf));
            w += bits[c][l] + tf;
        }
        return new MatchExplanation(a.details().recordId(), b.details().recordId(), priorWeight(), contributions,
                MatchWeight.of(w));
    }

    /** m, u and the weight in bits per comparison and level, for reports. */
    public Map<String, Map<String, double[]>> parameters() {
        Map<String, Map<String, double[]>> p = new LinkedHashMap<>();
        for (int c = 0; c < comparisons.size(); c++) {
            Map<String, double[]> levels = new LinkedHashMap<>();
            List<ComparisonLevel> ls = comparisons.get(c).levels();
            for (int l = 0; l < ls.size(); l++) {
                if (!ls.get(l).neutral()) {
                    levels.put(ls.get(l).code(), new double[]{m[c][l], u[c][l], bits[c][l]});
                }
            }
            p.put(comparisons.get(c).name(), levels);
        }
        return p;
    }

    private double termFrequencyAdjustment(int c, int level, PreparedRecord a) {
        if (c == givenIndex && level == FieldComparison.GivenName.EXACT) {
            return givenNames.adjustment(a.given, u[c][level]);
        }
        if (c == surnameIndex && level == FieldComparison.Surname.EXACT) {
            return surnames.adjustment(a.surname, u[c][level]);
        }
        return 0;
    }
}
