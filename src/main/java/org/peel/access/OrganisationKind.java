package org.peel.access;

import java.util.Locale;

/** The kinds of partner organisation a force shares with, and whose staff may hold a partner account. */
public enum OrganisationKind {
    COUNCIL_ASB("Council anti-social behaviour team"),
    PROBATION("Probation service"),
    SOCIAL_CARE("Social care"),
    HEALTH("Health"),
    HOUSING("Housing provider"),
    AMBULANCE("Ambulance service"),
    OTHER("Other partner");

    private final String title;

    OrganisationKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OrganisationKind fromSlug(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OrganisationKind k : values()) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown organisation kind '" + text + "'");
    }
}
