package org.peel.place;

/** How much geography Peel holds, and how much of it has a boundary. */
public record PlaceCounts(int forceAreas, int boroughs, int boroughsWithBoundary, int wards, int wardsWithBoundary,
                          int lsoas, int lsoasWithBoundary, int lsoasWithCentroid) {
}
