package org.peel.investigation;

/** Facts at recording that make a crime likelier to be solved (College of Policing practice; Coupe et al. 2019). */
public enum SolvabilityFactor {
    SUSPECT_NAMED("a suspect is named"),
    SUSPECT_DESCRIBED("a suspect is described"),
    CCTV("CCTV may show the offence"),
    FORENSIC_OPPORTUNITY("there is a forensic opportunity"),
    WITNESS("there is a witness"),
    VEHICLE_IDENTIFIED("a suspect vehicle is identified"),
    PROPERTY_TRACEABLE("stolen property is traceable"),
    SIGNIFICANT_MODUS_OPERANDI("the modus operandi is significant");

    private final String description;

    SolvabilityFactor(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
