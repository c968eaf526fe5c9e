package org.peel.common;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Every PDF Peel prints (reports, the inspection, subject access answers): XHTML in, SVG charts drawn as vectors. */
@Adapter
public final class PdfDocument {

    static {
        // the renderer's progress lines ("parse stylesheets 218ms") tell a user nothing; warnings still show
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers().forEach(name -> com.openhtmltopdf.util.XRLog.setLevel(name,
                java.util.logging.Level.WARNING));
    }

    private PdfDocument() {
    }

    /** The XHTML page as PDF bytes. */
    public static byte[] fromXhtml(String html) {
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
