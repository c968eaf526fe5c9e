package org.peel.offenders;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who manages a case today: the lead officer unless absent, else the deputy unless absent; a case whose lead and
 * deputy are both absent (or has no deputy while its lead is absent) has no active manager and is listed for the
 * borough's supervisor to cover.
 */
public final class ManagerCover {

    private ManagerCover() {
    }

    /** An officer's absence, from and to inclusive. */
    public record Absence(String officer, LocalDate startsOn, LocalDate endsOn, String reason) {

        public boolean covers(String who, LocalDate day) {
            return officer.equalsIgnoreCase(who) && !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** The decision: who is managing, whether that is the deputy covering, and why. */
    public record Cover(Optional<String> activeManager, boolean leadAbsent, boolean coveredByDeputy, String reason) {

        public boolean uncovered() {
            return activeManager.isEmpty();
        }
    }

    public static Cover on(LocalDate day, String lead, String deputy, List<Absence> absences) {
        boolean leadAway = absent(lead, day, absences);
        if (!leadAway) {
            return new Cover(Optional.of(lead), false, false, "the lead officer is on duty");
        }
        if (deputy == null || deputy.isBlank()) {
            return new Cover(Optional.empty(), true, false, "the lead officer is absent and the case has no deputy");
        }
        if (absent(deputy, day, absences)) {
            return new Cover(Optional.empty(), true, false, "the lead officer and the deputy are both absent");
        }
        return new Cover(Optional.of(deputy), true, true, "the lead officer is absent; the deputy covers");
    }

    /**
     * The checks on an IOM case's managers, the one rule for the case form and the synthetic force: a lead officer,
     * and a deputy who is someone else, so that the case is covered when its lead is away.
     */
    public static org.peel.web.FormErrors checkManagers(String lead, String deputy) {
        org.peel.web.FormErrors errors = org.peel.web.FormErrors.none();
        String l = lead == null ? "" : lead.strip();
        String d = deputy == null ? "" : deputy.strip();
        if (l.isEmpty()) {
            errors.add("lead", "Enter the lead officer");
        }
        if (d.isEmpty()) {
            errors.add("deputy", "Enter a deputy, so the case is covered when the lead is away");
        } else if (d.equalsIgnoreCase(l)) {
            errors.add("deputy", "The deputy must be someone other than the lead officer");
        }
        return errors;
    }

    private static boolean absent(String officer, LocalDate day, List<Absence> absences) {
        return absences.stream().anyMatch(a -> a.covers(officer, day));
    }
}
