package org.peel.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A note from an interview, a focus group or reality testing: when it was held, who was heard (a role group such as
 * "response officers" or "DA supervisors", never a name), a summary, and the sub-questions it speaks to.
 */
public record InspectionNote(String id, String kind, LocalDate heldOn, String roleGroup, String summary,
                             List<String> tags, String recordedBy, Instant recordedAt) {

    /** The kinds of note, as kept. */
    public static final List<String> KINDS = List.of("interview", "focus_group", "reality_testing");

    public InspectionNote {
        tags = List.copyOf(tags);
    }

    /** "Focus group", "Interview", "Reality testing". */
    public static String kindTitle(String kind) {
        String words = kind.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
