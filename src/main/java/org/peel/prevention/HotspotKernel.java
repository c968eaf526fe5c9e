package org.peel.prevention;

/**
 * Spreads weighted points over grid cells. A kernel is evaluated at each cell's centre, from each distinct point
 * within its radius; surfaces are not normalised, since only the order of cells matters to a hotspot map.
 */
final class HotspotKernel {

    private HotspotKernel() {
    }

    /** The value a point adds to a cell at a given squared distance. */
    @FunctionalInterface
    interface Shape {
        double at(double distanceSquared);
    }

    /** A Gaussian of the given bandwidth (standard deviation), cut off at three bandwidths where it is below 1.2%. */
    static double[] gaussian(HotspotHistory history, double[] pointWeights, double bandwidth) {
        if (bandwidth <= 0) {
            return cellSums(history, pointWeights);
        }
        double twoSigmaSquared = 2 * bandwidth * bandwidth;
        return spread(history, pointWeights, 3 * bandwidth, d2 -> Math.exp(-d2 / twoSigmaSquared));
    }

    /** Each point's weight added to the cell it falls in: a histogram, no smoothing. */
    static double[] cellSums(HotspotHistory history, double[] pointWeights) {
        HotspotStudy study = history.study();
        double[] surface = new double[history.grid().cellCount()];
        for (int p = 0; p < pointWeights.length; p++) {
            if (pointWeights[p] != 0) {
                surface[study.pointCell(p)] += pointWeights[p];
            }
        }
        return surface;
    }

    static double[] spread(HotspotHistory history, double[] pointWeights, double radius, Shape shape) {
        HotspotGrid grid = history.grid();
        HotspotStudy study = history.study();
        double[] surface = new double[grid.cellCount()];
        double r2 = radius * radius;
        for (int p = 0; p < pointWeights.length; p++) {
            double w = pointWeights[p];
            if (w == 0) {
                continue;
            }
            double x = study.pointX(p);
            double y = study.pointY(p);
            int c0 = grid.column(x - radius);
            int c1 = grid.column(x + radius);
            int r0 = grid.row(y - radius);
            int r1 = grid.row(y + radius);
            for (int r = r0; r <= r1; r++) {
                double dy = grid.centreY(r) - y;
                int base = r * grid.columns();
                for (int c = c0; c <= c1; c++) {
                    double dx = grid.centreX(c) - x;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= r2) {
                        surface[base + c] += w * shape.at(d2);
                    }
                }
            }
        }
        return surface;
    }
}
