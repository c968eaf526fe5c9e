package org.peel.partners;

import java.util.Map;

/**
 * The partners capability's own settings.
 *
 * @param renewalWarningDays how many days before an agreement's review date its owner is told it will lapse;
 *                           default 60 ({@code PEEL_AGREEMENT_WARNING_DAYS})
 */
public record PartnersSettings(int renewalWarningDays) {

    public static PartnersSettings from(Map<String, String> environment) {
        String text = environment.get("PEEL_AGREEMENT_WARNING_DAYS");
        if (text == null || text.isBlank()) {
            return new PartnersSettings(60);
        }
        try {
            return new PartnersSettings(Integer.parseInt(text.trim()));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("PEEL_AGREEMENT_WARNING_DAYS must be a whole number, not '" + text + "'");
        }
    }
}
