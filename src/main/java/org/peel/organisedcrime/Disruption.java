package org.peel.organisedcrime;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A disruption of a group under one of the 4P headings (pursue, prevent, protect, prepare): its graded impact, what
 * it achieved (arrests, charges, seizures of cash, drugs and firearms, serious crime prevention orders) and whether a
 * principal was arrested or charged.
 */
public record Disruption(String heading, String impact, LocalDate occurredOn, String summary, int arrests,
                         boolean principalArrested, int charges, boolean principalCharged, BigDecimal cashSeized,
                         String drugsSeized, int firearmsSeized, int scpos, String scpoConditions) {

    public static final java.util.List<String> HEADINGS = java.util.List.of("pursue", "prevent", "protect", "prepare");

    public Disruption {
        if (arrests < 0 || charges < 0 || firearmsSeized < 0 || scpos < 0 || cashSeized.signum() < 0) {
            throw new IllegalArgumentException("counts and amounts are 0 or more");
        }
        if (principalArrested && arrests == 0) {
            throw new IllegalArgumentException("a principal arrested is one of the arrests");
        }
        if (principalCharged && charges == 0) {
            throw new IllegalArgumentException("a principal charged is one of the charges");
        }
    }
}
