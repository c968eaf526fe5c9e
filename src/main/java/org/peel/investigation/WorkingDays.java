package org.peel.investigation;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days as the Victims' Code counts them: Monday to Friday, not a bank holiday in England and Wales.
 * A deadline of n working days from a date is the n-th working day after it, so a crime reported on a
 * Saturday with a two-day deadline is due on the Tuesday.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !BankHolidays.isBankHoliday(date);
    }

    /** The date n working days after {@code from}; n = 0 gives {@code from} itself. */
    public static LocalDate add(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("The number of working days cannot be negative: " + n);
        }
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public static int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
