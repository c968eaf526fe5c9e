package org.peel.national;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel national load}: the national person index that {@code peel national link} wrote, into a force's
 * PostgreSQL ({@code national_person_published}, {@code national_person_link_published}). One transaction; loading
 * the same index again changes nothing; a newer index replaces the older in the published views, and nothing is
 * deleted.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the national person index (persons and links, as 'peel national link' wrote them, Parquet"
                + " or CSV) into a force's database, in one transaction. Loading the same index again changes"
                + " nothing; a newer one replaces it.")
public final class NationalLoadCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Mixin OutputOptions output;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder 'national link --out' wrote")
    Path input;

    @Option(names = "--force", paramLabel = "NAME",
            description = "Keep only the national persons with a record of this force (as the exports name it)")
    String force;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master for reading the index (default local[*])")
    String master;

    @Override
    public Integer call() {
        boolean own = !Sparks.running();
        SparkSession spark = Sparks.session(master, "national load", 0);
        NationalIndexLoad.Index index;
        try {
            Dataset<Row> persons = read(spark, "persons", List.of("national_id", "force", "record_id"));
            Dataset<Row> links = read(spark, "links", List.of("national_id", "left_force", "left_record_id",
                    "right_force", "right_record_id", "weight", "probability", "explanation"));
            index = NationalIndexLoad.Index.of(where("persons"), persons, where("links"), links, force);
        } finally {
            if (own) {
                spark.stop();
            }
        }
        try (Database database = db.open()) {
            AuditTrail audit = new AuditTrail(database.jdbi());
            String source = input.getFileName() == null ? input.toString() : input.getFileName().toString();
            NationalIndexLoad.Result r = new NationalIndexLoad(database.jdbi()).load(source, index,
                    (h, done) -> audit.record(h, AuditEvent.by(null, "import", "national-person-index", source,
                            AuditEvent.SUCCESS).asUser("cli").detail(done.persons() + " records of "
                            + done.nationalPersons() + " national persons, " + done.links() + " links")));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("input", input.toString());
            json.put("loaded", r.loaded());
            json.put("loadId", r.loadId());
            json.put("persons", r.persons());
            json.put("nationalPersons", r.nationalPersons());
            json.put("links", r.links());
            String text = r.loaded()
                    ? String.format(Locale.ROOT, "Loaded the national person index from %s (load %d): %,d force records"
                    + " of %,d national persons, %,d links", input, r.loadId(), r.persons(), r.nationalPersons(), r.links())
                    : String.format(Locale.ROOT, "The national person index from %s is already loaded (load %d):"
                    + " nothing changed", input, r.loadId());
            output.print(System.out, text, json);
            return 0;
        }
    }

    /** The table's Parquet folder if there is one, else its CSV folder. */
    private String where(String name) {
        Path parquet = input.resolve(name + ".parquet");
        return Files.isDirectory(parquet) ? parquet.toString() : input.resolve(name + ".csv").toString();
    }

    private Dataset<Row> read(SparkSession spark, String name, List<String> columns) {
        String path = where(name);
        if (!Files.isDirectory(Path.of(path))) {
            throw new PeelException("--input " + input + ": no " + name + ".parquet or " + name
                    + ".csv folder (the output of 'peel national link')");
        }
        Dataset<Row> rows = path.endsWith(".parquet") ? spark.read().parquet(path)
                : spark.read().option("header", "true").csv(path);
        for (String c : columns) {
            if (!List.of(rows.columns()).contains(c)) {
                throw new PeelException(path + ": no " + c + " column (columns: " + String.join(", ", rows.columns())
                        + ")");
            }
        }
        return rows;
    }
}
