package org.peel.opendata;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.place.Lsoa;
import org.peel.place.LsoaArea;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Which points the police.uk importer searches for an LSOA")
class PointReachTest {

    /** Two LSOA centroids: one in Camden (51.54, -0.14), one in Penzance (50.12, -5.54). */
    private final PointReach reach = new PointReach(List.of(
            new LsoaArea(new Lsoa("E01000907", "Camden 027C", "E05000128", "E09000007"), null, 51.54, -0.14),
            new LsoaArea(new Lsoa("E01018934", "Penzance", null, null), null, 50.12, -5.54)));

    @Test
    @DisplayName("a point beside a centroid, or 8 km from it, may be placed")
    void near() {
        assertThat(reach.mayPlace(51.5401, -0.1402)).isTrue();
        // 0.07° of latitude north of Camden's centroid: about 8 km
        assertThat(reach.mayPlace(51.61, -0.14)).isTrue();
    }

    @Test
    @DisplayName("Belfast, Glasgow and a point at 0°, 0° are not searched: no centroid lies within 17 km")
    void far() {
        assertThat(reach.mayPlace(54.597, -5.930)).isFalse();
        assertThat(reach.mayPlace(55.864, -4.252)).isFalse();
        assertThat(reach.mayPlace(0, 0)).isFalse();
        // 0.4° of latitude (44 km) north of Camden
        assertThat(reach.mayPlace(51.94, -0.14)).isFalse();
    }
}
