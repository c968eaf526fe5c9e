package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("A ward's hotspots: its cells among the borough's forecast ASB hotspots, with the method's measured record")
class WardHotspotsTest {

    private static final double LAT = 51.50;
    private static final double LON = -0.14;
    /** About 1 km apart, so that every lattice point lies in its own 250 m cell. */
    private static final double STEP_LAT = 0.009;
    private static final double STEP_LON = 0.0145;

    /**
     * A borough of 100 lattice points about 1 km apart, each with one burglary a month in 2014 (ward X), so the
     * populated area is 100 cells and the map flags ⌈5% × 100⌉ = 5. ASB: five a month at the lattice's corner point
     * (recorded in ward W), one a month at the opposite corner (ward X). Ward Y has nothing.
     */
    private static List<WardHotspots.Located> borough(String ward) {
        List<WardHotspots.Located> all = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2014, m);
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    all.add(located(month, "Burglary", i, j, "X", ward));
                }
            }
            for (int k = 0; k < 5; k++) {
                all.add(located(month, WardHotspots.CRIME_TYPE, 0, 0, "W", ward));
            }
            all.add(located(month, WardHotspots.CRIME_TYPE, 9, 9, "X", ward));
        }
        return all;
    }

    private static WardHotspots.Located located(YearMonth month, String type, int i, int j, String in, String ward) {
        return new WardHotspots.Located(new HotspotIncident(month, type, LON + j * STEP_LON, LAT + i * STEP_LAT),
                in.equals(ward));
    }

    @Test
    @DisplayName("the ward with the borough's busiest ASB point holds the top cell, with its own counts; the months are stated")
    void busiestWard() {
        WardHotspots w = WardHotspots.of(borough("W")).orElseThrow();

        // data for January to December 2014: forecast January 2015 from the ten months March to December
        assertThat(w.forecastMonth()).isEqualTo(YearMonth.of(2015, 1));
        assertThat(w.trainingMonths()).hasSize(10);
        assertThat(w.trainingMonths().get(0)).isEqualTo(YearMonth.of(2014, 3));
        assertThat(w.trainingMonths().get(9)).isEqualTo(YearMonth.of(2014, 12));
        assertThat(w.areaCells()).isEqualTo(100);
        assertThat(w.flaggedCells()).isEqualTo(5);
        // the corner cell: five of the ward's incidents in each of the ten months, five in December
        assertThat(w.cells()).hasSize(1);
        WardHotspots.Cell top = w.cells().get(0);
        assertThat(top.rank()).isEqualTo(1);
        assertThat(top.wardIncidents()).isEqualTo(50);
        assertThat(top.lastMonth()).isEqualTo(5);
        assertThat(top.latitude()).isCloseTo(LAT, within(0.003));
        assertThat(top.longitude()).isCloseTo(LON, within(0.004));
        // judged on December (6 ASB incidents, 5 at the corner), trained on February to November
        WardHotspots.Measured measured = w.measured();
        assertThat(measured.month()).isEqualTo(YearMonth.of(2014, 12));
        assertThat(measured.trainingMonths()).hasSize(10);
        assertThat(measured.trainingMonths().get(0)).isEqualTo(YearMonth.of(2014, 2));
        assertThat(measured.incidents()).isEqualTo(6);
        assertThat(measured.peelHitRate()).isBetween(5 / 6.0 - 1e-9, 1.0);
        // PAI = hit rate ÷ (5 of 100 cells)
        assertThat(measured.peelPai()).isCloseTo(measured.peelHitRate() / 0.05, within(1e-9));
    }

    @Test
    @DisplayName("a ward with no ASB in the flagged cells has no hotspots; one month of ASB is too few to forecast")
    void quietWardAndTooFewMonths() {
        assertThat(WardHotspots.of(borough("Y")).orElseThrow().cells()).isEmpty();

        List<WardHotspots.Located> oneMonth = borough("W").stream()
                .filter(l -> l.incident().month().equals(YearMonth.of(2014, 1))).toList();
        assertThat(WardHotspots.of(oneMonth)).isEmpty();
    }

    @Test
    @DisplayName("the ward profile page names the method, the months and the ward's flagged cells")
    void profilePage() {
        try (TestServer server = TestServer.start()) {
            server.database().jdbi().useHandle(h -> {
                h.execute("insert into ward (code, name, borough_code) values ('E05TESTW1', 'Corner Ward', 'E09000033'),"
                        + " ('E05TESTX1', 'Lattice Ward', 'E09000033')");
                int n = 0;
                for (WardHotspots.Located l : borough("W")) {
                    HotspotIncident i = l.incident();
                    String ward = l.inWard() ? "E05TESTW1" : "E05TESTX1";
                    n++;
                    if (i.crimeType().equals(WardHotspots.CRIME_TYPE)) {
                        h.execute("insert into asb_incident (id, reported_at, category, sub_type, borough_code,"
                                        + " ward_code, latitude, longitude) values (?, ?, 'nuisance', 'Noise', 'E09000033', ?, ?, ?)",
                                "T-ASB" + n, i.month().atDay(10).atTime(12, 0), ward, i.latitude(), i.longitude());
                    } else {
                        h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                                        + " borough_code, ward_code, latitude, longitude, domestic_abuse, hate)"
                                        + " values (?, ?, ?, 'Burglary', 'Burglary', 'E09000033', ?, ?, ?, false, false)",
                                "T-CR" + n, i.month().atDay(10).atTime(12, 0), i.month().atDay(10).atTime(12, 0), ward,
                                i.latitude(), i.longitude());
                    }
                }
            });
            WebClient pc = server.signedIn("pc.hot", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

            String page = pc.get("/prevention/wards/E05TESTW1").body();

            assertThat(page).contains("1 of the borough's 5 forecast cells for 2015-01")
                    .contains("Peel's hotspot method (<code>peel</code>:")
                    .contains("in 2014-03 to 2014-12")
                    .contains("top 5% of the borough's 100 cells")
                    .contains("forecasting 2014-12 from 2014-02 to 2014-11")
                    .contains("1 of 5");
        }
    }
}
