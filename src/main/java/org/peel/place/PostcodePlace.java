package org.peel.place;

/**
 * Where a postcode lies, as the postcode directory holds it: its ward, LSOA (null when the directory gives none) and
 * borough, and a point to map it by (null when no LSOA of the ward has a centroid).
 */
public record PostcodePlace(String postcode, String wardCode, String wardName, String lsoaCode, String boroughCode,
                            Double latitude, Double longitude) {
}
