package org.peel.access;

/** Kinds of record that only roles with a need to know may see, whatever their borough. */
public enum Sensitivity {
    SEXUAL_OFFENCE,
    CHILD_PROTECTION,
    DOMESTIC_ABUSE,
    INTELLIGENCE,
    OFFENDER_MANAGEMENT
}
