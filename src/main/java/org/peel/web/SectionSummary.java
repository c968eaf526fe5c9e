package org.peel.web;

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

    /** Each capability offers its summary for a user; an empty list when it holds nothing for them. */
    @FunctionalInterface
    public interface Source {
        List<SectionSummary> forUser(User user);
    }
}
