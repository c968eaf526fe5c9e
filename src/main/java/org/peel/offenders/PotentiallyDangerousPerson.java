package org.peel.offenders;

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
        if (managedUnderMappa) {
            return "This person is managed under MAPPA, so is not a potentially dangerous person";
        }
        if (reason == null || reason.isBlank()) {
            return "Give the reason: what gives grounds to believe serious harm is likely";
        }
        if (evidence == null || evidence.isBlank()) {
            return "Record the evidence the reason rests on";
        }
        if (reviewOn == null || !reviewOn.isAfter(today)) {
            return "Set a review date after today";
        }
        if (ChronoUnit.DAYS.between(today, reviewOn) > MAX_REVIEW_DAYS) {
            return "Set a review date no more than a year ahead";
        }
        return null;
    }
}
