package org.peel.investigation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An investigator's open work as they and their supervisor see it: each open crime with its priority, age and when
 * its supervisory review falls due, and the Victims' Code deadlines that are overdue or due soon.
 *
 * <p>The review intervals are local practice, not a national standard: a first supervisory review within 7 days
 * of allocation for a high-priority crime, 14 for medium and 28 for routine (and for a crime never screened).
 * Once a supervisor has reviewed the crime, the review due is the next due date of the last review
 * ({@link SupervisoryReview#nextDue}).
 * "Due soon" is a deadline that falls today or within the next two working days, so a Friday's list already
 * shows what falls due on Monday and Tuesday.
 */
public final class InvestigatorCaseload {

    private InvestigatorCaseload() {
    }

    /** Days from allocation to the first supervisory review, per priority. */
    public record ReviewIntervals(Map<Priority, Integer> days, int dueSoonWorkingDays) {
        public ReviewIntervals {
            days = Map.copyOf(days);
        }

        public static ReviewIntervals defaults() {
            Map<Priority, Integer> d = new EnumMap<>(Priority.class);
            d.put(Priority.HIGH, 7);
            d.put(Priority.MEDIUM, 14);
            d.put(Priority.ROUTINE, 28);
            return new ReviewIntervals(d, 2);
        }

        /** An unscreened crime (priority {@code null}) is reviewed as a routine one. */
        public int daysFor(Priority priority) {
            return days.getOrDefault(priority == null ? Priority.ROUTINE : priority, 28);
        }
    }

    /** How near a deadline or review is. */
    public enum Urgency { OVERDUE, DUE_SOON, LATER }

    /**
     * An open crime as the store reads it; {@code priority} is null when the crime was never screened, and
     * {@code lastReviewNextDue} is null until a supervisor has reviewed it (then it is the next due date that
     * review set).
     */
    public record OpenCrime(String investigatorId, String crimeId, String offenceGroup, Priority priority, LocalDateTime recordedAt,
                            LocalDateTime allocatedAt, boolean domesticAbuse, LocalDate lastReviewNextDue) {
        public OpenCrime(String investigatorId, String crimeId, String offenceGroup, Priority priority, LocalDateTime recordedAt,
                         LocalDateTime allocatedAt, boolean domesticAbuse) {
            this(investigatorId, crimeId, offenceGroup, priority, recordedAt, allocatedAt, domesticAbuse, null);
        }
    }

    /** An open Victims' Code deadline on one of the investigator's crimes. */
    public record OpenDeadline(String investigatorId, String crimeId, String kind, String label, LocalDate due) {
    }

    /** An open crime with what the rule makes of it. */
    public record Row(OpenCrime crime, long ageDays, LocalDate reviewDue, Urgency review) {
    }

    /** A Victims' Code deadline with its urgency. */
    public record Deadline(OpenDeadline deadline, Urgency urgency) {
    }

    /** The whole view: crimes oldest first; deadlines overdue or due soon, earliest first. */
    public record View(List<Row> crimes, List<Deadline> deadlines) {
        public long overdueDeadlines() {
            return deadlines.stream().filter(d -> d.urgency() == Urgency.OVERDUE).count();
        }

        public long dueSoonDeadlines() {
            return deadlines.stream().filter(d -> d.urgency() == Urgency.DUE_SOON).count();
        }

        public long reviewsOverdue() {
            return crimes.stream().filter(r -> r.review() == Urgency.OVERDUE).count();
        }
    }

    /** When the first supervisory review of a crime allocated on {@code allocatedOn} falls due. */
    public static LocalDate reviewDue(LocalDate allocatedOn, Priority priority, ReviewIntervals intervals) {
        return allocatedOn.plusDays(intervals.daysFor(priority));
    }

    /**
     * Overdue when the day has passed; due soon when it is today or within the next
     * {@code dueSoonWorkingDays} working days (weekends and bank holidays not counted); later otherwise.
     */
    public static Urgency urgency(LocalDate due, LocalDate today, ReviewIntervals intervals) {
        if (due.isBefore(today)) {
            return Urgency.OVERDUE;
        }
        return due.isAfter(WorkingDays.add(today, intervals.dueSoonWorkingDays())) ? Urgency.LATER : Urgency.DUE_SOON;
    }

    public static View of(List<OpenCrime> crimes, List<OpenDeadline> deadlines, LocalDate today, ReviewIntervals intervals) {
        List<Row> rows = new ArrayList<>();
        for (OpenCrime c : crimes) {
            // after a supervisory review, the next review is the one that review set; before it, the first from allocation
            LocalDate due = c.lastReviewNextDue() != null ? c.lastReviewNextDue()
                    : reviewDue(c.allocatedAt().toLocalDate(), c.priority(), intervals);
            rows.add(new Row(c, ChronoUnit.DAYS.between(c.recordedAt().toLocalDate(), today), due,
                    urgency(due, today, intervals)));
        }
        rows.sort(java.util.Comparator.comparing((Row r) -> r.crime().recordedAt()).thenComparing(r -> r.crime().crimeId()));
        List<Deadline> near = new ArrayList<>();
        for (OpenDeadline d : deadlines) {
            Urgency u = urgency(d.due(), today, intervals);
            if (u != Urgency.LATER) {
                near.add(new Deadline(d, u));
            }
        }
        near.sort(java.util.Comparator.comparing((Deadline d) -> d.deadline().due()).thenComparing(d -> d.deadline().crimeId()));
        return new View(List.copyOf(rows), List.copyOf(near));
    }
}
