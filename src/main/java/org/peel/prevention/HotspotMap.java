package org.peel.prevention;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.Locale;
import java.util.Map;

/**
 * Draws a forecast as an SVG map, server-side: the study area's cells in grey, the flagged cells in red (darker for
 * higher rank), and over them a base map of ward boundaries (thin) and borough boundaries (thick), projected with
 * the grid's own projection so the cells and the boundaries line up. Everything is drawn in the grid's own metres, so cells are square on
 * screen as on the ground.
 */
public final class HotspotMap {

    private HotspotMap() {
    }

    /**
     * @param grid    the forecast's grid
     * @param area    the study area's cells
     * @param flagged the flagged cells, highest first
     * @param wards   ward boundaries in WGS84 by code, drawn where they overlap the grid
     * @param width   the picture's width in SVG units
     */
    public static String draw(HotspotGrid grid, int[] area, int[] flagged, Map<String, Geometry> wards, int width) {
        return draw(grid, area, flagged, wards, Map.of(), width);
    }

    /**
     * As {@link #draw(HotspotGrid, int[], int[], Map, int)}, with the boroughs' boundaries (WGS84, by code) drawn
     * thicker over the wards', so the map reads against the force's own divisions.
     */
    public static String draw(HotspotGrid grid, int[] area, int[] flagged, Map<String, Geometry> wards,
                              Map<String, Geometry> boroughs, int width) {
        // police.uk places a few of a force's incidents far outside it; framing the middle 99.8% of the area's
        // columns and rows keeps those strays from shrinking the force to a corner of the picture
        int[] cols = java.util.Arrays.stream(area).map(c -> c % grid.columns()).sorted().toArray();
        int[] rows = java.util.Arrays.stream(area).map(c -> c / grid.columns()).sorted().toArray();
        int c0 = area.length == 0 ? 0 : cols[(int) (0.001 * (cols.length - 1))];
        int c1 = area.length == 0 ? grid.columns() - 1 : cols[(int) Math.ceil(0.999 * (cols.length - 1))];
        int r0 = area.length == 0 ? 0 : rows[(int) (0.001 * (rows.length - 1))];
        int r1 = area.length == 0 ? grid.rows() - 1 : rows[(int) Math.ceil(0.999 * (rows.length - 1))];
        int pad = Math.max(2, Math.max(c1 - c0, r1 - r0) / 50);
        c0 = Math.max(0, c0 - pad);
        c1 = Math.min(grid.columns() - 1, c1 + pad);
        r0 = Math.max(0, r0 - pad);
        r1 = Math.min(grid.rows() - 1, r1 + pad);
        double h = grid.rows() * grid.cellMetres();
        // the frame in the grid's metres (y up): the force's boroughs when drawn, since a few stray incidents can
        // stretch a small force's cells into a strip; else the study area's cells
        double mx0 = c0 * grid.cellMetres();
        double mx1 = (c1 + 1) * grid.cellMetres();
        double my0 = r0 * grid.cellMetres();
        double my1 = (r1 + 1) * grid.cellMetres();
        if (!boroughs.isEmpty()) {
            mx0 = Double.MAX_VALUE;
            my0 = Double.MAX_VALUE;
            mx1 = -Double.MAX_VALUE;
            my1 = -Double.MAX_VALUE;
            for (Geometry g : boroughs.values()) {
                for (Coordinate c : g.getEnvelope().getCoordinates()) {
                    mx0 = Math.min(mx0, grid.x(c.x) - grid.originX());
                    mx1 = Math.max(mx1, grid.x(c.x) - grid.originX());
                    my0 = Math.min(my0, grid.y(c.y) - grid.originY());
                    my1 = Math.max(my1, grid.y(c.y) - grid.originY());
                }
            }
            double margin = 0.03 * Math.max(mx1 - mx0, my1 - my0);
            mx0 -= margin;
            mx1 += margin;
            my0 -= margin;
            my1 += margin;
        }
        // readable for any shape: no flatter than 1:2 and no taller than 3:2, the extra space shared either side
        double w = mx1 - mx0;
        double tall = my1 - my0;
        if (tall < w / 2) {
            my0 -= (w / 2 - tall) / 2;
            my1 += (w / 2 - tall) / 2;
        } else if (tall > w * 1.5) {
            mx0 -= (tall / 1.5 - w) / 2;
            mx1 += (tall / 1.5 - w) / 2;
        }
        double scale = width / (mx1 - mx0);
        double left = mx0 * scale;
        double top = (h - my1) * scale;
        int height = (int) Math.ceil((my1 - my0) * scale);
        StringBuilder svg = new StringBuilder(64 * (area.length + flagged.length));
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"peel-map\""
                + " viewBox=\"%.1f %.1f %d %d\" role=\"img\" aria-label=\"Forecast hotspot cells over ward"
                + " boundaries\">", left, top, width, height));
        double side = grid.cellMetres() * scale;
        // one path for all the study area keeps the page small even for a county of several thousand cells
        svg.append("<path fill=\"#dee0e2\" d=\"");
        for (int cell : area) {
            square(svg, grid, cell, scale, h, side);
        }
        svg.append("\"/>");
        for (int rank = 0; rank < flagged.length; rank++) {
            int cell = flagged[rank];
            double darkness = flagged.length == 1 ? 1 : 1 - (double) rank / (flagged.length - 1);
            svg.append(String.format(Locale.ROOT, "<path fill=\"#d4351c\" fill-opacity=\"%.2f\" data-rank=\"%d\" d=\"",
                    0.45 + 0.55 * darkness, rank + 1));
            square(svg, grid, cell, scale, h, side);
            svg.append("\"><title>Rank ").append(rank + 1).append("</title></path>");
        }
        outlines(svg, grid, wards, scale, h, "#1d70b8", 0.8, "ward");
        outlines(svg, grid, boroughs, scale, h, "#0b0c0c", 2, "borough");
        return svg.append("</svg>").toString();
    }

    private static void outlines(StringBuilder svg, HotspotGrid grid, Map<String, Geometry> areas, double scale,
                                 double h, String colour, double width, String kind) {
        for (Map.Entry<String, Geometry> area : areas.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\""
                            + " vector-effect=\"non-scaling-stroke\" data-kind=\"%s\" data-code=\"", colour, width, kind))
                    .append(escape(area.getKey())).append("\" d=\"");
            Geometry g = area.getValue();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    ring(svg, grid, p.getExteriorRing().getCoordinates(), scale, h);
                }
            }
            svg.append("\"><title>").append(escape(area.getKey())).append("</title></path>");
        }
    }

    private static void square(StringBuilder svg, HotspotGrid grid, int cell, double scale, double h, double side) {
        int col = cell % grid.columns();
        int row = cell / grid.columns();
        double x = col * grid.cellMetres() * scale;
        double y = (h - (row + 1) * grid.cellMetres()) * scale;
        svg.append(String.format(Locale.ROOT, "M%.1f %.1fh%.2fv%.2fh-%.2fZ", x, y, side, side, side));
    }

    private static void ring(StringBuilder svg, HotspotGrid grid, Coordinate[] coords, double scale, double h) {
        for (int i = 0; i < coords.length; i++) {
            double x = (grid.x(coords[i].x) - grid.originX()) * scale;
            double y = (h - (grid.y(coords[i].y) - grid.originY())) * scale;
            // rounded before formatting, so that a hair below zero is written "0.0", not "-0.0"
            svg.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", Math.round(x * 10) / 10.0,
                    Math.round(y * 10) / 10.0));
        }
        svg.append('Z');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The longitude-latitude box the grid covers, for choosing which boundaries to draw. */
    public static org.locationtech.jts.geom.Envelope envelope(HotspotGrid grid) {
        return new org.locationtech.jts.geom.Envelope(grid.longitude(grid.originX()),
                grid.longitude(grid.originX() + grid.columns() * grid.cellMetres()), grid.latitude(grid.originY()),
                grid.latitude(grid.originY() + grid.rows() * grid.cellMetres()));
    }
}
