package org.peel.prevention;

/** How the report reached the police. */
public enum AsbChannel {
    EMERGENCY("999", "999 call"),
    NON_EMERGENCY("101", "101 call"),
    ONLINE("online", "Online report"),
    IN_PERSON("in-person", "In person"),
    PARTNER("partner", "Referred by a partner");

    private final String code;
    private final String label;

    AsbChannel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static AsbChannel fromCode(String code) {
        for (AsbChannel c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel " + code);
    }
}
