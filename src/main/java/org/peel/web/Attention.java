package org.peel.web;

import org.peel.access.User;

import java.util.List;

/** Something on a user's home page that needs them: a count, what it is, and where to act on it. */
public record Attention(String headline, String detail, String link, Urgency urgency) {

    public enum Urgency { ROUTINE, SOON, NOW }

    /** Each capability contributes what needs the attention of a given user. */
    @FunctionalInterface
    public interface Source {
        List<Attention> forUser(User user);
    }
}
