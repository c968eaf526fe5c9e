package org.peel.access;

/** The parts of Peel, laid out by the inspectorate's questions, plus the force's own measure and administration. */
public enum Section {
    PREVENTION("Prevention", "/prevention", "Preventing crime and anti-social behaviour"),
    INVESTIGATION("Investigation", "/investigation", "Investigating crime and managing offenders"),
    VULNERABILITY("Vulnerability", "/vulnerability", "Protecting vulnerable people and supporting victims"),
    ORGANISED_CRIME("Organised crime", "/organised-crime", "Tackling serious and organised crime"),
    MEASURE("Measure", "/measure", "How effective is the force?"),
    PARTNERSHIP("Partnership", "/partners", "Sharing with partners, and the force's duties over people's data"),
    ADMINISTRATION("Administration", "/admin", "Users, access and the audit trail");

    private final String title;
    private final String path;
    private final String question;

    Section(String title, String path, String question) {
        this.title = title;
        this.path = path;
        this.question = question;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public String question() {
        return question;
    }
}
