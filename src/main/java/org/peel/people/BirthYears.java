package org.peel.people;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a person was born in, from an approximate age a caller gives when they do not know a date of birth
 * ("about 30", "30", "30-35"). A search scores it (see {@link PersonSearch}); it is not stored on the record.
 *
 * @param from the earliest birth year, inclusive
 * @param to   the latest birth year, inclusive
 */
public record BirthYears(int from, int to) {

    /** How far either way "about" an adult's age reaches: a caller's guess of an adult's age is rarely closer. */
    static final int ADULT_SLACK = 3;
    /** A child's age is usually known to the year. */
    static final int CHILD_SLACK = 1;
    private static final Pattern AGE = Pattern.compile("(?i)(?:about|around|approx(?:imately)?|aged?|c\\.?|~)?\\s*"
            + "(\\d{1,3})\\s*(?:(?:-|to|–)\\s*(\\d{1,3}))?\\s*(?:years?(?:\\s+old)?|yrs?|ish)?");

    public BirthYears {
        if (from > to) {
            throw new IllegalArgumentException("birth years from " + from + " to " + to);
        }
    }

    /**
     * The birth years of someone whose age is between {@code youngest} and {@code oldest} on {@code today}: a person
     * aged {@code a} was born in the year {@code today.year - a} (birthday passed) or the year before.
     */
    public static BirthYears aged(int youngest, int oldest, LocalDate today) {
        return new BirthYears(today.getYear() - oldest - 1, today.getYear() - youngest);
    }

    /** The birth years of someone "about" {@code age}: three years either way for an adult, one for a child. */
    public static BirthYears about(int age, LocalDate today) {
        int slack = age < 18 ? CHILD_SLACK : ADULT_SLACK;
        return aged(Math.max(0, age - slack), age + slack, today);
    }

    /**
     * An approximate age as typed: a number ("30", "about 30") or a range ("30-35"); empty for blank text.
     *
     * @throws IllegalArgumentException with a message for the person typing, when it is not an age
     */
    public static Optional<BirthYears> parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = AGE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Enter an age in years, for example 30, about 30 or 30-35");
        }
        int first = Integer.parseInt(m.group(1));
        if (first > 120 || m.group(2) != null && Integer.parseInt(m.group(2)) > 120) {
            throw new IllegalArgumentException("Enter an age of 120 or under");
        }
        if (m.group(2) == null) {
            return Optional.of(about(first, today));
        }
        int second = Integer.parseInt(m.group(2));
        return Optional.of(aged(Math.min(first, second), Math.max(first, second), today));
    }

    public boolean contains(int year) {
        return year >= from && year <= to;
    }

    /** The years as a span, for a message: "1990–1996", or "1990" for one year. */
    public String span() {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    /** In words, for an explanation: "born 1992 to 1999". */
    public String describe() {
        return from == to ? "born " + from : "born " + from + " to " + to;
    }
}
