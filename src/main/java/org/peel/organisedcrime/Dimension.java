package org.peel.organisedcrime;

/**
 * The dimensions a group is scored on, in the spirit of OCG mapping and MoRiLE: the harm its activities do, the
 * threat of its violence, its capability (firearms, corruption, money laundering), its reach, and how confident the
 * force can be in what it knows (principals identified, membership mapped).
 */
public enum Dimension {
    HARM("harm"),
    THREAT("threat"),
    CAPABILITY("capability"),
    REACH("reach"),
    CONFIDENCE("confidence");

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    /** The dimension's name in the model file and in {@code contributions}. */
    public String key() {
        return key;
    }
}
