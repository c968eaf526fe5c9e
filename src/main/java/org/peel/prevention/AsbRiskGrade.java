package org.peel.prevention;

/** The risk of harm to an ASB victim, as graded at the first call. */
public enum AsbRiskGrade {
    STANDARD("Standard"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    AsbRiskGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
