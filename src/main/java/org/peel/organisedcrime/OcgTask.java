package org.peel.organisedcrime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task from a group's lead responsible officer to a borough's neighbourhood team, or to one neighbourhood officer
 * there, against the group or one of its members: what to do, why, by when, and, once done, the result. An open task
 * past its due date is overdue.
 *
 * @param memberRecordId the member's person record when the task is against one member, else null (the whole group)
 * @param officer        the tasked neighbourhood officer's username, or null when the borough's team is tasked
 * @param groupLead      the username of the group's lead responsible officer, or null when no user is named
 */
public record OcgTask(long id, String ocgId, String groupName, String memberRecordId, String memberName,
                      String boroughCode, String officer, String action, String reason, LocalDate dueOn,
                      String status, String result, String taskedBy, Instant taskedAt, String closedBy,
                      Instant closedAt, String groupLead) {

    public boolean open() {
        return "open".equals(status);
    }

    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /** Whether this task is for the user: named to them, or to their borough's team when no officer is named. */
    public boolean tasks(String username, String userBorough) {
        return officer == null ? boroughCode.equals(userBorough) : officer.equals(username);
    }

    /** Against whom, in words: the member's name, or the group as a whole. */
    public String against() {
        return memberRecordId == null ? "the group" : memberName;
    }
}
