package org.peel.access;

import java.util.EnumSet;
import java.util.Set;

import static org.peel.access.Section.*;
import static org.peel.access.Sensitivity.*;

/**
 * What a user does in the force, and so what they may see. Local roles work in one borough (BCU) and see
 * only its records; force-wide roles see every borough. Sensitive kinds of record need the role to hold that
 * sensitivity. Some roles must state a purpose before they open a record that holds personal data.
 */
public enum Role {
    RESPONSE_OFFICER("Response officer", Scope.BOROUGH, false, false,
            EnumSet.of(PREVENTION, INVESTIGATION, VULNERABILITY), EnumSet.of(DOMESTIC_ABUSE)),
    NEIGHBOURHOOD_OFFICER("Neighbourhood officer", Scope.BOROUGH, false, false,
            EnumSet.of(PREVENTION, VULNERABILITY, PARTNERSHIP), EnumSet.of(ORGANISED_CRIME_PICTURE)),
    INVESTIGATOR("Investigator", Scope.BOROUGH, false, false,
            EnumSet.of(PREVENTION, INVESTIGATION, VULNERABILITY), EnumSet.of(DOMESTIC_ABUSE, SEXUAL_OFFENCE)),
    CRIME_MANAGEMENT_SUPERVISOR("Crime management supervisor", Scope.BOROUGH, false, false,
            EnumSet.of(INVESTIGATION, VULNERABILITY, MEASURE), EnumSet.of(DOMESTIC_ABUSE, SEXUAL_OFFENCE)),
    OFFENDER_MANAGER("Offender manager", Scope.BOROUGH, false, false,
            EnumSet.of(INVESTIGATION, VULNERABILITY), EnumSet.of(OFFENDER_MANAGEMENT, DOMESTIC_ABUSE)),
    PUBLIC_PROTECTION_OFFICER("Public protection officer", Scope.FORCE, false, false,
            EnumSet.of(VULNERABILITY, INVESTIGATION), EnumSet.of(DOMESTIC_ABUSE, SEXUAL_OFFENCE, CHILD_PROTECTION, OFFENDER_MANAGEMENT)),
    INTELLIGENCE_ANALYST("Intelligence analyst", Scope.FORCE, false, true,
            EnumSet.of(PREVENTION, INVESTIGATION, ORGANISED_CRIME, MEASURE),
            EnumSet.of(INTELLIGENCE, OFFENDER_MANAGEMENT, ORGANISED_CRIME_PICTURE)),
    PERFORMANCE_ANALYST("Performance analyst", Scope.FORCE, true, true,
            EnumSet.of(MEASURE, PREVENTION), EnumSet.noneOf(Sensitivity.class)),
    INSPECTOR("Inspector (read-only)", Scope.FORCE, true, true,
            EnumSet.of(PREVENTION, INVESTIGATION, VULNERABILITY, ORGANISED_CRIME, MEASURE, PARTNERSHIP),
            EnumSet.allOf(Sensitivity.class)),
    PARTNER("Partner agency", Scope.BOROUGH, true, true,
            EnumSet.of(PARTNERSHIP), EnumSet.noneOf(Sensitivity.class)),
    /**
     * The records manager who holds the force's Management of Police Information duties for the data protection
     * officer: MoPI review, retention, disposal and holds, over records of every kind (so every sensitivity), but no
     * operational section.
     */
    RECORDS_MANAGER("Records manager", Scope.FORCE, false, false,
            EnumSet.of(PARTNERSHIP), EnumSet.allOf(Sensitivity.class)),
    ADMINISTRATOR("Administrator", Scope.FORCE, false, false,
            EnumSet.of(ADMINISTRATION, MEASURE, PARTNERSHIP), EnumSet.noneOf(Sensitivity.class));

    /** Whether the role works in one borough or across the force. */
    public enum Scope { BOROUGH, FORCE }

    private final String title;
    private final Scope scope;
    private final boolean readOnly;
    private final boolean statesPurpose;
    private final Set<Section> sections;
    private final Set<Sensitivity> sensitivities;

    Role(String title, Scope scope, boolean readOnly, boolean statesPurpose, Set<Section> sections,
         Set<Sensitivity> sensitivities) {
        this.title = title;
        this.scope = scope;
        this.readOnly = readOnly;
        this.statesPurpose = statesPurpose;
        this.sections = sections;
        this.sensitivities = sensitivities;
    }

    public String title() {
        return title;
    }

    public Scope scope() {
        return scope;
    }

    public boolean isLocal() {
        return scope == Scope.BOROUGH;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Roles that must say why before opening a record holding personal data (the purpose goes in the audit trail). */
    public boolean statesPurpose() {
        return statesPurpose;
    }

    public Set<Section> sections() {
        return Set.copyOf(sections);
    }

    public Set<Sensitivity> sensitivities() {
        return Set.copyOf(sensitivities);
    }

    /** The roles that work across the force: for duties a borough's user may not do, such as force-wide imports. */
    public static Set<Role> forceWide() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : values()) {
            if (!r.isLocal()) {
                roles.add(r);
            }
        }
        return roles;
    }

    /** The role's name as typed on the command line: {@code response-officer}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Role fromSlug(String text) {
        String key = text.trim().toUpperCase().replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; roles are: " + allSlugs());
    }

    public static String allSlugs() {
        StringBuilder sb = new StringBuilder();
        for (Role r : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.slug());
        }
        return sb.toString();
    }
}
