package org.peel.web;

import java.util.regex.Pattern;

/**
 * The published way a capability links a page that does high-risk processing to that processing's data-protection
 * impact assessment: the link names the activity (e.g. {@code gangs-matrix}), and the partners capability, which
 * keeps the register, answers it with the assessment or says that none is registered. No capability reads the
 * register's tables.
 */
public final class ImpactAssessment {

    private static final Pattern ACTIVITY = Pattern.compile("[a-z0-9-]+");

    private ImpactAssessment() {
    }

    /** The link to the impact assessment of a processing activity. */
    public static String href(String activity) {
        if (activity == null || !ACTIVITY.matcher(activity).matches()) {
            throw new IllegalArgumentException("a processing activity is named in lower case with hyphens, not '"
                    + activity + "'");
        }
        return "/partners/dpia/for/" + activity;
    }
}
