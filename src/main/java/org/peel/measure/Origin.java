package org.peel.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a figure's facts come from: the published open data (police.uk, the Home Office and London Datastore
 * tables), or the force's own records in Peel. A figure is made from one or the other, never a mix of the two.
 */
public enum Origin {
    PUBLIC("public", "published open data"),
    PEEL("peel", "Peel's own records");

    private final String key;
    private final String title;

    Origin(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** As written on the command line and in page addresses. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** True for the force's own records. */
    public boolean own() {
        return this == PEEL;
    }

    /** The origin named {@code public} or {@code peel}, in any case. */
    public static Optional<Origin> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Origin o : values()) {
            if (o.key.equals(k)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
