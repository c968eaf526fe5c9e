package org.peel.people;

import org.apache.commons.codec.language.DoubleMetaphone;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person record's details normalised once for comparison: lower case, accents and punctuation gone, phonetic
 * codes worked out. Comparing millions of pairs must not redo this work for every pair. The recorded details stay
 * untouched in {@link #details()}.
 */
public final class PreparedRecord {

    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z ]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9 ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGIT = Pattern.compile("\\d+");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern NOT_POSTCODE = Pattern.compile("[^A-Z0-9]");
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final Pattern UK_POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$");
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    private final PersonDetails details;
    final String given;
    /** The first given name alone (middle names dropped), or null. */
    final String givenFirst;
    /** The given names' initials run together ("mary jane" is "mj"), or null. */
    final String givenInitials;
    /** Given name and surname without spaces, for telling a swap with a slip in it. */
    final String givenJoined;
    final String surnameJoined;
    final String givenSound;
    final String givenSoundAlternate;
    final String surname;
    final String surnameSound;
    final String surnameSoundAlternate;
    final int year;
    final int month;
    final int day;
    final String sex;
    final String address;
    final String houseNumber;
    final String street;
    final String postcode;
    final String postcodeDistrict;
    final String city;
    final String email;
    final String emailLocal;
    final String phone;

    private PreparedRecord(PersonDetails d) {
        this.details = d;
        String g = name(d.givenName());
        String s = name(d.surname());
        if (g == null && s == null && d.fullName() != null) {
            String full = name(d.fullName());
            if (full != null) {
                int last = full.lastIndexOf(' ');
                g = last < 0 ? null : full.substring(0, last);
                s = last < 0 ? full : full.substring(last + 1);
            }
        }
        given = g;
        if (g != null) {
            String[] parts = g.split(" ");
            givenFirst = parts[0];
            StringBuilder initials = new StringBuilder(parts.length);
            for (String part : parts) {
                if (!part.isEmpty()) {
                    initials.append(part.charAt(0));
                }
            }
            givenInitials = initials.toString();
            givenJoined = g.replace(" ", "");
        } else {
            givenFirst = null;
            givenInitials = null;
            givenJoined = null;
        }
        surnameJoined = s == null ? null : s.replace(" ", "");
        surname = s;
        DoubleMetaphone dm = METAPHONE.get();
        givenSound = sound(dm, g, false);
        givenSoundAlternate = sound(dm, g, true);
        surnameSound = sound(dm, s, false);
        surnameSoundAlternate = sound(dm, s, true);
        year = d.dob() == null ? 0 : d.dob().getYear();
        month = d.dob() == null ? 0 : d.dob().getMonthValue();
        day = d.dob() == null ? 0 : d.dob().getDayOfMonth();
        String x = word(d.sex());
        sex = x == null ? null : x.substring(0, 1);
        address = expandAbbreviations(word(d.address()));
        if (address != null) {
            var m = DIGIT.matcher(address);
            houseNumber = m.find() ? m.group() : null;
            String rest = SPACES.matcher(DIGIT.matcher(address).replaceAll(" ")).replaceAll(" ").trim();
            street = rest.isEmpty() ? null : rest;
        } else {
            houseNumber = null;
            street = null;
        }
        String pc = d.postcode() == null ? null
                : NOT_POSTCODE.matcher(d.postcode().toUpperCase(Locale.ROOT)).replaceAll("");
        postcode = pc == null || pc.isEmpty() ? null : pc;
        postcodeDistrict = postcode != null && UK_POSTCODE.matcher(postcode).matches()
                ? postcode.substring(0, postcode.length() - 3) : null;
        city = word(d.city());
        String e = d.email() == null ? null : d.email().trim().toLowerCase(Locale.ROOT);
        email = e == null || e.isEmpty() ? null : e;
        emailLocal = email == null ? null : email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        phone = phone(d.phone());
    }

    public static PreparedRecord of(PersonDetails details) {
        return new PreparedRecord(details);
    }

    public PersonDetails details() {
        return details;
    }

    /** The normalised surname, or null; what term frequencies are counted over. */
    public String surname() {
        return surname;
    }

    /** The normalised given name, or null. */
    public String givenName() {
        return given;
    }

    /** The surname's primary Double Metaphone code, or null. */
    public String surnameSound() {
        return surnameSound;
    }

    /** The given name's primary Double Metaphone code, or null. */
    public String givenNameSound() {
        return givenSound;
    }

    /** The normalised postcode (capitals, no spaces), or null. */
    public String postcode() {
        return postcode;
    }

    /** The date of birth as {@code yyyymmdd}, or 0 when missing. */
    public int dobNumber() {
        return year == 0 ? 0 : year * 10_000 + month * 100 + day;
    }

    public int birthYear() {
        return year;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String s = stripAccents(raw.toLowerCase(Locale.ROOT)).replace('-', ' ');
        s = NOT_LETTERS.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        return s.isEmpty() ? null : s;
    }

    private static String word(String raw) {
        if (raw == null) {
            return null;
        }
        String s = stripAccents(raw.toLowerCase(Locale.ROOT));
        s = NOT_WORD.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        return s.isEmpty() ? null : s;
    }

    /** Royal Mail's usual abbreviations of street types, written out, so that "12 Mill Rd" is "12 Mill Road". */
    private static final java.util.Map<String, String> STREET_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("rd", "road"), java.util.Map.entry("st", "street"), java.util.Map.entry("ave", "avenue"),
            java.util.Map.entry("av", "avenue"), java.util.Map.entry("cl", "close"), java.util.Map.entry("ln", "lane"),
            java.util.Map.entry("gdns", "gardens"), java.util.Map.entry("cres", "crescent"),
            java.util.Map.entry("dr", "drive"), java.util.Map.entry("pl", "place"), java.util.Map.entry("sq", "square"),
            java.util.Map.entry("ct", "court"), java.util.Map.entry("tce", "terrace"), java.util.Map.entry("gr", "grove"),
            java.util.Map.entry("pk", "park"), java.util.Map.entry("wy", "way"));
    private static final Pattern FLAT_SHORT = Pattern.compile("^f(\\d+)\\b");

    private static String expandAbbreviations(String address) {
        if (address == null) {
            return null;
        }
        String s = FLAT_SHORT.matcher(address).replaceFirst("flat $1");
        String[] words = s.split(" ");
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < words.length; i++) {
            // the first word is a house number or name, never a street type ("St Mary's Court" keeps its saint)
            String w = i > 0 && (i == words.length - 1 || !isNumber(words[i - 1]))
                    ? STREET_WORDS.getOrDefault(words[i], words[i]) : words[i];
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    private static boolean isNumber(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return MARK.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        // plain ASCII, the usual case, has no accents to strip
        return s;
    }

    /** How a surname (in lower case, spaces removed) sounds, as a record's surname is keyed. */
    static String surnameSoundOf(String joined) {
        return sound(METAPHONE.get(), joined, false);
    }

    private static String sound(DoubleMetaphone dm, String name, boolean alternate) {
        if (name == null) {
            return null;
        }
        // the whole name without spaces, so that "mc donald" and "mcdonald" sound alike
        String code = dm.doubleMetaphone(name.replace(" ", ""), alternate);
        return code == null || code.isEmpty() ? null : code;
    }

    private static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(raw).replaceAll("");
        // +44 7700 900123 and 07700 900123 are the same number
        if (digits.startsWith("44") && digits.length() == 12) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 5 ? null : digits;
    }
}
