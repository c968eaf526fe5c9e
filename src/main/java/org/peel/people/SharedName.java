package org.peel.people;

import java.util.Arrays;
import java.util.Optional;

/**
 * Search before create, at the moment of create: a name alone cannot tell apart more people than share it, so a new
 * person is not recorded from a name that more records share than the likely-persons panel shows without the one
 * question that tells them apart — a date of birth, an approximate age or a postcode — or a stated reason the caller
 * gave none. The panel says the same before the question is needed.
 */
public final class SharedName {

    /** How many likely persons the panel and the search page show. */
    public static final int SHOWN = 5;

    /** Why a caller gave no date of birth, age or postcode. */
    public enum NotGiven {
        REFUSED("The caller would not give one"),
        UNKNOWN("The caller does not know them"),
        NOT_SAFE("It was not safe or possible to ask");

        private final String description;

        NotGiven(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** The reason a form sent, by its name; empty for blank text or a name that is not a reason. */
        public static Optional<NotGiven> of(String text) {
            return text == null ? Optional.empty()
                    : Arrays.stream(values()).filter(v -> v.name().equals(text.strip())).findFirst();
        }
    }

    /** What was typed about the person to be recorded. */
    public record Typed(boolean name, boolean dob, boolean age, boolean postcode, Optional<NotGiven> notGiven) {
    }

    /** Why the record may not go ahead yet: the count of namesakes behind it and the message for the form. */
    public record Refusal(int namesakes, String message) {
    }

    private SharedName() {
    }

    /**
     * Whether a new person may be recorded from what was typed, given how many records share the name
     * ({@link PersonSearch#namesakes}). Refused only when a name was typed, more than {@link #SHOWN} records share
     * it, and none of a date of birth, an approximate age, a postcode or a reason for giving none is there.
     */
    public static Optional<Refusal> decide(int namesakes, Typed typed) {
        boolean told = typed.dob() || typed.age() || typed.postcode() || typed.notGiven().isPresent();
        if (!typed.name() || namesakes <= SHOWN || told) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(namesakes, namesakes + " records in Peel have this forename and this surname"
                + " or one that sounds like it, more than can be offered: enter a date of birth, an approximate age"
                + " or a postcode, or say why the caller would not give one, before recording someone new"));
    }

    /**
     * The panel's warning when a name alone was typed and more records share it than are shown; empty otherwise.
     */
    public static Optional<String> warning(int namesakes, boolean nameAlone) {
        if (!nameAlone || namesakes <= SHOWN) {
            return Optional.empty();
        }
        return Optional.of(namesakes + " records in Peel have this forename and this surname or one that sounds"
                + " like it, and only " + SHOWN + " can be shown: ask for a date of birth, an age or a postcode before"
                + " recording someone new.");
    }
}
