package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a force sets for its OCG work, with defaults. None is a national standard: the OCG mapping algorithm and its
 * review period are not published (reference/standards.md), so each is configuration and every decision states it.
 *
 * @param model           the scoring model the register uses; default {@code peel-ocg-1}
 * @param comparedModel   the model shown beside it on the comparison page; default {@code peel-ocg-2}
 * @param intervalDays    days after an assessment that the next is due; default 91 (quarterly)
 * @param impactScale     disruption impact grades, least first; default minimal, minor, moderate, major
 * @param significantFrom the lowest grade that is a significant event; default major
 */
public record OcgSettings(ScoringModel model, ScoringModel comparedModel, int intervalDays, List<String> impactScale,
                          String significantFrom) {

    public static final int DEFAULT_INTERVAL_DAYS = 91;
    public static final String DEFAULT_MODEL = "peel-ocg-1";

    public OcgSettings {
        impactScale = List.copyOf(impactScale);
        if (intervalDays < 1) {
            throw new IllegalArgumentException("PEEL_OCG_REASSESS_DAYS must be at least 1");
        }
        if (impactScale.size() < 2 || !impactScale.contains(significantFrom)) {
            throw new IllegalArgumentException("PEEL_OCG_IMPACT_SCALE needs at least two grades, and"
                    + " PEEL_OCG_IMPACT_SIGNIFICANT must be one of them");
        }
    }

    public static OcgSettings defaults() {
        return new OcgSettings(ScoringModel.version(DEFAULT_MODEL), ScoringModel.version("peel-ocg-2"),
                DEFAULT_INTERVAL_DAYS, List.of("minimal", "minor", "moderate", "major"), "major");
    }

    /**
     * The defaults, each replaced by its variable when set: {@code PEEL_OCG_MODEL}, {@code PEEL_OCG_COMPARE_MODEL},
     * {@code PEEL_OCG_WEIGHTS} ({@code harm=30,threat=25,…}: the model under a version name that says so),
     * {@code PEEL_OCG_REASSESS_DAYS}, {@code PEEL_OCG_IMPACT_SCALE} (grades least first, comma-separated) and
     * {@code PEEL_OCG_IMPACT_SIGNIFICANT}.
     */
    public static OcgSettings from(Map<String, String> environment) {
        OcgSettings d = defaults();
        ScoringModel model = ScoringModel.version(text(environment, "PEEL_OCG_MODEL", DEFAULT_MODEL));
        String weights = environment.get("PEEL_OCG_WEIGHTS");
        if (weights != null && !weights.isBlank()) {
            model = model.withWeights(weights(weights));
        }
        ScoringModel compared = ScoringModel.version(text(environment, "PEEL_OCG_COMPARE_MODEL", "peel-ocg-2"));
        int interval = d.intervalDays();
        String days = environment.get("PEEL_OCG_REASSESS_DAYS");
        if (days != null && !days.isBlank()) {
            try {
                interval = Integer.parseInt(days.strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("PEEL_OCG_REASSESS_DAYS must be a whole number, not '" + days + "'");
            }
        }
        List<String> scale = d.impactScale();
        String scaleText = environment.get("PEEL_OCG_IMPACT_SCALE");
        if (scaleText != null && !scaleText.isBlank()) {
            List<String> grades = new ArrayList<>();
            for (String g : scaleText.split(",")) {
                if (!g.isBlank()) {
                    grades.add(g.strip().toLowerCase(Locale.ROOT));
                }
            }
            scale = grades;
        }
        String significant = text(environment, "PEEL_OCG_IMPACT_SIGNIFICANT", scale.get(scale.size() - 1))
                .toLowerCase(Locale.ROOT);
        return new OcgSettings(model, compared, interval, scale, significant);
    }

    /** Whether a disruption of this impact grade is a significant event: at or above the significant grade. */
    public boolean significantImpact(String grade) {
        int at = impactScale.indexOf(grade);
        return at >= 0 && at >= impactScale.indexOf(significantFrom);
    }

    static Map<Dimension, Double> weights(String text) {
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("PEEL_OCG_WEIGHTS is dimension=weight pairs, e.g."
                        + " harm=30,threat=25; not '" + part.strip() + "'");
            }
            try {
                out.put(ScoringModel.dimension(kv[0]), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("PEEL_OCG_WEIGHTS: the weight for " + kv[0].strip()
                        + " must be a number, not '" + kv[1].strip() + "'");
            }
        }
        return out;
    }

    private static String text(Map<String, String> environment, String name, String fallback) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
