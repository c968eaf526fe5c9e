package org.peel.national;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.peel.people.BlockingRule;
import org.peel.people.Clustering;
import org.peel.people.FieldComparison;
import org.peel.people.FieldContribution;
import org.peel.people.MatchExplanation;
import org.peel.people.MatchModel;
import org.peel.people.MatchWeight;
import org.peel.people.PersonDetails;
import org.peel.people.PersonField;
import org.peel.people.PreparedRecord;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Identity resolution across forces on Spark, with the single-machine engine's own parts: {@link BlockingRule}s make
 * the candidate pairs (each pair credited to the first rule that yields it, as {@code CandidatePairs} does), the
 * {@link MatchModel} is trained once on the driver ({@link MatchModel#train}) and broadcast to the executors, which
 * score pairs with {@link MatchModel#weight} and explain links with {@link MatchModel#explain}; the
 * {@link Clustering} thresholds decide links and review. Persons are the connected components of the links, found in
 * Spark by min-label propagation. On the same records in the same order, the persons are exactly those of
 * {@code IdentityResolution}.
 */
public final class NationalLinkage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Training on the driver reads at most this many records; more are sampled evenly (see {@link #sample}). */
    public static final int DEFAULT_TRAINING_RECORDS = 2_000_000;

    /** A scored pair by national position, with its explanation (for links and review pairs). */
    public record Pair(long left, long right, double weight, double probability, String explanation)
            implements Serializable {
    }

    /** What resolving produced: the model, the counts, each record's component and the pairs at or above review. */
    public record Outcome(MatchModel model, long records, long candidatePairs, long trainingRecords,
                          JavaPairRDD<Long, Long> componentOf, JavaRDD<Pair> scored, int iterations,
                          double upper, double lower) {

        /**
         * Each record's person numbered as the single-machine clustering numbers them (0, 1, … in order of each
         * person's first record), by national position; collected to the driver.
         */
        public int[] personNumbers() {
            List<Tuple2<Long, Long>> all = componentOf.collect();
            long[] label = new long[Math.toIntExact(records)];
            for (Tuple2<Long, Long> t : all) {
                label[Math.toIntExact(t._1())] = t._2();
            }
            int[] number = new int[label.length];
            java.util.Map<Long, Integer> numberOf = new java.util.HashMap<>();
            for (int i = 0; i < label.length; i++) {
                Integer k = numberOf.get(label[i]);
                if (k == null) {
                    k = numberOf.size();
                    numberOf.put(label[i], k);
                }
                number[i] = k;
            }
            return number;
        }

        /** Pairs at or above the upper threshold: the links that make persons. */
        public JavaRDD<Pair> links() {
            double u = upper;
            return scored.filter(p -> p.probability() >= u);
        }

        /** Pairs between the thresholds: for a reviewer. */
        public JavaRDD<Pair> review() {
            double u = upper;
            double l = lower;
            return scored.filter(p -> p.probability() >= l && p.probability() < u);
        }
    }

    /**
     * Which of Peel's blocking rule sets a run uses: only its name travels to the executors, where the rules are
     * rebuilt from Peel's code (their keys are functions, shipped as code).
     */
    public enum Blocking {
        /** {@link BlockingRule#standard()}: a force's own rules. */
        STANDARD,
        /** {@link BlockingRule#national()}: the same, with the town rule tightened for a nation's records. */
        NATIONAL;

        public List<BlockingRule> rules() {
            return this == STANDARD ? Rules.STANDARD : Rules.NATIONAL;
        }
    }

    private static final class Rules {
        static final List<BlockingRule> STANDARD = BlockingRule.standard();
        static final List<BlockingRule> NATIONAL = BlockingRule.national();
    }

    private final Clustering clustering;
    private final MatchModel.Training training;
    private final int trainingRecords;
    private final Blocking blocking;

    public NationalLinkage(Clustering clustering, MatchModel.Training training, int trainingRecords) {
        this(clustering, training, trainingRecords, Blocking.STANDARD);
    }

    public NationalLinkage(Clustering clustering, MatchModel.Training training, int trainingRecords,
                           Blocking blocking) {
        this.clustering = clustering;
        this.training = training;
        this.trainingRecords = trainingRecords;
        this.blocking = blocking;
    }

    /** The single-machine engine's standard settings. */
    public static NationalLinkage standard() {
        return of(Blocking.STANDARD);
    }

    /** The single-machine engine's standard settings with the blocking rule set given. */
    public static NationalLinkage of(Blocking blocking) {
        return new NationalLinkage(Clustering.standard(), MatchModel.Training.standard(), DEFAULT_TRAINING_RECORDS,
                blocking);
    }

    /**
     * Resolves the records (each with its national position, 0 … n−1, unique).
     */
    public Outcome resolve(JavaRDD<NationalRecord> records) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(records.context());
        if (records.getStorageLevel().equals(StorageLevel.NONE())) {
            records = records.persist(StorageLevel.MEMORY_AND_DISK());
        }
        long n = records.count();

        // train once, on the driver, exactly as the single-machine engine trains
        List<PersonDetails> sample = sample(records, n, trainingRecords);
        List<PreparedRecord> prepared = sample.stream().map(PreparedRecord::of).toList();
        Set<PersonField> present = EnumSet.noneOf(PersonField.class);
        for (PersonDetails d : sample) {
            for (PersonField f : PersonField.values()) {
                if (d.has(f)) {
                    present.add(f);
                }
            }
        }
        long tTrain = System.nanoTime();
        MatchModel model = MatchModel.train(prepared, FieldComparison.forFields(present), blocking.rules(),
                training);
        phase("trained on " + prepared.size() + " records", tTrain);
        Broadcast<MatchModel> shipped = sc.broadcast(model);

        LongAccumulator candidates = sc.sc().longAccumulator("candidate pairs");
        Blocking rules = blocking;
        double lowerWeight = MatchWeight.weightOf(clustering.lower());
        JavaRDD<Pair> scored = records
                .flatMapToPair(r -> blockKeys(r, rules))
                .groupByKey()
                .flatMap(block -> scoreBlock(block._1(), block._2(), shipped.value(), lowerWeight, candidates))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long tScore = System.nanoTime();
        scored.count();
        phase("scored", tScore);
        long tComponents = System.nanoTime();

        double upper = clustering.upper();
        JavaPairRDD<Long, Long> edges = scored.filter(p -> p.probability() >= upper)
                .mapToPair(p -> new Tuple2<>(p.left(), p.right()));
        Components components = Components.of(edges);
        phase("components in " + components.iterations() + " rounds", tComponents);
        JavaPairRDD<Long, Long> componentOf = records.mapToPair(r -> new Tuple2<>(r.index(), r.index()))
                .leftOuterJoin(components.labels())
                .mapValues(t -> t._2().isPresent() ? t._2().get() : t._1());
        return new Outcome(model, n, candidates.value(), sample.size(), componentOf, scored, components.iterations(),
                clustering.upper(), clustering.lower());
    }

    /**
     * The records training reads, in national order: all of them up to the limit, else about one in k, chosen by a
     * hash of the position. A uniform sample keeps the prior about right (matching pairs and all pairs both shrink by
     * the square of the sampling rate). Every k-th record would not be uniform: a force's export lists one person's
     * records together, so every second record keeps one of each such pair and training sees almost no matches.
     */
    static List<PersonDetails> sample(JavaRDD<NationalRecord> records, long n, int limit) {
        JavaRDD<NationalRecord> chosen = records;
        if (n > limit) {
            long step = (n + limit - 1) / limit;
            chosen = records.filter(r -> Long.remainderUnsigned(scrambled(r.index()), step) == 0);
        }
        List<NationalRecord> rows = new ArrayList<>(chosen.collect());
        rows.sort(Comparator.comparingLong(NationalRecord::index));
        return rows.stream().map(NationalRecord::person).toList();
    }

    /** A position's bits well mixed (SplitMix64's finaliser), so neighbouring positions fall apart. */
    static long scrambled(long position) {
        long z = position + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A record with every rule's key, travelling to each block it belongs to. */
    record Keyed(NationalRecord record, String[] keys) implements Serializable {
    }

    private static Iterator<Tuple2<String, Keyed>> blockKeys(NationalRecord r, Blocking blocking) {
        List<BlockingRule> rules = blocking.rules();
        PreparedRecord p = PreparedRecord.of(r.person());
        String[] keys = new String[rules.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = rules.get(k).key().apply(p);
        }
        Keyed keyed = new Keyed(r, keys);
        List<Tuple2<String, Keyed>> out = new ArrayList<>(keys.length);
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] != null) {
                out.add(new Tuple2<>(k + "\u0001" + keys[k], keyed));
            }
        }
        return out.iterator();
    }

    private static Iterator<Pair> scoreBlock(String blockKey, Iterable<Keyed> members, MatchModel model,
                                             double lowerWeight, LongAccumulator candidates) {
        int rule = Integer.parseInt(blockKey.substring(0, blockKey.indexOf('\u0001')));
        List<Keyed> block = new ArrayList<>();
        members.forEach(block::add);
        if (block.size() < 2) {
            return java.util.Collections.emptyIterator();
        }
        block.sort(Comparator.comparingLong(k -> k.record().index()));
        PreparedRecord[] prepared = new PreparedRecord[block.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = PreparedRecord.of(block.get(i).record().person());
        }
        List<Pair> out = new ArrayList<>();
        long pairs = 0;
        for (int x = 0; x < prepared.length; x++) {
            String[] kx = block.get(x).keys();
            for (int y = x + 1; y < prepared.length; y++) {
                String[] ky = block.get(y).keys();
                if (yieldedEarlier(kx, ky, rule)) {
                    continue;
                }
                pairs++;
                double w = model.weight(prepared[x], prepared[y]);
                // below the review band the two are different people: nothing to keep
                if (w >= lowerWeight) {
                    out.add(new Pair(block.get(x).record().index(), block.get(y).record().index(), w,
                            MatchWeight.probability(w), explanation(model.explain(prepared[x], prepared[y]))));
                }
            }
        }
        candidates.add(pairs);
        return out.iterator();
    }

    /** With PEEL_DEBUG set, how long each phase took, on standard error (no personal data). */
    private static void phase(String what, long since) {
        if (System.getenv("PEEL_DEBUG") != null) {
            System.err.printf(Locale.ROOT, "national link: %s in %.1f s%n", what, (System.nanoTime() - since) / 1e9);
        }
    }

    /** Whether an earlier rule already yields this pair: the pair is credited to the first rule only. */
    private static boolean yieldedEarlier(String[] a, String[] b, int rule) {
        for (int e = 0; e < rule; e++) {
            if (a[e] != null && a[e].equals(b[e])) {
                return true;
            }
        }
        return false;
    }

    /** One line: each comparison's level and bits, the prior and the total, as the review screen shows them. */
    static String explanation(MatchExplanation e) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "prior %+.2f", e.priorWeight()));
        for (FieldContribution c : e.contributions()) {
            s.append(String.format(Locale.ROOT, "; %s %s %+.2f", c.comparison(), c.level(), c.total()));
        }
        s.append(String.format(Locale.ROOT, "; weight %.2f bits, probability %.4f", e.match().weight(),
                e.match().probability()));
        return s.toString();
    }
}
