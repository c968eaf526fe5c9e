package org.peel.national;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.peel.people.Clustering;
import org.peel.people.IdentityResolution;
import org.peel.people.MatchModel;
import org.peel.people.LinkEvaluation;
import org.peel.people.PersonDetails;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import org.peel.synthetic.SyntheticNation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel bench national}: a synthetic nation resolved through the Spark path (local mode) and through Peel's
 * single-machine linkage in the same run, on the very same records in the same order, each scored against the
 * nation's truth (pairwise F1), with the share of pairs on which the two decide alike.
 */
@Command(name = "national", mixinStandardHelpOptions = true,
        description = "Resolve a synthetic nation of about N person records over K forces on Spark (local mode) and"
                + " with the single-machine linkage, in the same run: seconds and F1 against the truth for each, and"
                + " their agreement (of the record pairs either puts in one person, the share both do).")
public final class NationalBench implements Callable<Integer> {

    @Mixin OutputOptions output;

    @Option(names = "--records", paramLabel = "N", defaultValue = "100000", description = "Person records (default 100000)")
    int records;

    @Option(names = "--forces", paramLabel = "K", defaultValue = "5", description = "Forces (default 5)")
    int forces;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default 1)")
    long seed;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master (default local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Shuffle partitions (default: Spark's)")
    int partitions;

    @Option(names = "--blocking", paramLabel = "SET", defaultValue = "national",
            description = "Blocking rules for both paths: national (default; the town rule also needs the surname"
                    + " initial) or standard (a force's own)")
    String blocking;

    @Option(names = "--skip-single", description = "Time the Spark path only (for records beyond one machine's memory)")
    boolean skipSingle;

    @Override
    public Integer call() {
        NationalLinkage.Blocking rules = NationalLinkCommand.blocking(blocking);
        SyntheticNation nation;
        try {
            nation = SyntheticNation.generate(records, forces, seed, 0.2, 0.1);
        } catch (IllegalArgumentException bad) {
            throw new PeelException(bad.getMessage());
        }
        List<PersonDetails> details = new ArrayList<>(nation.records().size());
        List<String> truth = new ArrayList<>(nation.records().size());
        List<NationalRecord> rows = new ArrayList<>(nation.records().size());
        for (SyntheticNation.Recorded r : nation.records()) {
            PersonDetails d = new PersonDetails(r.recordId(), r.givenName(), r.surname(), null, r.dob(), r.sex(),
                    r.address(), r.postcode(), r.city(), r.email(), r.phone());
            rows.add(NationalRecord.of(rows.size(), r.force(), d));
            details.add(d);
            truth.add(r.person());
        }

        Double singleSeconds = null;
        int[] single = null;
        if (!skipSingle) {
            long t0 = System.nanoTime();
            single = new IdentityResolution(rules.rules(), MatchModel.Training.standard(), Clustering.standard())
                    .resolve(details).persons().personOf();
            singleSeconds = (System.nanoTime() - t0) / 1e9;
        }
        details = null;

        boolean own = !Sparks.running();
        SparkSession spark = Sparks.session(master, "bench national", partitions);
        double sparkSeconds;
        int[] distributed;
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            // the session is started and the records handed over before the clock starts: the figure is the job
            JavaRDD<NationalRecord> input = sc.parallelize(rows, Math.max(sc.defaultParallelism(), rows.size() / 20_000));
            input.cache().count();
            long t0 = System.nanoTime();
            distributed = NationalLinkage.of(rules).resolve(input).personNumbers();
            sparkSeconds = (System.nanoTime() - t0) / 1e9;
        } finally {
            if (own) {
                spark.stop();
            }
        }

        double sparkF1 = LinkEvaluation.of(distributed, truth).f1();
        Double singleF1 = single == null ? null : LinkEvaluation.of(single, truth).f1();
        Double agreement = single == null ? null : agreement(distributed, single);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", nation.records().size());
        json.put("forces", forces);
        json.put("blocking", blocking);
        json.put("spark", figures(sparkSeconds, sparkF1));
        json.put("single", figures(singleSeconds, singleF1));
        json.put("agreement", agreement);
        String text = String.format(Locale.ROOT,
                "%,d person records over %d forces (%,d people known to more than one force), %d cores%n"
                        + "  %-8s %10s %8s%n  %-8s %10.1f %8.4f%n  %-8s %10s %8s%n  agreement %s",
                nation.records().size(), forces, nation.personsInSeveralForces(),
                Runtime.getRuntime().availableProcessors(), "path", "seconds", "F1", "spark", sparkSeconds, sparkF1,
                "single", singleSeconds == null ? "-" : String.format(Locale.ROOT, "%.1f", singleSeconds),
                singleF1 == null ? "-" : String.format(Locale.ROOT, "%.4f", singleF1),
                agreement == null ? "-" : String.format(Locale.ROOT, "%.6f", agreement));
        output.print(System.out, text, json);
        return 0;
    }

    private static Map<String, Object> figures(Double seconds, Double f1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", seconds);
        m.put("f1", f1);
        return m;
    }

    /**
     * Of the record pairs that at least one path puts in the same person, the share that both do (1 when neither
     * puts any together). Pairs both keep apart are left out: almost every pair of a nation is two people, and
     * counting them would make any two paths look alike.
     */
    static double agreement(int[] a, int[] b) {
        Map<Integer, Long> sizeA = new HashMap<>();
        Map<Integer, Long> sizeB = new HashMap<>();
        Map<Long, Long> both = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            sizeA.merge(a[i], 1L, Long::sum);
            sizeB.merge(b[i], 1L, Long::sum);
            both.merge(((long) a[i] << 32) | b[i], 1L, Long::sum);
        }
        long pa = pairs(sizeA.values());
        long pb = pairs(sizeB.values());
        long pboth = pairs(both.values());
        long either = pa + pb - pboth;
        return either == 0 ? 1.0 : pboth / (double) either;
    }

    private static long pairs(Iterable<Long> sizes) {
        long total = 0;
        for (long n : sizes) {
            total += n * (n - 1) / 2;
        }
        return total;
    }
}
