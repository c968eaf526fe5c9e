package org.peel.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** An RFC 9457 problem document: how every /api/v1 error is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors) {

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    public Problem withErrors(Map<String, String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }
}
