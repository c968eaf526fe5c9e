package org.peel.prevention;

import java.util.List;

/**
 * A square grid in metres over a force. Longitude and latitude are projected with a local equirectangular projection
 * centred on the median of the force's points (so that the few incidents police.uk places far away do not move it):
 * x = R·Δλ·cos φ₀, y = R·Δφ. The east-west scale drifts by tan φ₀·Δφ away from the centre, about 1% per 50 km north or
 * south in England, so a 250 m cell 50 km from the centre is 2.5 m off square: no datum shift or projection library to
 * get wrong, and accurate enough for cells of this size. Cell ids run row by row from the south-west corner.
 *
 * @param centreLongitude λ₀ in degrees, the median longitude
 * @param centreLatitude  φ₀ in degrees
 * @param cellMetres      side of a cell
 * @param originX         west edge of column 0, metres
 * @param originY         south edge of row 0, metres
 * @param columns         cells west to east
 * @param rows            cells south to north
 */
public record HotspotGrid(double centreLongitude, double centreLatitude, double cellMetres, double originX,
                          double originY, int columns, int rows) {

    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS = 6_371_008.8;
    private static final double METRES_PER_DEGREE = EARTH_RADIUS * Math.PI / 180;

    public HotspotGrid {
        if (!(cellMetres >= 10 && cellMetres <= 10_000)) {
            throw new IllegalArgumentException("--cell-metres must be between 10 and 10000, not " + cellMetres);
        }
    }

    /** The smallest grid holding every incident. */
    public static HotspotGrid covering(List<HotspotIncident> incidents, double cellMetres) {
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("No rows with a location to build a grid from");
        }
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (HotspotIncident i : incidents) {
            minLon = Math.min(minLon, i.longitude());
            maxLon = Math.max(maxLon, i.longitude());
            minLat = Math.min(minLat, i.latitude());
            maxLat = Math.max(maxLat, i.latitude());
        }
        double lon0 = median(incidents.stream().mapToDouble(HotspotIncident::longitude).toArray());
        double lat0 = median(incidents.stream().mapToDouble(HotspotIncident::latitude).toArray());
        double cos = Math.cos(Math.toRadians(lat0));
        double minX = (minLon - lon0) * cos * METRES_PER_DEGREE;
        double maxX = (maxLon - lon0) * cos * METRES_PER_DEGREE;
        double minY = (minLat - lat0) * METRES_PER_DEGREE;
        double maxY = (maxLat - lat0) * METRES_PER_DEGREE;
        int columns = (int) Math.floor((maxX - minX) / cellMetres) + 1;
        int rows = (int) Math.floor((maxY - minY) / cellMetres) + 1;
        if ((long) columns * rows > 50_000_000L) {
            throw new IllegalArgumentException("The grid would have " + (long) columns * rows
                    + " cells; use larger cells or fewer forces");
        }
        return new HotspotGrid(lon0, lat0, cellMetres, minX, minY, columns, rows);
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }

    public int cellCount() {
        return columns * rows;
    }

    public double x(double longitude) {
        return (longitude - centreLongitude) * Math.cos(Math.toRadians(centreLatitude)) * METRES_PER_DEGREE;
    }

    public double y(double latitude) {
        return (latitude - centreLatitude) * METRES_PER_DEGREE;
    }

    public int column(double x) {
        return Math.max(0, Math.min(columns - 1, (int) Math.floor((x - originX) / cellMetres)));
    }

    public int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - originY) / cellMetres)));
    }

    public int cell(double x, double y) {
        return row(y) * columns + column(x);
    }

    /**
     * The cell holding a point, or −1 when the point lies outside the grid. {@link #cell} clamps to the edge, which
     * suits drawing; judging a forecast must not, since a test incident beyond the grid is one no cell predicted.
     */
    public int cellWithin(double x, double y) {
        double c = Math.floor((x - originX) / cellMetres);
        double r = Math.floor((y - originY) / cellMetres);
        if (c < 0 || c >= columns || r < 0 || r >= rows) {
            return -1;
        }
        return (int) r * columns + (int) c;
    }

    public double centreX(int column) {
        return originX + (column + 0.5) * cellMetres;
    }

    public double centreY(int row) {
        return originY + (row + 0.5) * cellMetres;
    }

    /** Longitude of a projected x, for drawing cells back on a map. */
    public double longitude(double x) {
        return centreLongitude + x / (Math.cos(Math.toRadians(centreLatitude)) * METRES_PER_DEGREE);
    }

    public double latitude(double y) {
        return centreLatitude + y / METRES_PER_DEGREE;
    }
}
