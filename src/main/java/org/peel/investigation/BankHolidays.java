package org.peel.investigation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bank holidays in England and Wales, computed rather than typed in, so that a deadline years ahead is right
 * without anyone remembering to load a calendar. The regular days follow the Banking and Financial Dealings Act
 * 1971 pattern: New Year's Day, Good Friday, Easter Monday, the early May, spring and summer Mondays, Christmas
 * and Boxing Day, with a weekday substitute when one falls at a weekend. Royal proclamations move or add days
 * from time to time; those are held in a table and the rule refuses years it has not been checked for.
 */
public final class BankHolidays {

    /** The first and last years whose one-off changes are known to this table. */
    public static final int FIRST_YEAR = 2010;
    public static final int LAST_YEAR = 2035;

    /** Regular days moved by proclamation: the usual date to the date it was held instead. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4),   // spring holiday moved for the Diamond Jubilee
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8),    // early May moved to VE Day's 75th anniversary
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2));  // spring holiday moved for the Platinum Jubilee

    /** Extra one-off days. */
    private static final Set<LocalDate> ADDED = Set.of(
            LocalDate.of(2011, 4, 29),   // royal wedding
            LocalDate.of(2012, 6, 5),    // Diamond Jubilee
            LocalDate.of(2022, 6, 3),    // Platinum Jubilee
            LocalDate.of(2022, 9, 19),   // state funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8));   // coronation of King Charles III

    private static final Map<Integer, NavigableSet<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private BankHolidays() {
    }

    /** Whether the date is a bank holiday in England and Wales. */
    public static boolean isBankHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** The year's bank holidays in date order. */
    public static NavigableSet<LocalDate> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Bank holidays are known for " + FIRST_YEAR + " to " + LAST_YEAR
                    + " only, not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, BankHolidays::compute);
    }

    private static NavigableSet<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
        days.add(christmas);
        // Boxing Day takes the next weekday after Christmas (or its substitute)
        LocalDate boxing = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
        days.add(boxing.equals(christmas) ? weekdayOnOrAfter(christmas.plusDays(1)) : boxing);
        MOVED.forEach((usual, held) -> {
            if (usual.getYear() == year && days.remove(usual)) {
                days.add(held);
            }
        });
        ADDED.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return java.util.Collections.unmodifiableNavigableSet(days);
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
