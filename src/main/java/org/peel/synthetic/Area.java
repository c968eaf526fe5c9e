package org.peel.synthetic;

import org.locationtech.jts.geom.Geometry;

/**
 * A small area records are placed in: an LSOA when the force's geography is available, otherwise a whole
 * borough. Points fall uniformly within its boundary where the boundary is known, otherwise they are
 * scattered around its centroid by {@code spreadMetres}.
 *
 * @param borough index into the force's borough list
 * @param population residents, used as the weight for placing people and (absent better data) records
 * @param boundary   WGS84 polygon (x longitude, y latitude), or null
 */
public record Area(int borough, String boroughCode, String wardCode, String lsoaCode,
                   double latitude, double longitude, double population, double spreadMetres,
                   Geometry boundary) {

    /** A borough (local authority, the usual BCU building block) of the force. */
    public record Borough(String code, String name) {
    }
}
