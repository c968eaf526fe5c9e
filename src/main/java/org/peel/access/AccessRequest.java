package org.peel.access;

import java.util.Set;

/**
 * What a user is asking to do: which section, in which borough (null when force-wide), touching records of
 * which sensitivities, whether it changes anything, whether personal data is involved, and the purpose stated.
 */
public record AccessRequest(Section section, String boroughCode, Set<Sensitivity> sensitivities, boolean change,
                            boolean personalData, String purpose) {

    public static AccessRequest view(Section section) {
        return new AccessRequest(section, null, Set.of(), false, false, null);
    }

    public AccessRequest inBorough(String code) {
        return new AccessRequest(section, code, sensitivities, change, personalData, purpose);
    }

    public AccessRequest touching(Sensitivity... kinds) {
        return new AccessRequest(section, boroughCode, Set.of(kinds), change, personalData, purpose);
    }

    public AccessRequest changing() {
        return new AccessRequest(section, boroughCode, sensitivities, true, personalData, purpose);
    }

    public AccessRequest withPersonalData(String statedPurpose) {
        return new AccessRequest(section, boroughCode, sensitivities, change, true, statedPurpose);
    }
}
