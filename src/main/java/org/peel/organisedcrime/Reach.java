package org.peel.organisedcrime;

import java.util.Locale;

/** How far a group's criminality reaches. */
public enum Reach {
    LOCAL("local", "Local"),
    REGIONAL("regional", "Regional"),
    NATIONAL("national", "National"),
    INTERNATIONAL("international", "International");

    private final String code;
    private final String label;

    Reach(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The reach for its code; null when unknown. */
    public static Reach fromCode(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Reach r : values()) {
            if (r.code.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
