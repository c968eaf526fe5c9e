package org.peel.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator knows about a real force: its places, its crime volumes by Home Office offence group over
 * twelve months, its ASB volume, and (where police.uk has the force) where each type of crime really happens.
 * {@code sources} says, in words, where each of those came from, including every fallback taken.
 *
 * @param spatialPattern police.uk crime type → weight per area (same order as {@code areas}); absent types are
 *                       placed by population
 * @param rapeShare      the share of the force's recorded sexual offences that are rape (Home Office classes 19C to
 *                       19H), between 0 and 1
 */
public record ForceSpec(String name, String code, long population, List<Area.Borough> boroughs, List<Area> areas,
                        Map<String, Long> crimeVolumes, long asbVolume, Map<String, double[]> spatialPattern,
                        List<String> sources, double rapeShare) {

    /** A force whose rape share is the Met's of the year to June 2015 ({@link ForceSources#MET_RAPE_SHARE_2015}). */
    public ForceSpec(String name, String code, long population, List<Area.Borough> boroughs, List<Area> areas,
                     Map<String, Long> crimeVolumes, long asbVolume, Map<String, double[]> spatialPattern,
                     List<String> sources) {
        this(name, code, population, boroughs, areas, crimeVolumes, asbVolume, spatialPattern, sources,
                ForceSources.MET_RAPE_SHARE_2015);
    }

    public ForceSpec {
        if (!(rapeShare >= 0 && rapeShare <= 1)) {
            throw new IllegalArgumentException("the rape share of sexual offences must be between 0 and 1, not " + rapeShare);
        }
        boroughs = List.copyOf(boroughs);
        areas = List.copyOf(areas);
        crimeVolumes = Collections.unmodifiableMap(new LinkedHashMap<>(crimeVolumes));
        spatialPattern = Collections.unmodifiableMap(new LinkedHashMap<>(spatialPattern));
        sources = List.copyOf(sources);
    }

    public long totalCrimes() {
        return crimeVolumes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when records are placed in real LSOAs rather than around borough centroids. */
    public boolean hasLsoas() {
        return !areas.isEmpty() && areas.get(0).lsoaCode() != null;
    }
}
