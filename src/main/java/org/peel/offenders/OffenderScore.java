package org.peel.offenders;

import java.util.List;

/** An offender's score under the cohort rule, the borough that manages them, and the reasons in words. */
public record OffenderScore(String offenderId, String boroughCode, double score, List<String> reasons) {

    public OffenderScore {
        reasons = List.copyOf(reasons);
    }
}
