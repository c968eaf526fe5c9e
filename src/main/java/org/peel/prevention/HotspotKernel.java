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

    /**
     * Each point's weight times the probability that a Gaussian of the given standard deviation centred on it falls
     * in the cell: the exact integral over the cell's square (a product of two differences of the normal
     * distribution function), not the density at its centre, so that a spread much narrower than a cell still puts
     * all of its weight in the point's own cell. Cut off four standard deviations beyond the point's cell.
     */
    static double[] gaussianIntegral(HotspotHistory history, double[] pointWeights, double sd) {
        HotspotGrid grid = history.grid();
        HotspotStudy study = history.study();
        double[] surface = new double[grid.cellCount()];
        double size = grid.cellMetres();
        double reach = 4 * sd;
        double[] fx = new double[grid.columns()];
        double[] fy = new double[grid.rows()];
        for (int p = 0; p < pointWeights.length; p++) {
            double w = pointWeights[p];
            if (w == 0) {
                continue;
            }
            double x = study.pointX(p);
            double y = study.pointY(p);
            int c0 = grid.column(x - reach);
            int c1 = grid.column(x + reach);
            int r0 = grid.row(y - reach);
            int r1 = grid.row(y + reach);
            for (int c = c0; c <= c1; c++) {
                double left = grid.originX() + c * size;
                fx[c] = normal((left + size - x) / sd) - normal((left - x) / sd);
            }
            for (int r = r0; r <= r1; r++) {
                double bottom = grid.originY() + r * size;
                fy[r] = normal((bottom + size - y) / sd) - normal((bottom - y) / sd);
            }
            for (int r = r0; r <= r1; r++) {
                int base = r * grid.columns();
                double wy = w * fy[r];
                for (int c = c0; c <= c1; c++) {
                    surface[base + c] += wy * fx[c];
                }
            }
        }
        return surface;
    }

    /** The standard normal distribution function, by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double normal(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double k = 1 / (1 + 0.3275911 * x);
        double erf = 1 - k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027
                + k * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
