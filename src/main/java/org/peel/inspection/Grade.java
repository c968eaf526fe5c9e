package org.peel.inspection;

import java.util.Locale;
import java.util.Optional;

/**
 * The four graded judgements of the PEEL effectiveness inspections of 2015 to 2018/19, as Annex A of the reports
 * gives them. (From 2021/22 the scale has five grades, adding "adequate": a later framework brings its own grades.)
 */
public enum Grade {
    OUTSTANDING("Outstanding"),
    GOOD("Good"),
    REQUIRES_IMPROVEMENT("Requires improvement"),
    INADEQUATE("Inadequate");

    private final String title;

    Grade(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** As stored and written in forms: {@code requires_improvement}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grade> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Grade g : values()) {
            if (g.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
