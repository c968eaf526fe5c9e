package org.peel.platform;

import org.peel.measure.ForceInNumbers;
import org.peel.measure.IndicatorEngine;
import org.peel.measure.MeasureStore;
import org.peel.measure.Origin;
import org.peel.measure.Period;
import org.peel.measure.Place;
import org.peel.measure.ReportDocument;
import org.peel.measure.ReportJson;
import org.peel.place.PlaceStore;
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

/** {@code peel report}: Force in numbers for one force and the 12 months to a month, beside England and Wales. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Force in numbers for a force and the 12 months to a month end, beside England and Wales,"
                + " as JSON, HTML or PDF.")
final class ReportCommand implements Callable<Integer> {

    enum Format { json, html, pdf }

    @Mixin DatabaseOptions db;

    @Option(names = "--force", required = true, paramLabel = "NAME",
            description = "Force area name (Home Office or ONS spelling) or ONS code, e.g. \"Metropolitan Police\"")
    String force;

    @Option(names = "--year-to", required = true, paramLabel = "YYYY-MM", description = "Last month of the 12")
    String yearTo;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: json)")
    Format format = Format.json;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Where the force's figures come from: public"
            + " (published open data, the default) or peel (the force's own records in Peel). England and Wales is"
            + " always from the published data.")
    String source = Origin.PUBLIC.key();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default: standard output;"
            + " required for pdf)")
    Path out;

    @Override
    public Integer call() {
        YearMonth to;
        try {
            to = YearMonth.parse(yearTo);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("--year-to must be YYYY-MM, not '" + yearTo + "'");
        }
        Origin origin = Origin.of(source).orElseThrow(() -> new IllegalArgumentException(
                "--source must be public or peel, not '" + source + "'"));
        if (format == Format.pdf && out == null) {
            throw new IllegalArgumentException("a PDF needs --out FILE");
        }
        try (Database database = db.open()) {
            ForceNames.Force f = new OpenDataStore(database.jdbi()).forceNames().match(force, force)
                    .filter(ForceNames.Force::territorial)
                    .orElseThrow(() -> new PeelException("No territorial force is called '" + force
                            + "' (try the Home Office spelling, e.g. \"Metropolitan Police\", or an E23 code)"));
            IndicatorEngine engine = new IndicatorEngine(new MeasureStore(database.jdbi()), origin);
            Place.Area area = new Place.Area(Place.Level.FORCE, f.code(), f.name());
            PlaceStore places = new PlaceStore(database.jdbi());
            ForceInNumbers figures = ForceInNumbers.of(engine, area, Period.yearTo(to));
            if (figures.noData()) {
                throw new PeelException("No figures for " + f.name() + " in the " + Period.yearTo(to).describe()
                        + " from " + origin.title() + ": the database holds nothing for them. Run: "
                        + String.join("; ", figures.importsToRun()));
            }
            byte[] bytes = switch (format) {
                case json -> json(figures);
                case html -> ReportDocument.html(engine, places, area, to, Environment.clock()).getBytes(StandardCharsets.UTF_8);
                case pdf -> ReportDocument.pdf(ReportDocument.html(engine, places, area, to, Environment.clock()));
            };
            write(bytes);
            return 0;
        }
    }

    private static byte[] json(ForceInNumbers report) {
        try {
            return OutputOptions.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(ReportJson.of(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void write(byte[] bytes) {
        try {
            if (out == null) {
                System.out.write(bytes);
                System.out.println();
                System.out.flush();
            } else {
                Files.write(out, bytes);
                System.err.println("Wrote " + out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + out, ex);
        }
    }
}
