package org.peel.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns an appearance of a true person in a record into a person record, written as an officer or call
 * handler might have written it: with typos, nicknames, initials, swapped names, day and month transposed,
 * missing fields, an old address. The true person goes only to the ground-truth table, never into the record.
 */
final class PersonRecorder {

    static final Table PERSON_RECORD = Table.of("person_record", "id", "source_type", "source_id", "role",
            "forenames", "surname", "date_of_birth", "sex", "address", "postcode", "phone", "recorded_at", "borough_code",
            "sensitivities");
    static final Table TRUTH = new Table("synthetic_truth", "ground_truth_people.csv", List.of("person_record_id",
            "true_person_id", "forenames", "surname", "date_of_birth", "sex", "address", "postcode", "phone"));

    /** The ways a record can differ from the truth, with how often each is chosen when a record varies. */
    enum Variation {
        FORENAME_TYPO(10), SURNAME_TYPO(12), LETTERS_TRANSPOSED(8), NICKNAME(10), INITIAL_ONLY(5),
        MIDDLE_NAME_DROPPED(6), NAMES_SWAPPED(4), SURNAME_UPPER_CASE(4), DAY_MONTH_TRANSPOSED(6),
        DATE_OF_BIRTH_MISSING(8), DATE_OF_BIRTH_TYPO(4), SEX_MISSING(3), ADDRESS_MOVED(10), ADDRESS_MISSING(6),
        ADDRESS_ABBREVIATED(4), POSTCODE_MISSING(4), PHONE_MISSING(12), PHONE_TYPO(3), PHONE_FORMAT(4);

        final double weight;

        Variation(double weight) {
            this.weight = weight;
        }
    }

    private static final Variation[] VARIATIONS = Variation.values();
    private static final String QWERTY = "qwertyuiop asdfghjkl  zxcvbnm   ";

    private final PersonPool people;
    private final SyntheticSettings settings;
    private final String key;
    private final TableOutput records;
    private final TableOutput truth;
    private final Weighted variationWeights;
    private long next;

    PersonRecorder(PersonPool people, SyntheticSettings settings, String key, TableOutput records, TableOutput truth) {
        this.people = people;
        this.settings = settings;
        this.key = key;
        this.records = records;
        this.truth = truth;
        double[] w = new double[VARIATIONS.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = VARIATIONS[i].weight;
        }
        this.variationWeights = new Weighted(w);
    }

    /** Mutable copy of one person's details while a record is being written. */
    private static final class Details {
        String forenames;
        String surname;
        int dob;
        String sex;
        String address;
        String postcode;
        String phone;

        boolean sameAs(Details o) {
            return Objects.equals(forenames, o.forenames) && Objects.equals(surname, o.surname) && dob == o.dob
                    && Objects.equals(sex, o.sex) && Objects.equals(address, o.address)
                    && Objects.equals(postcode, o.postcode) && Objects.equals(phone, o.phone);
        }
    }

    private Details canonical(int p) {
        Details d = new Details();
        d.forenames = people.forenames(p);
        d.surname = people.surname(p);
        d.dob = people.dateOfBirth(p);
        d.sex = people.sex(p);
        d.address = people.address(p);
        d.postcode = people.postcode(p);
        d.phone = people.phone(p);
        return d;
    }

    /**
     * Writes a person record of true person {@code p} appearing in a record of {@code boroughCode}; returns the
     * person record id.
     *
     * @param sensitivity the sensitive kind the record itself belongs to beyond its source type (as the access
     *                    enum names it, e.g. {@code SEXUAL_OFFENCE}), or null
     */
    /** The date of birth (epoch day, or {@code Integer.MIN_VALUE} when left out) of the last record written. */
    int lastDob = Integer.MIN_VALUE;
    /** Whether the last record written has a surname. */
    boolean lastNamed;

