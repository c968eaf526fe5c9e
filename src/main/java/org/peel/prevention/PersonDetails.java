package org.peel.prevention;

import java.time.LocalDate;

/** A caller or victim as the call handler recorded them; any field but the surname may be missing. */
public record PersonDetails(String forenames, String surname, LocalDate dateOfBirth, String postcode, String phone,
                            String address) {

    /** The postcode upper-cased without spaces, as matching compares it; null when none was given. */
    public String normalisedPostcode() {
        return postcode == null || postcode.isBlank() ? null : postcode.replaceAll("\\s+", "").toUpperCase();
    }

    public static String normalisedName(String name) {
        return name == null || name.isBlank() ? null : name.strip().replaceAll("\\s+", " ").toLowerCase();
    }
}
