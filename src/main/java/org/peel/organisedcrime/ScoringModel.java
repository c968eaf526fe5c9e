package org.peel.organisedcrime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A versioned OCG scoring model, held as data ({@code ocg-scoring-models.json}) rather than code. The national OCG
 * mapping algorithm is not published, so Peel's models follow its dimensions and MoRiLE's with weights a force sets
 * itself: each dimension gives a raw value from 0 to 1 from the tables here, and contributes {@code weight × raw}
 * points; bands are score thresholds, highest first. A model once used is never edited: a change is a new version,
 * and {@link #withWeights} makes a new version name when a force overrides the weights.
 *
 * @param activityHarm        harm of each known activity (0 to 1), by lower-case name
 * @param otherActivityHarm   harm of an activity not in the table
 * @param furtherActivityHarm harm added for each activity beyond the most harmful (harm is capped at 1)
 * @param capability          raw points for firearms, corruption and money laundering (their sum is capped at 1)
 * @param principalIdentified confidence raw value when at least one principal is identified
 * @param perMember           confidence raw value per known member, for up to {@code membersCounted} members
 * @param bands               band names with the lowest score that reaches each, highest band first; the last is 0
 */
public record ScoringModel(String version, String description, Map<Dimension, Double> weights,
                           Map<String, Double> activityHarm, double otherActivityHarm, double furtherActivityHarm,
                           Map<Violence, Double> violence, Map<String, Double> capability, Map<Reach, Double> reach,
                           double principalIdentified, double perMember, int membersCounted, List<Band> bands) {

    /** A band and the lowest score in it. */
    public record Band(String name, double from) {
    }

    public ScoringModel {
        weights = Map.copyOf(weights);
        activityHarm = Map.copyOf(activityHarm);
        violence = Map.copyOf(violence);
        capability = Map.copyOf(capability);
        reach = Map.copyOf(reach);
        bands = List.copyOf(bands);
        for (Dimension d : Dimension.values()) {
            if (!weights.containsKey(d) || weights.get(d) < 0) {
                throw new IllegalArgumentException("model " + version + ": weight for " + d.key() + " missing or below 0");
            }
        }
        for (Violence v : Violence.values()) {
            if (!violence.containsKey(v)) {
                throw new IllegalArgumentException("model " + version + ": no value for violence " + v.code());
            }
        }
        for (Reach r : Reach.values()) {
            if (!reach.containsKey(r)) {
                throw new IllegalArgumentException("model " + version + ": no value for reach " + r.code());
            }
        }
        for (String c : List.of("firearms", "corruption", "money_laundering")) {
            if (!capability.containsKey(c)) {
                throw new IllegalArgumentException("model " + version + ": no capability value for " + c);
            }
        }
        if (bands.isEmpty() || bands.get(bands.size() - 1).from() != 0) {
            throw new IllegalArgumentException("model " + version + ": the last band must start at 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from() >= bands.get(i - 1).from()) {
                throw new IllegalArgumentException("model " + version + ": bands must be listed highest first");
            }
        }
    }

    public double weight(Dimension d) {
        return weights.get(d);
    }

    /** The highest score the model can give: the sum of its weights. */
    public double maximum() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Band names, highest first. */
    public List<String> bandNames() {
        return bands.stream().map(Band::name).toList();
    }

    /**
     * The same model with the given weights in place of its own, under a version name that says so
     * ({@code peel-ocg-1+harm=40,threat=20,…}), so a score is never mistaken for one made with the published weights.
     */
    public ScoringModel withWeights(Map<Dimension, Double> replacement) {
        Map<Dimension, Double> merged = new EnumMap<>(weights);
        merged.putAll(replacement);
        if (merged.equals(new EnumMap<>(weights))) {
            return this;
        }
        StringJoiner name = new StringJoiner(",", version + "+", "");
        for (Dimension d : Dimension.values()) {
            name.add(d.key() + "=" + trim(merged.get(d)));
        }
        return new ScoringModel(name.toString(), description + " (weights set by the force)", merged, activityHarm,
                otherActivityHarm, furtherActivityHarm, violence, capability, reach, principalIdentified, perMember,
                membersCounted, bands);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Every model Peel ships, in the order of the file (oldest first). */
    public static List<ScoringModel> shipped() {
        return Shipped.MODELS;
    }

    /** The shipped model of that version; an unknown version is refused, naming the versions there are. */
    public static ScoringModel version(String version) {
        for (ScoringModel m : shipped()) {
            if (m.version().equals(version)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no OCG scoring model '" + version + "'; the models are "
                + shipped().stream().map(ScoringModel::version).toList());
    }

    private static final class Shipped {
        static final List<ScoringModel> MODELS = load();

        private static List<ScoringModel> load() {
            try (InputStream in = ScoringModel.class.getResourceAsStream("ocg-scoring-models.json")) {
                if (in == null) {
                    throw new IllegalStateException("ocg-scoring-models.json is missing from the build");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                List<ScoringModel> models = new ArrayList<>();
                for (JsonNode m : root.get("models")) {
                    models.add(parse(m));
                }
                return List.copyOf(models);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Reads one model as the file holds it. */
    static ScoringModel parse(JsonNode m) {
        Map<Dimension, Double> weights = new EnumMap<>(Dimension.class);
        m.get("weights").fields().forEachRemaining(e -> weights.put(dimension(e.getKey()), e.getValue().asDouble()));
        Map<String, Double> harm = new LinkedHashMap<>();
        m.get("activity_harm").fields().forEachRemaining(e ->
                harm.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asDouble()));
        Map<Violence, Double> violence = new EnumMap<>(Violence.class);
        m.get("violence").fields().forEachRemaining(e -> violence.put(Violence.fromCode(e.getKey()), e.getValue().asDouble()));
        Map<String, Double> capability = new LinkedHashMap<>();
        m.get("capability").fields().forEachRemaining(e -> capability.put(e.getKey(), e.getValue().asDouble()));
        Map<Reach, Double> reach = new EnumMap<>(Reach.class);
        m.get("reach").fields().forEachRemaining(e -> reach.put(Reach.fromCode(e.getKey()), e.getValue().asDouble()));
        JsonNode confidence = m.get("confidence");
        List<Band> bands = new ArrayList<>();
        for (JsonNode b : m.get("bands")) {
            bands.add(new Band(b.get(0).asText(), b.get(1).asDouble()));
        }
        return new ScoringModel(m.get("version").asText(), m.path("description").asText(""), weights, harm,
                m.get("other_activity_harm").asDouble(), m.get("further_activity_harm").asDouble(), violence,
                capability, reach, confidence.get("principal_identified").asDouble(),
                confidence.get("per_member").asDouble(), confidence.get("members_counted").asInt(), bands);
    }

    static Dimension dimension(String key) {
        for (Dimension d : Dimension.values()) {
            if (d.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown scoring dimension '" + key + "'; the dimensions are harm, threat,"
                + " capability, reach and confidence");
    }
}
