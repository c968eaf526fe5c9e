package org.peel.prevention;

import org.peel.common.BadInput;

import java.util.List;
import java.util.Locale;

/** The 14 police.uk street-level categories (13 crime types and anti-social behaviour), by display name and slug. */
public final class HotspotCrimeTypes {

    /** Display names as they appear in the {@code Crime type} column. */
    public static final List<String> NAMES = List.of("Anti-social behaviour", "Bicycle theft", "Burglary",
            "Criminal damage and arson", "Drugs", "Other crime", "Other theft", "Possession of weapons", "Public order",
            "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences");

    private static final List<String> SLUGS = List.of("anti-social-behaviour", "bicycle-theft", "burglary",
            "criminal-damage-arson", "drugs", "other-crime", "other-theft", "possession-of-weapons", "public-order",
            "robbery", "shoplifting", "theft-from-the-person", "vehicle-crime", "violent-crime");

    private HotspotCrimeTypes() {
    }

    /** The display name for a display name in any case, or a police.uk API slug; else BadInput naming the field. */
    public static String resolve(String field, String given) {
        String wanted = given == null ? "" : given.strip();
        for (int i = 0; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(wanted) || SLUGS.get(i).equals(wanted.toLowerCase(Locale.ROOT))) {
                return NAMES.get(i);
            }
        }
        throw BadInput.field(field, "'" + wanted + "' is not a police.uk crime type; use one of " + NAMES);
    }
}
