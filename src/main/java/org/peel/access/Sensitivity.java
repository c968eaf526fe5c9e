package org.peel.access;

/** Kinds of record that only roles with a need to know may see, whatever their borough. */
public enum Sensitivity {
    SEXUAL_OFFENCE,
    CHILD_PROTECTION,
    DOMESTIC_ABUSE,
    INTELLIGENCE,
    OFFENDER_MANAGEMENT,
    /**
     * The local picture of organised crime that front-line officers need: which groups and gangs are active in their
     * area, how each is banded, who leads against it and what their team is tasked with; never members, intelligence
     * or the reasons behind a score, which stay {@link #INTELLIGENCE}.
     */
    ORGANISED_CRIME_PICTURE
}
