package org.peel.national;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.peel.measure.FactFilter;
import org.peel.measure.Figure;
import org.peel.measure.ForceInNumbers;
import org.peel.measure.MeasureStore;
import org.peel.measure.Origin;
import org.peel.measure.Period;
import org.peel.measure.Place;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel national indicators}: Force in numbers for every force (or those named), each beside England and Wales,
 * with measure's indicator definitions and every count made on Spark over all forces' facts.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Force in numbers for every territorial force (or those named) for the 12 months to a month,"
                + " beside England and Wales, with measure's own definitions and the facts counted on Spark. The"
                + " definitions, coverage and populations come from the database; the facts from its measure_fact"
                + " or from --facts exports of it.")
public final class NationalIndicatorsCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Mixin OutputOptions output;

    @Option(names = "--year-to", required = true, paramLabel = "YYYY-MM", description = "Last month of the 12")
    String yearTo;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "public",
            description = "public (published open data, the default) or peel (the forces' own records)")
    String source;

    @Option(names = "--forces", paramLabel = "CODES", split = ",",
            description = "Forces by ONS code or name, comma-separated (default: every territorial force)")
    List<String> forces;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "Exports of measure_fact (every force's) to count instead of the database's own")
    String facts;

    @Option(names = "--facts-format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or csv, for --facts")
    String factsFormat;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (default, this machine), spark://host:7077, k8s://…")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Shuffle partitions (default: Spark's)")
    int partitions;

    @Override
    public Integer call() {
        YearMonth to;
        try {
            to = YearMonth.parse(yearTo);
        } catch (DateTimeParseException ex) {
            throw new PeelException("--year-to must be YYYY-MM, not '" + yearTo + "'");
        }
        Origin origin = Origin.of(source).orElseThrow(() -> new PeelException(
                "--source must be public or peel, not '" + source + "'"));
        if (!factsFormat.equals("csv") && !factsFormat.equals("parquet")) {
            throw new PeelException("--facts-format must be csv or parquet, not " + factsFormat);
        }
        Period period = Period.yearTo(to);
        long t0 = System.nanoTime();
        try (Database database = db.open()) {
            MeasureStore store = new MeasureStore(database.jdbi());
            List<Place.Area> areas = forces(store);
            boolean own = !Sparks.running();
            SparkSession spark = Sparks.session(master, "national indicators", partitions);
            try {
                Dataset<Row> rows = facts == null
                        ? NationalIndicators.factsFromDatabase(spark, jdbcUrl(database), store.sourceIds())
                        : readFacts(spark);
                JavaRDD<FactFilter.Fact> all = NationalIndicators.facts(rows);
                NationalIndicators.Outcome outcome = new NationalIndicators(store, origin).run(all, areas, period);
                double seconds = (System.nanoTime() - t0) / 1e9;
                output.print(System.out, text(outcome, period, seconds), json(outcome, period, origin, seconds));
                return 0;
            } finally {
                if (own) {
                    spark.stop();
                }
            }
        }
    }

    private List<Place.Area> forces(MeasureStore store) {
        Map<String, String> territorial = store.territorialForces();
        if (forces == null || forces.isEmpty()) {
            return territorial.entrySet().stream()
                    .map(e -> new Place.Area(Place.Level.FORCE, e.getKey(), e.getValue())).toList();
        }
        List<Place.Area> chosen = new ArrayList<>();
        for (String asked : forces) {
            String a = asked.strip();
            Map.Entry<String, String> match = territorial.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(a) || e.getValue().equalsIgnoreCase(a))
                    .findFirst()
                    .orElseThrow(() -> new PeelException("--forces: no territorial force is called '" + a
                            + "' (give an E23 code or the force's name)"));
            chosen.add(new Place.Area(Place.Level.FORCE, match.getKey(), match.getValue()));
        }
        return chosen;
    }

    private Dataset<Row> readFacts(SparkSession spark) {
        try {
            return factsFormat.equals("parquet") ? spark.read().parquet(facts)
                    : spark.read().option("header", "true").csv(facts);
        } catch (RuntimeException e) {
            throw new PeelException("--facts " + facts + ": no " + factsFormat + " facts there (" + e.getMessage() + ")");
        }
    }

    /** The application role's own URL (its credentials in it), for Spark's JDBC reader. */
    private static String jdbcUrl(Database database) {
        if (database.dataSource() instanceof com.zaxxer.hikari.HikariDataSource pool) {
            return pool.getJdbcUrl();
        }
        throw new PeelException("the database's connection pool does not give its URL; export measure_fact and use"
                + " --facts");
    }

    private static String text(NationalIndicators.Outcome outcome, Period period, double seconds) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Force in numbers, %s, for %d forces: %,d facts counted on Spark in %d passes (%,d counts), %.1f s%n",
                period.describe(), outcome.forces().size(), outcome.facts(), outcome.passes(), outcome.counts(),
                seconds));
        for (ForceInNumbers f : outcome.forces()) {
            s.append(f.force().name()).append('\n');
            for (ForceInNumbers.Row r : f.rows()) {
                s.append(String.format(Locale.ROOT, "  %-45s %12s   England and Wales %12s%n", r.definition().id(),
                        r.force().shown(), r.englandAndWales().shown()));
            }
        }
        return s.toString().stripTrailing();
    }

    private static Map<String, Object> json(NationalIndicators.Outcome outcome, Period period, Origin origin,
                                            double seconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", Map.of("from", period.firstDay().toString(), "to", period.lastDay().toString()));
        json.put("source", origin.key());
        json.put("facts", outcome.facts());
        json.put("passes", outcome.passes());
        json.put("counts", outcome.counts());
        json.put("seconds", seconds);
        if (!outcome.forces().isEmpty()) {
            json.put("england_and_wales", outcome.forces().get(0).rows().stream()
                    .map(r -> figure(r.definition().id(), r.englandAndWales())).toList());
        }
        List<Map<String, Object>> forces = new ArrayList<>();
        for (ForceInNumbers f : outcome.forces()) {
            Map<String, Object> force = new LinkedHashMap<>();
            force.put("code", f.force().code());
            force.put("name", f.force().name());
            force.put("indicators", f.rows().stream().map(r -> figure(r.definition().id(), r.force())).toList());
            forces.add(force);
        }
        json.put("forces", forces);
        return json;
    }

    private static Map<String, Object> figure(String id, Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("value", f.value());
        m.put("numerator", f.numerator());
        m.put("denominator", f.denominator());
        m.put("complete", f.complete());
        m.put("notes", f.notes());
        return m;
    }
}
