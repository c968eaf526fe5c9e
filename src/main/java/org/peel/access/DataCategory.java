package org.peel.access;

import java.util.Locale;

/**
 * The kinds of personal data an information-sharing agreement may name. A share carries only the categories its
 * agreement names; everything else is withheld before it leaves the force.
 */
public enum DataCategory {
    IDENTITY("names, date of birth and sex"),
    CONTACT("address, postcode and telephone"),
    INCIDENT("what happened, where and when"),
    OFFENDING("crimes, suspects and outcomes"),
    VULNERABILITY("risk and vulnerability assessments"),
    HEALTH("injuries and health information"),
    INTELLIGENCE("intelligence and gang assessments");

    private final String description;

    DataCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The category as typed and stored: {@code identity}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataCategory fromSlug(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DataCategory c : values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown data category '" + text + "'; categories are: "
                + String.join(", ", java.util.Arrays.stream(values()).map(DataCategory::slug).toList()));
    }
}
