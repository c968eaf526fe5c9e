package org.peel.place;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Places a WGS84 point in its LSOA, and so its ward and borough.
 * <p>
 * Where Peel holds LSOA boundaries (London) the point is tested against the few polygons whose bounding boxes
 * contain it (an STR-tree), each prepared so that repeated tests are fast. A point on an edge shared by two LSOAs
 * belongs to the one with the lower code, so the answer never depends on the order areas were loaded.
 * <p>
 * The published LSOA boundaries leave gaps: slivers between neighbours, and the Thames, which lies outside every
 * London LSOA for much of its length. So the index also holds the area the boundaries cover with every gap
 * narrower than about a kilometre filled in (the union of the boundaries, closed: grown by
 * {@link #GAP_DEGREES} then shrunk by as much). A point in a gap goes to the nearest boundary; the price is that a
 * point just outside London, in a notch of its outline narrower than that, is placed in London. Anywhere else the
 * answer is the LSOA with the nearest centroid, among those whose boundary Peel does not hold: a boundary held is
 * authoritative, so a point outside it is not in that LSOA. Each {@link PlaceMatch} says which of the three decided
 * it.
 * <p>
 * Once built it can be shared between threads: the polygon tree and the {@link CentroidGrid} are built up front
 * and JTS's prepared polygons build their own lazy indexes under a lock.
 */
public final class AreaIndex {

    /**
     * Half the width, in degrees, of the widest gap between boundaries that is treated as inside them: 0.006° is
     * about 670 m north to south and 410 m east to west in London, so the Thames (at most about 1 km wide inside
     * London) is filled while the outer edge of the boundaries stays where it is.
     */
    public static final double GAP_DEGREES = 0.006;

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private record Bounded(LsoaArea area, PreparedGeometry prepared) {
    }

    private final STRtree polygons = new STRtree();
    private final PreparedGeometry covered;
    private final CentroidGrid centroids;
    private final int polygonCount;

    private AreaIndex(Collection<LsoaArea> areas) {
        int bounded = 0;
        for (LsoaArea a : areas) {
            if (a.hasBoundary()) {
                polygons.insert(a.boundary().getEnvelopeInternal(),
                        new Bounded(a, PreparedGeometryFactory.prepare(a.boundary())));
                bounded++;
            }
        }
        this.covered = bounded == 0 ? null : PreparedGeometryFactory.prepare(closedCoverage(areas));
        boolean everyAreaBounded = bounded == areas.size();
        List<LsoaArea> byCentroid = new ArrayList<>();
        for (LsoaArea a : areas) {
            if (!Double.isNaN(a.centroidLat()) && (!a.hasBoundary() || everyAreaBounded)) {
                byCentroid.add(a);
            }
        }
        polygons.build();
        this.centroids = new CentroidGrid(byCentroid);
        this.polygonCount = bounded;
    }

    /** An index over the given LSOAs; an LSOA with a boundary and no centroid still counts in polygon tests. */
    public static AreaIndex of(Collection<LsoaArea> areas) {
        return new AreaIndex(areas);
    }

    /** An index over every LSOA in the database with a boundary or a centroid. */
    public static AreaIndex load(PlaceStore store) {
        return new AreaIndex(store.lsoaAreas());
    }

    /** LSOAs placed by boundary. */
    public int polygonCount() {
        return polygonCount;
    }

    /** LSOAs placed by nearest centroid, for points outside the area the boundaries cover. */
    public int centroidCount() {
        return centroids.size();
    }

    /** Where the point falls; empty only when the index holds nothing. */
    public Optional<PlaceMatch> locate(double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            return Optional.empty();
        }
        Point point = PlaceStore.WGS84.createPoint(new Coordinate(lon, lat));
        LsoaArea inside = null;
        for (Object o : polygons.query(point.getEnvelopeInternal())) {
            Bounded b = (Bounded) o;
            if ((inside == null || b.area().lsoa().code().compareTo(inside.lsoa().code()) < 0)
                    && b.prepared().covers(point)) {
                inside = b.area();
            }
        }
        if (inside != null) {
            return Optional.of(match(inside, PlaceMatch.Method.POLYGON, 0));
        }
        if (covered != null && covered.covers(point)) {
            Optional<PlaceMatch> near = nearestBoundary(point, lat, lon);
            if (near.isPresent()) {
                return near;
            }
        }
        return nearestCentroid(lat, lon);
    }

    /** The boundary nearest a point in a gap; a gap is at most 2 × {@link #GAP_DEGREES} across. */
    private Optional<PlaceMatch> nearestBoundary(Point point, double lat, double lon) {
        double reach = 2 * GAP_DEGREES;
        Envelope around = new Envelope(lon - reach, lon + reach, lat - reach, lat + reach);
        LsoaArea best = null;
        double bestMetres = Double.POSITIVE_INFINITY;
        for (Object o : polygons.query(around)) {
            LsoaArea a = ((Bounded) o).area();
            Coordinate nearest = DistanceOp.nearestPoints(a.boundary(), point)[0];
            double metres = metres(lat, lon, nearest.y, nearest.x);
            if (metres < bestMetres || (metres == bestMetres && a.lsoa().code().compareTo(best.lsoa().code()) < 0)) {
                best = a;
                bestMetres = metres;
            }
        }
        return best == null ? Optional.empty() : Optional.of(match(best, PlaceMatch.Method.NEAR_BOUNDARY, bestMetres));
    }

    private Optional<PlaceMatch> nearestCentroid(double lat, double lon) {
        CentroidGrid.Nearest nearest = centroids.nearest(lat, lon);
        return nearest == null ? Optional.empty()
                : Optional.of(match(nearest.area(), PlaceMatch.Method.NEAREST_CENTROID, nearest.metres()));
    }

    /**
     * The union of all boundaries with gaps up to 2 × {@link #GAP_DEGREES} filled. LSOA boundaries form a coverage
     * (neighbours share edges), which the fast coverage union exploits; the published edges do not always match
     * exactly, so its result is repaired before it is buffered.
     */
    private static Geometry closedCoverage(Collection<LsoaArea> areas) {
        List<Geometry> boundaries = new ArrayList<>();
        for (LsoaArea a : areas) {
            if (a.hasBoundary()) {
                boundaries.add(a.boundary());
            }
        }
        Geometry all = PlaceStore.WGS84.buildGeometry(boundaries);
        Geometry union;
        try {
            union = CoverageUnion.union(all);
            if (!union.isValid()) {
                union = GeometryFixer.fix(union);
            }
        } catch (RuntimeException notACoverage) {
            union = UnaryUnionOp.union(boundaries);
        }
        return union.buffer(GAP_DEGREES).buffer(-GAP_DEGREES);
    }

    private static PlaceMatch match(LsoaArea a, PlaceMatch.Method method, double metres) {
        return new PlaceMatch(a.lsoa().code(), a.lsoa().wardCode(), a.lsoa().boroughCode(), method, metres);
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** The point for a latitude and longitude, as the index's geometries expect it (x = longitude). */
    public static Geometry point(double lat, double lon) {
        return PlaceStore.WGS84.createPoint(new Coordinate(lon, lat));
    }
}
