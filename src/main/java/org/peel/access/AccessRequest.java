package org.peel.access;

import java.util.Set;

/**
 * What a user is asking to do: which section, in which borough (null when force-wide), touching records of
 * which sensitivities, whether it changes anything, whether personal data is involved, the purpose stated, for a
 * duty only some roles hold (reallocating a crime, recording a supervisory review) which roles hold it, and, for a
 * record someone is named to lead (an organised crime group's lead responsible officer), that person's username.
 */
public record AccessRequest(Section section, String boroughCode, Set<Sensitivity> sensitivities, boolean change,
                            boolean personalData, String purpose, String duty, Set<Role> dutyRoles,
                            String leadOfficer) {

    public AccessRequest {
        sensitivities = Set.copyOf(sensitivities);
        dutyRoles = dutyRoles == null ? Set.of() : Set.copyOf(dutyRoles);
    }

    public AccessRequest(Section section, String boroughCode, Set<Sensitivity> sensitivities, boolean change,
                         boolean personalData, String purpose, String duty, Set<Role> dutyRoles) {
        this(section, boroughCode, sensitivities, change, personalData, purpose, duty, dutyRoles, null);
    }

    public AccessRequest(Section section, String boroughCode, Set<Sensitivity> sensitivities, boolean change,
                         boolean personalData, String purpose) {
        this(section, boroughCode, sensitivities, change, personalData, purpose, null, Set.of(), null);
    }

    public static AccessRequest view(Section section) {
        return new AccessRequest(section, null, Set.of(), false, false, null);
    }

    public AccessRequest inBorough(String code) {
        return new AccessRequest(section, code, sensitivities, change, personalData, purpose, duty, dutyRoles,
                leadOfficer);
    }

    public AccessRequest touching(Sensitivity... kinds) {
        return new AccessRequest(section, boroughCode, Set.of(kinds), change, personalData, purpose, duty, dutyRoles,
                leadOfficer);
    }

    public AccessRequest changing() {
        return new AccessRequest(section, boroughCode, sensitivities, true, personalData, purpose, duty, dutyRoles,
                leadOfficer);
    }

    public AccessRequest withPersonalData(String statedPurpose) {
        return new AccessRequest(section, boroughCode, sensitivities, change, true, statedPurpose, duty, dutyRoles,
                leadOfficer);
    }

    /**
     * A duty only the given roles hold, described as the user would read it in a refusal ("reallocating a crime").
     * The duty is in addition to every other check: a supervisor of another borough is still refused.
     */
    public AccessRequest dutyOf(String description, Set<Role> roles) {
        return new AccessRequest(section, boroughCode, sensitivities, change, personalData, purpose, description, roles,
                leadOfficer);
    }

    /**
     * The record asked about is led by the user named (null: by no one). Its lead officer may use it whatever their
     * role's section, borough, sensitivities and duties, so long as their role may lead at all (see
     * {@link AccessPolicy#mayLead}); read-only roles still change nothing and purposes are still stated.
     */
    public AccessRequest ledBy(String username) {
        return new AccessRequest(section, boroughCode, sensitivities, change, personalData, purpose, duty, dutyRoles,
                username);
    }

    /** Whether this asks to see personal data without changing anything: the reads the audit trail records. */
    public boolean read() {
        return personalData && !change;
    }
}
