package org.peel.web;

import org.peel.access.AccessPolicy;
import org.peel.access.Section;
import org.peel.access.User;

import java.util.List;

/**
 * What a section holds, as a few counts a user can trust at a glance, scoped to what they may see
 * (their borough, for a local role). Each capability contributes one.
 */
public record SectionSummary(Section section, String title, List<Line> lines, String note) {

    /** One figure: what it counts, the count, and optionally a breakdown. */
    public record Line(String label, long count, String detail) {
    }

    /** The borough a summary covers for this user: their own for a local role, null (force-wide) otherwise. */
    public static String boroughOf(User user) {
        return AccessPolicy.boroughInView(user, null);
    }

    /** Twelve months ending with the day of the newest record held: [from, to), and the words that say so. */
    public record Window(java.time.LocalDateTime from, java.time.LocalDateTime to, String note) {

        public static Window endingWith(java.time.LocalDateTime newest, String what) {
            java.time.LocalDateTime to = newest.toLocalDate().plusDays(1).atStartOfDay();
            return new Window(to.minusMonths(12), to,
                    "Twelve months to " + newest.toLocalDate() + ", the newest " + what + " held.");
        }
    }

    /** Each capability offers its summary for a user; an empty list when it holds nothing for them. */
    @FunctionalInterface
    public interface Source {
        List<SectionSummary> forUser(User user);
    }
}
