package org.peel.organisedcrime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Preparedness for one national threat, as a pure rule: when it was last tested (its latest exercise), the latest
 * assessment given by an exercise, debrief or capability review, and an alert when it has not been exercised within
 * the configured period ({@code PEEL_SPR_TEST_DAYS}, default 365) or the latest assessment is "not prepared".
 */
public final class Preparedness {

    public static final int DEFAULT_TEST_DAYS = 365;

    /** One entry of the record. */
    public record Entry(String kind, LocalDate heldOn, String title, String assessment) {
    }

    /** The threat's state: last exercised, latest assessment, and whether (and why) it needs attention. */
    public record Status(LocalDate lastExercised, String latestAssessment, boolean alert, List<String> reasons) {
    }

    private Preparedness() {
    }

    public static Status of(List<Entry> entries, LocalDate today, int testDays) {
        List<Entry> held = entries.stream().filter(e -> !e.heldOn().isAfter(today))
                .sorted(Comparator.comparing(Entry::heldOn).reversed()).toList();
        LocalDate exercised = held.stream().filter(e -> "exercise".equals(e.kind())).map(Entry::heldOn).findFirst()
                .orElse(null);
        String assessment = held.stream().map(Entry::assessment).filter(a -> a != null).findFirst().orElse(null);
        List<String> reasons = new ArrayList<>();
        boolean alert = false;
        if (exercised == null) {
            alert = true;
            reasons.add("never exercised");
        } else if (exercised.isBefore(today.minusDays(testDays))) {
            alert = true;
            reasons.add("last exercised on " + exercised + ", more than " + testDays + " days ago");
        } else {
            reasons.add("exercised on " + exercised + ", within " + testDays + " days");
        }
        if ("not prepared".equals(assessment)) {
            alert = true;
            reasons.add("the latest assessment is: not prepared");
        } else if (assessment == null) {
            reasons.add("no assessment recorded");
        }
        return new Status(exercised, assessment, alert, reasons);
    }
}
