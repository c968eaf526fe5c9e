package org.peel.people;

import java.util.List;
import java.util.Set;

/**
 * How one detail of two records is compared: an ordered list of levels, best agreement first, and a pure function
 * that says which level a pair falls in. Level 0 is always "missing" and carries no weight. How much each level
 * counts is not written here: it is estimated from the data ({@link ExpectationMaximisation}).
 */
public sealed interface FieldComparison extends java.io.Serializable {

    /** Short name used in explanations, e.g. {@code surname}. */
    String name();

    /** The details this comparison reads; it is used only when the data has at least one of them. */
    Set<PersonField> fields();

    List<ComparisonLevel> levels();

    /** The index in {@link #levels()} of the level this pair falls in. */
    int compare(PreparedRecord a, PreparedRecord b);

    /** The comparisons Peel uses, in the order explanations show them. */
    static List<FieldComparison> standard() {
        return List.of(new GivenName(Nicknames.standard()), new Surname(), new DateOfBirth(), new Sex(),
                new Address(), new Postcode(), new City(), new Email(), new Phone());
    }

    /** Only the comparisons whose details the data actually has. */
    static List<FieldComparison> forFields(Set<PersonField> present) {
        return standard().stream().filter(c -> c.fields().stream().anyMatch(present::contains)).toList();
    }

    private static double similarity(String a, String b, double threshold) {
        return Spelling.jaroWinklerAtLeast(a, b, threshold);
    }

    private static boolean soundAlike(String a1, String a2, String b1, String b2) {
        return a1 != null && b1 != null
                && (a1.equals(b1) || a1.equals(b2) || a2 != null && (a2.equals(b1) || a2.equals(b2)));
    }

