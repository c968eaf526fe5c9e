package org.peel.offenders;

import org.peel.web.FormErrors;

import java.time.LocalDate;
import java.time.Period;

/**
 * Diversion: referring an offender to a scheme that steers them away from the courts and from reoffending, and the
 * scheme's outcome. The schemes are those the inspection named: drugs and alcohol, gangs, the female offenders'
 * triage, and youth. The rules here decide whether a referral or an outcome may be recorded, with the reason when not;
 * the web form and the synthetic force both record through {@link DiversionRecording}, which asks them.
 */
public final class Diversion {

    /** Youth diversion takes children from the age of criminal responsibility to their 18th birthday. */
    public static final int YOUTH_FROM = 10;
    public static final int YOUTH_UNTIL = 18;

    private Diversion() {
    }

    /** The schemes an offender may be referred to. */
    public enum Scheme {
        DRUGS_ALCOHOL("drugs-alcohol", "Drugs and alcohol"),
        GANGS("gangs", "Gangs"),
        FEMALE_TRIAGE("female-triage", "Female offenders' triage"),
        YOUTH("youth", "Youth");

        private final String code;
        private final String label;

        Scheme(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Scheme of(String code) {
            for (Scheme s : values()) {
                if (s.code.equals(code == null ? "" : code.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no diversion scheme '" + code + "'");
        }
    }

    /** What came of a referral; a referral without one is awaiting the scheme's answer. */
    public enum Outcome {
        ENGAGED("engaged", "Engaged: taking part"),
        COMPLETED("completed", "Completed the scheme"),
        DISENGAGED("disengaged", "Started, then disengaged"),
        DECLINED("declined", "Declined the offer"),
        NOT_ACCEPTED("not-accepted", "Not accepted by the scheme");

        private final String code;
        private final String label;

        Outcome(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Outcome of(String code) {
            for (Outcome o : values()) {
                if (o.code.equals(code == null ? "" : code.strip())) {
                    return o;
                }
            }
            throw new IllegalArgumentException("no diversion outcome '" + code + "'");
        }
    }

    /** What the referral form knows of the person: date of birth and sex as recorded, either possibly unknown. */
    public record Person(LocalDate dateOfBirth, String sex) {
    }

    /**
     * The problems with a referral, each against its form field (none when it may be recorded): a scheme, a date not
     * in the future, a reason of at least a sentence; youth diversion only for a child aged 10 to 17 on the day of
     * referral, and the female offenders' triage only for a woman or girl, when the record says otherwise. An unknown
     * date of birth or sex does not bar the referral: the scheme checks it on assessment.
     */
    public static FormErrors checkReferral(String schemeCode, LocalDate referredOn, String reason, Person person,
                                           LocalDate today) {
        FormErrors errors = FormErrors.none();
        Scheme scheme = null;
        try {
            scheme = Scheme.of(schemeCode);
        } catch (IllegalArgumentException ex) {
            errors.add("scheme", "Choose the scheme: drugs and alcohol, gangs, female offenders' triage or youth");
        }
        if (referredOn == null) {
            errors.add("referredOn", "Enter the day of referral, for example 2025-03-31");
        } else if (referredOn.isAfter(today)) {
            errors.add("referredOn", "The referral cannot be in the future");
        }
        if (reason == null || reason.strip().length() < 10) {
            errors.add("reason", "Give the reason for referral: at least a sentence");
        }
        if (scheme == Scheme.YOUTH && referredOn != null && person.dateOfBirth() != null) {
            int age = Period.between(person.dateOfBirth(), referredOn).getYears();
            if (age < YOUTH_FROM || age >= YOUTH_UNTIL) {
                errors.add("scheme", "Youth diversion is for children aged 10 to 17; this person was " + age
                        + " on the day of referral");
            }
        }
        if (scheme == Scheme.FEMALE_TRIAGE && "M".equals(person.sex())) {
            errors.add("scheme", "The female offenders' triage is for women and girls; this person is recorded as male");
        }
        return errors;
    }

    /**
     * The problems with recording an outcome: a known outcome, on a day from the referral to today, on a referral that
     * has none yet (an outcome is recorded once; a later change is a new referral).
     */
    public static FormErrors checkOutcome(String outcomeCode, LocalDate on, LocalDate referredOn, boolean hasOutcome,
                                          LocalDate today) {
        FormErrors errors = FormErrors.none();
        if (hasOutcome) {
            errors.add("outcome", "This referral's outcome is already recorded");
            return errors;
        }
        try {
            Outcome.of(outcomeCode);
        } catch (IllegalArgumentException ex) {
            errors.add("outcome", "Choose what came of the referral");
        }
        if (on == null) {
            errors.add("outcomeOn", "Enter the day of the outcome, for example 2025-03-31");
        } else if (on.isAfter(today)) {
            errors.add("outcomeOn", "The outcome cannot be in the future");
        } else if (on.isBefore(referredOn)) {
            errors.add("outcomeOn", "The outcome cannot be before the referral (" + referredOn + ")");
        }
        return errors;
    }
}
