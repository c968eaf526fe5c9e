package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two scoring models side by side over the same groups: each group's score and band under both, and the groups
 * whose band changes (moving up means towards the first, most serious band).
 */
public final class ModelComparison {

    private ModelComparison() {
    }

    /** A group to compare, by its reference and its facts. */
    public record Group(String ocgId, GroupFacts facts) {
    }

    /** One group under both models. */
    public record Row(String ocgId, OcgScore before, OcgScore after) {
        public boolean bandChanged() {
            return !before.band().equals(after.band());
        }
    }

    public record Result(String fromVersion, String toVersion, List<Row> rows, Map<String, Long> fromBands,
                         Map<String, Long> toBands) {
        public List<Row> changed() {
            return rows.stream().filter(Row::bandChanged).toList();
        }
    }

    public static Result compare(ScoringModel from, ScoringModel to, List<Group> groups) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> fromBands = new LinkedHashMap<>();
        Map<String, Long> toBands = new LinkedHashMap<>();
        from.bandNames().forEach(b -> fromBands.put(b, 0L));
        to.bandNames().forEach(b -> toBands.put(b, 0L));
        for (Group g : groups) {
            OcgScore a = OcgScoring.score(from, g.facts());
            OcgScore b = OcgScoring.score(to, g.facts());
            rows.add(new Row(g.ocgId(), a, b));
            fromBands.merge(a.band(), 1L, Long::sum);
            toBands.merge(b.band(), 1L, Long::sum);
        }
        return new Result(from.version(), to.version(), rows, fromBands, toBands);
    }
}
