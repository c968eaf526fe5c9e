package org.peel.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an outcome type may close a crime: the type must fit the suspect (a charge needs one identified; "no
 * suspect identified" cannot have one), the suspect's age (youth or adult caution, below the age of criminal
 * responsibility), the offence (NFIB outcomes are for fraud only), and the date (types 21 and 22 came in later).
 */
public final class OutcomeValidation {

    public static final String RULE_VERSION = "outcome-1";
    /** The age of criminal responsibility in England and Wales. */
    static final int AGE_OF_CRIMINAL_RESPONSIBILITY = 10;

    private OutcomeValidation() {
    }

    /**
     * The facts an outcome is checked against. {@code suspectAgeAtOffence} is {@code null} when there is no
     * identified suspect or their age is not known.
     */
    public record Facts(OutcomeType type, OffenceGroup offence, boolean suspectIdentified, Integer suspectAgeAtOffence,
                        LocalDate recordedOn, LocalDate outcomeOn) {
    }

    /** Valid (the crime may close) with no problems, or invalid with every problem found. */
    public record Result(boolean valid, List<String> problems, String ruleVersion) {
    }

    public static Result validate(Facts f) {
        List<String> problems = new ArrayList<>();
        OutcomeType t = f.type();
        String name = "Outcome " + t.code() + " (" + t.label() + ")";
        if (t.suspect() == OutcomeType.Suspect.REQUIRED && !f.suspectIdentified()) {
            problems.add(name + " needs an identified suspect");
        }
        if (t.suspect() == OutcomeType.Suspect.FORBIDDEN && f.suspectIdentified()) {
            problems.add(name + " cannot be given when a suspect has been identified");
        }
        Integer age = f.suspectAgeAtOffence();
        if (f.suspectIdentified()) {
            switch (t) {
                case YOUTH_CAUTION -> {
                    if (age == null || age < AGE_OF_CRIMINAL_RESPONSIBILITY || age >= 18) {
                        problems.add(name + " needs a suspect aged 10 to 17 at the offence");
                    }
                }
                case ADULT_CAUTION -> {
                    if (age == null || age < 18) {
                        problems.add(name + " needs a suspect aged 18 or over at the offence");
                    }
                }
                case SUSPECT_BELOW_AGE_OF_RESPONSIBILITY -> {
                    if (age == null || age >= AGE_OF_CRIMINAL_RESPONSIBILITY) {
                        problems.add(name + " needs a suspect under 10 at the offence");
                    }
                }
                default -> {
                    if (age != null && age < AGE_OF_CRIMINAL_RESPONSIBILITY) {
                        problems.add(name + " cannot be given for a suspect under 10; use outcome 11");
                    }
                }
            }
        }
        if (t == OutcomeType.NATIONAL_FRAUD_INTELLIGENCE_BUREAU && f.offence() != OffenceGroup.FRAUD) {
            problems.add(name + " applies only to fraud");
        }
        if (t.inForceFrom() != null && f.outcomeOn().isBefore(t.inForceFrom())) {
            problems.add(name + " was not in use before " + t.inForceFrom());
        }
        if (f.outcomeOn().isBefore(f.recordedOn())) {
            problems.add("The outcome date " + f.outcomeOn() + " is before the crime was recorded on " + f.recordedOn());
        }
        return new Result(problems.isEmpty(), List.copyOf(problems), RULE_VERSION);
    }
}
