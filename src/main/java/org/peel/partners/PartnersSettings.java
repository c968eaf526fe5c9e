package org.peel.partners;

import org.peel.common.Settings;

import java.util.Map;

/**
 * The partners capability's own settings.
 *
 * @param renewalWarningDays       how many days before an agreement's review date its owner is told it will lapse;
 *                                 default 60 ({@code PEEL_AGREEMENT_WARNING_DAYS})
 * @param partnersUpdateOwnActions whether a partner agency's account may update the status, note and completed date
 *                                 of its own agency's actions on a multi-agency case shared with it, so the police
 *                                 need not re-key them; default on ({@code PEEL_PARTNER_UPDATES_OWN_ACTIONS=false}
 *                                 keeps partners read-only). The decision is {@code AccessPolicy.decideActionChange}
 */
public record PartnersSettings(int renewalWarningDays, boolean partnersUpdateOwnActions) {

    public static PartnersSettings from(Map<String, String> environment) {
        return new PartnersSettings(Settings.number(environment, "PEEL_AGREEMENT_WARNING_DAYS", 60),
                Settings.flag(environment, "PEEL_PARTNER_UPDATES_OWN_ACTIONS", true));
    }
}
