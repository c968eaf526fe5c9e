package org.peel.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The stratified random sample of crimes for case-file review: up to {@code perStratum} crimes of each stratum,
 * drawn with a seeded generator from the crimes ordered by id, so that the same seed over the same crimes draws the
 * same sample on any machine and a different seed a different one. A pure rule.
 */
public final class CaseFileSample {

    /**
     * The strata the inspection reviews. Rape is drawn from the crimes investigation publishes as rape (the Home
     * Office classes of rape within sexual offences), the others from the Home Office offence groups Peel records.
     */
    public enum Stratum {
        RAPE("Rape", List.of()),
        BURGLARY("Burglary", List.of("Residential burglary", "Domestic burglary", "Non-residential burglary",
                "Non-domestic burglary")),
        SERIOUS_VIOLENCE("Serious violence", List.of("Homicide", "Violence with injury")),
        ASSAULT("Assault", List.of("Violence without injury"));

        private final String title;
        private final List<String> offenceGroups;

        Stratum(String title, List<String> offenceGroups) {
            this.title = title;
            this.offenceGroups = offenceGroups;
        }

        public String title() {
            return title;
        }

        /** The offence groups drawn from; none for rape, which is drawn on its classification. */
        public List<String> offenceGroups() {
            return offenceGroups;
        }

        /** The stratum of a crime, if any: rape when it is classified rape, else by its offence group. */
        public static Optional<Stratum> of(Candidate c) {
            if (c.rape()) {
                return Optional.of(RAPE);
            }
            for (Stratum s : values()) {
                if (s.offenceGroups.contains(c.offenceGroup())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** A crime that could be drawn: its offence group and whether it is classified rape. */
    public record Candidate(String crimeId, String offenceGroup, boolean rape) {

        /** A crime that is not a rape. */
        public Candidate(String crimeId, String offenceGroup) {
            this(crimeId, offenceGroup, false);
        }
    }

    /** A crime drawn: its stratum and its place in that stratum's draw (1 first). */
    public record Drawn(Stratum stratum, int position, String crimeId) {
    }

    private CaseFileSample() {
    }

    /** The sample, stratum by stratum in the order above. */
    public static List<Drawn> draw(List<Candidate> candidates, long seed, int perStratum) {
        if (perStratum < 1) {
            throw new IllegalArgumentException("a sample takes at least one crime of each kind, not " + perStratum);
        }
        Map<Stratum, List<String>> byStratum = new EnumMap<>(Stratum.class);
        for (Candidate c : candidates) {
            Stratum.of(c).ifPresent(s -> byStratum.computeIfAbsent(s, k -> new ArrayList<>())
                    .add(c.crimeId()));
        }
        List<Drawn> drawn = new ArrayList<>();
        for (Stratum s : Stratum.values()) {
            List<String> ids = new ArrayList<>(byStratum.getOrDefault(s, List.of()));
            ids.sort(Comparator.naturalOrder());
            // one generator per stratum, from the seed and the stratum, so that one stratum's size never moves another's draw
            Random random = new Random(seed * 31 + s.ordinal());
            // a partial Fisher–Yates shuffle: the first perStratum places are a uniform sample without replacement
            int n = Math.min(perStratum, ids.size());
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(ids.size() - i);
                String t = ids.get(i);
                ids.set(i, ids.get(j));
                ids.set(j, t);
                drawn.add(new Drawn(s, i + 1, ids.get(i)));
            }
        }
        return drawn;
    }
}
