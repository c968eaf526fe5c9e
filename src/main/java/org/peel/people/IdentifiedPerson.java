package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The known person a user identified someone as while recording, chosen from the likely persons offered as they
 * typed; read from the form or API field that carries the person's reference. The choice obeys the same fence as
 * the people pages: a local role may choose only a person with a record in its borough, so that recording cannot be
 * used to pull another borough's records into view. A refused choice is audited and answered as if there were no
 * such person.
 *
 * <p>When "someone new" is chosen instead, {@link #problemsWithSomeoneNew} applies {@link SharedName}: a name that more
 * records share than the panel shows needs a date of birth, an approximate age, a postcode or a reason for none; an
 * age that still leaves more namesakes born in its years than the panel shows needs a date of birth, a postcode or a
 * reason.
 */
public final class IdentifiedPerson {

    private static final String CHOOSE = "Choose one of the persons offered, or none of them";

    private final PeopleStore people;
    private final PersonRecordStore records;
    private final AuditTrail audit;
    /** Counts a name's namesakes for the rule on someone new; null where no index is at hand (no rule applied). */
    private final PersonIndex index;

    /** A recording form's fields for one person, by name; {@code postcode} is null when the form has none. */
    public record Fields(String forenames, String surname, String dob, String age, String postcode,
                         String notGiven) {
        /** Fields named {@code victimForenames}, {@code victimSurname} ... */
        public static Fields camel(String as) {
            return new Fields(as + "Forenames", as + "Surname", as + "Dob", as + "Age", as + "Postcode",
                    as + "NotGiven");
        }

        /** Fields named {@code victim_forenames}, {@code victim_surname} ..., without a postcode. */
        public static Fields snakeWithoutPostcode(String as) {
            return new Fields(as + "_forenames", as + "_surname", as + "_dob", as + "_age", null,
                    as + "_not_given");
        }
    }

    /** Auditing on a trail of its own (timed by the system clock). */
    public IdentifiedPerson(Jdbi jdbi) {
        this(jdbi, new AuditTrail(jdbi));
    }

    /** Auditing on the trail given (timed by the clock Peel is given); no rule on someone new. */
    public IdentifiedPerson(Jdbi jdbi, AuditTrail audit) {
        this(jdbi, audit, null);
    }

    /** Auditing on the trail given, counting namesakes in {@code index} for the rule on someone new. */
    public IdentifiedPerson(Jdbi jdbi, AuditTrail audit, PersonIndex index) {
        this.people = new PeopleStore(jdbi, audit);
        this.records = new PersonRecordStore(jdbi);
        this.audit = audit;
        this.index = index;
    }

    /**
     * What stops a new person being recorded from a form's details, by form field: an approximate age that is not
     * an age, a reason for giving none that is not one of {@link SharedName.NotGiven}, and — when "someone new" was
     * chosen ({@code chosen} blank) — a name that more records share than the panel shows with none of a date of
     * birth, an age, a postcode or a reason, named on the date of birth field; or an age that still leaves more
     * namesakes born in its years than the panel shows, with no date of birth, postcode or reason, named on the age
     * field. Empty when it may go ahead.
     *
     * @param form the form's value for a field name, null or blank when not filled in
     */
    public Map<String, String> problemsWithSomeoneNew(String chosen, Fields fields, Function<String, String> form,
                                                      LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        String age = given(form.apply(fields.age()));
        if (age != null) {
            try {
                BirthYears.parse(age, today);
            } catch (IllegalArgumentException ex) {
                problems.put(fields.age(), ex.getMessage());
            }
        }
        String notGivenText = given(form.apply(fields.notGiven()));
        if (notGivenText != null && SharedName.NotGiven.of(notGivenText).isEmpty()) {
            problems.put(fields.notGiven(), "Choose why the caller gave no date of birth, age or postcode");
        }
        Optional<Asked> asked = asked(chosen, fields, form, today);
        if (asked.isEmpty()) {
            return problems;
        }
        SharedName.Namesakes namesakes = asked.get().namesakes();
        // an age that still leaves the name shared is named on the age field, where it was typed; a name alone on
        // the date of birth field, the first thing to ask for
        String field = namesakes.sharedAfterAge() ? fields.age() : fields.dob();
        SharedName.decide(namesakes, asked.get().typed()).ifPresent(r -> problems.putIfAbsent(field, r.message()));
        return problems;
    }

    /**
     * The reason to keep with the new person record ({@link SharedName#withoutDetail}) when "someone new" was chosen
     * from what the form holds; empty when a person was chosen, a detail was given, or no reason was.
     */
    public Optional<SharedName.WithoutDetail> withoutDetail(String chosen, Fields fields,
                                                            Function<String, String> form, LocalDate today) {
        return asked(chosen, fields, form, today).flatMap(a -> SharedName.withoutDetail(a.namesakes(), a.typed()));
    }

    /** What was typed of someone new and how many share the name: empty when the rule does not apply. */
    private record Asked(SharedName.Typed typed, SharedName.Namesakes namesakes) {
    }

    private Optional<Asked> asked(String chosen, Fields fields, Function<String, String> form, LocalDate today) {
        String surname = given(form.apply(fields.surname()));
        String forenames = given(form.apply(fields.forenames()));
        if (index == null || given(chosen) != null || surname == null || forenames == null) {
            return Optional.empty();
        }
        String age = given(form.apply(fields.age()));
        BirthYears born;
        try {
            born = age == null ? null : BirthYears.parse(age, today).orElse(null);
        } catch (IllegalArgumentException notAnAge) {
            // named on its own field; counted as no age here
            born = null;
        }
        SharedName.Typed typed = new SharedName.Typed(true, given(form.apply(fields.dob())) != null, born != null,
                fields.postcode() != null && given(form.apply(fields.postcode())) != null,
                SharedName.NotGiven.of(given(form.apply(fields.notGiven()))));
        PersonDetails name = new PersonDetails("typed", forenames, surname, null, null, null, null, null, null, null,
                null);
        return Optional.of(new Asked(typed, index.shared(name, born)));
    }

    private static String given(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The number of the person chosen, or null when none was chosen ("none of these: someone new").
     *
     * @param value   the person's public reference as offered; a person's number is still taken from API clients
     *                that send one, and is fenced the same way
     * @param section the section of the recording form, e.g. Prevention for an ASB call
     * @throws BadInput naming {@code field} when there is no such person, or none the user may choose
     */
    public Long chosenBy(User user, Section section, String value, String field, String clientAddress) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Optional<Long> person = text.matches("[0-9]{1,18}")
                ? Optional.of(Long.parseLong(text)).filter(people::exists)
                : people.personByRef(text);
        if (person.isEmpty()) {
            throw BadInput.field(field, CHOOSE);
        }
        List<String> boroughs = records.recordsOf(person.get()).stream()
                .map(PersonRecordStore.PersonRecord::boroughCode).toList();
        AccessDecision decision = AccessPolicy.decideOverRecords(user, AccessRequest.view(section), boroughs,
                AccessPolicy.Reach.ANY);
        if (!decision.allowed()) {
            audit.record(AuditEvent.by(user, "access-denied", "person", Long.toString(person.get()), AuditEvent.DENIED)
                    .from(clientAddress).detail("chosen as " + field + ": " + decision.summary()));
            throw BadInput.field(field, CHOOSE);
        }
        return person.get();
    }
}
