package org.peel.synthetic;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where records happen. Areas are drawn by police.uk's real pattern for the crime type where the force has
 * police.uk data, otherwise by population times a fixed per-area attractiveness: real crime is far more
 * concentrated than residents are (town centres, transport hubs), and population alone would hide hotspots.
 */
final class Places {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final List<Area> areas;
    private final PreparedGeometry[] prepared;
    private final Weighted base;
    private final Map<String, Weighted> byType = new HashMap<>();

    Places(ForceSpec force, SyntheticSettings settings, SplittableRandom rnd) {
        this.areas = force.areas();
        this.prepared = new PreparedGeometry[areas.size()];
        double[] w = new double[areas.size()];
        for (int i = 0; i < w.length; i++) {
            double attractiveness = settings.areaConcentration() == 0 ? 1
                    : StrictMath.exp(settings.areaConcentration() * Mix.gaussian(rnd));
            w[i] = Math.max(1, areas.get(i).population()) * attractiveness;
        }
        base = new Weighted(w);
        force.spatialPattern().forEach((type, weights) -> byType.put(type, new Weighted(weights)));
    }

    /** An area for a record of the police.uk type (null or unknown: the population-based pattern). */
    int draw(String policeUkType, SplittableRandom rnd) {
        Weighted w = policeUkType == null ? null : byType.get(policeUkType);
        return (w != null ? w : base).draw(rnd);
    }

    Area area(int index) {
        return areas.get(index);
    }

    /** A point in the area: uniformly within its boundary if known, else scattered around its centroid. */
    double[] point(int area, SplittableRandom rnd) {
        Area a = areas.get(area);
        if (a.boundary() != null) {
            PreparedGeometry shape = prepared[area];
            if (shape == null) {
                shape = prepared[area] = PreparedGeometryFactory.prepare(a.boundary());
            }
            Envelope box = a.boundary().getEnvelopeInternal();
            for (int tries = 0; tries < 50; tries++) {
                double lon = box.getMinX() + rnd.nextDouble() * box.getWidth();
                double lat = box.getMinY() + rnd.nextDouble() * box.getHeight();
                if (shape.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                    return new double[]{lat, lon};
                }
            }
            Coordinate inside = a.boundary().getInteriorPoint().getCoordinate();
            return new double[]{inside.y, inside.x};
        }
        return near(a.latitude(), a.longitude(), a.spreadMetres(), rnd);
    }

    /** A point about {@code metres} from the given one. */
    static double[] near(double lat, double lon, double metres, SplittableRandom rnd) {
        double dLat = Mix.gaussian(rnd) * metres / 111_320.0;
        double dLon = Mix.gaussian(rnd) * metres / (111_320.0 * StrictMath.cos(StrictMath.toRadians(lat)));
        return new double[]{lat + dLat, lon + dLon};
    }
}
