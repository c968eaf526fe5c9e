package org.peel.partners;

import java.util.Map;

/**
 * The subject access deadline in calendar months: one (DPA 2018 s54 as widely cited; reference/standards.md §20.2
 * marks it PARTIAL), {@code PEEL_SAR_MONTHS} to change it.
 */
public record SubjectAccessSettings(int months) {

    public SubjectAccessSettings {
        if (months < 1) {
            throw new IllegalArgumentException("PEEL_SAR_MONTHS must be at least 1");
        }
    }

    public static SubjectAccessSettings from(Map<String, String> environment) {
        String text = environment.get("PEEL_SAR_MONTHS");
        if (text == null || text.isBlank()) {
            return new SubjectAccessSettings(1);
        }
        try {
            return new SubjectAccessSettings(Integer.parseInt(text.trim()));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("PEEL_SAR_MONTHS must be a whole number, not '" + text + "'");
        }
    }
}
