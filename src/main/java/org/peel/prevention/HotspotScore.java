package org.peel.prevention;

/**
 * How often a forecast would have been right: of the test month's incidents, the share in the top cells.
 *
 * @param areaShare share of the study area flagged
 * @param cells     cells flagged, k = ⌈areaShare × area cells⌉
 * @param areaCells cells in the study area
 * @param hits      test incidents inside the flagged cells
 * @param incidents all test incidents
 */
public record HotspotScore(double areaShare, int cells, int areaCells, long hits, long incidents) {

    /** Hits ÷ incidents; NaN when the test month had no incidents of the type. */
    public double hitRate() {
        return incidents == 0 ? Double.NaN : (double) hits / incidents;
    }

    /** Predictive accuracy index: hit rate ÷ the share of the area actually flagged (k ÷ area cells). */
    public double pai() {
        return hitRate() / ((double) cells / areaCells);
    }
}
