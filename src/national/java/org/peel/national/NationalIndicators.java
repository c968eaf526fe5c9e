package org.peel.national;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.peel.measure.FactCounts;
import org.peel.measure.FactFilter;
import org.peel.measure.ForceInNumbers;
import org.peel.measure.IndicatorEngine;
import org.peel.measure.MeasureStore;
import org.peel.measure.Origin;
import org.peel.measure.Period;
import org.peel.measure.Place;
import scala.Tuple2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Force in numbers for every force, with the facts counted on Spark. Measure's own {@link IndicatorEngine} decides,
 * for each force and indicator, which source, months and forces to count and what is missing (from the definitions,
 * coverage and populations in the database); every count it asks for is a {@link FactFilter}, the same definition
 * {@link MeasureStore} runs as SQL, and here Spark evaluates all of them in one pass over every force's facts.
 *
 * <p>The engine is run first with stand-in counts to learn which counts it needs; Spark counts those; the engine is
 * run again on the true counts, and any count that path newly asks for (a branch the stand-ins did not take) is
 * counted in a further pass, until the engine asks for nothing new. Two passes in practice.
 */
public final class NationalIndicators {

    /** Every force's figures, and how the counting went. */
    public record Outcome(List<ForceInNumbers> forces, int passes, int counts, long facts) {
    }

    private final MeasureStore store;
    private final Origin origin;

    public NationalIndicators(MeasureStore store, Origin origin) {
        this.store = store;
        this.origin = origin;
    }

    /** Force in numbers for each force over the period, every count made on Spark from {@code facts}. */
    public Outcome run(JavaRDD<FactFilter.Fact> facts, List<Place.Area> forces, Period period) {
        JavaRDD<FactFilter.Fact> cached = facts.cache();
        long factRows = cached.count();
        SparkCounts counts = new SparkCounts(cached);
        int passes = 0;
        try {
            while (true) {
                IndicatorEngine engine = new IndicatorEngine(store, origin, counts);
                List<ForceInNumbers> figures = new ArrayList<>();
                for (Place.Area force : forces) {
                    figures.add(ForceInNumbers.of(engine, force, period));
                }
                if (counts.wanted.isEmpty()) {
                    return new Outcome(figures, passes, counts.known.size(), factRows);
                }
                counts.countWanted();
                passes++;
            }
        } finally {
            cached.unpersist();
        }
    }

    /**
     * Counts on Spark: what is known is answered; what is not is noted and answered with a stand-in (1, so that the
     * engine goes on to ask for what a real count would lead it to), to be counted in the next pass.
     */
    private static final class SparkCounts implements FactCounts {
        private final JavaRDD<FactFilter.Fact> facts;
        private final Map<FactFilter, Double> known = new HashMap<>();
        private final Set<FactFilter> wanted = new LinkedHashSet<>();

        SparkCounts(JavaRDD<FactFilter.Fact> facts) {
            this.facts = facts;
        }

        @Override
        public double sum(FactFilter filter) {
            Double n = known.get(filter);
            if (n != null) {
                return n;
            }
            wanted.add(filter);
            return 1;
        }

        /** One pass over the facts: each fact adds its n to every wanted count that takes it. */
        void countWanted() {
            List<FactFilter> asked = new ArrayList<>(wanted);
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(facts.context());
            Broadcast<List<FactFilter>> filters = sc.broadcast(asked);
            JavaPairRDD<Integer, Double> sums = facts.flatMapToPair(f -> {
                List<FactFilter> all = filters.value();
                List<Tuple2<Integer, Double>> hits = new ArrayList<>(2);
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).counts(f)) {
                        hits.add(new Tuple2<>(i, f.n()));
                    }
                }
                return hits.iterator();
            }).reduceByKey(Double::sum);
            Map<Integer, Double> totals = sums.collectAsMap();
            for (int i = 0; i < asked.size(); i++) {
                known.put(asked.get(i), totals.getOrDefault(i, 0.0));
            }
            wanted.clear();
            filters.destroy();
        }
    }

    /** The facts as rows with {@link FactFilter#COLUMNS} (a database's {@code measure_fact}, or an export of it). */
    public static JavaRDD<FactFilter.Fact> facts(Dataset<Row> rows) {
        return rows.selectExpr("cast(source as string) source", "cast(grain as string) grain",
                        "cast(force_code as string) force_code", "cast(borough_code as string) borough_code",
                        "cast(ward_code as string) ward_code", "cast(lsoa_code as string) lsoa_code",
                        "cast(span_to as date) span_to", "cast(category as string) category",
                        "cast(outcome as string) outcome", "cast(n as double) n")
                .javaRDD()
                .map(r -> new FactFilter.Fact(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), localDate(r.get(6)), r.getString(7), r.getString(8),
                        r.isNullAt(9) ? 0 : r.getDouble(9)));
    }

    /** {@code measure_fact} read from a force's PostgreSQL, one Spark partition a source. */
    public static Dataset<Row> factsFromDatabase(SparkSession spark, String jdbcUrl, List<String> sources) {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("driver", "org.postgresql.Driver");
        props.setProperty("fetchsize", "10000");
        String[] predicates = sources.isEmpty() ? new String[]{"true"}
                : sources.stream().map(s -> "source = '" + s.replace("'", "''") + "'").toArray(String[]::new);
        return spark.read().jdbc(jdbcUrl, "(select " + String.join(", ", FactFilter.COLUMNS.subList(0, 9))
                + ", cast(n as double precision) as n from measure_fact) facts", predicates, props);
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
