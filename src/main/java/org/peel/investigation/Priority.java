package org.peel.investigation;

/** Investigative priority from screening; the weight is what one such crime adds to an investigator's caseload. */
public enum Priority {
    HIGH(3), MEDIUM(2), ROUTINE(1);

    private final int defaultWeight;

    Priority(int defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public int defaultWeight() {
        return defaultWeight;
    }
}
