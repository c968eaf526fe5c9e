package org.peel.offenders;

import org.peel.web.FormErrors;

/** A borough's recorded departure from the rule: adding an offender the rule did not choose, or removing one it did. */
public record CohortException(long id, String boroughCode, String offenderId, Kind kind, String reason,
                              String recordedBy, java.time.Instant recordedAt) {

    public enum Kind {
        ADD("add", "Added"), REMOVE("remove", "Removed");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("an exception adds or removes an offender, not '" + code + "'");
        }
    }

    /**
     * The checks on a borough's exception, the one rule for the borough's form and the synthetic force: whether it
     * adds or removes, an offender who is held, and a reason of at least a sentence for the force's IOM lead to read.
     */
    public static FormErrors check(String offenderId, boolean offenderHeld, String kind, String reason) {
        FormErrors errors = FormErrors.none();
        try {
            Kind.of(kind);
        } catch (IllegalArgumentException ex) {
            errors.add("kind", "Choose whether the borough adds or removes the offender");
        }
        String id = offenderId == null ? "" : offenderId.strip();
        if (id.isEmpty()) {
            errors.add("offenderId", "Enter the offender's nominal number, for example OF000123");
        } else if (!offenderHeld) {
            errors.add("offenderId", "No offender " + id + " is held");
        }
        if (reason == null || reason.strip().length() < 10) {
            errors.add("reason", "Give the reason the force's IOM lead will read: at least a sentence");
        }
        return errors;
    }
}
