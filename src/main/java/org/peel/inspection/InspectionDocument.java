package org.peel.inspection;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.peel.common.Adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The inspection report as one XHTML document, which a browser opens as it is and OpenHTMLtoPDF makes a PDF of. */
@Adapter
public final class InspectionDocument {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private InspectionDocument() {
    }

    public static String html(InspectionReport report) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("inspection/report.jte", Map.of("report", report), out);
        return out.toString();
    }

    public static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot make the PDF", ex);
        }
        return out.toByteArray();
    }
}
