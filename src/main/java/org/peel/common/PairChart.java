package org.peel.common;

import java.util.Locale;

/**
 * The small chart of one Force in numbers figure: the force's bar over England and Wales's, on the same scale from
 * zero, each with its value, and a triangle where the force differs markedly (up: higher; down: lower). Plain SVG,
 * drawn on the server, the same on the page and in the PDF.
 */
public final class PairChart {

    public static final String FORCE = "#1d70b8";
    public static final String EW = "#b1b4b6";
    public static final String MARK = "#d4351c";

    private PairChart() {
    }

    public static String svg(String forceLabel, Double force, String forceShown, Double ew, String ewShown,
                             Marker marker) {
        int w = 230;
        int h = 40;
        int left = 74;
        int plotW = 110;
        double max = Math.max(force == null ? 0 : Math.abs(force), ew == null ? 0 : Math.abs(ew));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s %s, England and Wales %s\">", w, h, w, h, esc(forceLabel), esc(forceShown),
                esc(ewShown)));
        s.append(bar(2, "Force", force, forceShown, max, left, plotW, FORCE));
        s.append(bar(22, "England & Wales", ew, ewShown, max, left, plotW, EW));
        if (marker == Marker.HIGHER) {
            s.append("<path d=\"M218 4 L226 16 L210 16 Z\" fill=\"" + MARK + "\"><title>" + marker.meaning()
                    + "</title></path>");
        } else if (marker == Marker.LOWER) {
            s.append("<path d=\"M210 4 L226 4 L218 16 Z\" fill=\"" + MARK + "\"><title>" + marker.meaning()
                    + "</title></path>");
        }
        return s.append("</svg>").toString();
    }

    private static String bar(int y, String label, Double value, String shown, double max, int left, int plotW,
                              String colour) {
        double bw = value == null || max == 0 ? 0 : plotW * Math.abs(value) / max;
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"8\" text-anchor=\"end\""
                        + " font-family=\"Helvetica, Arial, sans-serif\" fill=\"#0b0c0c\">%s</text>", left - 4, y + 11,
                esc(label))
                + String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>",
                left, y, bw, colour)
                + String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\""
                        + " font-family=\"Helvetica, Arial, sans-serif\" fill=\"#0b0c0c\">%s</text>", left + bw + 3,
                y + 11, esc(value == null ? "n/a" : shown));
    }

    private static String esc(String t) {
        return t == null ? "" : t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
