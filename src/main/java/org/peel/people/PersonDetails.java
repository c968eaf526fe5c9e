package org.peel.people;

import java.time.LocalDate;

/**
 * One appearance of a person in one record, with the details exactly as recorded. Resolution never changes these:
 * it only decides which person they belong to. Any detail may be missing ({@code null}).
 *
 * @param recordId the record's own identifier in its source
 */
public record PersonDetails(String recordId, String givenName, String surname, String fullName, LocalDate dob,
                            String sex, String address, String postcode, String city, String email, String phone) {

    /** Only the names and date of birth, as a call handler often has them. */
    public static PersonDetails named(String recordId, String givenName, String surname, LocalDate dob) {
        return new PersonDetails(recordId, givenName, surname, null, dob, null, null, null, null, null, null);
    }

    /** Whether this detail was recorded at all. */
    public boolean has(PersonField field) {
        return switch (field) {
            case GIVEN_NAME -> present(givenName);
            case SURNAME -> present(surname);
            case FULL_NAME -> present(fullName);
            case DOB -> dob != null;
            case SEX -> present(sex);
            case ADDRESS -> present(address);
            case POSTCODE -> present(postcode);
            case CITY -> present(city);
            case EMAIL -> present(email);
            case PHONE -> present(phone);
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
