package org.peel.investigation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Home Office outcome types (HOCR General Rules, Section H), paraphrased. Type 0 is "no outcome yet" and is
 * never given; type 23 is left out until its date and scope are confirmed. {@code suspect} says whether the
 * type needs an identified suspect (REQUIRED), forbids one (FORBIDDEN) or allows either (EITHER).
 */
public enum OutcomeType {
    CHARGED_OR_SUMMONSED(1, "Charged or summonsed", Suspect.REQUIRED, null),
    YOUTH_CAUTION(2, "Caution, youth", Suspect.REQUIRED, null),
    ADULT_CAUTION(3, "Caution, adult", Suspect.REQUIRED, null),
    TAKEN_INTO_CONSIDERATION(4, "Taken into consideration", Suspect.REQUIRED, null),
    OFFENDER_DIED(5, "Offender has died", Suspect.REQUIRED, null),
    PENALTY_NOTICE_FOR_DISORDER(6, "Penalty Notice for Disorder", Suspect.REQUIRED, null),
    CANNABIS_KHAT_WARNING(7, "Cannabis or khat warning", Suspect.REQUIRED, null),
    COMMUNITY_RESOLUTION(8, "Community resolution", Suspect.REQUIRED, null),
    PROSECUTION_NOT_IN_PUBLIC_INTEREST_CPS(9, "Prosecution not in the public interest (CPS decision)", Suspect.REQUIRED, null),
    FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST_POLICE(10, "Formal action not in the public interest (police decision)", Suspect.REQUIRED, null),
    SUSPECT_BELOW_AGE_OF_RESPONSIBILITY(11, "Prosecution prevented: suspect below the age of criminal responsibility", Suspect.REQUIRED, null),
    SUSPECT_TOO_ILL(12, "Prosecution prevented: suspect too ill to prosecute", Suspect.REQUIRED, null),
    VICTIM_OR_WITNESS_DEAD_OR_ILL(13, "Prosecution prevented: victim or key witness dead or too ill to give evidence", Suspect.REQUIRED, null),
    EVIDENTIAL_DIFFICULTIES_NO_SUSPECT_VICTIM_DECLINES(14, "Evidential difficulties: suspect not identified; the victim does not support further action", Suspect.FORBIDDEN, null),
    EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS(15, "Evidential difficulties: suspect identified; the victim supports action", Suspect.REQUIRED, null),
    EVIDENTIAL_DIFFICULTIES_VICTIM_DOES_NOT_SUPPORT(16, "Evidential difficulties: suspect identified; the victim does not support action", Suspect.REQUIRED, null),
    TIME_LIMIT_EXPIRED(17, "Prosecution time limit expired", Suspect.REQUIRED, null),
    NO_SUSPECT_IDENTIFIED(18, "Investigation complete, no suspect identified", Suspect.FORBIDDEN, null),
    NATIONAL_FRAUD_INTELLIGENCE_BUREAU(19, "National Fraud Intelligence Bureau case", Suspect.EITHER, null),
    ANOTHER_BODY(20, "Further action by another body or agency", Suspect.EITHER, null),
    INVESTIGATION_NOT_IN_PUBLIC_INTEREST(21, "Further investigation not in the public interest (police decision)", Suspect.REQUIRED, LocalDate.of(2016, 1, 1)),
    DIVERSIONARY_ACTIVITY(22, "Diversionary, educational or intervention activity", Suspect.REQUIRED, LocalDate.of(2019, 4, 1));

    /** Whether the outcome type needs an identified suspect. */
    public enum Suspect { REQUIRED, FORBIDDEN, EITHER }

    private final int code;
    private final String label;
    private final Suspect suspect;
    private final LocalDate inForceFrom;

    OutcomeType(int code, String label, Suspect suspect, LocalDate inForceFrom) {
        this.code = code;
        this.label = label;
        this.suspect = suspect;
        this.inForceFrom = inForceFrom;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Suspect suspect() {
        return suspect;
    }

    /** The date the type came in, or {@code null} for types in the framework since April 2014. */
    public LocalDate inForceFrom() {
        return inForceFrom;
    }

    public static Optional<OutcomeType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
