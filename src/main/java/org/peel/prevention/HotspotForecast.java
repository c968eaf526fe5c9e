package org.peel.prevention;

/**
 * A method's forecast: a score per grid cell (higher means more incidents expected), and a line saying how it was
 * made, e.g. the parameters a tuned method chose.
 */
public record HotspotForecast(double[] scores, String detail) {
}
