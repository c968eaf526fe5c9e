package org.peel.national;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The national person index as files: {@code persons} (national_id, force, record_id), {@code links} (the pairs
 * that joined records into a person, with the match explanation) and {@code review} (pairs a person must decide),
 * each as Parquet ({@code NAME.parquet/}) and as one CSV with a header ({@code NAME.csv/part-….csv}).
 */
public final class NationalIndex {

    private NationalIndex() {
    }

    static final StructType PERSONS = new StructType()
            .add("national_id", DataTypes.StringType, false)
            .add("force", DataTypes.StringType, true)
            .add("record_id", DataTypes.StringType, true);

    static final StructType PAIRS = new StructType()
            .add("national_id", DataTypes.StringType, true)
            .add("left_force", DataTypes.StringType, true)
            .add("left_record_id", DataTypes.StringType, true)
            .add("right_force", DataTypes.StringType, true)
            .add("right_record_id", DataTypes.StringType, true)
            .add("weight", DataTypes.DoubleType, false)
            .add("probability", DataTypes.DoubleType, false)
            .add("explanation", DataTypes.StringType, true);

    /** A national id from a person's number: stable for the same exports. */
    static String nationalId(long number) {
        return String.format(Locale.ROOT, "NP%010d", number + 1);
    }

    /** Writes the index and returns the counts: forces, persons, persons in several forces, links, review. */
    static Map<String, Long> write(SparkSession spark, JavaRDD<NationalRecord> records, NationalLinkage.Outcome outcome,
                                   String out) {
        // persons numbered in order of their first record, as the single-machine clustering numbers them
        JavaPairRDD<Long, Long> numberOfLabel = outcome.componentOf().values().distinct().sortBy(x -> x, true, 0)
                .zipWithIndex().mapToPair(t -> t);
        JavaPairRDD<Long, String> idOf = outcome.componentOf().mapToPair(Tuple2::swap).join(numberOfLabel)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), nationalId(t._2()._2())));
        JavaPairRDD<Long, String[]> who = records.mapToPair(r -> new Tuple2<>(r.index(), new String[]{r.force(), r.recordId()}));
        JavaPairRDD<Long, Tuple2<String[], String>> joined = who.join(idOf).cache();
        JavaRDD<Row> persons = joined.map(t -> RowFactory.create(t._2()._2(), t._2()._1()[0], t._2()._1()[1]));
        Dataset<Row> personsDf = spark.createDataFrame(persons, PERSONS).orderBy("national_id", "force", "record_id").cache();

        Dataset<Row> links = pairs(spark, outcome.links(), joined);
        Dataset<Row> review = pairs(spark, outcome.review(), joined).drop("national_id");
        save(personsDf, out, "persons");
        save(links, out, "links");
        save(review, out, "review");

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("forces", personsDf.select("force").distinct().count());
        counts.put("persons", personsDf.select("national_id").distinct().count());
        counts.put("personsInSeveralForces", personsDf.groupBy("national_id")
                .agg(org.apache.spark.sql.functions.countDistinct("force").alias("forces"))
                .filter("forces > 1").count());
        counts.put("links", spark.read().parquet(out + "/links.parquet").count());
        counts.put("review", spark.read().parquet(out + "/review.parquet").count());
        joined.unpersist();
        personsDf.unpersist();
        return counts;
    }

    private static Dataset<Row> pairs(SparkSession spark, JavaRDD<NationalLinkage.Pair> pairs,
                                      JavaPairRDD<Long, Tuple2<String[], String>> who) {
        JavaRDD<Row> rows = pairs.mapToPair(p -> new Tuple2<>(p.left(), p)).join(who)
                .mapToPair(t -> new Tuple2<>(t._2()._1().right(), new Tuple2<>(t._2()._1(), t._2()._2())))
                .join(who)
                .map(t -> {
                    NationalLinkage.Pair p = t._2()._1()._1();
                    Tuple2<String[], String> left = t._2()._1()._2();
                    Tuple2<String[], String> right = t._2()._2();
                    return RowFactory.create(left._2(), left._1()[0], left._1()[1], right._1()[0], right._1()[1],
                            p.weight(), p.probability(), p.explanation());
                });
        return spark.createDataFrame(rows, PAIRS);
    }

    private static void save(Dataset<Row> rows, String out, String name) {
        rows.write().mode(SaveMode.Overwrite).parquet(out + "/" + name + ".parquet");
        rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(out + "/" + name + ".csv");
    }
}
