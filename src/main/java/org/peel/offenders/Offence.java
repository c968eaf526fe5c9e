package org.peel.offenders;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One offence on an offender's history: who, the borough the offender is managed in, when, the Home Office offence
 * group (as {@code Robbery}, {@code Shoplifting}, {@code Violence with injury}) and the disposal.
 */
public record Offence(String offenderId, String boroughCode, LocalDate on, String offenceGroup, String disposal) {

    public Offence {
        Objects.requireNonNull(offenderId, "offenderId");
        Objects.requireNonNull(boroughCode, "boroughCode");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(offenceGroup, "offenceGroup");
    }
}
