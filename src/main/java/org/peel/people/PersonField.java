package org.peel.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The details of a person record that identity resolution compares, named as the command line names them. */
public enum PersonField {
    GIVEN_NAME, SURNAME, FULL_NAME, DOB, SEX, ADDRESS, POSTCODE, CITY, EMAIL, PHONE;

    /** The name used on the command line and in files, e.g. {@code given_name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonField parse(String key) {
        for (PersonField f : values()) {
            if (f.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + key + "': use one of "
                + Arrays.stream(values()).map(PersonField::key).collect(Collectors.joining(", ")));
    }
}
