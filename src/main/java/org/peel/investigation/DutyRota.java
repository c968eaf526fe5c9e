package org.peel.investigation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Whether an investigator is on duty at a moment, from their duty rota: on duty when one of their shifts covers it
 * (from its start, up to but not including its end). A shift whose end is not after its start runs past midnight,
 * so 22:00–06:00 on Monday covers 03:00 on Tuesday. An investigator with no rota at all keeps the simple on-duty
 * flag, so a force that does not load a rota allocates as before.
 */
public final class DutyRota {

    private DutyRota() {
    }

    /**
     * How far ahead allocation looks for an investigator's next shift: a four-days-on, four-off rota's longest gap,
     * and a day more.
     */
    public static final int NEXT_SHIFT_DAYS = 9;

    /** One shift on one day. */
    public record Shift(LocalDate date, LocalTime start, LocalTime end) {
        public LocalDateTime startsAt() {
            return date.atTime(start);
        }

        public LocalDateTime endsAt() {
            return end.isAfter(start) ? date.atTime(end) : date.plusDays(1).atTime(end);
        }

        public boolean covers(LocalDateTime at) {
            return !at.isBefore(startsAt()) && at.isBefore(endsAt());
        }
    }

    /**
     * @param hasRota whether the investigator has any rota row at all (on any day)
     * @param shifts  their shifts that could cover {@code at} (that day's and the day before's)
     * @param flag    the simple on-duty flag, used when there is no rota
     */
    public static boolean onDuty(boolean hasRota, List<Shift> shifts, LocalDateTime at, boolean flag) {
        if (!hasRota) {
            return flag;
        }
        return shifts.stream().anyMatch(s -> s.covers(at));
    }
}
