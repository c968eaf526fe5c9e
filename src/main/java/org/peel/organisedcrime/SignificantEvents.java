package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.List;

/**
 * The significant events a disruption brings about, each of which makes the group due for reassessment at once:
 * a principal arrested, a principal charged, an impact graded at or above the force's significant grade, firearms
 * seized. (New intelligence graded significant is the fourth kind, recorded on its own.)
 */
public final class SignificantEvents {

    /** One event: its kind as stored and the words shown. */
    public record Event(String kind, String detail) {
    }

    private SignificantEvents() {
    }

    public static List<Event> of(Disruption d, OcgSettings settings) {
        List<Event> events = new ArrayList<>();
        if (d.principalArrested()) {
            events.add(new Event("principal_arrested", "a principal arrested (" + d.heading() + ", " + d.occurredOn() + ")"));
        }
        if (d.principalCharged()) {
            events.add(new Event("principal_charged", "a principal charged (" + d.heading() + ", " + d.occurredOn() + ")"));
        }
        if (settings.significantImpact(d.impact())) {
            events.add(new Event("major_disruption", "a disruption graded " + d.impact() + " (significant from "
                    + settings.significantFrom() + ")"));
        }
        if (d.firearmsSeized() > 0) {
            events.add(new Event("firearms_seized", d.firearmsSeized() + " firearm" + (d.firearmsSeized() == 1 ? "" : "s")
                    + " seized"));
        }
        return events;
    }
}
