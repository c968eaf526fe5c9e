package org.peel.place;

/** A borough with how many wards and LSOAs Peel holds for it. */
public record BoroughSummary(Borough borough, int wards, int lsoas) {
}
