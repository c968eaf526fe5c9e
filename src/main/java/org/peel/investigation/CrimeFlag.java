package org.peel.investigation;

import java.util.Locale;
import java.util.Optional;

/**
 * Flags an officer sets on a crime when recording it, beside domestic abuse and hate (kept as their own fields).
 * Some change a decision: screening reads the child, exploitation, slavery, honour-based abuse, FGM, weapon and
 * vulnerable-adult flags, and the Victims' Code entitlement reads honour-based abuse, modern slavery and child
 * sexual exploitation. The others (drugs, alcohol, repeat location) are recorded for analysis and problem-solving;
 * rape marks, within sexual offences, the offences the Home Office classifies as rape.
 */
public enum CrimeFlag {
    CHILD_AT_RISK("Child at risk"),
    CHILD_SEXUAL_EXPLOITATION("Child sexual exploitation concern"),
    MODERN_SLAVERY("Modern slavery or human trafficking"),
    HONOUR_BASED_ABUSE("Honour-based abuse"),
    FEMALE_GENITAL_MUTILATION("Female genital mutilation"),
    VULNERABLE_ADULT("Vulnerable adult"),
    WEAPON("Knife or offensive weapon"),
    DRUG_RELATED("Drug-related"),
    ALCOHOL_RELATED("Alcohol-related"),
    REPEAT_LOCATION("Repeat location"),
    /** A sexual offence that is rape in the Home Office classification (classes 19C to 19H). */
    RAPE("Rape (Home Office classes 19C to 19H)");

    private final String label;

    CrimeFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By name ({@code CHILD_AT_RISK}) or its kebab form ({@code child-at-risk}), in any case. */
    public static Optional<CrimeFlag> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (CrimeFlag f : values()) {
            if (f.name().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
