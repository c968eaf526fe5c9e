package org.peel.opendata;

import org.locationtech.jts.geom.Envelope;
import org.peel.place.LsoaArea;

import java.util.BitSet;
import java.util.Collection;

/**
 * Where a point could possibly be placed: near an LSOA centroid or inside the envelope of a boundary Peel holds.
 * police.uk files carry points in Scotland and Northern Ireland with no LSOA; searching outward from each for the
 * nearest English or Welsh centroid, only to find it too far, was most of the cost of placing points. A point whose
 * cell and the two rings of cells around it hold no centroid and touch no boundary is two whole cells from every
 * centroid: 0.2° of latitude (22 km) or 0.3° of longitude (17 km even at 58.5° north), beyond the importer's 10 km, and outside every boundary: it cannot be placed, and is not searched for.
 */
final class PointReach {

    private static final double CELL_LAT = 0.1;
    private static final double CELL_LON = 0.15;
    private static final int RINGS = 2;
    private static final double MIN_LAT = 45;
    private static final double MAX_LAT = 62;
    private static final double MIN_LON = -12;
    private static final double MAX_LON = 5;
    private static final int ROWS = (int) Math.ceil((MAX_LAT - MIN_LAT) / CELL_LAT);
    private static final int COLS = (int) Math.ceil((MAX_LON - MIN_LON) / CELL_LON);

    private final BitSet near = new BitSet(ROWS * COLS);

    PointReach(Collection<LsoaArea> areas) {
        BitSet held = new BitSet(ROWS * COLS);
        for (LsoaArea a : areas) {
            if (!Double.isNaN(a.centroidLat()) && !Double.isNaN(a.centroidLon())) {
                mark(held, a.centroidLat(), a.centroidLat(), a.centroidLon(), a.centroidLon());
            }
            if (a.boundary() != null) {
                Envelope e = a.boundary().getEnvelopeInternal();
                mark(held, e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
            }
        }
        for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
            int r = i / COLS;
            int c = i % COLS;
            for (int y = Math.max(0, r - RINGS); y <= Math.min(ROWS - 1, r + RINGS); y++) {
                for (int x = Math.max(0, c - RINGS); x <= Math.min(COLS - 1, c + RINGS); x++) {
                    near.set(y * COLS + x);
                }
            }
        }
    }

    private static void mark(BitSet cells, double lat0, double lat1, double lon0, double lon1) {
        if (lat1 < MIN_LAT || lat0 >= MAX_LAT || lon1 < MIN_LON || lon0 >= MAX_LON) {
            return;
        }
        for (int y = row(Math.max(lat0, MIN_LAT)); y <= row(Math.min(lat1, MAX_LAT - 1e-9)); y++) {
            for (int x = col(Math.max(lon0, MIN_LON)); x <= col(Math.min(lon1, MAX_LON - 1e-9)); x++) {
                cells.set(y * COLS + x);
            }
        }
    }

    /** False when the point is certainly too far from every LSOA Peel holds to be placed. */
    boolean mayPlace(double lat, double lon) {
        if (!(lat >= MIN_LAT && lat < MAX_LAT && lon >= MIN_LON && lon < MAX_LON)) {
            return false;
        }
        return near.get(row(lat) * COLS + col(lon));
    }

    private static int row(double lat) {
        return (int) ((lat - MIN_LAT) / CELL_LAT);
    }

    private static int col(double lon) {
        return (int) ((lon - MIN_LON) / CELL_LON);
    }
}
