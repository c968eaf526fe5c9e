package org.peel.offenders;

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
}
