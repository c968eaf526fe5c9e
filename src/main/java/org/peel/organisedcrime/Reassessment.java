package org.peel.organisedcrime;

import java.time.LocalDate;

/**
 * When a group's score must be assessed again: at the configured interval after its last assessment, and at once
 * after a significant event (a principal arrested or charged, a disruption graded major, firearms seized, new
 * intelligence graded significant). An event on or after the day of the last assessment makes it due, since an
 * assessment that day cannot be shown to have taken it in; an event after the as-of date has not happened yet.
 */
public final class Reassessment {

    private Reassessment() {
    }

    /** Whether reassessment is due, and why in words. */
    public record Decision(boolean due, String reason) {
    }

    public static Decision due(LocalDate lastAssessed, LocalDate significantEvent, LocalDate asOf, int intervalDays) {
        if (intervalDays < 1) {
            throw new IllegalArgumentException("the reassessment interval must be at least 1 day");
        }
        if (significantEvent != null && !significantEvent.isBefore(lastAssessed) && !significantEvent.isAfter(asOf)) {
            return new Decision(true, "reassessment due at once: significant event on " + significantEvent
                    + ", on or after the last assessment on " + lastAssessed);
        }
        LocalDate next = lastAssessed.plusDays(intervalDays);
        if (!asOf.isBefore(next)) {
            return new Decision(true, "reassessment due: last assessed " + lastAssessed + ", the " + intervalDays
                    + "-day interval ended on " + next);
        }
        return new Decision(false, "reassessment not due until " + next + " (last assessed " + lastAssessed + ", every "
                + intervalDays + " days)" + (significantEvent != null && significantEvent.isBefore(lastAssessed)
                ? "; the significant event on " + significantEvent + " was before that assessment" : ""));
    }
}
