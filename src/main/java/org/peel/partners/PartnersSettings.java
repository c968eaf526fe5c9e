package org.peel.partners;

import org.peel.common.Settings;

import java.util.Map;

/**
 * The partners capability's own settings.
 *
 * @param renewalWarningDays how many days before an agreement's review date its owner is told it will lapse;
 *                           default 60 ({@code PEEL_AGREEMENT_WARNING_DAYS})
 */
public record PartnersSettings(int renewalWarningDays) {

    public static PartnersSettings from(Map<String, String> environment) {
        return new PartnersSettings(Settings.number(environment, "PEEL_AGREEMENT_WARNING_DAYS", 60));
    }
}
