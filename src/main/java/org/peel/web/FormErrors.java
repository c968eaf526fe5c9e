package org.peel.web;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages to show beside form fields, in the order the fields appear (GOV.UK error summary). */
public final class FormErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String field, String message) {
        FormErrors e = new FormErrors();
        e.add(field, message);
        return e;
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return byField;
    }

    /** A form field as typed, without surrounding spaces; empty when it was not sent. */
    public static String text(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }

    /**
     * A required date field ({@code YYYY-MM-DD}), or null with the message added here: "Enter {what}" when empty,
     * or an example of the form when it is not a date.
     */
    public LocalDate requiredDate(String text, String field, String what) {
        if (text == null || text.isEmpty()) {
            add(field, "Enter " + what);
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            add(field, "Enter " + what + " as a date, for example 2025-03-14");
            return null;
        }
    }
}
