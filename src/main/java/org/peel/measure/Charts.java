package org.peel.measure;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts as SVG text, drawn on the server so the page and the PDF show the same picture: a trend of a force against
 * England and Wales, bars for every force with one highlighted, and a choropleth of areas. Plain SVG 1.1 with
 * presentation attributes only, which browsers and the PDF renderer both read.
 */
public final class Charts {

    private static final String FORCE_COLOUR = "#1d70b8";
    private static final String EW_COLOUR = "#505a5f";
    private static final String HIGHLIGHT = "#d4351c";
    private static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";
    private static final String[] SHADES = {"#f3f2f1", "#c8d9ec", "#8fb4da", "#4f8ac6", "#1d70b8", "#003078"};

    private Charts() {
    }

    /** One point of a series: a label for the x axis and a value (null where there is none). */
    public record Point(String label, Double value) {
    }

    /** One bar: a label, a value, and whether it is the one to pick out. */
    public record Bar(String label, double value, boolean highlighted) {
    }

    /** A shaded area: its outline and its value (null: no data, drawn hatched grey). */
    public record Area(String label, Geometry outline, Double value) {
    }

    /** Two lines over the same x labels, with a legend; gaps where a value is missing. */
    public static String trend(String title, String unit, String firstName, List<Point> first, String secondName,
                               List<Point> second) {
        int w = 640;
        int h = 300;
        int left = 56;
        int right = 16;
        int top = 40;
        int bottom = 56;
        double max = 0;
        for (Point p : first) {
            max = Math.max(max, p.value() == null ? 0 : p.value());
        }
        for (Point p : second) {
            max = Math.max(max, p.value() == null ? 0 : p.value());
        }
        double yMax = niceCeiling(max);
        StringBuilder s = open(w, h, title);
        s.append(text(8, 20, title, 13, "start", "bold"));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = top + plotH - plotH * i / 4.0;
            s.append(line(left, y, w - right, y, "#dddddd"));
            s.append(text(left - 6, y + 4, number(v), 11, "end", "normal"));
        }
        s.append(text(12, top + plotH / 2.0, unit, 11, "middle", "normal", "rotate(-90 12 " + (top + plotH / 2.0) + ")"));
        int n = Math.max(first.size(), second.size());
        double step = n > 1 ? (double) plotW / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            List<Point> labels = first.size() >= second.size() ? first : second;
            if (i % Math.max(1, n / 6) == 0 || i == n - 1) {
                double x = left + step * i;
                s.append(text(x, h - bottom + 16, labels.get(i).label(), 10, "middle", "normal"));
            }
        }
        s.append(series(first, left, top, plotH, step, yMax, FORCE_COLOUR, ""));
        s.append(series(second, left, top, plotH, step, yMax, EW_COLOUR, " stroke-dasharray=\"6 4\""));
        s.append(line(left + 0.0, h - 22.0, left + 24.0, h - 22.0, FORCE_COLOUR, 3, ""));
        s.append(text(left + 30, h - 18, firstName, 11, "start", "normal"));
        s.append(line(left + 240.0, h - 22.0, left + 264.0, h - 22.0, EW_COLOUR, 3, " stroke-dasharray=\"6 4\""));
        s.append(text(left + 270, h - 18, secondName, 11, "start", "normal"));
        return s.append("</svg>").toString();
    }

    /** Horizontal bars, highest first, the highlighted bar in red and every value written beside its bar. */
    public static String bars(String title, String unit, List<Bar> bars) {
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort((a, b) -> Double.compare(b.value(), a.value()));
        int rowH = 14;
        int left = 150;
        int w = 640;
        String heading = unit.isEmpty() ? title : title + " (" + unit + ")";
        List<String> headingLines = wrap(heading, 80);
        int top = 24 + 16 * headingLines.size();
        int h = top + rowH * sorted.size() + 30;
        double max = sorted.stream().mapToDouble(Bar::value).max().orElse(1);
        double xMax = niceCeiling(max);
        int plotW = w - left - 60;
        StringBuilder s = open(w, h, title);
        for (int i = 0; i < headingLines.size(); i++) {
            s.append(text(8, 20 + 16 * i, headingLines.get(i), 13, "start", "bold"));
        }
        for (int i = 0; i < sorted.size(); i++) {
            Bar b = sorted.get(i);
            double y = top + i * rowH;
            double bw = xMax == 0 ? 0 : plotW * Math.max(0, b.value()) / xMax;
            String colour = b.highlighted() ? HIGHLIGHT : FORCE_COLOUR;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    left, y + 1, bw, rowH - 3, colour));
            s.append(text(left - 4, y + rowH - 3, b.label(), 10, "end", b.highlighted() ? "bold" : "normal"));
            s.append(text(left + bw + 4, y + rowH - 3, number(b.value()), 10, "start", b.highlighted() ? "bold" : "normal"));
        }
        return s.append("</svg>").toString();
    }

    /**
     * Areas shaded in six classes of equal width from 0 to the highest value, with a legend and a scale bar in
     * kilometres; null (no map) when no area has a value, since a map of nothing would show a made-up scale.
     */
    public static String choropleth(String title, String unit, List<Area> areas) {
        if (areas.stream().noneMatch(a -> a.value() != null)) {
            return null;
        }
        int w = 640;
        int h = 460;
        Envelope env = new Envelope();
        areas.forEach(a -> env.expandToInclude(a.outline().getEnvelopeInternal()));
        double max = areas.stream().filter(a -> a.value() != null).mapToDouble(Area::value).max().orElse(1);
        double top = niceCeiling(max);
        // longitude shrinks with latitude: scale x by cos(latitude) so London is not stretched
        double kx = Math.cos(Math.toRadians(env.centre().y));
        double scale = Math.min((w - 20) / (env.getWidth() * kx), (h - 110) / env.getHeight());
        StringBuilder s = open(w, h, title);
        s.append(text(8, 20, title, 13, "start", "bold"));
        for (Area a : areas) {
            String fill = a.value() == null ? "#ffffff" : SHADES[shade(a.value(), top)];
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < a.outline().getNumGeometries(); i++) {
                Geometry g = a.outline().getGeometryN(i);
                if (g instanceof Polygon p) {
                    ring(d, p.getExteriorRing().getCoordinates(), env, kx, scale);
                    for (int k = 0; k < p.getNumInteriorRing(); k++) {
                        ring(d, p.getInteriorRingN(k).getCoordinates(), env, kx, scale);
                    }
                }
            }
            s.append("<path d=\"").append(d).append("\" fill=\"").append(fill)
                    .append("\" fill-rule=\"evenodd\" stroke=\"#0b0c0c\" stroke-width=\"0.6\"><title>")
                    .append(escape(a.label())).append(": ").append(a.value() == null ? "no data" : number(a.value()))
                    .append("</title></path>");
        }
        s.append(scaleBar(w - 170, h - 52, scale));
        for (int i = 0; i < SHADES.length; i++) {
            double x = 10 + i * 100;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%d\" width=\"24\" height=\"12\" fill=\"%s\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>",
                    x, h - 24, SHADES[i]));
            s.append(text(x + 28, h - 14, number(top * i / SHADES.length) + "–" + number(top * (i + 1) / SHADES.length),
                    10, "start", "normal"));
        }
        return s.append("</svg>").toString();
    }

    /** A bar of a round number of kilometres no longer than 150 px, at {@code scale} pixels per degree of latitude. */
    static String scaleBar(double x, double y, double scale) {
        double pxPerKm = scale / 111.32;
        double km = 1;
        for (double candidate : new double[]{0.5, 1, 2, 5, 10, 20, 50, 100, 200}) {
            if (candidate * pxPerKm <= 150) {
                km = candidate;
            }
        }
        double len = km * pxPerKm;
        return line(x, y, x + len, y, "#0b0c0c", 2, "") + line(x, y - 4, x, y + 4, "#0b0c0c")
                + line(x + len, y - 4, x + len, y + 4, "#0b0c0c")
                + text(x + len / 2, y - 6, (km < 1 ? "0.5" : String.valueOf((int) km)) + " km", 10, "middle", "normal");
    }

    /** Words into lines of at most {@code width} characters (a longer word has a line to itself). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int shade(double v, double top) {
        if (top <= 0) {
            return 0;
        }
        return (int) Math.min(SHADES.length - 1, Math.floor(v / top * SHADES.length));
    }

    private static void ring(StringBuilder d, Coordinate[] cs, Envelope env, double kx, double scale) {
        for (int i = 0; i < cs.length; i++) {
            double x = 10 + (cs[i].x - env.getMinX()) * kx * scale;
            double y = 40 + (env.getMaxY() - cs[i].y) * scale;
            d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        d.append('Z');
    }

    private static String series(List<Point> points, int left, int top, int plotH, double step, double yMax,
                                 String colour, String extra) {
        StringBuilder s = new StringBuilder();
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < points.size(); i++) {
            Double v = points.get(i).value();
            if (v == null) {
                pen = false;
                continue;
            }
            double x = left + step * i;
            double y = top + plotH - (yMax == 0 ? 0 : plotH * v / yMax);
            path.append(pen ? "L" : "M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            pen = true;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x, y, colour));
        }
        return String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                path.length() == 0 ? "M0 0" : path, colour, extra) + s;
    }

    private static StringBuilder open(int w, int h, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s\"><rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>",
                w, h, w, h, escape(title), w, h));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return line(x1, y1, x2, y2, colour, 1, "");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"%s/>", x1, y1, x2, y2, colour, width, extra);
    }

    private static String text(double x, double y, String t, int size, String anchor, String weight) {
        return text(x, y, t, size, anchor, weight, null);
    }

    private static String text(double x, double y, String t, int size, String anchor, String weight, String transform) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\""
                        + " font-weight=\"%s\" fill=\"#0b0c0c\" %s%s>%s</text>", x, y, size, anchor, weight, FONT,
                transform == null ? "" : " transform=\"" + transform + "\"", escape(t));
    }

    /** 1,234.5 or 12.3: one decimal, thousands separated. */
    static String number(double v) {
        return String.format(Locale.UK, "%,.1f", v);
    }

    /** The next round number at or above v, for an axis. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
