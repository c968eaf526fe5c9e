package org.peel.prevention;

import java.time.YearMonth;

/** One police.uk street row that has a location: the month, the category and the (snapped, anonymous) point. */
public record HotspotIncident(YearMonth month, String crimeType, double longitude, double latitude) {
}
