package org.peel.platform;

import org.peel.synthetic.CopyLoader;
import org.peel.synthetic.DatabaseSink;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.SyntheticForce;
import org.peel.synthetic.SyntheticSettings;
import org.peel.synthetic.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel bench generate}: how fast a synthetic force is generated and loaded, against the baseline of a
 * raw COPY of the very same CSV files into tables of the same shape (same columns, keys and indexes) in the same run.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Benchmark: generate a synthetic force and load it with COPY, then raw-COPY the same CSV files"
                + " into copies of the same tables; print records/s of both and their ratio. Use an empty database.")
final class GenerateBenchCommand implements Callable<Integer> {

    private static final String BASELINE_SCHEMA = "bench_copy";

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Option(names = "--force", paramLabel = "NAME", defaultValue = "Metropolitan Police", description = "Default: Metropolitan Police")
    String force;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1.0", description = "Default 1.0 (a full year)")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1")
    long seed;

    @Option(names = "--year-to", paramLabel = "YYYY-MM", defaultValue = "2015-06")
    YearMonth yearTo;

    @Option(names = "--shared-data", paramLabel = "DIR", description = "Public data folder (as for generate)")
    Path sharedData;

    @Override
    public Integer call() throws Exception {
        ForceSpec spec = ForceSources.load(force, yearTo, GenerateCommand.sharedDataDir(sharedData));
        Generation generation = new Generation(spec.name(), scale, seed, yearTo);
        try (Database database = db.open(); DatabaseSink sink = new DatabaseSink(database.jdbi())) {
            long started = System.nanoTime();
            SyntheticForce.Result result = SyntheticForce.generate(spec, generation, SyntheticSettings.defaults(), sink);
            double generateSeconds = (System.nanoTime() - started) / 1e9;
            double loadSeconds = sink.loadNanos() / 1e9;
            long records = result.records();

            long copied = 0;
            double copySeconds;
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (var st = c.createStatement()) {
                    st.execute("drop schema if exists " + BASELINE_SCHEMA + " cascade");
                    st.execute("create schema " + BASELINE_SCHEMA);
                    for (Table t : sink.tables()) {
                        st.execute("create table " + BASELINE_SCHEMA + "." + t.name() + " (like public." + t.name() + " including all)");
                    }
                }
                c.commit();
                long copyStarted = System.nanoTime();
                for (Table t : sink.tables()) {
                    copied += CopyLoader.copy(c, BASELINE_SCHEMA, t, sink.file(t));
                }
                c.commit();
                copySeconds = (System.nanoTime() - copyStarted) / 1e9;
                try (var st = c.createStatement()) {
                    st.execute("drop schema " + BASELINE_SCHEMA + " cascade");
                }
                c.commit();
            }
            double rate = records / generateSeconds;
            double copyRate = copied / copySeconds;
            String text = String.format(Locale.ROOT, """
                    Synthetic %s, scale %s, seed %d (%s)
                      records                  %,d
                      generate + COPY load     %.1f s  (of which loading after generation ended %.1f s)  %,.0f records/s
                      raw COPY of same files   %.1f s  %,.0f records/s
                      ratio (generate+load / raw COPY rate)  %.2f""",
                    spec.name(), generation.scaleText(), seed, database.location().describe(), records,
                    generateSeconds, loadSeconds, rate, copySeconds, copyRate, rate / copyRate);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("force", spec.name());
            json.put("scale", scale);
            json.put("seed", seed);
            json.put("records", records);
            json.put("generateAndLoadSeconds", generateSeconds);
            json.put("loadAfterGenerationSeconds", loadSeconds);
            json.put("recordsPerSecond", rate);
            json.put("rawCopySeconds", copySeconds);
            json.put("rawCopyRecordsPerSecond", copyRate);
            json.put("ratio", rate / copyRate);
            json.put("counts", result.counts());
            output.print(System.out, text, json);
        }
        return 0;
    }
}
