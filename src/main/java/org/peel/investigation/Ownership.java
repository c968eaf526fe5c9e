package org.peel.investigation;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a crime came to its owner, in the words the crime page uses: allocated at recording to an investigator on
 * duty, on the next shift (with when it starts), as the borough's duty detective or from a neighbouring borough's
 * team; chosen by a supervisor; or with the supervisor, because nobody accredited could take it. Pure.
 */
public final class Ownership {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Ownership() {
    }

    /**
     * The owner as recorded.
     *
     * @param route          the allocation route's name ({@link Allocation.Route}); null for a supervisor's choice or an
     *                       allocation made before routes were kept
     * @param startsAt       when the owner starts work on it (the next shift), or null
     * @param allocatedBy    who allocated: a user's name for a supervisor's choice
     * @param ownerBorough   the owner's team's borough name, null for a central unit
     * @param crimeBorough   the crime's borough name
     */
    public record Owner(String name, int pipLevel, String specialism, String teamName, String route,
                        LocalDateTime allocatedAt, LocalDateTime startsAt, String allocatedBy, boolean bySupervisor,
                        String ownerBorough, String crimeBorough) {
    }

    /** One sentence for an allocated crime. */
    public static String sentence(Owner o) {
        String accredited = "accredited for PIP " + o.pipLevel() + " " + lower(o.specialism());
        if (o.bySupervisor()) {
            return "Allocated by the supervisor " + o.allocatedBy() + " on " + o.allocatedAt().toLocalDate().format(DAY)
                    + " to " + o.name() + " (" + o.teamName() + "), " + accredited + ".";
        }
        String route = o.route() == null ? "" : o.route();
        return switch (route) {
            case "ON_DUTY" -> "Allocated at recording to " + o.name() + ", on duty, " + accredited + ".";
            case "NEXT_SHIFT" -> "Allocated at recording to " + o.name() + ", " + accredited + ", on the next shift, "
                    + "which starts " + when(o.startsAt()) + ": nobody accredited was on duty.";
            case "DUTY_DETECTIVE" -> "Allocated at recording to " + o.name() + ", the duty detective in "
                    + o.crimeBorough() + " (" + accredited + "), because the crime is urgent and no "
                    + lower(o.specialism()) + " investigator was on duty.";
            case "NEIGHBOURING_BOROUGH" -> "Allocated at recording to " + o.name() + " of the neighbouring borough "
                    + (o.ownerBorough() == null ? o.teamName() : o.ownerBorough()) + ", " + accredited
                    + ", because nobody in " + o.crimeBorough() + " could take it in time.";
            default -> "Allocated to " + o.name() + " (" + o.teamName() + "), " + accredited + ".";
        };
    }

    /** One sentence for a crime nobody owns yet: the supervisor holds it, for the reason allocation gave. */
    public static String queued(String reason) {
        String why = reason == null || reason.isBlank() ? "nobody accredited could take it"
                : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        return "With the supervisor, because " + (why.endsWith(".") ? why : why + ".");
    }

    private static String when(LocalDateTime at) {
        // the day is always named: the page is read long after the crime was recorded
        return at == null ? "when the investigator is next on duty"
                : "at " + at.toLocalTime().format(TIME) + " on " + at.toLocalDate().format(DAY);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.UK);
    }
}
