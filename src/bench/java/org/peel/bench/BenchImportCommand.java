package org.peel.bench;

import org.peel.measure.MeasureStore;
import org.peel.opendata.BadRows;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PoliceUkImporter;
import org.peel.common.Progress;
import org.peel.opendata.RawCopy;
import org.peel.common.SourceFile;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.ImportCommand;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel bench import}: the police.uk import (parse, check, place, ledger, COPY) in rows per second, against a
 * raw COPY of the same lines into a logged table of the files' own columns, measured in the same run.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Rows per second importing every police.uk street file under DIR (default: the shared"
                + " police-uk/street), against a raw COPY of the same lines into a logged table of their columns. The files are"
                + " forgotten from the ledger first so that they really load; they stay loaded afterwards.")
final class BenchImportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "police.uk street files")
    Path folder;

    @Override
    public Integer call() {
        Path dir = folder != null ? folder : ImportCommand.Geography.sharedData().resolve("police-uk").resolve("street");
        List<SourceFile> files = SourceFile.expand(List.of(dir), n -> n.toLowerCase().endsWith("-street.csv"));
        if (files.isEmpty()) {
            throw new PeelException("No police.uk street files under " + dir);
        }
        long bytes = files.stream().mapToLong(SourceFile::bytes).sum();
        try (Database database = db.open()) {
            OpenDataStore store = new OpenDataStore(database.jdbi());
            store.forget(PoliceUkImporter.SOURCE, files.stream().map(SourceFile::name).toList());

            Progress rawProgress = Progress.onConsole(bytes);
            long t0 = System.nanoTime();
            long rawRows = RawCopy.copy(database.ownerJdbi(), files, rawProgress); // a scratch table: the owner's
            double rawSeconds = (System.nanoTime() - t0) / 1e9;
            rawProgress.done();

            Progress progress = Progress.onConsole(bytes);
            PoliceUkImporter importer = new PoliceUkImporter(store);
            long t1 = System.nanoTime();
            long rows = 0;
            long bad = 0;
            for (OpenDataStore.FileResult r : importer.importFiles(files, f -> new BadRows(BadRows.Policy.SKIP),
                    progress)) {
                rows += r.rows();
                bad += r.badRows();
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            progress.done();
            long t2 = System.nanoTime();
            new MeasureStore(database.jdbi()).refreshPoliceUk();
            double refreshSeconds = (System.nanoTime() - t2) / 1e9;

            double rate = rows / seconds;
            double rawRate = rawRows / rawSeconds;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("files", files.size());
            json.put("rows", rows);
            json.put("badRows", bad);
            json.put("importSeconds", round(seconds));
            json.put("importRowsPerSecond", Math.round(rate));
            json.put("refreshFactsSeconds", round(refreshSeconds));
            json.put("rawCopyRows", rawRows);
            json.put("rawCopySeconds", round(rawSeconds));
            json.put("rawCopyRowsPerSecond", Math.round(rawRate));
            json.put("ratio", Math.round(rate / rawRate * 100) / 100.0);
            String text = String.format("""
                            police.uk import of %,d files (%,d MB stored) under %s
                              import:   %,12.0f rows/s  (%,d rows, %,d bad, %.1f s: parse, check, place, ledger, COPY)
                              baseline: %,12.0f rows/s  (%,d lines, %.1f s: raw COPY into a logged table of the files' columns)
                              ratio:    %12.2f      (import ÷ baseline)
                              then %.1f s to rebuild the pre-aggregated facts (not in the import figure)""",
                    files.size(), bytes / (1024 * 1024), dir, rate, rows, bad, seconds, rawRate, rawRows, rawSeconds,
                    rate / rawRate, refreshSeconds);
            output.print(System.out, text, json);
            return 0;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
