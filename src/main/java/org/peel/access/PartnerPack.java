package org.peel.access;

import org.peel.common.PdfDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A meeting pack for one receiving agency (a MARAC meeting, a complex case panel, an ASB case review): the records
 * are offered to the {@link ShareGate} under the agreement with that agency, and only what the gate passes back
 * (reduced to the agreement's categories) is laid out, as a PDF to read at the meeting or a CSV to load into the
 * agency's own system. A refused share makes no document. The gate logs and audits the release either way.
 */
public final class PartnerPack {

    /** How the pack is laid out. */
    public enum Format {
        PDF("application/pdf", "pdf"), CSV("text/csv; charset=utf-8", "csv");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** {@code pdf} or {@code csv}; anything else is refused by the caller as bad input. */
        public static Optional<Format> fromText(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The document handed to the agency. */
    public record Document(String filename, Format format, byte[] bytes) {
    }

    /** The gate's decision, and the document when the share was allowed. */
    public record Release(ShareDecision decision, Optional<Document> document) {
    }

    private PartnerPack() {
    }

    /**
     * Asks the gate to share the pack's records with the request's recipient, and lays out what it allows.
     *
     * @param title    the pack's heading ("MARAC meeting, 4 December 2026")
     * @param preface  lines printed before the records (the meeting, the agreement); no personal data
     * @param fileStem the file name without extension
     */
    public static Release share(ShareGate gate, User by, ShareRequest request, Format format, String title,
                                List<String> preface, String fileStem) {
        ShareDecision decision = gate.share(by, request);
        if (!decision.allowed()) {
            return new Release(decision, Optional.empty());
        }
        String name = fileStem + "-" + request.recipientId() + "." + format.extension();
        byte[] bytes = format == Format.PDF ? pdf(title, preface, request, decision)
                : csv(decision.records()).getBytes(StandardCharsets.UTF_8);
        return new Release(decision, Optional.of(new Document(name, format, bytes)));
    }

    /** One row per record; the columns are every field any record carries, in the order first met. */
    static String csv(List<SharedRecord> records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> columns.addAll(r.flat().keySet()));
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(PartnerPack::cell).toList())).append("\r\n");
        for (SharedRecord r : records) {
            Map<String, Object> flat = r.flat();
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(cell(text(flat.get(c))));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static byte[] pdf(String title, List<String> preface, ShareRequest request, ShareDecision decision) {
        StringBuilder h = new StringBuilder();
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<style>body{font-family:sans-serif;font-size:10pt} h1{font-size:16pt} h2{font-size:12pt}")
                .append(" table{border-collapse:collapse;width:100%} td,th{border:1px solid #999;padding:3px;")
                .append("vertical-align:top;text-align:left} th{width:30%}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p>OFFICIAL-SENSITIVE. For ").append(esc(request.recipientId())).append(" under agreement ")
                .append(esc(request.agreementId())).append(", for: ").append(esc(request.purpose())).append(".</p>");
        for (String line : preface) {
            h.append("<p>").append(esc(line)).append("</p>");
        }
        if (!decision.withheld().isEmpty()) {
            h.append("<p>Withheld as outside the agreement: ").append(esc(String.join(", ",
                    decision.withheld().stream().sorted().map(DataCategory::description).toList()))).append(".</p>");
        }
        h.append("<h2>Cases (").append(decision.records().size()).append(")</h2>");
        for (SharedRecord r : decision.records()) {
            h.append("<h3>").append(esc(r.recordId())).append("</h3><table>");
            r.flat().forEach((k, v) -> {
                if (v != null && !k.equals("record_type") && !k.equals("record_id")) {
                    h.append("<tr><th>").append(esc(k.replace('_', ' '))).append("</th><td>");
                    if (v instanceof Collection<?> items) {
                        h.append(items.isEmpty() ? "None" : "");
                        items.forEach(i -> h.append(esc(i)).append("<br/>"));
                    } else {
                        h.append(esc(v));
                    }
                    h.append("</td></tr>");
                }
            });
            h.append("</table>");
        }
        h.append("<p>Do not pass this pack on: it is shared with your agency only, and only for the purpose above.")
                .append("</p></body></html>");
        return PdfDocument.fromXhtml(h.toString());
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> items) {
            return String.join("; ", items.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }

    // a cell a spreadsheet will not run as a formula, quoted when it holds a comma, quote or line break
    private static String cell(String s) {
        String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")
                ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    private static String esc(Object value) {
        String s = value == null ? "" : value.toString();
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
