package org.peel.platform;

import org.peel.measure.MeasureStore;
import org.peel.opendata.BadRows;
import org.peel.opendata.HomeOfficePrcImporter;
import org.peel.opendata.LondonBoroughCrimeImporter;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PoliceUkImporter;
import org.peel.opendata.PopulationImporter;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel import home-office-prc | population | police-uk | london-borough-crime}: the public tables. */
final class OpenDataImportCommands {

    private OpenDataImportCommands() {
    }

    /** Options every open-data import takes, and the summary each prints. */
    abstract static class Base implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--on-bad-row", paramLabel = "POLICY",
                description = "stop (default: nothing of the file is kept) or skip (load the rest and report"
                        + " each bad row's file, line and field)")
        String onBadRow = "stop";

        BadRows.Policy policy() {
            return switch (onBadRow.toLowerCase(java.util.Locale.ROOT)) {
                case "stop" -> BadRows.Policy.STOP;
                case "skip" -> BadRows.Policy.SKIP;
                default -> throw new IllegalArgumentException("--on-bad-row is stop or skip, not '" + onBadRow + "'");
            };
        }

        abstract String what();

        /** After files were added or replaced: bring anything built from them up to date. */
        void loaded(Database database) {
        }

        /** Loads the files one at a time (each its own transaction) and prints what happened. */
        int run(List<SourceFile> files, FileImport importer) {
            return runAll(files, (store, policy, progress) -> {
                List<OpenDataStore.FileResult> results = new ArrayList<>();
                for (SourceFile f : files) {
                    results.add(importer.load(store, f, new BadRows(policy), progress));
                }
                return results;
            });
        }

        /** Loads the files as the importer loads a list of them (each its own transaction) and prints what happened. */
        int runAll(List<SourceFile> files, FilesImport importer) {
            BadRows.Policy policy = policy();
            long started = System.nanoTime();
            try (Database database = db.open()) {
                OpenDataStore store = new OpenDataStore(database.jdbi());
                Progress progress = Progress.onConsole(files.stream().mapToLong(SourceFile::bytes).sum());
                List<OpenDataStore.FileResult> results = importer.load(store, policy, progress);
                progress.done();
                if (results.stream().anyMatch(r -> r.status() != OpenDataStore.Status.UNCHANGED)) {
                    loaded(database);
                }
                print(results, (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }

        private void print(List<OpenDataStore.FileResult> results, double seconds) {
            long rows = results.stream().mapToLong(OpenDataStore.FileResult::rows).sum();
            long bad = results.stream().mapToLong(OpenDataStore.FileResult::badRows).sum();
            Map<OpenDataStore.Status, Long> byStatus = new java.util.EnumMap<>(OpenDataStore.Status.class);
            results.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
            StringBuilder t = new StringBuilder(String.format("Imported %s: %d files (%d new, %d replaced, %d unchanged"
                            + " and skipped), %,d rows, %,d bad rows skipped, in %.1f s%n", what(), results.size(),
                    byStatus.getOrDefault(OpenDataStore.Status.NEW, 0L),
                    byStatus.getOrDefault(OpenDataStore.Status.REPLACED, 0L),
                    byStatus.getOrDefault(OpenDataStore.Status.UNCHANGED, 0L), rows, bad, seconds));
            for (OpenDataStore.FileResult r : results) {
                if (results.size() <= 20 || !r.notes().isEmpty() || r.badRows() > 0) {
                    t.append(String.format("  %-45s %-9s %,10d rows%n", r.name(), r.status().name().toLowerCase(),
                            r.rows()));
                }
                r.notes().forEach(n -> t.append("      ").append(n).append('\n'));
                r.badExamples().forEach(n -> t.append("      bad row: ").append(n).append('\n'));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("what", what());
            json.put("files", results);
            json.put("rows", rows);
            json.put("badRows", bad);
            json.put("seconds", Math.round(seconds * 10) / 10.0);
            output.print(System.out, t.toString().stripTrailing(), json);
        }
    }

    /** One file's load. */
    @FunctionalInterface
    interface FileImport {
        OpenDataStore.FileResult load(OpenDataStore store, SourceFile file, BadRows bad, Progress progress);
    }

    /** Every file's load, in order, each its own transaction. */
    @FunctionalInterface
    interface FilesImport {
        List<OpenDataStore.FileResult> load(OpenDataStore store, BadRows.Policy policy, Progress progress);
    }

    @Command(name = "home-office-prc", mixinStandardHelpOptions = true,
            description = "Load the Home Office's police recorded crime by police force area (rec-crime-pfa.csv)."
                    + " A file already loaded is skipped; a changed one is replaced.")
    static final class HomeOfficePrc extends Base {
        @Parameters(index = "0", paramLabel = "FILE", description = "rec-crime-pfa.csv (or .csv.gz)")
        Path file;

        @Override
        String what() {
            return "Home Office police recorded crime";
        }

        @Override
        public Integer call() {
            return run(List.of(SourceFile.of(file)),
                    (store, f, bad, progress) -> new HomeOfficePrcImporter(store).importFile(f, bad, progress));
        }
    }

    @Command(name = "population", mixinStandardHelpOptions = true,
            description = "Load population and households: area_code,area_name,year,population,households at force,"
                    + " borough, ward or LSOA level, or the GLA London LSOA atlas (summed up to ward, borough and"
                    + " force). The format is recognised from the header.")
    static final class Population extends Base {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "population CSV files")
        List<Path> files;

        @Override
        String what() {
            return "population";
        }

        @Override
        public Integer call() {
            return run(files.stream().map(SourceFile::of).toList(),
                    (store, f, bad, progress) -> new PopulationImporter(store).importFile(f, bad, progress));
        }
    }

    @Command(name = "police-uk", mixinStandardHelpOptions = true,
            description = "Load data.police.uk street-level crime and ASB (*-street.csv) and outcomes (*-outcomes.csv),"
                    + " plain or .gz, from files, folders and zips of months. Rows are placed in their LSOA, ward and"
                    + " borough (run 'peel import geography' first). Each file is one transaction: a run stopped part"
                    + " way is carried on by running it again.")
    static final class PoliceUk extends Base {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "files, folders or zips")
        List<Path> paths;

        @Override
        String what() {
            return "police.uk";
        }

        @Override
        void loaded(Database database) {
            new MeasureStore(database.jdbi()).refreshPoliceUk();
        }

        @Override
        public Integer call() {
            List<SourceFile> files = SourceFile.expand(paths, PoliceUkImporter::wanted);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No *-street.csv or *-outcomes.csv files under " + paths);
            }
            return runAll(files, (store, policy, progress) ->
                    new PoliceUkImporter(store).importFiles(files, f -> new BadRows(policy), progress));
        }
    }

    @Command(name = "london-borough-crime", mixinStandardHelpOptions = true,
            description = "Load the London Datastore's MPS recorded crime by borough and category, monthly"
                    + " (MPS_Borough_Level_Crime_*.csv).")
    static final class LondonBoroughCrime extends Base {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "borough crime CSV files")
        List<Path> files;

        @Override
        String what() {
            return "London borough crime";
        }

        @Override
        public Integer call() {
            return run(files.stream().map(SourceFile::of).toList(),
                    (store, f, bad, progress) -> new LondonBoroughCrimeImporter(store).importFile(f, bad, progress));
        }
    }
}
