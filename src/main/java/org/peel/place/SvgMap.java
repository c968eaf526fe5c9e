package org.peel.place;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Locale;
import java.util.Map;

/**
 * Draws areas as an SVG map, server-side, so the same picture serves the screen and a PDF. Longitude is
 * scaled by the cosine of the latitude so that London does not look stretched.
 */
public final class SvgMap {

    private SvgMap() {
    }

    /** One area to draw: its boundary, a link, a label for its tooltip, and a CSS class for its fill. */
    public record Area(Geometry boundary, String link, String label, String cssClass) {
    }

    public static String draw(Map<String, Area> areas, int width) {
        Envelope all = new Envelope();
        areas.values().forEach(a -> all.expandToInclude(a.boundary().getEnvelopeInternal()));
        if (all.isNull()) {
            return "";
        }
        double xScale = Math.cos(Math.toRadians(all.centre().y));
        double w = all.getWidth() * xScale;
        double h = all.getHeight();
        double scale = width / Math.max(w, 1e-9);
        int height = (int) Math.ceil(h * scale);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"peel-map\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Map\">",
                width, height));
        for (Map.Entry<String, Area> e : areas.entrySet()) {
            Area a = e.getValue();
            svg.append("<a href=\"").append(escape(a.link())).append("\"><path class=\"")
                    .append(escape(a.cssClass())).append("\" data-code=\"").append(escape(e.getKey())).append("\" d=\"");
            for (int i = 0; i < a.boundary().getNumGeometries(); i++) {
                Geometry part = a.boundary().getGeometryN(i);
                if (part instanceof Polygon p) {
                    ring(svg, p.getExteriorRing().getCoordinates(), all, xScale, scale);
                    for (int r = 0; r < p.getNumInteriorRing(); r++) {
                        ring(svg, p.getInteriorRingN(r).getCoordinates(), all, xScale, scale);
                    }
                }
            }
            svg.append("\"><title>").append(escape(a.label())).append("</title></path></a>");
        }
        return svg.append("</svg>").toString();
    }

    private static void ring(StringBuilder svg, Coordinate[] coords, Envelope all, double xScale, double scale) {
        for (int i = 0; i < coords.length; i++) {
            double x = (coords[i].x - all.getMinX()) * xScale * scale;
            double y = (all.getMaxY() - coords[i].y) * scale;
            svg.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        svg.append('Z');
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
