package org.peel.organisedcrime;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The equality and disproportionality report on the gangs matrix: the people on it by age band, sex and ethnic
 * group against the population of the force's boroughs, where the public data sets hold that population, and a plain
 * statement of what is missing where they do not.
 */
public final class GangEquality {

    private final GangStore store;
    private final PopulationFigures population;
    private final Supplier<Map<String, String>> boroughNames;
    private final Supplier<List<String>> forceNames;

    public GangEquality(GangStore store, PopulationFigures population, Supplier<Map<String, String>> boroughNames,
                        Supplier<List<String>> forceNames) {
        this.store = store;
        this.population = population;
        this.boroughNames = boroughNames;
        this.forceNames = forceNames;
    }

    public List<EqualityReport.Dimension> report(LocalDate today) {
        List<GangStore.Nominal> on = store.included();
        return List.of(age(on, today), sex(on), ethnicity(on));
    }

    private EqualityReport.Dimension age(List<GangStore.Nominal> on, LocalDate today) {
        Map<String, Long> matrix = EqualityReport.count(on.stream()
                .map(n -> EqualityReport.ageBand(n.dateOfBirth(), today)).toList(), EqualityReport.AGE_BANDS);
        Map<String, Map<String, Long>> atlas = population.ageBandsByBorough();
        Map<String, Long> residents = new LinkedHashMap<>();
        int matched = 0;
        for (String name : boroughNames.get().values()) {
            Map<String, Long> bands = atlas.get(name.toLowerCase(Locale.ROOT));
            if (bands != null) {
                matched++;
                bands.forEach((k, v) -> residents.merge(k, v, Long::sum));
            }
        }
        String missing = atlas.isEmpty()
                ? "The GLA LSOA atlas is not in the public data folder (PEEL_SHARED_DATA), so ages are not compared."
                : matched == 0 ? "None of the force's boroughs is in the GLA LSOA atlas (it covers London only)."
                : matched < boroughNames.get().size() ? "Only " + matched + " of " + boroughNames.get().size()
                + " boroughs are in the atlas; the population is theirs." : null;
        return new EqualityReport.Dimension("Age on " + today, matched == 0 ? "not held" : population.atlasSource()
                + ", " + matched + " boroughs", EqualityReport.compare(matrix, matched == 0 ? null : residents), missing);
    }

    private EqualityReport.Dimension sex(List<GangStore.Nominal> on) {
        Map<String, Long> matrix = EqualityReport.count(on.stream()
                .map(n -> n.sex() == null ? null : "M".equals(n.sex()) ? "Male" : "Female").toList(),
                List.of("Male", "Female"));
        return new EqualityReport.Dimension("Sex", "not held", EqualityReport.compare(matrix, null),
                "Neither public data set Peel holds gives residents by sex for each borough (the LSOA atlas gives age"
                        + " bands, the census file ethnic group), so the matrix's make-up by sex is shown without a"
                        + " population to compare it with.");
    }

    /** Ethnic group on the matrix in each borough with anyone on it, against that borough's 2011 Census residents. */
    public ByBorough ethnicityByBorough() {
        Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
        for (GangStore.Nominal n : store.included()) {
            Map<String, Long> counts = matrix.computeIfAbsent(n.boroughCode(),
                    k -> EqualityReport.count(List.of(), GangMatrix.ETHNICITIES));
            counts.merge(n.ethnicity() == null ? "Not recorded" : n.ethnicity(), 1L, Long::sum);
        }
        Map<String, Map<String, Long>> atlas = population.ethnicityByBorough();
        Map<String, Map<String, Long>> residents = new LinkedHashMap<>();
        boroughNames.get().forEach((code, name) -> {
            Map<String, Long> groups = atlas.get(name.toLowerCase(Locale.ROOT));
            if (groups != null) {
                residents.put(code, groups);
            }
        });
        List<EqualityReport.BoroughRows> rows = EqualityReport.byBorough(matrix, residents, boroughNames.get());
        long unmatched = rows.stream().filter(r -> !residents.containsKey(r.boroughCode())).count();
        String missing = atlas.isEmpty()
                ? "The GLA LSOA atlas is not in the public data folder (PEEL_SHARED_DATA), so no borough's ethnic groups"
                + " are compared."
                : unmatched > 0 ? unmatched + " borough" + (unmatched == 1 ? " is" : "s are") + " not in the atlas (it"
                + " covers London only): their make-up is shown without a population." : null;
        return new ByBorough(atlas.isEmpty() ? "not held" : "2011 Census ethnic group by LSOA, from the "
                + population.atlasSource() + ", summed to each borough", rows, missing);
    }

    /** The ethnicity comparison borough by borough, where its population comes from, and what is missing. */
    public record ByBorough(String populationSource, List<EqualityReport.BoroughRows> boroughs, String missing) {
    }

    private EqualityReport.Dimension ethnicity(List<GangStore.Nominal> on) {
        Map<String, Long> matrix = EqualityReport.count(on.stream().map(GangStore.Nominal::ethnicity).toList(),
                GangMatrix.ETHNICITIES);
        Optional<Map<String, Long>> census = Optional.empty();
        String force = null;
        for (String f : forceNames.get()) {
            census = population.ethnicity(f);
            if (census.isPresent()) {
                force = f;
                break;
            }
        }
        String missing = census.isEmpty()
                ? "The 2011 Census ethnic group file is not in the public data folder, or has no row for the force"
                + " area, so ethnic groups are not compared."
                : "The matrix is compared here with the whole force area (" + force + "), and borough by borough"
                + " below. People whose ethnicity is not stated are counted but not compared.";
        return new EqualityReport.Dimension("Ethnic group (broad, 2011 Census groups)",
                census.isEmpty() ? "not held" : population.censusSource(),
                EqualityReport.compare(matrix, census.orElse(null)), missing);
    }
}
