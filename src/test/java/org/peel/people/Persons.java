package org.peel.people;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds person records for tests: {@code Persons.person().given("John").surname("Smith").prepared()}. */
final class Persons {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private String id = "r" + NEXT_ID.getAndIncrement();
    private String given;
    private String surname;
    private String fullName;
    private LocalDate dob;
    private String sex;
    private String address;
    private String postcode;
    private String city;
    private String email;
    private String phone;

    private Persons() {
    }

    static Persons person() {
        return new Persons();
    }

    /** John Smith, born 4 March 1980, of 12 High Street, Manchester M1 1AE. */
    static Persons johnSmith() {
        return person().given("John").surname("Smith").dob("1980-03-04").sex("M").address("12 High Street")
                .postcode("M1 1AE").city("Manchester").email("john.smith@example.org").phone("0161 496 0000");
    }

    Persons id(String value) {
        id = value;
        return this;
    }

    Persons given(String value) {
        given = value;
        return this;
    }

    Persons surname(String value) {
        surname = value;
        return this;
    }

    Persons fullName(String value) {
        fullName = value;
        return this;
    }

    Persons dob(String iso) {
        dob = iso == null ? null : LocalDate.parse(iso);
        return this;
    }

    Persons sex(String value) {
        sex = value;
        return this;
    }

    Persons address(String value) {
        address = value;
        return this;
    }

    Persons postcode(String value) {
        postcode = value;
        return this;
    }

    Persons city(String value) {
        city = value;
        return this;
    }

    Persons email(String value) {
        email = value;
        return this;
    }

    Persons phone(String value) {
        phone = value;
        return this;
    }

    PersonDetails details() {
        return new PersonDetails(id, given, surname, fullName, dob, sex, address, postcode, city, email, phone);
    }

    PreparedRecord prepared() {
        return PreparedRecord.of(details());
    }
}
