package org.peel.prevention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The assess step's question, did incidents fall after the response began, answered over two periods of equal
 * length either side of the response's start: up to {@code maxDays} days, and no longer than the time since the
 * response began, so a recent response is compared over the short period it has had. The statement names both
 * periods, because a count without its period cannot be judged.
 */
public final class SaraComparison {

    public static final String VERSION = "sara-compare-1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private SaraComparison() {
    }

    /**
     * @param days   the length of each period, in days; 0 when the response began today or has not begun
     * @param change the percentage change from before to after; null when there was nothing before
     */
    public record Result(LocalDate beforeFrom, LocalDate responseStarted, LocalDate afterTo, int days, int before,
                         int after, Double change, String statement, String ruleVersion) {
    }

    /**
     * @param responseStarted the day the response began (counted in the after period)
     * @param today           the day the comparison is made (not counted: it is incomplete)
     */
    public static Result compare(LocalDate responseStarted, LocalDate today, Collection<LocalDateTime> incidents,
                                 int maxDays) {
        int days = (int) Math.max(0, Math.min(maxDays, ChronoUnit.DAYS.between(responseStarted, today)));
        LocalDate beforeFrom = responseStarted.minusDays(days);
        LocalDate afterTo = responseStarted.plusDays(days);
        int before = 0;
        int after = 0;
        for (LocalDateTime t : incidents) {
            LocalDate d = t.toLocalDate();
            if (!d.isBefore(beforeFrom) && d.isBefore(responseStarted)) {
                before++;
            } else if (!d.isBefore(responseStarted) && d.isBefore(afterTo)) {
                after++;
            }
        }
        Double change = before == 0 ? null : Math.round((after - before) * 1000.0 / before) / 10.0;
        String statement;
        if (days == 0) {
            statement = "The response began on " + responseStarted.format(DAY)
                    + "; there is no complete day after it to compare yet.";
        } else {
            statement = before + " incident" + (before == 1 ? "" : "s") + " in the " + days + " days before the response ("
                    + beforeFrom.format(DAY) + " to " + responseStarted.minusDays(1).format(DAY) + "), " + after
                    + " in the " + days + " days from its start (" + responseStarted.format(DAY) + " to "
                    + afterTo.minusDays(1).format(DAY) + ")"
                    + (change == null ? "." : ": " + (change > 0 ? "+" : "") + change + "%.");
        }
        return new Result(beforeFrom, responseStarted, afterTo, days, before, after, change, statement, VERSION);
    }
}
