package org.peel.bench;

import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.GenerateCommand;
import org.peel.platform.OutputOptions;
import org.peel.synthetic.DatabaseSink;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.RecordingPasses;
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
 * The recording passes that follow the COPY (screening, allocation, the Victims' Code, ASB risk) are reported on their
 * own line, in rows written per second, and left out of the generate+load time so the ratio measures the same work
 * as before them.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Benchmark: generate a synthetic force and load it with COPY, then raw-COPY the same CSV files"
                + " into copies of the same tables; print records/s of both and their ratio, and the recording passes'"
                + " rows/s apart. Use an empty database.")
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
            RecordingPasses.Result recorded = sink.recorded();
            double passSeconds = recorded.nanos() / 1e9;
            // the recording passes are timed apart, so generate+load stays comparable with the raw COPY baseline
            double generateSeconds = (System.nanoTime() - started - recorded.nanos()) / 1e9;
            double loadSeconds = sink.loadNanos() / 1e9;
            long records = result.records();

            long copied = 0;
            double copySeconds;
            // the baseline's scratch schema is the owner's: the application may not create tables
            try (Connection c = database.ownerDataSource().getConnection()) {
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
                    copied += t.load(c, BASELINE_SCHEMA, sink.file(t));
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
                      ratio (generate+load / raw COPY rate)  %.2f
                      recording passes         %.1f s  %,d crimes and %,d ASB incidents, %,d rows written  %,.0f rows/s  %,.0f records/s
                        crimes: %,d screened in, %,d allocated, %,d queued; %,d entitlements, %,d deadlines (%,d open)
                        ASB: %,d victims assessed, %,d high risk, %,d repeat victims, %,d flags""",
                    spec.name(), generation.scaleText(), seed, database.location().describe(), records,
                    generateSeconds, loadSeconds, rate, copySeconds, copyRate, rate / copyRate,
                    passSeconds, recorded.crimes().crimes(), recorded.asb().incidents(), recorded.rows(),
                    recorded.rows() / passSeconds, (recorded.crimes().crimes() + recorded.asb().incidents()) / passSeconds,
                    recorded.crimes().screenedIn(), recorded.crimes().allocated(), recorded.crimes().queued(),
                    recorded.crimes().entitlements(), recorded.crimes().deadlines(), recorded.crimes().deadlinesOpen(),
                    recorded.asb().assessed(), recorded.asb().highRisk(), recorded.asb().repeatVictims(), recorded.asb().flags());
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
            Map<String, Object> pass = new LinkedHashMap<>();
            pass.put("seconds", passSeconds);
            pass.put("rows", recorded.rows());
            pass.put("rowsPerSecond", recorded.rows() / passSeconds);
            pass.put("recordsPerSecond", (recorded.crimes().crimes() + recorded.asb().incidents()) / passSeconds);
            pass.put("crimes", recorded.crimes());
            pass.put("asb", recorded.asb());
            json.put("recordingPasses", pass);
            output.print(System.out, text, json);
        }
        return 0;
    }
}
