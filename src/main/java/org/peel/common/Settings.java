package org.peel.common;

import java.util.Locale;
import java.util.Map;

/**
 * Reading one setting from the configuration Peel started with: the default when the variable is unset or blank,
 * and a refusal naming the variable when its value cannot be read.
 */
public final class Settings {

    private Settings() {
    }

    /** A whole number, or {@code fallback} when unset. */
    public static int number(Map<String, String> environment, String name, int fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }

    /** {@code true}/{@code yes} or {@code false}/{@code no}, in any case, or {@code fallback} when unset. */
    public static boolean flag(Map<String, String> environment, String name, boolean fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        };
    }
}
