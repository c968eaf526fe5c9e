package org.peel.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When things happen: seasonality by month, day-of-week and hour-of-day patterns, and a few known days
 * (Halloween, Bonfire Night, New Year's Eve) for the kinds of event that spike on them. The shapes follow
 * the well-known patterns of UK police data (violence in night-time economy hours and at weekends, burglary
 * in dark winter evenings, ASB in summer evenings); the exact numbers are this generator's, not a standard.
 */
final class TimeModel {

    /** A pattern of timing shared by several kinds of record. */
    enum Profile {
        NIGHT_ECONOMY(0.12, 7, new double[]{9, 7, 5, 3, 2, 1.5, 1.5, 2, 3, 3.5, 4, 4.5, 5, 5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 9, 10, 10},
                new double[]{0.85, 0.85, 0.9, 0.95, 1.15, 1.4, 1.25}),
        DAYTIME(0.08, 12, new double[]{1, 0.6, 0.4, 0.3, 0.3, 0.4, 1, 2, 3.5, 5, 6.5, 7.5, 8, 8, 8, 8, 8, 7.5, 6.5, 5, 4, 3, 2, 1.5},
                new double[]{1, 1, 1, 1, 1.1, 1.2, 0.85}),
        BURGLARY(0.18, 12, new double[]{3, 2.5, 2, 1.5, 1, 1, 1.5, 2.5, 4, 5, 5, 5, 5, 5, 5.5, 6, 7, 8, 8.5, 8, 7, 6, 5, 4},
                new double[]{1.02, 1, 1, 1, 1.05, 1, 0.93}),
        VEHICLE(0.1, 11, new double[]{7, 7, 6, 5, 4, 3, 2.5, 3, 3.5, 4, 4, 4, 4, 4, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8},
                new double[]{1, 1, 1, 1, 1.05, 1.05, 0.95}),
        ASB(0.2, 7, new double[]{4, 3, 2, 1.2, 0.8, 0.6, 0.8, 1.5, 2.5, 3, 3.5, 4, 4.5, 4.5, 5, 6, 7.5, 8.5, 9, 9, 9, 8.5, 7, 5.5},
                new double[]{0.92, 0.92, 0.95, 0.98, 1.15, 1.2, 1.05}),
        DOMESTIC(0.08, 7, new double[]{6, 4.5, 3, 2, 1.5, 1, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8, 7.5},
                new double[]{1.05, 0.92, 0.92, 0.92, 1, 1.15, 1.2}),
        PROACTIVE(0.05, 6, new double[]{2, 1.5, 1, 0.5, 0.5, 0.5, 1, 2, 3, 4, 5, 6, 6, 6, 6.5, 7, 7.5, 7.5, 7, 6.5, 6, 5, 4, 3},
                new double[]{1.05, 1.05, 1.05, 1.05, 1.05, 0.95, 0.8}),
        MISSING(0.06, 5, new double[]{3, 2, 1.5, 1, 0.8, 0.8, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5.5, 7, 8, 8.5, 8.5, 8, 7, 6, 5, 4},
                new double[]{1, 1, 1, 1.05, 1.1, 1, 0.95});

        final double seasonalAmplitude;
        final int peakMonth;
        final double[] hours;
        final double[] days;

        Profile(double seasonalAmplitude, int peakMonth, double[] hours, double[] days) {
            this.seasonalAmplitude = seasonalAmplitude;
            this.peakMonth = peakMonth;
            this.hours = hours;
            this.days = days;
        }
    }

    private final long startSecond;
    private final int days;
    private final Map<Profile, Weighted> slots = new EnumMap<>(Profile.class);

    TimeModel(LocalDate start, LocalDate endExclusive) {
        this.startSecond = start.toEpochDay() * 86_400L;
        this.days = (int) (endExclusive.toEpochDay() - start.toEpochDay());
        for (Profile p : Profile.values()) {
            double[] w = new double[days * 24];
            for (int d = 0; d < days; d++) {
                LocalDate date = start.plusDays(d);
                double season = 1 + p.seasonalAmplitude * StrictMath.cos(2 * StrictMath.PI * (date.getMonthValue() - p.peakMonth) / 12.0);
                double day = p.days[date.getDayOfWeek().getValue() - 1] * special(p, date);
                for (int h = 0; h < 24; h++) {
                    double weekendNight = p == Profile.NIGHT_ECONOMY && h < 5
                            && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) ? 1.8 : 1;
                    w[d * 24 + h] = season * day * p.hours[h] * weekendNight;
                }
            }
            slots.put(p, new Weighted(w));
        }
    }

    private static double special(Profile p, LocalDate date) {
        MonthDay md = MonthDay.from(date);
        if (p == Profile.ASB && (md.equals(MonthDay.of(10, 31)) || md.equals(MonthDay.of(11, 5)))) {
            return 2.5;
        }
        if ((p == Profile.NIGHT_ECONOMY || p == Profile.DOMESTIC) && (md.equals(MonthDay.of(12, 31))
                || md.equals(MonthDay.of(1, 1)) || md.equals(MonthDay.of(12, 25)) || md.equals(MonthDay.of(12, 26)))) {
            return 1.8;
        }
        return 1;
    }

    /** A moment in the period, as local seconds since 1970-01-01T00:00. */
    long draw(Profile p, SplittableRandom rnd) {
        return startSecond + slots.get(p).draw(rnd) * 3600L + rnd.nextInt(3600);
    }

    long startSecond() {
        return startSecond;
    }

    long endSecond() {
        return startSecond + days * 86_400L;
    }

    int days() {
        return days;
    }
}
