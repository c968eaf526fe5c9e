package org.peel.inspection;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.peel.common.Adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The inspection report as one XHTML document, which a browser opens as it is and OpenHTMLtoPDF makes a PDF of. */
@Adapter
public final class InspectionDocument {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private InspectionDocument() {
    }

    /** Where the web serves the report's style sheet: pages may load styles from Peel only, never inline ones. */
    public static final String STYLESHEET = "/inspection/report.css";

    /** The report's style sheet, the same on screen and in the PDF. */
    public static String css() {
        try (var in = InspectionDocument.class.getResourceAsStream("/inspection/report.css")) {
            return new String(java.util.Objects.requireNonNull(in, "inspection/report.css").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The report as one self-contained document, its style inside it: for a file and the PDF. */
    public static String html(InspectionReport report) {
        return render(report, null);
    }

    /** The report for the web, its style sheet linked from Peel. */
    public static String page(InspectionReport report) {
        return render(report, STYLESHEET);
    }

    private static String render(InspectionReport report, String stylesheet) {
        StringOutput out = new StringOutput();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("report", report);
        params.put("css", stylesheet == null ? css() : "");
        params.put("stylesheet", stylesheet);
        TEMPLATES.render("inspection/report.jte", params, out);
        return out.toString();
    }

    public static byte[] pdf(String html) {
        return org.peel.common.PdfDocument.fromXhtml(html);
    }
}
