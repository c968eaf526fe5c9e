package org.peel.organisedcrime;

import java.time.LocalDate;
import java.util.List;

/**
 * A group on the register as it stands: what is known of it, its current assessment (null until first scored under
 * the register's model), how many members and principals it has, and why it was archived (null while active, or
 * when archived before reasons were kept). The lead responsible officer is a user ({@code leadOfficerUsername}) once
 * one is picked; {@code leadOfficer} is the name as first recorded, kept readable for groups whose officer is not yet
 * a user.
 */
public record OcgGroup(String id, String name, String boroughCode, List<String> activities, boolean firearms,
                       Violence violence, boolean corruption, boolean moneyLaundering, boolean specialistSkills,
                       Reach reach, List<String> areas, String leadOfficer, String status, LocalDate mappedOn,
                       LocalDate archivedOn, Double score, String band, String modelVersion, LocalDate lastAssessed,
                       int members, int principals, String archiveReason, String leadOfficerUsername) {

    public OcgGroup {
        activities = List.copyOf(activities);
        areas = List.copyOf(areas);
    }

    /** The facts it is scored on. */
    public GroupFacts facts() {
        return new GroupFacts(activities, members, principals, firearms, violence, corruption, moneyLaundering, reach);
    }

    public String predominantActivity() {
        return activities.isEmpty() ? "" : activities.get(0);
    }

    public boolean active() {
        return "active".equals(status);
    }

    /** The date its current assessment counts from: the last assessment, or the day it was mapped. */
    public LocalDate assessedOrMapped() {
        return lastAssessed != null ? lastAssessed : mappedOn;
    }

    /** Its capability in words. */
    public String capabilityText() {
        List<String> held = new java.util.ArrayList<>();
        if (firearms) {
            held.add("firearms");
        }
        if (corruption) {
            held.add("corruption");
        }
        if (moneyLaundering) {
            held.add("money laundering");
        }
        if (specialistSkills) {
            held.add("specialist skills");
        }
        return held.isEmpty() ? "None recorded" : String.join(", ", held);
    }
}
