package org.peel.web;

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
}
