package org.peel.organisedcrime;

import org.peel.common.Adapter;
import org.peel.place.PopulationTables;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The population the equality report compares the matrix with, read from the public data sets folder when it is
 * there: mid-2013 residents by age band per London borough (the GLA's LSOA atlas, summed from LSOAs to the borough
 * named in each LSOA's name), and 2011 Census residents by broad ethnic group per force area. Neither file gives
 * sex by borough; the atlas also carries the 2011 Census's broad ethnic groups per LSOA, so ethnicity is compared
 * borough by borough as well as over the force area. {@link PopulationTables} reads the files.
 */
@Adapter
public final class PopulationFigures {

    static final String ATLAS = PopulationTables.ATLAS;
    static final String CENSUS = PopulationTables.CENSUS;

    private final Optional<Path> sharedData;

    public PopulationFigures(Optional<Path> sharedData) {
        this.sharedData = sharedData;
    }

    /** Where the figures are read from, for the page to name. */
    public String atlasSource() {
        return "GLA London LSOA Atlas, mid-2013 population estimates by age (" + ATLAS + ")";
    }

    public String censusSource() {
        return "2011 Census, usual residents by ethnic group, by police force area (" + CENSUS + ")";
    }

    /** Residents by age band for each borough named, keyed by borough name; empty when the atlas is not there. */
    public Map<String, Map<String, Long>> ageBandsByBorough() {
        return PopulationTables.ageBandsByBorough(file(ATLAS), EqualityReport.AGE_BANDS);
    }

    /** The atlas's 2011 Census columns for the matrix's five broad ethnic groups, in the matrix's order. */
    static final Map<String, String> ATLAS_ETHNIC_GROUPS = ethnicColumns();

    private static Map<String, String> ethnicColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("White", "Ethnic Group;White;2011");
        m.put("Mixed", "Ethnic Group;Mixed/multiple ethnic groups;2011");
        m.put("Asian", "Ethnic Group;Asian/Asian British;2011");
        m.put("Black", "Ethnic Group;Black/African/Caribbean/Black British;2011");
        m.put("Other", "Ethnic Group;Other ethnic group;2011");
        return m;
    }

    /**
     * 2011 Census residents by broad ethnic group for each borough named, keyed by borough name, from the atlas's
     * census columns summed over the borough's LSOAs; empty when the atlas is not there.
     */
    public Map<String, Map<String, Long>> ethnicityByBorough() {
        return PopulationTables.byBorough(file(ATLAS), ATLAS_ETHNIC_GROUPS);
    }

    /** Residents by broad ethnic group in the force area whose census name the force's name begins with. */
    public Optional<Map<String, Long>> ethnicity(String forceName) {
        if (forceName == null) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        GangMatrix.ETHNICITIES.subList(0, 5).forEach(g -> columns.put(g, g));
        return PopulationTables.forceArea(file(CENSUS), List.of(forceName), columns);
    }

    /** The file under the shared data folder; null when there is no such folder. */
    private Path file(String relative) {
        return sharedData.map(d -> d.resolve(relative)).orElse(null);
    }
}
