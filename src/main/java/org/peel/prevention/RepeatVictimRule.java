package org.peel.prevention;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Whether a victim is a repeat victim of ASB at the moment a new incident is recorded: at least
 * {@link AsbRiskSettings#repeatIncidents()} incidents, this one included, in the
 * {@link AsbRiskSettings#repeatMonths()} months up to it. The count and window are local practice, not a national
 * standard (reference/standards.md §3.2 marks "3 in 12 months" unverified), so both come from configuration.
 */
public final class RepeatVictimRule {

    public static final String VERSION = "asb-repeat-1";

    private RepeatVictimRule() {
    }

    /**
     * The decision, with how many incidents fell in the window (this one included) and the window's start.
     */
    public record Decision(boolean repeat, int incidentsInWindow, LocalDateTime windowStart, List<String> reasons,
                           String ruleVersion) {
    }

    /**
     * @param now     when this incident was reported
     * @param earlier when the victim's earlier incidents were reported; later ones and ones outside the window are ignored
     */
    public static Decision decide(LocalDateTime now, Collection<LocalDateTime> earlier, AsbRiskSettings settings) {
        LocalDateTime from = now.minusMonths(settings.repeatMonths());
        int count = 1 + (int) earlier.stream().filter(t -> !t.isBefore(from) && !t.isAfter(now)).count();
        boolean repeat = count >= settings.repeatIncidents();
        String reason = count + " incident" + (count == 1 ? "" : "s") + " in the " + settings.repeatMonths()
                + " months to this one, this one included; repeat victim from " + settings.repeatIncidents();
        return new Decision(repeat, count, from, List.of(reason), VERSION);
    }
}