    /** Given names: exact, swapped with the surname, spelling bands, nickname, sound, initial. */
    record GivenName(Nicknames nicknames) implements FieldComparison {
        public static final int MISSING = 0;
        public static final int EXACT = 1;
        public static final int SWAPPED = 2;
        public static final int CLOSE_SPELLING = 3;
        public static final int NICKNAME = 4;
        public static final int SOUNDS_ALIKE = 5;
        public static final int SIMILAR_SPELLING = 6;
        public static final int INITIAL = 7;
        public static final int DIFFERENT = 8;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "given name missing on one or both"),
                ComparisonLevel.of("exact", "given names the same"),
                ComparisonLevel.of("swapped", "given name and surname swapped"),
                ComparisonLevel.of("jaro-winkler-0.92", "given names spelt almost the same (Jaro-Winkler at least 0.92)"),
                ComparisonLevel.of("nickname", "one given name is a familiar form of the other"),
                ComparisonLevel.of("double-metaphone", "given names sound the same (Double Metaphone)"),
                ComparisonLevel.of("jaro-winkler-0.80", "given names spelt similarly (Jaro-Winkler at least 0.80)"),
                ComparisonLevel.of("initial", "one given name is the other's initial"),
                ComparisonLevel.of("different", "given names different"));

        @Override
        public String name() {
            return "given_name";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.GIVEN_NAME, PersonField.FULL_NAME);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.given == null || b.given == null) {
                return swapped(a, b) ? SWAPPED : MISSING;
            }
            if (a.given.equals(b.given)) {
                return EXACT;
            }
            if (swapped(a, b)) {
                return SWAPPED;
            }
            double jw = similarity(a.given, b.given, 0.80);
            if (jw >= 0.92) {
                return CLOSE_SPELLING;
            }
            if (nicknames.sameName(a.given, b.given)) {
                return NICKNAME;
            }
            // a middle name on one record only ("Sarah Jane" and "Sarah"): the first names decide
            boolean middle = !a.givenFirst.equals(a.given) || !b.givenFirst.equals(b.given);
            if (middle) {
                if (a.givenFirst.equals(b.givenFirst)
                        || similarity(a.givenFirst, b.givenFirst, 0.92) >= 0.92) {
                    return CLOSE_SPELLING;
                }
                if (nicknames.sameName(a.givenFirst, b.givenFirst)) {
                    return NICKNAME;
                }
            }
            if (soundAlike(a.givenSound, a.givenSoundAlternate, b.givenSound, b.givenSoundAlternate)) {
                return SOUNDS_ALIKE;
            }
            if (jw >= 0.80 || middle && similarity(a.givenFirst, b.givenFirst, 0.80) >= 0.80) {
                return SIMILAR_SPELLING;
            }
            if (initialsOf(a, b) || initialsOf(b, a)) {
                return INITIAL;
            }
            return DIFFERENT;
        }

        /** {@code a}'s given names are only initials ("S" or "S A"), and they begin {@code b}'s given names. */
        private static boolean initialsOf(PreparedRecord a, PreparedRecord b) {
            if (a.givenInitials.length() != a.givenJoined.length()) {
                return false;
            }
            return b.givenInitials.startsWith(a.givenInitials)
                    || a.givenInitials.length() == 1 && a.givenInitials.charAt(0) == b.given.charAt(0);
        }

        /**
         * Each record's given name is the other's surname: a name written in the wrong box, perhaps with a slip
         * of the keyboard as well (spaces aside, spelt almost the same).
         */
        static boolean swapped(PreparedRecord a, PreparedRecord b) {
            if (a.given == null || b.surname == null || a.surname == null || b.given == null
                    || a.givenJoined.equals(a.surnameJoined)) {
                return false;
            }
            if (a.given.equals(b.surname) && a.surname.equals(b.given)) {
                return true;
            }
            return similarity(a.givenJoined, b.surnameJoined, 0.92) >= 0.92
                    && similarity(a.surnameJoined, b.givenJoined, 0.92) >= 0.92
                    && similarity(a.givenJoined, b.givenJoined, 0.92) < 0.92;
        }
    }

    /** Surnames: exact (weighted by how rare the surname is), spelling bands and sound. */
    record Surname() implements FieldComparison {
        public static final int MISSING = 0;
        public static final int EXACT = 1;
        public static final int SWAPPED = 2;
        public static final int CLOSE_SPELLING = 3;
        public static final int SOUNDS_ALIKE = 4;
        public static final int SIMILAR_SPELLING = 5;
        public static final int DIFFERENT = 6;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "surname missing on one or both"),
                ComparisonLevel.of("exact", "surnames the same"),
                // the evidence of a swap is counted once, under the given name
                ComparisonLevel.neutral("swapped", "given name and surname swapped (counted under given name)"),
                ComparisonLevel.of("jaro-winkler-0.92", "surnames spelt almost the same (Jaro-Winkler at least 0.92)"),
                ComparisonLevel.of("double-metaphone", "surnames sound the same (Double Metaphone)"),
                ComparisonLevel.of("jaro-winkler-0.80", "surnames spelt similarly (Jaro-Winkler at least 0.80)"),
                ComparisonLevel.of("different", "surnames different"));

        @Override
        public String name() {
            return "surname";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.SURNAME, PersonField.FULL_NAME);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (GivenName.swapped(a, b)) {
                return SWAPPED;
            }
            if (a.surname == null || b.surname == null) {
                return MISSING;
            }
            if (a.surname.equals(b.surname)) {
                return EXACT;
            }
            double jw = similarity(a.surname, b.surname, 0.80);
            if (jw >= 0.92) {
                return CLOSE_SPELLING;
            }
            if (soundAlike(a.surnameSound, a.surnameSoundAlternate, b.surnameSound, b.surnameSoundAlternate)) {
                return SOUNDS_ALIKE;
            }
            return jw >= 0.80 ? SIMILAR_SPELLING : DIFFERENT;
        }
    }

    /** Dates of birth: exact, day and month transposed, year one out, one part different. */
    record DateOfBirth() implements FieldComparison {
        public static final int MISSING = 0;
        public static final int EXACT = 1;
        public static final int DAY_MONTH_TRANSPOSED = 2;
        public static final int YEAR_ONE_OUT = 3;
        public static final int ONE_PART_DIFFERENT = 4;
        public static final int DIFFERENT = 5;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "date of birth missing on one or both"),
                ComparisonLevel.of("exact", "dates of birth the same"),
                ComparisonLevel.of("day-month-transposed", "day and month transposed"),
                ComparisonLevel.of("year-one-out", "same day and month, year one apart"),
                ComparisonLevel.of("one-part-different", "day, month or year different, the other two the same"),
                ComparisonLevel.of("different", "dates of birth different"));

        @Override
        public String name() {
            return "dob";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.DOB);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.year == 0 || b.year == 0) {
                return MISSING;
            }
            boolean y = a.year == b.year;
            boolean m = a.month == b.month;
            boolean d = a.day == b.day;
            if (y && m && d) {
                return EXACT;
            }
            if (y && a.day == b.month && a.month == b.day) {
                return DAY_MONTH_TRANSPOSED;
            }
            if (m && d && Math.abs(a.year - b.year) == 1) {
                return YEAR_ONE_OUT;
            }
            int same = (y ? 1 : 0) + (m ? 1 : 0) + (d ? 1 : 0);
            return same == 2 ? ONE_PART_DIFFERENT : DIFFERENT;
        }
    }

    /** Sex as recorded: same or different. */
    record Sex() implements FieldComparison {
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "sex missing on one or both"),
                ComparisonLevel.of("exact", "same sex recorded"),
                ComparisonLevel.of("different", "different sex recorded"));

        @Override
        public String name() {
            return "sex";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.SEX);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.sex == null || b.sex == null) {
                return 0;
            }
            return a.sex.equals(b.sex) ? 1 : 2;
        }
    }

    /** Addresses: exact, same house on the same street, same street. */
    record Address() implements FieldComparison {
        public static final int MISSING = 0;
        public static final int EXACT = 1;
        public static final int SAME_HOUSE = 2;
        public static final int SAME_STREET = 3;
        public static final int DIFFERENT = 4;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "address missing on one or both"),
                ComparisonLevel.of("exact", "addresses the same"),
                ComparisonLevel.of("same-house", "same house number, street spelt almost the same"),
                ComparisonLevel.of("same-street", "street spelt almost the same, house number different or missing"),
                ComparisonLevel.of("different", "addresses different"));

        @Override
        public String name() {
            return "address";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.ADDRESS);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.address == null || b.address == null) {
                return MISSING;
            }
            if (a.address.equals(b.address)) {
                return EXACT;
            }
            if (a.street == null || b.street == null || similarity(a.street, b.street, 0.9) < 0.9) {
                return DIFFERENT;
            }
            return a.houseNumber != null && a.houseNumber.equals(b.houseNumber) ? SAME_HOUSE : SAME_STREET;
        }
    }

    /**
     * Postcodes: exact, one character out (a slip of the keyboard), same district. Where the addresses are already
     * the same, an agreeing postcode adds nothing: one address has one postcode, so counting both would count the
     * same evidence twice and make everyone at one address look like one person. Where one record has no address (a
     * call handler types a name and a postcode), an agreeing postcode stands in for the address: the model weighs it
     * as the address agreeing would be weighed among matches, against the chance that two people share a postcode,
     * and weighs the other details as between people at one home.
     */
    record Postcode() implements FieldComparison {
        public static final int MISSING = 0;
        public static final int EXACT = 1;
        public static final int ONE_CHARACTER = 2;
        public static final int SAME_DISTRICT = 3;
        public static final int WITH_ADDRESS = 4;
        public static final int FOR_ADDRESS = 5;
        public static final int DIFFERENT = 6;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "postcode missing on one or both"),
                ComparisonLevel.of("exact", "postcodes the same"),
                ComparisonLevel.of("one-character", "postcodes one character different"),
                ComparisonLevel.of("same-district", "same postcode district (outward code)"),
                ComparisonLevel.neutral("with-address", "postcodes the same, counted with the same house"),
                ComparisonLevel.of("for-address", "postcodes the same, where one record has no address"),
                ComparisonLevel.of("different", "postcodes different"));

        @Override
        public String name() {
            return "postcode";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.POSTCODE);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.postcode == null || b.postcode == null) {
                return MISSING;
            }
            if (a.postcode.equals(b.postcode)) {
                if (a.address == null || b.address == null) {
                    return FOR_ADDRESS;
                }
                return sameHouse(a, b) ? WITH_ADDRESS : EXACT;
            }
            if (oneCharacterApart(a.postcode, b.postcode)) {
                return ONE_CHARACTER;
            }
            return a.postcodeDistrict != null && a.postcodeDistrict.equals(b.postcodeDistrict) ? SAME_DISTRICT : DIFFERENT;
        }
    }

    /** Town or city: exact, spelt almost the same. */
    record City() implements FieldComparison {
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "town missing on one or both"),
                ComparisonLevel.of("exact", "towns the same"),
                ComparisonLevel.of("jaro-winkler-0.90", "towns spelt almost the same (Jaro-Winkler at least 0.90)"),
                ComparisonLevel.of("different", "towns different"));

        @Override
        public String name() {
            return "city";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.CITY);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.city == null || b.city == null) {
                return 0;
            }
            if (a.city.equals(b.city)) {
                return 1;
            }
            return similarity(a.city, b.city, 0.9) >= 0.9 ? 2 : 3;
        }
    }

    /** Email addresses: exact, same mailbox name at another provider, spelt almost the same. */
    record Email() implements FieldComparison {
        public static final int EXACT = 1;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "email missing on one or both"),
                ComparisonLevel.of("exact", "email addresses the same"),
                ComparisonLevel.of("same-mailbox", "same name before the @, different provider"),
                ComparisonLevel.of("jaro-winkler-0.88",
                        "email addresses spelt almost the same (Jaro-Winkler at least 0.88)"),
                ComparisonLevel.of("different", "email addresses different"));

        @Override
        public String name() {
            return "email";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.EMAIL);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.email == null || b.email == null) {
                return 0;
            }
            if (a.email.equals(b.email)) {
                return 1;
            }
            if (a.emailLocal.equals(b.emailLocal)) {
                return 2;
            }
            return similarity(a.email, b.email, 0.88) >= 0.88 ? 3 : 4;
        }
    }

    /** Telephone numbers, digits only: exact, one digit out. */
    record Phone() implements FieldComparison {
        public static final int EXACT = 1;
        private static final List<ComparisonLevel> LEVELS = List.of(
                ComparisonLevel.neutral("missing", "phone number missing on one or both"),
                ComparisonLevel.of("exact", "phone numbers the same"),
                ComparisonLevel.of("one-digit", "phone numbers one digit different"),
                ComparisonLevel.of("different", "phone numbers different"));

        @Override
        public String name() {
            return "phone";
        }

        @Override
        public Set<PersonField> fields() {
            return Set.of(PersonField.PHONE);
        }

        @Override
        public List<ComparisonLevel> levels() {
            return LEVELS;
        }

        @Override
        public int compare(PreparedRecord a, PreparedRecord b) {
            if (a.phone == null || b.phone == null) {
                return 0;
            }
            if (a.phone.equals(b.phone)) {
                return 1;
            }
            return oneCharacterApart(a.phone, b.phone) ? 2 : 3;
        }
    }

    /**
     * The same address, or the same house number on a street spelt almost the same ("Milton Dr" and "Milton
     * Drive"): one home, whose postcode is part of the same evidence.
     */
    static boolean sameHouse(PreparedRecord a, PreparedRecord b) {
        if (a.address == null || b.address == null) {
            return false;
        }
        if (a.address.equals(b.address)) {
            return true;
        }
        return a.street != null && b.street != null && a.houseNumber != null && a.houseNumber.equals(b.houseNumber)
                && similarity(a.street, b.street, 0.9) >= 0.9;
    }

    /** One substitution, insertion or deletion turns one into the other. */
    private static boolean oneCharacterApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la == lb) {
            int diff = 0;
            for (int i = 0; i < la && diff < 2; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diff++;
                }
            }
            return diff == 1;
        }
        String s = la < lb ? a : b;
        String l = la < lb ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        return s.substring(i).equals(l.substring(i + 1));
    }
}
