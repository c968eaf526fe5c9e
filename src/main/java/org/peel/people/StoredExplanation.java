package org.peel.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's explanation of a queued review pair as it was stored with the pair: the prior, each comparison's
 * contribution in bits, and the total weight. Holds levels and weights only, never details.
 */
public record StoredExplanation(double priorWeight, double weight, List<FieldContribution> contributions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the explanation column of a review pair. */
    public static StoredExplanation parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<FieldContribution> contributions = new ArrayList<>();
            for (JsonNode c : root.path("contributions")) {
                contributions.add(new FieldContribution(c.path("comparison").asText(), c.path("level").asText(),
                        c.path("description").asText(), c.path("m").asDouble(), c.path("u").asDouble(),
                        c.path("weight").asDouble(), c.path("termFrequencyAdjustment").asDouble()));
            }
            return new StoredExplanation(root.path("prior").asDouble(), root.path("weight").asDouble(),
                    List.copyOf(contributions));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("a review pair's explanation could not be read", ex);
        }
    }
}
