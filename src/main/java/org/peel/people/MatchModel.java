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

    /**
     * How the model is trained.
     *
     * @param sessionPairs at most this many of a blocking rule's pairs (a fixed pseudo-random sample) are used to
     *                     estimate m in its session, and as many household pairs to estimate u at one address: the
     *                     estimates hardly move beyond a few hundred thousand pairs, and a million records' rules
     *                     yield tens of millions
     */
    public record Training(int randomPairs, long seed, int maxIterations, double tolerance, int sessionPairs) {

        public Training(int randomPairs, long seed, int maxIterations, double tolerance) {
            this(randomPairs, seed, maxIterations, tolerance, 500_000);
        }

        public static Training standard() {
            return new Training(300_000, 20_260_101L, 100, 1e-5);
        }
    }

    /**
     * What one EM session (one blocking rule's pairs) found, for reports.
     *
     * @param setAside true when the session claimed far more matches than the others (see {@link #SET_ASIDE_ABOVE}),
     *                 so neither its m nor its count of matches was used
     */
    public record Session(String rule, long pairs, double lambda, int iterations, List<String> estimated,
                          boolean setAside) implements java.io.Serializable {
    }

    /**
     * A session whose matches (its λ times its pairs) come to more than this many times the middle session's has not
     * told matches from non-matches: EM has taken the many look-alike strangers a large block holds (people of one
     * town with similar names) for the same person. Every rule catches at most all the matches, and the rules on a
     * date of birth or on both names catch most of them, so a rule cannot truly find several times what the middle
     * one does. Seen on a synthetic nation of two million records: the town rule's session claimed 185 million
     * matches against a middle of 1.6 million, and kept, it linked strangers (precision 0.13).
     */
    static final double SET_ASIDE_ABOVE = 4.0;

    private static final double FLOOR = 1e-6;

    private final List<FieldComparison> comparisons;
    private final double[][] m;
    private final double[][] u;
    private final double[][] bits;
    private final double[][] uHome;
    private final double[][] bitsHome;
    private final int addressIndex;
    private final int postcodeIndex;
    private final double lambda;
    private final TermFrequencies givenNames;
    private final TermFrequencies surnames;
    private final int givenIndex;
    private final int surnameIndex;
    private final List<Session> sessions;

    public MatchModel(List<FieldComparison> comparisons, double[][] m, double[][] u, double lambda,
                      TermFrequencies givenNames, TermFrequencies surnames, List<Session> sessions) {
        this(comparisons, m, u, null, lambda, givenNames, surnames, sessions);
    }

    /**
     * A model that knows how people at one address differ.
     *
     * @param uHome u for each level between different people at one address (same address, or same house on the
     *              same street), or null to use {@code u} there too. Where two records share an address, agreeing on
     *              the surname, the phone or the town is what a household does, not evidence of one person, so it is
     *              weighed by {@code log2(m ÷ uHome)}; the address's own weight already says they share a home.
     */
    public MatchModel(List<FieldComparison> comparisons, double[][] m, double[][] u, double[][] uHome, double lambda,
                      TermFrequencies givenNames, TermFrequencies surnames, List<Session> sessions) {
        this.comparisons = List.copyOf(comparisons);
        int pc = -1;
        int ad = -1;
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c) instanceof FieldComparison.Postcode) {
                pc = c;
            } else if (comparisons.get(c) instanceof FieldComparison.Address) {
                ad = c;
            }
        }
        this.postcodeIndex = pc;
        this.m = postcodeForAddress(m, pc, ad, false);
        this.u = postcodeForAddress(u, pc, ad, true);
        this.uHome = uHome == null ? this.u : postcodeForAddress(uHome, pc, ad, true);
        this.lambda = lambda;
        this.givenNames = givenNames;
        this.surnames = surnames;
        this.sessions = List.copyOf(sessions);
        this.bits = bits(comparisons, this.m, this.u);
        this.bitsHome = bits(comparisons, this.m, this.uHome);
        int a = -1;
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c) instanceof FieldComparison.Address) {
                a = c;
            }
        }
        this.addressIndex = a;
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
     * A postcode that agrees where one record has no address stands in for the address: among matches it agrees as
     * often as the address would (the address's exact and same-house levels), and among non-matches as often as any
     * two postcodes agree. The data rarely shows this level among matches (records that keep a postcode keep the
     * address too), so it cannot be estimated from them; without this it would weigh nothing, and a name with a
     * postcode would find the person no better than the name alone.
     */
    private static double[][] postcodeForAddress(double[][] table, int postcode, int address, boolean isU) {
        if (postcode < 0 || address < 0 || table[postcode].length <= FieldComparison.Postcode.FOR_ADDRESS) {
            return table;
        }
        double[][] copy = table.clone();
        copy[postcode] = table[postcode].clone();
        copy[postcode][FieldComparison.Postcode.FOR_ADDRESS] = isU
                ? table[postcode][FieldComparison.Postcode.EXACT] + table[postcode][FieldComparison.Postcode.FOR_ADDRESS]
                : table[address][FieldComparison.Address.EXACT] + table[address][FieldComparison.Address.SAME_HOUSE];
        return copy;
    }

    private static double[][] bits(List<FieldComparison> comparisons, double[][] m, double[][] u) {
        double[][] bits = new double[m.length][];
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
        return bits;
    }

    /**
     * Estimates the model from the records: u from random pairs, then one EM session per blocking rule that yields
     * pairs, each estimating m for the comparisons the rule does not force (on a fixed sample of the rule's pairs when
     * it yields more than {@link Training#sessionPairs()}); a comparison's m is the mean over the sessions that
     * estimated it. The prior is the number of matches the sessions imply, over all pairs. A session that claims far more
     * matches than the others is set aside ({@link #SET_ASIDE_ABOVE}). Last, u between
     * different people at one address, from the household rules' pairs ({@link #homeU}).
     */
    public static MatchModel train(List<PreparedRecord> records, List<FieldComparison> comparisons,
                                   List<BlockingRule> rules, Training training) {
        return train(records, comparisons, rules, training, Blocks.of(records, rules));
    }

    static MatchModel train(List<PreparedRecord> records, List<FieldComparison> comparisons,
                            List<BlockingRule> rules, Training training, Blocks blocks) {
        double[][] u = ExpectationMaximisation.estimateU(records, comparisons, training.randomPairs(), training.seed());
        double[][] start = ExpectationMaximisation.initialM(comparisons);
        double[][] sum = new double[comparisons.size()][];
        int[] sessionsOf = new int[comparisons.size()];
        for (int c = 0; c < sum.length; c++) {
            sum[c] = new double[comparisons.get(c).levels().size()];
        }
        double[] expected = new double[rules.size()];
        List<Session> sessions = new ArrayList<>();
        List<double[][]> sessionM = new ArrayList<>();
        List<boolean[]> sessionActive = new ArrayList<>();
        List<Integer> sessionRule = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            BlockingRule rule = rules.get(r);
            if (!rule.trains()) {
                continue;
            }
            long all = blocks.pairs(r);
            if (all == 0) {
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
            double share = Math.min(1.0, training.sessionPairs() / (double) all);
            ComparisonPatterns patterns = sample(records, comparisons, blocks, List.of(r), share, null);
            ExpectationMaximisation.Estimate e = ExpectationMaximisation.run(patterns, comparisons, active, u, start,
                    0.3, training.maxIterations(), training.tolerance());
            expected[r] = e.lambda() * all;
            sessionM.add(e.m());
            sessionActive.add(active);
            sessionRule.add(r);
            sessions.add(new Session(rule.name(), all, e.lambda(), e.iterations(), estimated, false));
        }
        boolean[] setAside = setAside(sessionRule.stream().mapToDouble(r -> expected[r]).toArray());
        for (int k = 0; k < sessions.size(); k++) {
            if (setAside[k]) {
                Session was = sessions.get(k);
                sessions.set(k, new Session(was.rule(), was.pairs(), was.lambda(), was.iterations(), was.estimated(),
                        true));
                expected[sessionRule.get(k)] = 0;
                continue;
            }
            for (int c = 0; c < comparisons.size(); c++) {
                if (sessionActive.get(k)[c]) {
                    for (int l = 0; l < sum[c].length; l++) {
                        sum[c][l] += sessionM.get(k)[c][l];
                    }
                    sessionsOf[c]++;
                }
            }
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
        double[][] uHome = homeU(records, comparisons, rules, blocks, u, training);
        return new MatchModel(comparisons, m, u, uHome, lambda,
                TermFrequencies.of(records, PreparedRecord::givenName),
                TermFrequencies.of(records, PreparedRecord::surname), sessions);
    }

    /**
     * Which sessions to set aside: those claiming more than {@link #SET_ASIDE_ABOVE} times the median session's
     * matches. With fewer than three sessions there is no middle to judge by, and none is set aside.
     */
    static boolean[] setAside(double[] matches) {
        boolean[] out = new boolean[matches.length];
        if (matches.length < 3) {
            return out;
        }
        double[] sorted = matches.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        for (int k = 0; k < matches.length; k++) {
            out[k] = median > 0 && matches[k] > SET_ASIDE_ABOVE * median;
        }
        return out;
    }

    /** Household pairs below this many, for one comparison, leave its u at one address as the general u. */
    static final int MIN_HOME_PAIRS = 200;

    /**
     * u between different people at one address, without labels: from the pairs the household rules (those that do
     * not train) yield whose addresses agree, keeping for each comparison only the pairs that the other details
     * already show to be two people. For the given name, pairs born on clearly different dates (which keeps a father
     * and the son named after him); for the date of birth, pairs with clearly different given names (which keeps
     * twins); for every other detail, pairs that differ in both. Address and postcode keep their general u.
     */
    static double[][] homeU(List<PreparedRecord> records, List<FieldComparison> comparisons, List<BlockingRule> rules,
                            Blocks blocks, double[][] u, Training training) {
        int address = indexOf(comparisons, FieldComparison.Address.class);
        int given = indexOf(comparisons, FieldComparison.GivenName.class);
        int dob = indexOf(comparisons, FieldComparison.DateOfBirth.class);
        if (address < 0 || given < 0 || dob < 0) {
            return null;
        }
        List<Integer> household = new ArrayList<>();
        long all = 0;
        for (int r = 0; r < rules.size(); r++) {
            if (!rules.get(r).trains()) {
                household.add(r);
                all += blocks.pairs(r);
            }
        }
        if (all == 0) {
            return null;
        }
        double share = Math.min(1.0, training.sessionPairs() / (double) all);
        ComparisonPatterns patterns = sample(records, comparisons, blocks, household, share, levels ->
                levels[address] == FieldComparison.Address.EXACT || levels[address] == FieldComparison.Address.SAME_HOUSE);
        ComparisonPatterns.Counted counted = patterns.counted();
        long[][] counts = new long[comparisons.size()][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = new long[comparisons.get(c).levels().size()];
        }
        int givenDifferent = FieldComparison.GivenName.DIFFERENT;
        int dobDifferent = FieldComparison.DateOfBirth.DIFFERENT;
        // only where addresses are shared by people who are plainly two (different given name and date of birth)
        // often enough to learn from; where they are not (a file of one record per home, or of duplicates only),
        // a pair at one address with a mistyped birth date is more likely one person than a father and son
        long plainlyTwo = 0;
        for (int v = 0; v < counted.vectors().length; v++) {
            int[] levels = counted.vectors()[v];
            if (levels[given] == givenDifferent && levels[dob] == dobDifferent) {
                plainlyTwo += counted.counts()[v];
            }
        }
        if (plainlyTwo < MIN_HOME_PAIRS) {
            return null;
        }
        for (int v = 0; v < counted.vectors().length; v++) {
            int[] levels = counted.vectors()[v];
            boolean twoByName = levels[given] == givenDifferent;
            boolean twoByBirth = levels[dob] == dobDifferent;
            for (int c = 0; c < counts.length; c++) {
                boolean keep = c == given ? twoByBirth : c == dob ? twoByName : twoByName && twoByBirth;
                if (keep) {
                    counts[c][levels[c]] += counted.counts()[v];
                }
            }
        }
        double[][] home = new double[comparisons.size()][];
        for (int c = 0; c < home.length; c++) {
            List<ComparisonLevel> levels = comparisons.get(c).levels();
            long informative = 0;
            for (int l = 0; l < levels.size(); l++) {
                if (!levels.get(l).neutral()) {
                    informative += counts[c][l];
                }
            }
            if (c == address || comparisons.get(c) instanceof FieldComparison.Postcode || informative < MIN_HOME_PAIRS) {
                home[c] = u[c].clone();
                continue;
            }
            home[c] = new double[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                if (!levels.get(l).neutral()) {
                    home[c][l] = counts[c][l] > 0 ? counts[c][l] / (double) informative : 0.5 / informative;
                }
            }
        }
        return home;
    }

    private static int indexOf(List<FieldComparison> comparisons, Class<? extends FieldComparison> kind) {
        for (int c = 0; c < comparisons.size(); c++) {
            if (kind.isInstance(comparisons.get(c))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The comparison vectors of a fixed pseudo-random share of the pairs the given rules yield (a pair yielded by
     * more than one of them once), keeping only those {@code keep} accepts (all, when null). In parallel over groups.
     */
    static ComparisonPatterns sample(List<PreparedRecord> records, List<FieldComparison> comparisons, Blocks blocks,
                                     List<Integer> rules, double share,
                                     java.util.function.Predicate<int[]> keep) {
        ComparisonPatterns total = ComparisonPatterns.empty(comparisons.size());
        for (int k = 0; k < rules.size(); k++) {
            int r = rules.get(k);
            List<Integer> earlier = rules.subList(0, k);
            ComparisonPatterns part = java.util.stream.IntStream.range(0, blocks.groups(r)).parallel().collect(
                    () -> ComparisonPatterns.empty(comparisons.size()),
                    (patterns, g) -> {
                        int[] group = blocks.group(r, g);
                        int[] levels = new int[comparisons.size()];
                        for (int x = 0; x < group.length; x++) {
                            for (int y = x + 1; y < group.length; y++) {
                                int i = group[x];
                                int j = group[y];
                                if (share < 1 && Blocks.pairShare(i, j) >= share) {
                                    continue;
                                }
                                boolean seen = false;
                                for (int e : earlier) {
                                    seen |= blocks.agree(e, i, j);
                                }
                                if (seen) {
                                    continue;
                                }
                                PreparedRecord a = records.get(i);
                                PreparedRecord b = records.get(j);
                                for (int c = 0; c < levels.length; c++) {
                                    levels[c] = comparisons.get(c).compare(a, b);
                                }
                                if (keep == null || keep.test(levels)) {
                                    patterns.add(levels, 1);
                                }
                            }
                        }
                    },
                    ComparisonPatterns::addAll);
            total.addAll(part);
        }
        return total;
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

    /**
     * The match weight of a pair in bits, prior included. Allocates nothing: this runs millions of times. Where the
     * two records share an address, every other detail is weighed as between people at one address (see
     * {@link #MatchModel(List, double[][], double[][], double[][], double, TermFrequencies, TermFrequencies, List)}),
     * and names carry no term-frequency adjustment: at one address a shared surname says little, rare or not.
     */
    public double weight(PreparedRecord a, PreparedRecord b) {
        double w = priorWeight();
        // address and postcode first, each compared once: together they say whether the pair share a home
        int addressLevel = addressIndex < 0 ? -1 : comparisons.get(addressIndex).compare(a, b);
        int postcodeLevel = postcodeIndex < 0 ? -1 : comparisons.get(postcodeIndex).compare(a, b);
        boolean home = atHome(addressLevel) || postcodeLevel == FieldComparison.Postcode.FOR_ADDRESS;
        double[][] table = home ? bitsHome : bits;
        for (int c = 0; c < comparisons.size(); c++) {
            int l = c == addressIndex ? addressLevel : c == postcodeIndex ? postcodeLevel
                    : comparisons.get(c).compare(a, b);
            w += table[c][l] + (home ? 0 : termFrequencyAdjustment(c, l, a));
        }
        return w;
    }

    private static boolean atHome(int addressLevel) {
        return addressLevel == FieldComparison.Address.EXACT || addressLevel == FieldComparison.Address.SAME_HOUSE;
    }

    /** The postcodes agree where one record has no address: as good as one home, as far as the records tell. */
    private boolean postcodeForAddress(PreparedRecord a, PreparedRecord b) {
        return postcodeIndex >= 0
                && comparisons.get(postcodeIndex).compare(a, b) == FieldComparison.Postcode.FOR_ADDRESS;
    }

    /** The same weight, with every comparison's contribution and the reason for it. */
    public MatchExplanation explain(PreparedRecord a, PreparedRecord b) {
        List<FieldContribution> contributions = new ArrayList<>();
        double w = priorWeight();
        boolean home = addressIndex >= 0 && atHome(comparisons.get(addressIndex).compare(a, b))
                || postcodeForAddress(a, b);
        for (int c = 0; c < comparisons.size(); c++) {
            FieldComparison comparison = comparisons.get(c);
            int l = comparison.compare(a, b);
            ComparisonLevel level = comparison.levels().get(l);
            double tf = home ? 0 : termFrequencyAdjustment(c, l, a);
            boolean conditioned = home && c != addressIndex && !java.util.Arrays.equals(uHome[c], u[c]);
            String description = conditioned && !level.neutral()
                    ? level.description() + " (weighed as between people at one address)" : level.description();
            double[][] uTable = home ? uHome : u;
            double[][] bTable = home ? bitsHome : bits;
            contributions.add(new FieldContribution(comparison.name(), level.code(), description,
                    m[c][l], uTable[c][l], bTable[c][l], tf));
            w += bTable[c][l] + tf;
        }
        return new MatchExplanation(a.details().recordId(), b.details().recordId(), priorWeight(), contributions,
                MatchWeight.of(w));
    }

    /** u between different people at one address, per comparison and level (the general u where none was found). */
    public double uAtHome(int comparison, int level) {
        return uHome[comparison][level];
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
