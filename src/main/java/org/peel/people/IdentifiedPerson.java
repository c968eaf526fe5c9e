package org.peel.people;

import org.peel.common.BadInput;

/**
 * The known person a user identified someone as while recording, chosen from the likely persons offered as they
 * typed; read from the form or API field that carries the person's number.
 */
public final class IdentifiedPerson {

    private IdentifiedPerson() {
    }

    /**
     * The person's number, or null when none was chosen ("none of these: someone new").
     *
     * @throws BadInput naming {@code field} when the value is not a person's number
     */
    public static Long from(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException ex) {
            throw BadInput.field(field, "Choose one of the persons offered, or none of them");
        }
    }
}
