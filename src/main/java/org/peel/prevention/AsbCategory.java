package org.peel.prevention;

/** The three NSIR 2011 ASB categories (reference/standards.md §3.1). */
public enum AsbCategory {
    PERSONAL("Personal", "Aimed at, or affecting, a particular person or group"),
    NUISANCE("Nuisance", "Trouble or annoyance to the community at large"),
    ENVIRONMENTAL("Environmental", "Aimed at the surroundings: public spaces, buildings");

    private final String label;
    private final String description;

    AsbCategory(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** As stored: {@code personal}, {@code nuisance}, {@code environmental}. */
    public String code() {
        return name().toLowerCase();
    }

    public static AsbCategory fromCode(String code) {
        return valueOf(code.strip().toUpperCase());
    }
}
