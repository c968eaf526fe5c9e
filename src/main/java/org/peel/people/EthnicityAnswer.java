package org.peel.people;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Ethnicity as a form asks it: one of the 2021 Census categories (or "not stated") and who defined it, the person
 * themselves or the officer who observed it. An officer's observation is kept to the category's broad group, as the
 * police record it; "not stated" is only ever the person's own answer.
 *
 * @param ethnicity the category chosen
 * @param definedBy who defined it
 */
public record EthnicityAnswer(Ethnicity ethnicity, DefinedBy definedBy) {

    /** Who defined the ethnicity recorded. */
    public enum DefinedBy {
        SELF("self-defined", "Self-defined by the person"),
        OFFICER("officer-observed", "Observed by the officer");

        private final String code;
        private final String label;

        DefinedBy(String code, String label) {
            this.code = code;
            this.label = label;
        }

        /** The value a form sends: {@code self-defined} or {@code officer-observed}. */
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static Optional<DefinedBy> fromCode(String code) {
            for (DefinedBy d : values()) {
                if (d.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Reads the two fields of a form. No ethnicity chosen is no answer (the question was not asked), whatever the
     * second field says. Each problem is given to {@code errors} against the field it is about.
     *
     * @param ethnicityField the name of the form's ethnicity field, for its error
     * @param ethnicityCode  the category's code as sent ({@code A1}, {@code NS}); blank when none was chosen
     * @param definedByField the name of the form's "who defined it" field, for its error
     * @param definedByCode  {@code self-defined} or {@code officer-observed}
     */
    public static Optional<EthnicityAnswer> parse(String ethnicityField, String ethnicityCode, String definedByField,
                                                  String definedByCode, BiConsumer<String, String> errors) {
        if (ethnicityCode == null || ethnicityCode.isBlank()) {
            return Optional.empty();
        }
        Optional<Ethnicity> ethnicity = Ethnicity.fromCode(ethnicityCode);
        if (ethnicity.isEmpty()) {
            errors.accept(ethnicityField, "Choose the ethnicity from the list");
        }
        Optional<DefinedBy> definedBy = DefinedBy.fromCode(definedByCode);
        if (definedBy.isEmpty()) {
            errors.accept(definedByField, "Say who defined the ethnicity: the person themselves, or the officer who"
                    + " observed it");
        }
        if (ethnicity.isEmpty() || definedBy.isEmpty()) {
            return Optional.empty();
        }
        if (ethnicity.get() == Ethnicity.NS && definedBy.get() == DefinedBy.OFFICER) {
            errors.accept(ethnicityField, "\"Not stated\" is the person's own answer: an officer records the group"
                    + " they observed");
            return Optional.empty();
        }
        return Optional.of(new EthnicityAnswer(ethnicity.get(), definedBy.get()));
    }

    /** The officer-observed group this answer records, or null when the person defined it. */
    public String observedGroup() {
        return definedBy == DefinedBy.OFFICER ? ethnicity.group() : null;
    }
}
