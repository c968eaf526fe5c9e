package org.peel.access;

/**
 * A disclosure the law itself requires, made without an information-sharing agreement because the recipient's right
 * comes from statute, not from a partnership: it still goes through the {@link ShareGate} and is logged with its
 * recipient, records and purpose like every other share.
 */
public enum StatutoryBasis {
    /** The data subject's right of access to their own personal data (law enforcement processing). */
    SUBJECT_ACCESS("Data Protection Act 2018 s45 (right of access by the data subject)");

    private final String citation;

    StatutoryBasis(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
