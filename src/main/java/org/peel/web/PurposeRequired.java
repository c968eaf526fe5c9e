package org.peel.web;

/**
 * A page read that needs the user to state a purpose first, and would be allowed once they have: answered with a
 * short form asking for it, which brings the user back to the same page with {@code ?purpose=}, rather than a bare
 * refusal. Thrown by {@link Web#authorize} for a browser's GET; an API call is refused with a message saying how to
 * state the purpose instead.
 */
public final class PurposeRequired extends RuntimeException {
    private final String action;
    private final String query;

    PurposeRequired(String action, String query) {
        super("State your purpose to open this page", null, false, false);
        this.action = action;
        this.query = query;
    }

    /** The page to come back to. */
    public String action() {
        return action;
    }

    /** The page's other query parameters (name, value), carried through the form as hidden fields. */
    public String query() {
        return query;
    }
}
