package org.peel.organisedcrime;

import org.peel.access.AccessStore;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.web.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task order as the group's page and the API give it, checked field by field: against the group or one of its
 * current members, a borough of the force, a named officer only if an enabled neighbourhood officer of that borough,
 * what to do and why, and a due date not in the past. Fields are named as the form names them ({@code taskAgainst},
 * {@code taskBorough}, {@code taskOfficer}, {@code taskAction}, {@code taskReason}, {@code taskDueOn}).
 */
final class TaskOrders {

    private TaskOrders() {
    }

    /** The errors by field, and the order when there are none. */
    record Checked(FormErrors errors, OcgRegister.TaskOrder order) {
    }

    static Checked check(OcgStore store, AccessStore accounts, Set<String> boroughs, OcgGroup g,
                         Map<String, String> values, LocalDate today) {
        FormErrors errors = FormErrors.none();
        String against = blankAsNull(values.get("taskAgainst"));
        if (against != null && store.members(g.id()).stream().noneMatch(m -> m.recordId().equals(against))) {
            errors.add("taskAgainst", "Choose the group, or one of its current members or associates");
        }
        String borough = values.getOrDefault("taskBorough", "");
        if (!boroughs.contains(borough)) {
            errors.add("taskBorough", "Choose the borough to task");
        }
        String officer = blankAsNull(values.get("taskOfficer"));
        if (officer != null) {
            Optional<User> tasked = accounts.findUser(officer);
            if (tasked.isEmpty() || tasked.get().role() != Role.NEIGHBOURHOOD_OFFICER) {
                errors.add("taskOfficer", "Choose a neighbourhood officer, or leave it to the borough's team");
            } else if (!borough.equals(tasked.get().boroughCode())) {
                errors.add("taskOfficer", "That officer works in another borough: choose one of the borough tasked");
            }
        }
        String action = values.getOrDefault("taskAction", "").strip();
        if (action.isEmpty()) {
            errors.add("taskAction", "Say what is to be done, for example: check who is living at the address");
        }
        String reason = values.getOrDefault("taskReason", "").strip();
        if (reason.isEmpty()) {
            errors.add("taskReason", "Say why, for example: intelligence that the group stores drugs there");
        }
        LocalDate due = null;
        try {
            due = LocalDate.parse(values.getOrDefault("taskDueOn", ""));
            if (due.isBefore(today)) {
                errors.add("taskDueOn", "The due date cannot be in the past");
            }
        } catch (DateTimeParseException ex) {
            errors.add("taskDueOn", "Enter the date the task is due as YYYY-MM-DD");
        }
        return new Checked(errors, errors.any() ? null
                : new OcgRegister.TaskOrder(against, borough, officer, action, reason, due));
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
