package org.peel.prevention;

import java.util.List;
import java.util.Map;

/**
 * What was read from police.uk street files for one force: the rows with a location, and a count of the rows that
 * had none (police.uk publishes some crimes without a point; they cannot be placed on a grid, so they are counted
 * and reported rather than dropped silently).
 *
 * @param incidents             rows with a longitude and latitude
 * @param rowsRead              every data row read
 * @param withoutLocationByType rows with neither longitude nor latitude, by crime type
 * @param files                 the files read, in order
 */
public record HotspotSource(List<HotspotIncident> incidents, long rowsRead, Map<String, Long> withoutLocationByType,
                            List<String> files) {

    public long rowsWithoutLocation() {
        return withoutLocationByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsWithoutLocation(String crimeType) {
        return withoutLocationByType.getOrDefault(crimeType, 0L);
    }
}
