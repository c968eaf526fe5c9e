package org.peel.measure;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.peel.common.Adapter;
import org.peel.place.PlaceStore;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Force in numbers report as a document: one XHTML page (table, trend, all forces, boroughs) that a browser
 * opens as it is and OpenHTMLtoPDF turns into a PDF, so both show the same SVG charts.
 */
@Adapter
public final class ReportDocument {

    /** Borough columns of the report: the crime rate first (it is the one mapped). */
    public static final List<String> BOROUGH_INDICATORS = List.of(MeasureFigures.CRIME_RATE,
            "victim_based_crime_per_1000", "burglary_dwelling_per_1000_households");

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private ReportDocument() {
    }

    /** The whole report as XHTML, dated by {@code clock}. */
    public static String html(IndicatorEngine engine, PlaceStore places, Place.Area force, YearMonth to, Clock clock) {
        Period period = Period.yearTo(to);
        ForceInNumbers report = ForceInNumbers.of(engine, force, period);
        MeasureFigures figures = new MeasureFigures(engine, places);
        Map<String, Object> params = new HashMap<>();
        params.put("report", report);
        params.put("trend", figures.trend(force, MeasureFigures.CRIME_RATE, to));
        params.put("bars", figures.byForce(MeasureFigures.CRIME_RATE, period, force.code()));
        params.put("boroughs", figures.breakdown(force, BOROUGH_INDICATORS, period));
        params.put("generated", DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atOffset(ZoneOffset.UTC)));
        StringOutput out = new StringOutput();
        TEMPLATES.render("measure/report.jte", params, out);
        return out.toString();
    }

    /** The XHTML as a PDF, SVG charts drawn as vectors. */
    public static byte[] pdf(String html) {
        return org.peel.common.PdfDocument.fromXhtml(html);
    }
}
