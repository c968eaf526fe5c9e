package org.peel.platform;

import org.peel.synthetic.CsvSink;
import org.peel.synthetic.DatabaseSink;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.RecordSink;
import org.peel.synthetic.SyntheticForce;
import org.peel.synthetic.SyntheticNation;
import org.peel.synthetic.SyntheticSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel generate}: a synthetic force, into the database or as CSV files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic force: a year of realistic records with hidden ground truth,"
                + " into Peel's database, or with --out as CSV files (one per record type, plus ground_truth_people.csv and"
                + " ground_truth_cse.csv)."
                + " With --forces K, a synthetic nation instead: --records person records over K forces, people moving"
                + " between forces and offending in more than one, one CSV per force in --out and the truth of who is"
                + " who across forces in truth/ground_truth_people.csv.")
public final class GenerateCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Option(names = "--force", paramLabel = "NAME", description = "The force, e.g. \"Metropolitan Police\"")
    String force;

    @Option(names = "--forces", paramLabel = "K",
            description = "A synthetic nation of K forces (at most 12) instead of one force; needs --out")
    Integer forces;

    @Option(names = "--records", paramLabel = "N", defaultValue = "100000",
            description = "With --forces: person records in the whole nation (default 100000)")
    int records;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1.0", description = "1.0 is a full year at real volumes (default 1.0)")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default 1)")
    long seed;

    @Option(names = "--year-to", paramLabel = "YYYY-MM", defaultValue = "2015-06",
            description = "Last month of the twelve generated (default 2015-06)")
    YearMonth yearTo;

    @Option(names = "--out", paramLabel = "DIR", description = "Write CSV files here instead of loading the database")
    Path out;

    @Option(names = "--shared-data", paramLabel = "DIR",
            description = "Public data folder (default: env PEEL_SHARED_DATA, else ../shared/data if present)")
    Path sharedData;

    @Option(names = "--varied-share", paramLabel = "SHARE",
            description = "Share of person records differing from the true person in at least one field (default 0.45)")
    Double variedShare;

    @Option(names = "--asb-repeat-victim-share", paramLabel = "SHARE",
            description = "Share of ASB incidents whose victim had an incident in the previous 12 months (default 0.30)")
    Double asbRepeatVictimShare;

    @Option(names = "--investigator-shortfall", paramLabel = "SHARE",
            description = "Investigators in post short of establishment (default 0.15)")
    Double investigatorShortfall;

    SyntheticSettings settings() {
        SyntheticSettings s = SyntheticSettings.defaults();
        if (variedShare != null) {
            s = s.withVariedShare(variedShare);
        }
        if (asbRepeatVictimShare != null) {
            s = s.withAsbRepeatVictimShare(asbRepeatVictimShare);
        }
        if (investigatorShortfall != null) {
            s = s.withInvestigatorShortfall(investigatorShortfall);
        }
        return s;
    }

    @Override
    public Integer call() throws Exception {
        if (forces != null) {
            return nation();
        }
        if (force == null) {
            throw new PeelException("Say which force: --force NAME (or --forces K for a synthetic nation)");
        }
        ForceSpec spec = ForceSources.load(force, yearTo, sharedDataDir(sharedData));
        Generation generation = new Generation(spec.name(), scale, seed, yearTo, settings());
        long started = System.nanoTime();
        SyntheticForce.Result result;
        String destination;
        if (out != null) {
            try (RecordSink sink = new CsvSink(out)) {
                result = SyntheticForce.generate(spec, generation, generation.settings(), sink);
            }
            destination = out.toAbsolutePath().toString();
        } else {
            try (Database database = db.open(); RecordSink sink = new DatabaseSink(database.jdbi(), Environment.variables())) {
                result = SyntheticForce.generate(spec, generation, generation.settings(), sink);
                destination = database.location().describe();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Generated %s at scale %s, seed %d, 12 months to %s (generation %s) into %s%n%,d records in %.1f s (%,.0f records/s)%n",
                spec.name(), generation.scaleText(), seed, yearTo, generation.key(), destination, result.records(), seconds,
                result.records() / seconds));
        if (!generation.settings().equals(SyntheticSettings.defaults())) {
            text.append("Settings: ").append(generation.settings()).append('\n');
        }
        result.counts().forEach((table, n) -> text.append(String.format(Locale.ROOT, "  %-26s %,12d%n", table, n)));
        if (result.recorded() != null) {
            text.append(result.recordedSummary()).append('\n');
        }
        text.append("Sources:\n");
        result.sources().forEach(s -> text.append("  ").append(s).append('\n'));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("force", spec.name());
        json.put("scale", scale);
        json.put("seed", seed);
        json.put("yearTo", yearTo.toString());
        json.put("generation", generation.key());
        json.put("settings", generation.settings());
        json.put("destination", destination);
        json.put("records", result.records());
        json.put("seconds", seconds);
        json.put("counts", result.counts());
        json.put("sources", result.sources());
        if (result.recorded() != null) {
            json.put("recorded", Map.of("crimes", result.recorded().crimes(), "asb", result.recorded().asb(),
                    "seconds", result.recorded().nanos() / 1e9));
        }
        output.print(System.out, text.toString().stripTrailing(), json);
        return 0;
    }

    private int nation() {
        if (force != null) {
            throw new PeelException("--force and --forces do not go together: one force, or a nation of K forces");
        }
        if (out == null) {
            throw new PeelException("--forces writes CSV files: say where with --out DIR");
        }
        long started = System.nanoTime();
        SyntheticNation nation;
        try {
            nation = SyntheticNation.generate(records, forces, seed, 0.2, 0.1);
        } catch (IllegalArgumentException bad) {
            throw new PeelException(bad.getMessage());
        }
        nation.writeCsv(out);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> perForce = new LinkedHashMap<>();
        for (SyntheticNation.Force f : nation.forces()) {
            perForce.put(f.name(), nation.records().stream().filter(r -> r.force().equals(f.name())).count());
        }
        long persons = nation.records().stream().map(SyntheticNation.Recorded::person).distinct().count();
        long acrossForces = nation.personsInSeveralForces();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Generated a synthetic nation of %d forces, seed %d, into %s%n%,d person records of %,d people,"
                        + " %,d of them known to more than one force, in %.1f s%n",
                forces, seed, out.toAbsolutePath(), nation.records().size(), persons, acrossForces, seconds));
        perForce.forEach((f, n) -> text.append(String.format(Locale.ROOT, "  %-26s %,12d%n", f, n)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("forces", perForce);
        json.put("seed", seed);
        json.put("destination", out.toAbsolutePath().toString());
        json.put("records", nation.records().size());
        json.put("persons", persons);
        json.put("personsInSeveralForces", acrossForces);
        json.put("seconds", seconds);
        output.print(System.out, text.toString().stripTrailing(), json);
        return 0;
    }

    /** The public data folder: the option, else PEEL_SHARED_DATA, else ../shared/data if it exists, else none. */
    public static Path sharedDataDir(Path option) {
        if (option != null) {
            if (!Files.isDirectory(option)) {
                throw new PeelException("--shared-data " + option + " is not a folder");
            }
            return option;
        }
        String env = Environment.variables().get("PEEL_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path sibling = Path.of("..", "shared", "data");
        return Files.isDirectory(sibling) ? sibling : null;
    }
}
