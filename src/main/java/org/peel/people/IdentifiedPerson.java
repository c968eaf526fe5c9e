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

import java.util.List;
import java.util.Optional;

/**
 * The known person a user identified someone as while recording, chosen from the likely persons offered as they
 * typed; read from the form or API field that carries the person's reference. The choice obeys the same fence as
 * the people pages: a local role may choose only a person with a record in its borough, so that recording cannot be
 * used to pull another borough's records into view. A refused choice is audited and answered as if there were no
 * such person.
 */
public final class IdentifiedPerson {

    private static final String CHOOSE = "Choose one of the persons offered, or none of them";

    private final PeopleStore people;
    private final PersonRecordStore records;
    private final AuditTrail audit;

    /** Auditing on a trail of its own (timed by the system clock). */
    public IdentifiedPerson(Jdbi jdbi) {
        this(jdbi, new AuditTrail(jdbi));
    }

    /** Auditing on the trail given (timed by the clock Peel is given). */
    public IdentifiedPerson(Jdbi jdbi, AuditTrail audit) {
        this.people = new PeopleStore(jdbi, audit);
        this.records = new PersonRecordStore(jdbi);
        this.audit = audit;
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
