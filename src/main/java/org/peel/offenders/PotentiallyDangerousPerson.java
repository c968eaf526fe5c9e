package org.peel.offenders;

import org.peel.web.FormErrors;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A potentially dangerous person (College APP; reference/standards.md 17.1, SOLID): someone not eligible for MAPPA whose
 * behaviour gives reasonable grounds to believe there is a present likelihood they will commit an offence causing
 * serious harm. No statute recognises PDPs, so inclusion rests on a recorded reason, the evidence, and a review date:
 * past that date the inclusion lapses unless a review renews it, and a lapsed person is no longer listed as a PDP.
 */
public final class PotentiallyDangerousPerson {

    /** The longest a review may be set ahead: a year. */
    public static final int MAX_REVIEW_DAYS = 365;
    /** How soon before the review date the inclusion shows as due for review. */
    public static final int REVIEW_SOON_DAYS = 28;

    private PotentiallyDangerousPerson() {
    }

    public enum Status {
        ACTIVE("Active"), REVIEW_DUE("Review due"), LAPSED("Lapsed: not renewed by its review date");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Active up to and including its review date (due for review in the last 28 days), lapsed after it. */
    public static Status status(LocalDate reviewOn, LocalDate today) {
        if (today.isAfter(reviewOn)) {
            return Status.LAPSED;
        }
        return ChronoUnit.DAYS.between(today, reviewOn) <= REVIEW_SOON_DAYS ? Status.REVIEW_DUE : Status.ACTIVE;
    }

    /**
     * Why an inclusion or renewal may not be recorded (null when it may): a reason and evidence are required, the
     * review date must be after today and at most a year ahead, and a person managed under MAPPA is not a PDP.
     */
    public static String refusal(String reason, String evidence, LocalDate reviewOn, LocalDate today,
                                 boolean managedUnderMappa) {
        FormErrors errors = FormErrors.none();
        conditions(errors, reason, evidence, reviewOn, today, managedUnderMappa);
        return errors.any() ? errors.all().values().iterator().next() : null;
    }

    private static void conditions(FormErrors errors, String reason, String evidence, LocalDate reviewOn,
                                   LocalDate today, boolean managedUnderMappa) {
        if (managedUnderMappa) {
            errors.add("pdpOffenderId", "This person is managed under MAPPA, so is not a potentially dangerous person");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "Give the reason: what gives grounds to believe serious harm is likely");
        }
        if (evidence == null || evidence.isBlank()) {
            errors.add("evidence", "Record the evidence the reason rests on");
        }
        if (reviewOn == null || !reviewOn.isAfter(today)) {
            errors.add("reviewOn", "Set a review date after today");
        } else if (ChronoUnit.DAYS.between(today, reviewOn) > MAX_REVIEW_DAYS) {
            errors.add("reviewOn", "Set a review date no more than a year ahead");
        }
    }

    /** An inclusion as the form (or the synthetic force) gives it: every field as text, as typed. */
    public record Form(String boroughCode, String subject, String offenderId, String reason, String evidence,
                       String reviewOn) {
    }

    /** An inclusion as accepted; {@code offenderId} is null for someone who is not an offender nominal. */
    public record Inclusion(String boroughCode, String subject, String offenderId, String reason, String evidence,
                            LocalDate reviewOn) {
    }

    /** The inclusion the checks accept, or the problems against the form's fields. */
    public record Checked(Inclusion accepted, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * Every check on including a potentially dangerous person, the one rule for the form and the synthetic force: the
     * borough and the person named; an offender's nominal number, when given, held; then {@link #refusal}'s checks
     * (reason, evidence, a review date after {@code today} and at most a year ahead, and no one under MAPPA).
     *
     * @param offenderHeld      whether the nominal number given is held (ignored when none is given)
     * @param managedUnderMappa whether the nominal given has a MAPPA case
     */
    public static Checked check(Form f, boolean offenderHeld, boolean managedUnderMappa, LocalDate today) {
        FormErrors errors = FormErrors.none();
        String borough = text(f.boroughCode());
        String subject = text(f.subject());
        String offender = text(f.offenderId());
        if (borough.isEmpty()) {
            errors.add("borough", "Enter the borough code where the person lives");
        }
        if (subject.isEmpty()) {
            errors.add("subject", "Name the person");
        }
        if (!offender.isEmpty() && !offenderHeld) {
            errors.add("pdpOffenderId", "No offender " + offender + " is held");
        }
        LocalDate review = errors.requiredDate(text(f.reviewOn()), "reviewOn", "the review date");
        // a field keeps its first problem, so an unreadable review date is not also called "not after today"
        conditions(errors, f.reason(), f.evidence(), review, today, !offender.isEmpty() && managedUnderMappa);
        if (errors.any()) {
            return new Checked(null, errors);
        }
        return new Checked(new Inclusion(borough, subject, offender.isEmpty() ? null : offender, text(f.reason()),
                text(f.evidence()), review), errors);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
