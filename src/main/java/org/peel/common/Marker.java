package org.peel.common;

/**
 * Whether a force's figure differs markedly from England and Wales's: by at least the threshold, as a share of the
 * England and Wales figure. A pure rule: the figures in, the decision and its reason out.
 */
public enum Marker {
    HIGHER("markedly higher than England and Wales"),
    LOWER("markedly lower than England and Wales"),
    NONE("not markedly different from England and Wales");

    private final String meaning;

    Marker(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** How far apart, as a share of England and Wales's figure, a figure must be to be marked unless set otherwise. */
    public static final double DEFAULT_THRESHOLD_PCT = 20;

    /** The decision and why. */
    public record Decision(Marker marker, String reason) {
    }

    /**
     * {@code |force − ew| ÷ ew × 100 ≥ thresholdPct} marks the figure higher or lower; no mark where either figure
     * is missing or England and Wales's is zero (a share of nothing means nothing).
     */
    public static Decision of(Double force, Double englandAndWales, double thresholdPct) {
        if (force == null || englandAndWales == null) {
            return new Decision(NONE, "no comparison: a figure is missing");
        }
        if (englandAndWales == 0) {
            return new Decision(NONE, "no comparison: England and Wales's figure is zero");
        }
        double differencePct = (force - englandAndWales) / Math.abs(englandAndWales) * 100;
        String said = String.format(java.util.Locale.UK, "%+.1f%% against England and Wales (marked at %.0f%%)",
                differencePct, thresholdPct);
        if (differencePct >= thresholdPct) {
            return new Decision(HIGHER, said);
        }
        if (differencePct <= -thresholdPct) {
            return new Decision(LOWER, said);
        }
        return new Decision(NONE, said);
    }
}
