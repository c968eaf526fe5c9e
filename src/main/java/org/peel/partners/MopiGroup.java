package org.peel.partners;

/**
 * The Management of Police Information review groups (MoPI guidance 2006, as widely cited; reference/standards.md
 * §20.1 marks the periods unverified against the current APP, so each period is configuration, see
 * {@link RetentionSettings}).
 */
public enum MopiGroup {
    /** Certain public protection matters: kept until the subject is deemed 100, reviewed every 10 years. */
    PUBLIC_PROTECTION(1, "Certain public protection matters"),
    /** Other sexual, violent or serious offences: reviewed after a 10-year clearance period. */
    SERIOUS(2, "Other sexual, violent or serious offences"),
    /** All other offences, and other police information: 6-year clearance period, then time-based disposal. */
    OTHER(3, "All other offences and police information");

    private final int number;
    private final String title;

    MopiGroup(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public static MopiGroup of(int number) {
        for (MopiGroup g : values()) {
            if (g.number == number) {
                return g;
            }
        }
        throw new IllegalArgumentException("MoPI groups are 1, 2 and 3, not " + number);
    }
}
