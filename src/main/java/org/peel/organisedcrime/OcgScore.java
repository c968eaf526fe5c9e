package org.peel.organisedcrime;

import java.util.List;
import java.util.Map;

/**
 * A group's score under one model: the total (0 to the model's maximum, two decimals), its band, each dimension's
 * contribution in points, and the reasons in words (one per dimension, then the band).
 */
public record OcgScore(String modelVersion, double score, String band, Map<String, Double> contributions,
                       List<String> reasons) {

    public OcgScore {
        contributions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contributions));
        reasons = List.copyOf(reasons);
    }
}
