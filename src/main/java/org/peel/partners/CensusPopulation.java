package org.peel.partners;

import org.peel.common.Adapter;
import org.peel.people.Ethnicity;
import org.peel.place.PopulationTables;

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The population the equality reports compare with, from the shared public data as {@link PopulationTables} reads it:
 * 2011 Census usual residents by broad ethnic group and by self-defined category for the force area, and mid-year
 * residents by age band summed over the force's boroughs.
 */
@Adapter
public final class CensusPopulation {

    private CensusPopulation() {
    }

    /** Residents by ethnic group of the force area the census names as the force's name, or its start. */
    public static Optional<Map<String, Long>> ethnicity(Path census, Collection<String> forceNames) {
        Map<String, String> columns = new LinkedHashMap<>();
        EqualityGroups.ETHNICITIES.forEach(g -> columns.put(g, g));
        return PopulationTables.forceArea(census, forceNames, columns);
    }

    /** The census column each self-defined category is counted in (Roma had none in 2011). */
    static final Map<Ethnicity, String> CATEGORY_COLUMNS = Map.ofEntries(
            Map.entry(Ethnicity.W1, "White: English/Welsh/Scottish/Northern Irish/British"),
            Map.entry(Ethnicity.W2, "White: Irish"), Map.entry(Ethnicity.W3, "White: Gypsy or Irish Traveller"),
            Map.entry(Ethnicity.W9, "White: Other White"),
            Map.entry(Ethnicity.M1, "Mixed/multiple ethnic group: White and Black Caribbean"),
            Map.entry(Ethnicity.M2, "Mixed/multiple ethnic group: White and Black African"),
            Map.entry(Ethnicity.M3, "Mixed/multiple ethnic group: White and Asian"),
            Map.entry(Ethnicity.M9, "Mixed/multiple ethnic group: Other Mixed"),
            Map.entry(Ethnicity.A1, "Asian/Asian British: Indian"), Map.entry(Ethnicity.A2, "Asian/Asian British: Pakistani"),
            Map.entry(Ethnicity.A3, "Asian/Asian British: Bangladeshi"), Map.entry(Ethnicity.A4, "Asian/Asian British: Chinese"),
            Map.entry(Ethnicity.A9, "Asian/Asian British: Other Asian"),
            Map.entry(Ethnicity.B1, "Black/African/Caribbean/Black British: Caribbean"),
            Map.entry(Ethnicity.B2, "Black/African/Caribbean/Black British: African"),
            Map.entry(Ethnicity.B9, "Black/African/Caribbean/Black British: Other Black"),
            Map.entry(Ethnicity.O1, "Other ethnic group: Arab"),
            Map.entry(Ethnicity.O9, "Other ethnic group: Any other ethnic group"));

    /** Residents of the force area by self-defined category, as {@link #ethnicity} finds the area. */
    public static Optional<Map<Ethnicity, Long>> ethnicCategories(Path census, Collection<String> forceNames) {
        Map<Ethnicity, String> columns = new EnumMap<>(Ethnicity.class);
        Ethnicity.categories().stream().filter(CATEGORY_COLUMNS::containsKey)
                .forEach(e -> columns.put(e, CATEGORY_COLUMNS.get(e)));
        return PopulationTables.forceArea(census, forceNames, columns).map(found -> {
            Map<Ethnicity, Long> out = new EnumMap<>(Ethnicity.class);
            // a category the 2011 census did not count (Roma) has no residents to compare with
            Ethnicity.categories().forEach(e -> out.put(e, found.getOrDefault(e, 0L)));
            return out;
        });
    }

    /** Residents by age band summed over the named boroughs' LSOAs; empty when none of them is in the atlas. */
    public static Optional<Map<String, Long>> ageBands(Path atlas, Collection<String> boroughNames) {
        Map<String, Map<String, Long>> byBorough = PopulationTables.ageBandsByBorough(atlas, EqualityGroups.AGE_BANDS);
        Set<String> wanted = new LinkedHashSet<>();
        boroughNames.forEach(b -> wanted.add(b.toLowerCase(Locale.ROOT)));
        Map<String, Long> out = new LinkedHashMap<>();
        boolean any = false;
        for (String borough : wanted) {
            Map<String, Long> bands = byBorough.get(borough);
            if (bands != null) {
                any = true;
                bands.forEach((band, n) -> out.merge(band, n, Long::sum));
            }
        }
        return any ? Optional.of(out) : Optional.empty();
    }
}
