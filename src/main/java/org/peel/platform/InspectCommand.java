package org.peel.platform;

import org.peel.inspection.InspectionDocument;
import org.peel.inspection.InspectionReports;
import org.peel.inspection.InspectionSettings;
import org.peel.inspection.InspectionStore;
import org.peel.inspection.ForceFigures;
import org.peel.module.CommandGroup;
import org.peel.opendata.ForceNames;
import org.peel.opendata.OpenDataStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code peel inspect}: the PEEL effectiveness inspection. The platform's, since its report joins two capabilities:
 * measure's Force in numbers and the inspection's judgements.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "The PEEL effectiveness inspection: the report in the inspectorate's structure.",
        subcommands = {InspectCommand.Report.class})
public final class InspectCommand extends CommandGroup {

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "The inspection report for a force and the 12 months to a month: overview and overall"
                    + " judgement, Force in numbers on one page, each question with its figures, findings, judgement"
                    + " and areas for improvement, and Annex A.")
    static final class Report implements Callable<Integer> {

        enum Format { html, pdf }

        @Mixin DatabaseOptions db;

        @Option(names = "--force", required = true, paramLabel = "NAME",
                description = "Force area name (Home Office or ONS spelling) or ONS code")
        String force;

        @Option(names = "--year-to", required = true, paramLabel = "YYYY-MM", description = "Last month of the 12")
        String yearTo;

        @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: html)")
        Format format = Format.html;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (required for pdf)")
        Path out;

        @Override
        public Integer call() {
            YearMonth to;
            try {
                to = YearMonth.parse(yearTo);
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("--year-to must be YYYY-MM, not '" + yearTo + "'");
            }
            if (format == Format.pdf && out == null) {
                throw new IllegalArgumentException("a PDF needs --out FILE");
            }
            try (Database database = db.open()) {
                ForceNames.Force f = new OpenDataStore(database.jdbi()).forceNames().match(force, force)
                        .filter(ForceNames.Force::territorial)
                        .orElseThrow(() -> new PeelException("No territorial force is called '" + force
                                + "' (try the Home Office spelling, e.g. \"Metropolitan Police\", or an E23 code)"));
                ForceFigures figures = new MeasureForceFigures(database.jdbi());
                ForceFigures.Sheet sheet = figures.sheet(f.code(), to);
                if (sheet.noData()) {
                    throw new PeelException("No figures for " + f.name() + " in the " + sheet.period()
                            + ": the database holds nothing for them. Run: " + String.join("; ", sheet.importsToRun()));
                }
                InspectionReports reports = new InspectionReports(new InspectionStore(database.jdbi()), figures,
                        InspectionSettings.from(Environment.variables()), Environment.clock());
                String html = InspectionDocument.html(reports.report(sheet, to));
                byte[] bytes = format == Format.pdf ? InspectionDocument.pdf(html) : html.getBytes(StandardCharsets.UTF_8);
                if (out == null) {
                    System.out.write(bytes);
                    System.out.flush();
                } else {
                    Files.write(out, bytes);
                    System.err.println("Wrote " + out);
                }
                return 0;
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot write " + out, ex);
            }
        }
    }
}
