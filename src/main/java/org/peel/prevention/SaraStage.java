package org.peel.prevention;

/** Where a problem-solving case stands in SARA, then closed. */
public enum SaraStage {
    SCAN("Scan", "What is the problem, and is it one?"),
    ANALYSE("Analyse", "Why does it happen: victim, offender, location?"),
    RESPOND("Respond", "What police and partners are doing about it"),
    ASSESS("Assess", "Did the response work?"),
    CLOSED("Closed", "Work on the problem has ended");

    private final String label;
    private final String question;

    SaraStage(String label, String question) {
        this.label = label;
        this.question = question;
    }

    public String label() {
        return label;
    }

    public String question() {
        return question;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The stage after this one; closed stays closed. */
    public SaraStage next() {
        return this == CLOSED ? CLOSED : values()[ordinal() + 1];
    }

    public static SaraStage fromCode(String code) {
        return valueOf(code.strip().toUpperCase());
    }
}
