package org.peel.place;

/**
 * Where a point falls: its LSOA, ward and borough, and how that was decided.
 *
 * @param distanceMetres 0 for {@link Method#POLYGON}; otherwise how far the point is from what it was matched to
 */
public record PlaceMatch(String lsoaCode, String wardCode, String boroughCode, Method method, double distanceMetres) {

    /** How a point was placed, from most to least certain. */
    public enum Method {
        /** The point lies inside (or on the edge of) the LSOA's boundary. */
        POLYGON,
        /**
         * No boundary contains the point, but it lies in a gap among them (a sliver between neighbours, the Thames):
         * the nearest boundary wins.
         */
        NEAR_BOUNDARY,
        /** No boundary held near the point (outside London): the LSOA whose centroid is nearest. */
        NEAREST_CENTROID
    }
}
