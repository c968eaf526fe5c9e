package org.peel.organisedcrime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a group's facts under a model: a pure function of the facts and the model, so two analysts scoring the same
 * facts get the same result, and nothing about the group's name or reference enters it.
 *
 * <ul>
 *   <li>harm: the most harmful activity's value, plus the model's amount for each further activity, at most 1;</li>
 *   <li>threat: the value of the most serious violence known;</li>
 *   <li>capability: the sum of the values for firearms, corruption and money laundering held, at most 1;</li>
 *   <li>reach: the value of its reach;</li>
 *   <li>confidence: the value for an identified principal, plus the value per known member up to the model's count.</li>
 * </ul>
 * Each contributes {@code weight × raw} points, rounded to two decimals; the score is the sum of the unrounded
 * contributions rounded to two decimals, and the band is the first whose threshold that score reaches.
 */
public final class OcgScoring {

    private OcgScoring() {
    }

    public static OcgScore score(ScoringModel model, GroupFacts facts) {
        Map<String, Double> contributions = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        double total = 0;

        // harm
        double harm;
        String harmWhy;
        if (facts.activities().isEmpty()) {
            harm = 0;
            harmWhy = "no activities recorded";
        } else {
            double highest = 0;
            List<String> each = new ArrayList<>();
            for (String a : facts.activities()) {
                Double known = model.activityHarm().get(a);
                double v = known == null ? model.otherActivityHarm() : known;
                highest = Math.max(highest, v);
                each.add(a + " " + num(v) + (known == null ? " (not in the model's list: scored as other)" : ""));
            }
            int further = facts.activities().size() - 1;
            harm = Math.min(1, highest + further * model.furtherActivityHarm());
            harmWhy = String.join(", ", each) + (further == 0 ? "" : "; the highest " + num(highest) + " plus "
                    + num(model.furtherActivityHarm()) + " for each of " + further + " further "
                    + (further == 1 ? "activity" : "activities")) + (highest + further * model.furtherActivityHarm() > 1
                    ? ", capped at 1" : "");
        }
        total += add(model, Dimension.HARM, harm, harmWhy, contributions, reasons);

        // threat
        double threat = model.violence().get(facts.violence());
        total += add(model, Dimension.THREAT, threat, "violence " + facts.violence().code() + " " + num(threat),
                contributions, reasons);

        // capability
        List<String> held = new ArrayList<>();
        double capability = 0;
        if (facts.firearms()) {
            capability += model.capability().get("firearms");
            held.add("firearms " + num(model.capability().get("firearms")));
        }
        if (facts.corruption()) {
            capability += model.capability().get("corruption");
            held.add("corruption " + num(model.capability().get("corruption")));
        }
        if (facts.moneyLaundering()) {
            capability += model.capability().get("money_laundering");
            held.add("money laundering " + num(model.capability().get("money_laundering")));
        }
        String capabilityWhy = held.isEmpty() ? "no firearms, corruption or money laundering" : String.join(" + ", held)
                + (capability > 1 ? ", capped at 1" : "");
        total += add(model, Dimension.CAPABILITY, Math.min(1, capability), capabilityWhy, contributions, reasons);

        // reach
        double reach = model.reach().get(facts.reach());
        total += add(model, Dimension.REACH, reach, facts.reach().code() + " " + num(reach), contributions, reasons);

        // confidence
        double fromPrincipal = facts.principals() > 0 ? model.principalIdentified() : 0;
        int counted = Math.min(facts.members(), model.membersCounted());
        double confidence = Math.min(1, fromPrincipal + counted * model.perMember());
        String confidenceWhy = (facts.principals() > 0 ? "a principal identified " + num(fromPrincipal)
                : "no principal identified 0") + " + " + counted + " known member" + (counted == 1 ? "" : "s")
                + (facts.members() > counted ? " (of " + facts.members() + "; at most " + model.membersCounted()
                + " count)" : "") + " × " + num(model.perMember());
        total += add(model, Dimension.CONFIDENCE, confidence, confidenceWhy, contributions, reasons);

        double score = round(total);
        String band = band(model, score);
        reasons.add("band " + band + ": score " + fmt(score) + " of " + fmt(model.maximum()) + bandWhy(model, band));
        return new OcgScore(model.version(), score, band, contributions, reasons);
    }

    /** The first band, highest first, whose threshold the score reaches. */
    public static String band(ScoringModel model, double score) {
        for (ScoringModel.Band b : model.bands()) {
            if (score >= b.from()) {
                return b.name();
            }
        }
        return model.bands().get(model.bands().size() - 1).name();
    }

    private static String bandWhy(ScoringModel model, String band) {
        List<ScoringModel.Band> bands = model.bands();
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(band)) {
                String from = " is at least " + fmt(bands.get(i).from());
                return i == 0 ? from : from + " and below " + fmt(bands.get(i - 1).from());
            }
        }
        return "";
    }

    private static double add(ScoringModel model, Dimension d, double raw, String why, Map<String, Double> contributions,
                              List<String> reasons) {
        double weight = model.weight(d);
        double points = weight * raw;
        contributions.put(d.key(), round(points));
        reasons.add(d.key() + " " + fmt(round(points)) + " of " + fmt(weight) + " (" + num(raw) + " × " + fmt(weight)
                + "): " + why);
        return points;
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String num(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
