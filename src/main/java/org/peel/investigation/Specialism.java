package org.peel.investigation;

import java.util.Arrays;
import java.util.Optional;

/** The investigative specialisms a crime can need; labels match {@code investigator.specialism}. */
public enum Specialism {
    VOLUME_CRIME("Volume crime"),
    BURGLARY_AND_ROBBERY("Burglary and robbery"),
    DOMESTIC_ABUSE("Domestic abuse"),
    SEXUAL_OFFENCES("Sexual offences"),
    CHILD_ABUSE("Child abuse"),
    FRAUD("Fraud"),
    MAJOR_CRIME("Major crime");

    private final String label;

    Specialism(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Specialism> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label))
                .findFirst();
    }
}
