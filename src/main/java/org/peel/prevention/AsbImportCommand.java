package org.peel.prevention;

import org.peel.access.AuditEvent;
import org.peel.common.BadInput;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import org.peel.module.Under;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code peel import police-uk-asb}: the ASB rows of police.uk street files as ASB incidents (category and sub-type
 * not published, month only), placed by their LSOA. Each file is one transaction and each row's id is its file and
 * line, so running it again adds nothing and a run stopped part way is carried on by running it again.
 */
@Under("import")
@Command(name = "police-uk-asb", mixinStandardHelpOptions = true,
        description = "Load the ASB rows of data.police.uk street files (*-street.csv, plain or .gz, from files,"
                + " folders and zips) as ASB incidents. Rows are placed by their LSOA (run 'peel import geography'"
                + " first); rows in LSOAs Peel does not hold are left out and counted. Each file is one transaction;"
                + " importing a file again adds nothing.")
public final class AsbImportCommand implements Callable<Integer> {

    private static final Pattern STREET_FILE = Pattern.compile("\\d{4}-\\d{2}-(.+)-street\\.csv");

    @Mixin CommandDatabase db;
    @Mixin CommandOutput output;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "street files, folders or zips")
    List<Path> paths;

    @Option(names = "--force", paramLabel = "SLUG",
            description = "Only this force's files, by the slug in their name (YYYY-MM-SLUG-street.csv), e.g. lancashire")
    String force;

    @Option(names = "--on-error", paramLabel = "POLICY",
            description = "stop (default: the file with the bad row is not saved, and the import ends) or skip"
                    + " (leave the row out, load the rest, and report each bad row's file, line and field)")
    String onError = "stop";

    /** One file's outcome, for the summary. */
    record FileSummary(String file, PoliceUkAsbImport.Result result) {
    }

    @Override
    public Integer call() {
        boolean skip = switch (onError.toLowerCase(Locale.ROOT)) {
            case "stop" -> false;
            case "skip" -> true;
            default -> throw new IllegalArgumentException("--on-error is stop or skip, not '" + onError + "'");
        };
        List<SourceFile> files = SourceFile.expand(paths, this::wanted);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No " + (force == null ? "" : force + " ") + "street files (YYYY-MM-"
                    + (force == null ? "FORCE" : force) + "-street.csv) under " + paths);
        }
        long started = System.nanoTime();
        List<FileSummary> done = new ArrayList<>();
        try (CommandContext context = db.openContext()) {
            PoliceUkAsbImport importer = new PoliceUkAsbImport(context.jdbi());
            var audit = context.audit();
            Progress progress = Progress.onConsole(files.stream().mapToLong(SourceFile::bytes).sum());
            for (SourceFile f : files) {
                progress.file(f.name());
                PoliceUkAsbImport.Result result;
                try (InputStream in = f.open(progress::bytes)) {
                    // counts only: the rows are public data, but the audit trail says who loaded what, and when;
                    // the entry is written in the import's own transaction, so the rows and their entry go together
                    result = importer.importFile(f.name(), in, skip, (h, imported) -> audit.record(h,
                            AuditEvent.by(null, "import", "asb-incident", f.name(), AuditEvent.SUCCESS).asUser("cli")
                                    .detail(imported.inserted() + " police.uk ASB rows added, " + imported.alreadyHeld()
                                            + " already held")));
                } catch (IOException ex) {
                    throw new UncheckedIOException("Cannot read " + f.location(), ex);
                } catch (BadInput stopped) {
                    progress.done();
                    if (!done.isEmpty()) {
                        // the files before this one are saved; say which, so that the operator knows where it stopped
                        print(done, (System.nanoTime() - started) / 1e9);
                    }
                    throw stopped;
                }
                progress.rows(result.rowsRead());
                done.add(new FileSummary(f.name(), result));
            }
            progress.done();
        }
        print(done, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private boolean wanted(String name) {
        var m = STREET_FILE.matcher(name.toLowerCase(Locale.ROOT));
        return m.matches() && (force == null || m.group(1).equals(force.toLowerCase(Locale.ROOT)));
    }

    private void print(List<FileSummary> done, double seconds) {
        long read = 0;
        long asb = 0;
        long inserted = 0;
        long held = 0;
        long other = 0;
        long outside = 0;
        long bad = 0;
        for (FileSummary f : done) {
            PoliceUkAsbImport.Result r = f.result();
            read += r.rowsRead();
            asb += r.asbRows();
            inserted += r.inserted();
            held += r.alreadyHeld();
            other += r.otherCrimeTypes();
            outside += r.outsideForce();
            bad += r.badRows();
        }
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Imported police.uk ASB rows from %d file%s"
                        + " in %.1f s: %,d rows read, %,d ASB rows, %,d imported%n", done.size(),
                done.size() == 1 ? "" : "s", seconds, read, asb, inserted));
        t.append(String.format(Locale.ROOT, "  skipped: %,d already held (imported before), %,d in LSOAs Peel does not"
                        + " hold (outside the force, no LSOA, or geography not imported), %,d of other crime types,"
                        + " %,d bad rows%n", held, outside, other, bad));
        for (FileSummary f : done) {
            PoliceUkAsbImport.Result r = f.result();
            if (done.size() <= 20 || r.badRows() > 0) {
                t.append(String.format(Locale.ROOT, "  %-45s %,8d rows  %,7d ASB  %,7d imported  %,7d already held"
                        + "  %,7d outside%n", f.file(), r.rowsRead(), r.asbRows(), r.inserted(), r.alreadyHeld(),
                        r.outsideForce()));
            }
            r.badExamples().forEach(e -> t.append("      bad row: ").append(e).append('\n'));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", done);
        json.put("rowsRead", read);
        json.put("asbRows", asb);
        json.put("imported", inserted);
        json.put("alreadyHeld", held);
        json.put("outsideForce", outside);
        json.put("otherCrimeTypes", other);
        json.put("badRows", bad);
        json.put("seconds", Math.round(seconds * 10) / 10.0);
        output.print(System.out, t.toString().stripTrailing(), json);
    }
}
