package org.peel.partners;

import org.peel.common.Adapter;
import org.peel.common.PdfDocument;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The subject access answer as the PDF a requester reads: their records, what was redacted or withheld and why. */
@Adapter
public final class SubjectAccessPdf {

    private SubjectAccessPdf() {
    }

    public static byte[] pdf(Map<String, Object> person, LocalDate received, LocalDate due,
                             SubjectAccess.Answer answer) {
        StringBuilder h = new StringBuilder();
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<style>body{font-family:sans-serif;font-size:10pt} h1{font-size:16pt} h2{font-size:12pt}")
                .append(" table{border-collapse:collapse;width:100%} td,th{border:1px solid #999;padding:3px;")
                .append("vertical-align:top;text-align:left}</style></head><body>");
        h.append("<h1>Your personal data held by the police</h1>");
        h.append("<p>Subject access request under the Data Protection Act 2018, section 45. Received ")
                .append(esc(received)).append("; answer due by ").append(esc(due)).append(".</p>");
        h.append("<h2>The person the request is about</h2><table>");
        person.forEach((k, v) -> h.append("<tr><th>").append(esc(k.replace('_', ' '))).append("</th><td>")
                .append(esc(v)).append("</td></tr>"));
        h.append("</table>");
        h.append("<h2>Records (").append(answer.records().size()).append(")</h2>");
        for (Map<String, Object> r : answer.records()) {
            h.append("<h3>").append(esc(r.get("record_type"))).append(" ").append(esc(r.get("record_id")))
                    .append("</h3><table>");
            h.append(row("Your part", r.get("role"))).append(row("Recorded", r.get("recorded_on")));
            nested(h, r.get("details"));
            nested(h, r.get("your_details"));
            Object others = r.get("other_people");
            if (others instanceof List<?> list && !list.isEmpty()) {
                for (Object o : list) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    h.append(row("Another person (" + m.get("role") + ")", m.get("details")));
                }
            }
            h.append("</table>");
        }
        h.append("<h2>Restrictions applied</h2>");
        if (answer.exemptions().isEmpty()) {
            h.append("<p>None.</p>");
        } else {
            h.append("<ul>");
            answer.exemptions().forEach((ground, n) -> h.append("<li>").append(esc(ground)).append(" (")
                    .append(n).append(n == 1 ? " record" : " records").append(")</li>"));
            h.append("</ul>");
        }
        h.append("<p>You may ask for inaccurate data to be corrected, for its erasure or restriction, and you may ")
                .append("complain to the Information Commissioner's Office.</p></body></html>");
        return PdfDocument.fromXhtml(h.toString());
    }

    private static void nested(StringBuilder h, Object value) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    h.append(row(k.toString().replace('_', ' '), v));
                }
            });
        }
    }

    private static String row(String label, Object value) {
        return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String esc(Object value) {
        String s = value == null ? "" : value.toString();
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
