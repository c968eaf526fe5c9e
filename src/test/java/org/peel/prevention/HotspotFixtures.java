package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made strip of five 100 m cells along the equator (so one degree is the same distance both ways). An anchor
 * at (0, 0) fixes the grid's south-west corner and every other incident lies 50 m north of it, on the cells' centre
 * line, so an incident at x metres lies in column ⌊x / 100⌋ and cell centres are at
 * 50, 150, 250, 350 and 450 m. Incidents sit 10 m east of a centre, never on a band edge.
 */
final class HotspotFixtures {

    static final YearMonth JAN = YearMonth.of(2014, 1);
    static final YearMonth FEB = YearMonth.of(2014, 2);
    static final YearMonth MAR = YearMonth.of(2014, 3);
    static final YearMonth APR = YearMonth.of(2014, 4);
    private static final double METRES_PER_DEGREE = HotspotGrid.EARTH_RADIUS * Math.PI / 180;

    private HotspotFixtures() {
    }

    /** An incident x metres east of the anchor, on the strip's centre line (50 m north of it). */
    static HotspotIncident at(YearMonth month, String type, double xMetres) {
        return new HotspotIncident(month, type, xMetres / METRES_PER_DEGREE, 50 / METRES_PER_DEGREE);
    }

    /**
     * Burglary: two in January in cell 0 (x 60), one in February in cell 2 (x 260), one in March in cell 4 (x 460).
     * Other crime in January in every cell, so all five are in the study area. April is the test month: burglaries
     * at cell 3 (two), cell 1 and cell 4.
     */
    static List<HotspotIncident> strip() {
        List<HotspotIncident> list = new ArrayList<>();
        list.add(new HotspotIncident(JAN, "Other crime", 0, 0));
        for (int c = 1; c < 5; c++) {
            list.add(at(JAN, "Other crime", 60 + 100 * c));
        }
        list.add(at(JAN, "Burglary", 60));
        list.add(at(JAN, "Burglary", 60));
        list.add(at(FEB, "Burglary", 260));
        list.add(at(MAR, "Burglary", 460));
        list.add(at(APR, "Burglary", 360));
        list.add(at(APR, "Burglary", 360));
        list.add(at(APR, "Burglary", 160));
        list.add(at(APR, "Burglary", 460));
        return list;
    }
}
