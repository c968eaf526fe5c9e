package org.peel.national;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.peel.people.PersonDetails;

import java.util.ArrayList;
import java.util.List;

/**
 * One local Spark session with two worker threads, shared by every national test in the run (starting Spark costs
 * seconds; it stops when the test JVM does).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = Sparks.session("local[2]", "tests", 4);
        }
        return session;
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** The records as national records, numbered in list order, as the single-machine engine holds them. */
    static JavaRDD<NationalRecord> records(String force, List<PersonDetails> details) {
        List<NationalRecord> rows = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            rows.add(NationalRecord.of(i, force, details.get(i)));
        }
        return context().parallelize(rows, 4);
    }
}
