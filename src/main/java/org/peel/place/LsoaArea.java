package org.peel.place;

import org.locationtech.jts.geom.Geometry;

/**
 * An LSOA with where it is: its boundary in WGS84 longitude/latitude where Peel holds one (London), and its
 * centroid, which Peel holds for all of England and Wales.
 *
 * @param boundary polygon or multipolygon, x = longitude, y = latitude; null when only the centroid is known
 * @param centroidLat latitude of the centroid; NaN when unknown (and then so is the longitude)
 */
public record LsoaArea(Lsoa lsoa, Geometry boundary, double centroidLat, double centroidLon) {
    public boolean hasBoundary() {
        return boundary != null;
    }
}
