package org.peel.people;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Search before create, at the moment of create: a name alone cannot tell apart more people than share it, so a new
 * person is not recorded from a name that more records share than the likely-persons panel shows without the one
 * question that tells them apart — a date of birth, an approximate age or a postcode — or a stated reason the caller
 * gave none. The panel says the same before the question is needed.
 *
 * <p>An approximate age answers the question only when it leaves few enough: when more than {@link #SHOWN} of the
 * name's records were born in the years the age stands for, the age has not told them apart, and the panel and the
 * rule ask next for what can — a date of birth or a postcode (or a reason the caller gave neither).
 */
public final class SharedName {

    /** How many likely persons the panel and the search page show. */
    public static final int SHOWN = 5;

    /** The least probability at which the panel offers a record. */
    public static final double OFFERED_AT = 0.01;

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

    /**
     * How many records share a name, and — when an approximate age was given — how many of them were born in its
     * years.
     *
     * @param byName  records with the forename and the surname or one that sounds like it
     * @param years   the birth years the age given stands for, or null when no age was given
     * @param inYears of {@code byName}, those born in {@code years} (0 when no age was given)
     */
    public record Namesakes(int byName, BirthYears years, int inYears, boolean like) {

        /**
         * @param like whether the counts are of the most shared name among the records offered for the name typed,
         *             which few records have ({@link #count})
         */
        public Namesakes {
        }

        /** Counts of the name as typed. */
        public Namesakes(int byName, BirthYears years, int inYears) {
            this(byName, years, inYears, false);
        }

        /** The count for a name alone. */
        public static Namesakes byName(int byName) {
            return new Namesakes(byName, null, 0);
        }

        /** How the name counted is described: the name as typed, or a name like it that the panel offers. */
        String described() {
            return like ? "a name like this one (check the spelling)"
                    : "this forename and this surname or one that sounds like it";
        }

        /** Whether an age was given and still leaves more namesakes than are shown. */
        public boolean sharedAfterAge() {
            return years != null && inYears > SHOWN;
        }
    }

    /** Why the record may not go ahead yet: the count of namesakes behind it and the message for the form. */
    public record Refusal(int namesakes, String message) {
    }

    /**
     * Someone new recorded with no detail that tells them apart from their namesakes — no date of birth or postcode,
     * and no age or an age that still left the name shared — and the reason the caller gave none.
     */
    public record WithoutDetail(NotGiven reason, Namesakes namesakes) {

        /** What the person's page says of the record. */
        public String describe() {
            String why = reason.description().substring(0, 1).toLowerCase() + reason.description().substring(1);
            if (namesakes.years() == null) {
                return "Recorded without a date of birth, age or postcode: " + why;
            }
            return "Recorded with only an approximate age (born " + namesakes.years().span() + ", as "
                    + namesakes.inYears() + " records of this name were) and no date of birth or postcode: " + why;
        }
    }

    /** What counts a name's namesakes: the index the likely-persons panel searches. */
    public interface Counter {

        /** Records with the forename and the surname or one that sounds like it ({@link PersonSearch#namesakes}). */
        int namesakes(PersonDetails name);

        /** Of those, the records born in {@code years}. */
        int namesakes(PersonDetails name, BirthYears years);

        /** The records the panel offers for a name alone, most likely first, at most {@link #SHOWN}. */
        List<PersonDetails> offered(PersonDetails name);

        /** Names Peel holds one slip of the keyboard from the one typed ({@link PersonSearch#slips}). */
        List<PersonDetails> slips(PersonDetails name);
    }

    /**
     * The namesakes that decide whether what was typed is shared: the name's own, and with an approximate age
     * ({@code born}, null for none) those born in its years. When no more records have the name as typed than are
     * shown, a slip in the typing ("Smtih" for "Smith", or an earlier record's own slip) would hide that the
     * person's real name is shared by thousands: the names of the records offered for it, and the names Peel holds
     * one slip of the keyboard from it, are counted too, and when one of them is shared by more than are shown, the
     * most shared is counted instead ({@link Namesakes#like}).
     */
    public static Namesakes count(PersonDetails name, BirthYears born, Counter counter) {
        PersonDetails counted = nameOnly(name);
        int byName = counter.namesakes(counted);
        boolean like = false;
        if (byName <= SHOWN) {
            List<PersonDetails> alike = new java.util.ArrayList<>(counter.offered(counted));
            alike.addAll(counter.slips(counted));
            for (PersonDetails offered : alike) {
                PersonDetails other = nameOnly(offered);
                int n = counter.namesakes(other);
                if (n > SHOWN && n > byName) {
                    byName = n;
                    counted = other;
                    like = true;
                }
            }
        }
        if (born == null || byName <= SHOWN) {
            return new Namesakes(byName, null, 0, like);
        }
        return new Namesakes(byName, born, counter.namesakes(counted, born), like);
    }

    private static PersonDetails nameOnly(PersonDetails d) {
        return new PersonDetails("typed", d.givenName(), d.surname(), null, null, null, null, null, null, null, null);
    }

    private SharedName() {
    }

    /**
     * What to keep when someone new is recorded: the reason given, when a name was typed with no date of birth and
     * no postcode, and either no age or an age that still leaves more namesakes born in its years than are shown.
     * Empty when no reason was given or a detail made it needless.
     */
    public static Optional<WithoutDetail> withoutDetail(Namesakes namesakes, Typed typed) {
        boolean detail = typed.dob() || typed.postcode() || typed.age() && !namesakes.sharedAfterAge();
        if (!typed.name() || detail || typed.notGiven().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WithoutDetail(typed.notGiven().get(),
                typed.age() ? namesakes : Namesakes.byName(namesakes.byName())));
    }

    /**
     * Whether a new person may be recorded from what was typed, given how many records share the name
     * ({@link PersonSearch#namesakes}). Refused only when a name was typed, more than {@link #SHOWN} records share
     * it, and none of a date of birth, an approximate age, a postcode or a reason for giving none is there.
     */
    public static Optional<Refusal> decide(int namesakes, Typed typed) {
        return decide(Namesakes.byName(namesakes), typed);
    }

    private static Optional<Refusal> decideByName(Namesakes namesakes, Typed typed) {
        boolean told = typed.dob() || typed.age() || typed.postcode() || typed.notGiven().isPresent();
        if (!typed.name() || namesakes.byName() <= SHOWN || told) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(namesakes.byName(), namesakes.byName() + " records in Peel have "
                + namesakes.described() + ", more than can be offered: enter a date of birth, an approximate age"
                + " or a postcode, or say why the caller would not give one, before recording someone new"));
    }

    /**
     * As {@link #decide(int, Typed)}, where an approximate age counts as an answer only when it leaves no more than
     * {@link #SHOWN} namesakes born in its years: an age that still leaves more needs a date of birth, a postcode or a
     * reason. The refusal's {@code namesakes} is then the count within the age's years.
     */
    public static Optional<Refusal> decide(Namesakes namesakes, Typed typed) {
        boolean stillShared = typed.age() && namesakes.sharedAfterAge();
        if (!stillShared) {
            return decideByName(namesakes, typed);
        }
        boolean told = typed.dob() || typed.postcode() || typed.notGiven().isPresent();
        if (!typed.name() || told) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(namesakes.inYears(), namesakes.inYears() + " records in Peel share "
                + (namesakes.like() ? "a name like this one" : "this name")
                + " and a birth year in " + namesakes.years().span() + ", more than can be offered: enter a date of"
                + " birth or a postcode, or say why the caller would not give one, before recording someone new"));
    }

    /**
     * The panel's warning for what was typed: for a name alone, {@link #warning(int, boolean)}; for a name and an
     * approximate age with no date of birth or postcode, that the age still leaves more namesakes than are shown
     * and what to ask next; empty otherwise.
     *
     * @param dobOrPostcode whether a date of birth or a postcode was typed too
     */
    public static Optional<String> warning(Namesakes namesakes, boolean dobOrPostcode) {
        if (dobOrPostcode) {
            return Optional.empty();
        }
        if (namesakes.years() == null) {
            return warningByName(namesakes);
        }
        if (!namesakes.sharedAfterAge()) {
            return Optional.empty();
        }
        return Optional.of(namesakes.inYears() + " records in Peel share "
                + (namesakes.like() ? "a name like this one" : "this name") + " and a birth year in "
                + namesakes.years().span() + ", too many to tell apart by the name and age alone: ask for a date of"
                + " birth or a postcode before recording someone new.");
    }

    /**
     * The panel's warning when a name alone was typed and more records share it than are shown; empty otherwise.
     */
    public static Optional<String> warning(int namesakes, boolean nameAlone) {
        return nameAlone ? warningByName(Namesakes.byName(namesakes)) : Optional.empty();
    }

    private static Optional<String> warningByName(Namesakes namesakes) {
        if (namesakes.byName() <= SHOWN) {
            return Optional.empty();
        }
        return Optional.of(namesakes.byName() + " records in Peel have " + namesakes.described() + ", too many to"
                + " tell apart by the name alone: ask for a date of birth, an age or a postcode before recording someone"
                + " new.");
    }
}
