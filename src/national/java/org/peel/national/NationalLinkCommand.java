package org.peel.national;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel national link}: every force's person records into national persons, with Peel's own linkage on
 * Spark. Writes the national person index (national id → force record ids), the links with their explanations and
 * the pairs for review, as Parquet and as CSV.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Resolve person records from many forces into national persons on Spark, with Peel's own"
                + " blocking rules, comparisons and match model. Reads every force's export (CSV with record_id and"
                + " given_name, surname, dob, sex, address, postcode, city, email, phone as it has them; the force is"
                + " the file's name unless a force column says), writes persons, links and review as Parquet and CSV.")
public final class NationalLinkCommand implements Callable<Integer> {

    @Mixin OutputOptions output;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of the forces' exports")
    String input;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default) or parquet")
    String inputFormat;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the national index")
    String out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (default, this machine), spark://host:7077, k8s://…")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Shuffle partitions (default: Spark's)")
    int partitions;

    @Option(names = "--training-records", paramLabel = "N", defaultValue = "" + NationalLinkage.DEFAULT_TRAINING_RECORDS,
            description = "Records the model is trained on, on the driver; more are sampled evenly (default 2000000)")
    int trainingRecords;

    @Option(names = "--blocking", paramLabel = "SET", defaultValue = "national",
            description = "Blocking rules: national (default; the town rule also needs the surname initial, as a"
                    + " nation's records need) or standard (a force's own)")
    String blocking;

    /** The rule set named on the command line. */
    static NationalLinkage.Blocking blocking(String name) {
        return switch (name) {
            case "national" -> NationalLinkage.Blocking.NATIONAL;
            case "standard" -> NationalLinkage.Blocking.STANDARD;
            default -> throw new PeelException("--blocking must be national or standard, not " + name);
        };
    }

    @Override
    public Integer call() {
        NationalLinkage.Blocking rules = blocking(blocking);
        if (!inputFormat.equals("csv") && !inputFormat.equals("parquet")) {
            throw new PeelException("--input-format must be csv or parquet, not " + inputFormat);
        }
        long t0 = System.nanoTime();
        boolean own = !Sparks.running();
        SparkSession spark = Sparks.session(master, "national link", partitions);
        try {
            JavaRDD<NationalRecord> records = read(spark, input, inputFormat);
            NationalLinkage linkage = new NationalLinkage(org.peel.people.Clustering.standard(),
                    org.peel.people.MatchModel.Training.standard(), trainingRecords, rules);
            NationalLinkage.Outcome outcome = linkage.resolve(records);
            Map<String, Long> written = NationalIndex.write(spark, records, outcome, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("records", outcome.records());
            json.put("candidatePairs", outcome.candidatePairs());
            json.put("trainingRecords", outcome.trainingRecords());
            json.put("blocking", blocking);
            json.putAll(written);
            json.put("componentRounds", outcome.iterations());
            json.put("out", out);
            json.put("seconds", seconds);
            String text = String.format(Locale.ROOT,
                    "Resolved %,d person records from %,d forces into %,d national persons (%,d known to more than one"
                            + " force) in %.1f s%n%,d candidate pairs, %,d links, %,d pairs for review; model trained on"
                            + " %,d records%nWrote %s/persons, links and review (.parquet and .csv)",
                    outcome.records(), written.get("forces"), written.get("persons"), written.get("personsInSeveralForces"),
                    seconds, outcome.candidatePairs(), written.get("links"), written.get("review"),
                    outcome.trainingRecords(), out);
            output.print(System.out, text, json);
            return 0;
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    /**
     * Every export in the folder, numbered in a fixed order (by force, then record id) whatever the partitioning,
     * so that a rerun on the same exports gives the same national ids.
     */
    static JavaRDD<NationalRecord> read(SparkSession spark, String dir, String format) {
        Dataset<Row> rows;
        try {
            rows = format.equals("parquet")
                    ? spark.read().parquet(dir + "/*.parquet")
                    : spark.read().option("header", "true").option("inferSchema", "false").csv(dir + "/*.csv");
        } catch (RuntimeException e) {
            // Spark reports a folder without matching files as an analysis error
            throw new PeelException("--input " + dir + ": no " + format + " exports there (" + e.getMessage() + ")");
        }
        if (!java.util.Arrays.asList(rows.columns()).contains("record_id")) {
            throw new PeelException("--input " + dir + ": the exports have no record_id column (columns: "
                    + String.join(", ", rows.columns()) + ")");
        }
        if (!java.util.Arrays.asList(rows.columns()).contains("force")) {
            rows = rows.withColumn("force", functions.regexp_extract(functions.input_file_name(),
                    "([^/]+)\\.(csv|parquet)$", 1));
        }
        for (String c : rows.columns()) {
            rows = rows.withColumn(c, functions.col(c).cast(DataTypes.StringType));
        }
        Dataset<Row> ordered = rows.orderBy("force", "record_id");
        return ordered.javaRDD().zipWithIndex()
                .map(t -> NationalRecord.of(t._2(), t._1().getAs("force"), t._1()));
    }
}
