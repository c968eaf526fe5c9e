package org.peel.investigation;

/**
 * Offences inside a wider group that the Victims' Code names as "most serious crime", and that screening treats
 * as serious whatever the group: recorded as a feature of the crime because the offence group alone cannot say.
 */
public enum SeriousOffence {
    ATTEMPTED_MURDER("attempted murder", true),
    KIDNAP("kidnap", true),
    TERRORISM("terrorism", true),
    FALSE_IMPRISONMENT("false imprisonment", false),
    ARSON_ENDANGERING_LIFE("arson with intent to endanger life", false),
    WOUNDING_WITH_INTENT("wounding or GBH with intent", false),
    HUMAN_TRAFFICKING("human trafficking", false);

    private final String description;
    private final boolean majorInvestigation;

    SeriousOffence(String description, boolean majorInvestigation) {
        this.description = description;
        this.majorInvestigation = majorInvestigation;
    }

    public String description() {
        return description;
    }

    /** Whether the offence needs a major investigation led by a senior investigating officer (PIP 3). */
    public boolean majorInvestigation() {
        return majorInvestigation;
    }
}
