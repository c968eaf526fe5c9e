package org.peel.common;

/**
 * Input Peel cannot accept, named precisely enough for the person who has to fix it:
 * the file (or form), the line, the field, and what was wrong.
 */
public class BadInput extends RuntimeException {
    private final String source;
    private final long line;
    private final String field;

    public BadInput(String source, long line, String field, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + (field != null ? ", field '" + field + "'" : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** A problem with one form or API field. */
    public static BadInput field(String field, String problem) {
        return new BadInput("request", 0, field, problem);
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
