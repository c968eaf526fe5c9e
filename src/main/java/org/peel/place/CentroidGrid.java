package org.peel.place;

import java.util.ArrayList;
import java.util.List;

/**
 * LSOA centroids in a grid of square cells, for finding the one nearest a point on the ground.
 * <p>
 * Cells are {@link #CELL} degrees of latitude tall and as wide in longitude shrunk by cos 52.5° (the middle of
 * England and Wales), so they are roughly square on the ground. The search looks at rings of cells around the
 * point, measuring each centroid by great-circle distance, and stops once no unvisited cell can hold anything nearer.
 * That makes the answer exact, not approximate, and for 30,000 centroids takes a microsecond or two.
 */
final class CentroidGrid {

    /** About 2.2 km: a few dozen LSOAs a cell in towns, none in open country. */
    static final double CELL = 0.02;
    private static final double LON_SCALE = Math.cos(Math.toRadians(52.5));
    private static final double METRES_PER_DEGREE = Math.PI * 6_371_008.8 / 180;

    private final LsoaArea[][] cells;
    private final int cols;
    private final int rows;
    private final double minX;
    private final double minY;
    private final double maxAbsLat;
    private final int size;

    CentroidGrid(List<LsoaArea> areas) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double absLat = 0;
        for (LsoaArea a : areas) {
            x0 = Math.min(x0, x(a.centroidLon()));
            x1 = Math.max(x1, x(a.centroidLon()));
            y0 = Math.min(y0, a.centroidLat());
            y1 = Math.max(y1, a.centroidLat());
            absLat = Math.max(absLat, Math.abs(a.centroidLat()));
        }
        this.size = areas.size();
        this.minX = areas.isEmpty() ? 0 : x0;
        this.minY = areas.isEmpty() ? 0 : y0;
        this.maxAbsLat = absLat;
        this.cols = areas.isEmpty() ? 1 : (int) ((x1 - x0) / CELL) + 1;
        this.rows = areas.isEmpty() ? 1 : (int) ((y1 - y0) / CELL) + 1;
        List<List<LsoaArea>> lists = new ArrayList<>(cols * rows);
        for (int i = 0; i < cols * rows; i++) {
            lists.add(null);
        }
        for (LsoaArea a : areas) {
            int i = row(a.centroidLat()) * cols + col(a.centroidLon());
            if (lists.get(i) == null) {
                lists.set(i, new ArrayList<>(4));
            }
            lists.get(i).add(a);
        }
        this.cells = new LsoaArea[cols * rows][];
        for (int i = 0; i < lists.size(); i++) {
            cells[i] = lists.get(i) == null ? null : lists.get(i).toArray(LsoaArea[]::new);
        }
    }

    int size() {
        return size;
    }

    /** The LSOA whose centroid is nearest, ties to the lower code, with the distance; null when the grid is empty. */
    Nearest nearest(double lat, double lon) {
        if (size == 0) {
            return null;
        }
        int cx = col(lon);
        int cy = row(lat);
        // ground metres per plane unit can be no less than this anywhere the point or a centroid lies
        double highest = Math.min(89.0, Math.max(maxAbsLat, Math.abs(lat)) + CELL);
        // and 2% off that for the curvature the flat grid ignores over long distances
        double metresPerUnit = 0.98 * METRES_PER_DEGREE
                * Math.min(1.0, Math.cos(Math.toRadians(highest)) / LON_SCALE);
        LsoaArea best = null;
        double bestMetres = Double.POSITIVE_INFINITY;
        int maxRing = Math.max(Math.max(cx, cols - 1 - cx), Math.max(cy, rows - 1 - cy));
        for (int r = 0; r <= maxRing; r++) {
            for (int y = cy - r; y <= cy + r; y++) {
                if (y < 0 || y >= rows) {
                    continue;
                }
                boolean edgeRow = y == cy - r || y == cy + r;
                int step = edgeRow ? 1 : 2 * r;
                for (int x = cx - r; x <= cx + r; x += Math.max(step, 1)) {
                    if (x < 0 || x >= cols) {
                        continue;
                    }
                    LsoaArea[] cell = cells[y * cols + x];
                    if (cell == null) {
                        continue;
                    }
                    for (LsoaArea a : cell) {
                        double m = AreaIndex.metres(lat, lon, a.centroidLat(), a.centroidLon());
                        if (m < bestMetres || (m == bestMetres && a.lsoa().code().compareTo(best.lsoa().code()) < 0)) {
                            best = a;
                            bestMetres = m;
                        }
                    }
                }
            }
            // every cell not yet visited is at least r whole cells from the point's own cell
            if (best != null && bestMetres < r * CELL * metresPerUnit) {
                break;
            }
        }
        return new Nearest(best, bestMetres);
    }

    record Nearest(LsoaArea area, double metres) {
    }

    private int col(double lon) {
        return clamp((int) Math.floor((x(lon) - minX) / CELL), cols);
    }

    private int row(double lat) {
        return clamp((int) Math.floor((lat - minY) / CELL), rows);
    }

    private static double x(double lon) {
        return lon * LON_SCALE;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
