package org.peel.organisedcrime;

import java.util.Locale;

/** The most serious violence a group is known for, as the scoring file and the register record it. */
public enum Violence {
    NONE("none", "None known"),
    THREATENED("threatened", "Threatened"),
    USED("used", "Used"),
    SERIOUS("serious", "Serious violence");

    private final String code;
    private final String label;

    Violence(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The level for its code ({@code none}, {@code threatened}, {@code used}, {@code serious}); null when unknown. */
    public static Violence fromCode(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Violence v : values()) {
            if (v.code.equals(key)) {
                return v;
            }
        }
        return null;
    }
}
