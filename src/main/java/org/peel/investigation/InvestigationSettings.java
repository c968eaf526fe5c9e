package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.peel.common.Adapter;
import org.peel.common.BadInput;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A force's screening and allocation configuration: Peel's defaults, overridden by the rows of
 * {@code investigation_setting}. Names: {@code harm.<OFFENCE_GROUP>}, {@code solvability.<FACTOR>},
 * {@code screening.serious_offence_harm}, {@code screening.investigate_harm}, {@code screening.solvability_threshold},
 * {@code screening.high_priority_harm}, {@code screening.medium_priority_harm}, {@code allocation.caseload_cap},
 * {@code allocation.weight.<PRIORITY>}, {@code allocation.central.<SPECIALISM>} ({@code true} or {@code false}).
 * A central specialism is allocated to the teams listed in {@code investigation_central_team}.
 */
@Adapter
public record InvestigationSettings(Screening.Settings screening, Allocation.Policy allocation) {

    public static InvestigationSettings defaults() {
        return new InvestigationSettings(Screening.Settings.defaults(), Allocation.Policy.defaults());
    }

    public static InvestigationSettings load(Jdbi jdbi) {
        Map<String, String> rows = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select name, value from investigation_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> rows.put(e.getKey(), e.getValue())));
        return of(rows);
    }

    /** Applies named overrides to the defaults; an unknown name or a bad number is refused, naming it. */
    public static InvestigationSettings of(Map<String, String> overrides) {
        Screening.Settings d = Screening.Settings.defaults();
        Allocation.Policy p = Allocation.Policy.defaults();
        EnumMap<OffenceGroup, Integer> harm = new EnumMap<>(d.harm());
        EnumMap<SolvabilityFactor, Integer> solvability = new EnumMap<>(d.solvabilityWeights());
        EnumMap<Priority, Integer> weights = new EnumMap<>(p.weights());
        Set<Specialism> central = p.centralSpecialisms().isEmpty() ? EnumSet.noneOf(Specialism.class) : EnumSet.copyOf(p.centralSpecialisms());
        int[] screening = {d.seriousOffenceHarm(), d.investigateWhateverEvidenceHarm(), d.solvabilityThreshold(),
                d.highPriorityHarm(), d.mediumPriorityHarm()};
        int cap = p.caseloadCap();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(overrides).entrySet()) {
            String name = e.getKey();
            String value = e.getValue().strip();
            try {
                if (name.startsWith("harm.")) {
                    harm.put(OffenceGroup.valueOf(name.substring(5)), number(name, value));
                } else if (name.startsWith("solvability.")) {
                    solvability.put(SolvabilityFactor.valueOf(name.substring(12)), number(name, value));
                } else if (name.startsWith("allocation.weight.")) {
                    weights.put(Priority.valueOf(name.substring(18)), number(name, value));
                } else if (name.startsWith("allocation.central.")) {
                    Specialism s = Specialism.valueOf(name.substring(19));
                    if (Boolean.parseBoolean(value)) {
                        central.add(s);
                    } else {
                        central.remove(s);
                    }
                } else {
                    switch (name) {
                        case "screening.serious_offence_harm" -> screening[0] = number(name, value);
                        case "screening.investigate_harm" -> screening[1] = number(name, value);
                        case "screening.solvability_threshold" -> screening[2] = number(name, value);
                        case "screening.high_priority_harm" -> screening[3] = number(name, value);
                        case "screening.medium_priority_harm" -> screening[4] = number(name, value);
                        case "allocation.caseload_cap" -> cap = number(name, value);
                        default -> throw new IllegalArgumentException(name);
                    }
                }
            } catch (IllegalArgumentException ex) {
                // an enum name that does not exist, or a name outside the list
                throw new BadInput("investigation_setting", 0, name, "unknown setting");
            }
        }
        return new InvestigationSettings(new Screening.Settings(harm, solvability, screening[0], screening[1], screening[2],
                screening[3], screening[4]), new Allocation.Policy(cap, weights, central));
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException ex) {
            throw new BadInput("investigation_setting", 0, name, "must be a whole number of 0 or more, not '" + value + "'");
        }
    }
}
