package org.peel.prevention;

/**
 * Where an incident happened: the address or description the caller gave, the point when known, and the areas it
 * falls in (the borough always; ward and LSOA when the point placed it).
 */
public record AsbLocation(String text, Double latitude, Double longitude, String boroughCode, String wardCode,
                          String lsoaCode) {

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    /** The address as matching compares it: lower case, single spaces, no punctuation. */
    public String normalisedText() {
        return text == null || text.isBlank() ? null
                : text.toLowerCase().replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }
}