    String record(int p, String sourceType, String sourceId, String boroughCode, String sensitivity, String role,
                  long recordedAt, SplittableRandom rnd) {
        Details truthDetails = canonical(p);
        Details d = canonical(p);
        if (rnd.nextDouble() < settings.variedShare()) {
            vary(p, d, truthDetails, rnd);
        }
        String id = key + "-P" + (++next);
        lastDob = d.dob;
        lastNamed = d.surname != null && !d.surname.isEmpty();
        records.text(id).text(sourceType).text(sourceId).text(role).text(d.forenames).text(d.surname)
                .date(d.dob).text(d.sex).text(d.address).text(d.postcode).text(d.phone).time(recordedAt)
                .text(boroughCode).text(sensitivity == null ? "{}" : "{" + sensitivity + "}").end();
        truth.text(id).text(key + "-T" + p).text(truthDetails.forenames).text(truthDetails.surname)
                .date(truthDetails.dob).text(truthDetails.sex).text(truthDetails.address)
                .text(truthDetails.postcode).text(truthDetails.phone).end();
        return id;
    }

    /** At least one variation that really changes something, then perhaps more. */
    private void vary(int p, Details d, Details truthDetails, SplittableRandom rnd) {
        do {
            for (int tries = 0; tries < 12; tries++) {
                if (apply(VARIATIONS[variationWeights.draw(rnd)], p, d, rnd) && !d.sameAs(truthDetails)) {
                    break;
                }
            }
            if (d.sameAs(truthDetails)) {
                d.surname = typo(d.surname, rnd, true);
            }
        } while (rnd.nextDouble() < settings.extraVariationShare());
    }

    private boolean apply(Variation v, int p, Details d, SplittableRandom rnd) {
        switch (v) {
            case FORENAME_TYPO -> {
                return d.forenames != null && (d.forenames = typo(d.forenames, rnd, false)) != null;
            }
            case SURNAME_TYPO -> {
                return d.surname != null && (d.surname = typo(d.surname, rnd, false)) != null;
            }
            case LETTERS_TRANSPOSED -> {
                String s = rnd.nextBoolean() ? d.surname : d.forenames;
                if (s == null || s.length() < 3) {
                    return false;
                }
                int i = 1 + rnd.nextInt(s.length() - 2);
                String t = s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
                if (s == d.surname) {
                    d.surname = t;
                } else {
                    d.forenames = t;
                }
                return true;
            }
            case NICKNAME -> {
                List<String> nick = Names.NICKNAMES.get(people.firstForename(p));
                if (nick == null || d.forenames == null) {
                    return false;
                }
                d.forenames = nick.get(rnd.nextInt(nick.size()));
                return true;
            }
            case INITIAL_ONLY -> {
                if (d.forenames == null) {
                    return false;
                }
                String[] parts = d.forenames.trim().split(" +");
                if (parts[0].isEmpty()) {
                    return false;
                }
                d.forenames = parts.length > 1 && !parts[1].isEmpty() && rnd.nextBoolean()
                        ? parts[0].charAt(0) + " " + parts[1].charAt(0) : parts[0].substring(0, 1);
                return true;
            }
            case MIDDLE_NAME_DROPPED -> {
                if (d.forenames == null || !d.forenames.contains(" ")) {
                    return false;
                }
                d.forenames = d.forenames.substring(0, d.forenames.indexOf(' '));
                return true;
            }
            case NAMES_SWAPPED -> {
                String s = d.surname;
                d.surname = d.forenames;
                d.forenames = s;
                return true;
            }
            case SURNAME_UPPER_CASE -> {
                if (d.surname == null) {
                    return false;
                }
                d.surname = d.surname.toUpperCase(Locale.ROOT);
                return true;
            }
            case DAY_MONTH_TRANSPOSED -> {
                if (d.dob == Integer.MIN_VALUE) {
                    return false;
                }
                LocalDate date = LocalDate.ofEpochDay(d.dob);
                if (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
                    return false;
                }
                d.dob = (int) LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toEpochDay();
                return true;
            }
            case DATE_OF_BIRTH_MISSING -> {
                d.dob = Integer.MIN_VALUE;
                return true;
            }
            case DATE_OF_BIRTH_TYPO -> {
                if (d.dob == Integer.MIN_VALUE) {
                    return false;
                }
                LocalDate date = LocalDate.ofEpochDay(d.dob);
                d.dob = (int) (rnd.nextBoolean() ? date.plusYears(rnd.nextBoolean() ? 1 : -1)
                        : date.plusDays(rnd.nextBoolean() ? 1 : -1)).toEpochDay();
                return true;
            }
            case SEX_MISSING -> {
                d.sex = null;
                return true;
            }
            case ADDRESS_MOVED -> {
                d.address = people.otherAddress(p);
                d.postcode = people.otherPostcode(p);
                return true;
            }
            case ADDRESS_MISSING -> {
                d.address = null;
                d.postcode = null;
                return true;
            }
            case ADDRESS_ABBREVIATED -> {
                if (d.address == null) {
                    return false;
                }
                d.address = d.address.replace(" Road", " Rd").replace(" Street", " St").replace(" Avenue", " Ave")
                        .replace(" Close", " Cl").replace(" Lane", " Ln").replace(" Gardens", " Gdns")
                        .replace(" Crescent", " Cres").replace(" Drive", " Dr").replace(" Place", " Pl")
                        .replace("Flat ", "F");
                return true;
            }
            case POSTCODE_MISSING -> {
                d.postcode = null;
                return true;
            }
            case PHONE_MISSING -> {
                d.phone = null;
                return true;
            }
            case PHONE_TYPO -> {
                if (d.phone == null) {
                    return false;
                }
                char[] c = d.phone.toCharArray();
                int i = c.length - 1 - rnd.nextInt(6);
                if (Character.isDigit(c[i])) {
                    c[i] = (char) ('0' + (c[i] - '0' + 1 + rnd.nextInt(9)) % 10);
                }
                d.phone = new String(c);
                return true;
            }
            case PHONE_FORMAT -> {
                if (d.phone == null) {
                    return false;
                }
                String digits = d.phone.replace(" ", "");
                d.phone = rnd.nextBoolean() ? digits : "+44 " + digits.substring(1);
                return true;
            }
            default -> throw new IllegalStateException(v.name());
        }
    }

    /** One slip of the keyboard or ear: a wrong, missing, doubled or neighbouring letter. */
    static String typo(String s, SplittableRandom rnd, boolean alwaysSubstitute) {
        if (s.length() < 2) {
            return s + (char) ('a' + rnd.nextInt(26));
        }
        int i = 1 + rnd.nextInt(s.length() - 1);
        char c = s.charAt(i);
        int kind = alwaysSubstitute ? 0 : rnd.nextInt(3);
        if (kind == 1 && s.length() > 3) {
            return s.substring(0, i) + s.substring(i + 1);
        }
        if (kind == 2) {
            return s.substring(0, i) + c + s.substring(i);
        }
        char replacement = neighbour(Character.toLowerCase(c), rnd);
        if (Character.isUpperCase(c)) {
            replacement = Character.toUpperCase(replacement);
        }
        return s.substring(0, i) + replacement + s.substring(i + 1);
    }

    private static char neighbour(char c, SplittableRandom rnd) {
        int at = QWERTY.indexOf(c);
        if (at >= 0 && c != ' ') {
            for (int offset : rnd.nextBoolean() ? new int[]{1, -1} : new int[]{-1, 1}) {
                int j = at + offset;
                if (j >= 0 && j < QWERTY.length() && QWERTY.charAt(j) != ' ' && QWERTY.charAt(j) != c) {
                    return QWERTY.charAt(j);
                }
            }
        }
        char r;
        do {
            r = (char) ('a' + rnd.nextInt(26));
        } while (r == c);
        return r;
    }
}
