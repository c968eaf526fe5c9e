package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Placing a point in its LSOA")
class AreaIndexTest {

    // Squares from latitude 51.50 to 51.51 near Charing Cross; A and B share the edge at longitude -0.12
    private static final LsoaArea A = square("E01000001", "E05000001", -0.13, -0.12);
    private static final LsoaArea B = square("E01000002", "E05000002", -0.12, -0.11);
    // D lies east of B across a channel 0.002° wide, like a river between two banks
    private static final LsoaArea D = square("E01000004", "E05000002", -0.108, -0.098);
    // an LSOA of which only the centroid is known, 0.03° south of A
    private static final LsoaArea C = new LsoaArea(new Lsoa("E01000003", "C", "E05000003", "E09000003"), null,
            51.475, -0.125);

    @Test
    @DisplayName("a point inside square A is in A, by its boundary")
    void insideSquare() {
        AreaIndex index = AreaIndex.of(List.of(A, B));

        PlaceMatch match = index.locate(51.505, -0.125).orElseThrow();

        assertThat(match.lsoaCode()).isEqualTo("E01000001");
        assertThat(match.wardCode()).isEqualTo("E05000001");
        assertThat(match.boroughCode()).isEqualTo("E09000001");
        assertThat(match.method()).isEqualTo(PlaceMatch.Method.POLYGON);
        assertThat(match.distanceMetres()).isZero();
    }

    @Test
    @DisplayName("a point on the edge two LSOAs share goes to the one with the lower code, whatever the load order")
    void sharedEdge() {
        AreaIndex abOrder = AreaIndex.of(List.of(A, B));
        AreaIndex baOrder = AreaIndex.of(List.of(B, A));

        PlaceMatch first = abOrder.locate(51.505, -0.12).orElseThrow();
        PlaceMatch second = baOrder.locate(51.505, -0.12).orElseThrow();

        assertThat(first.lsoaCode()).isEqualTo("E01000001");
        assertThat(second.lsoaCode()).isEqualTo("E01000001");
        assertThat(first.method()).isEqualTo(PlaceMatch.Method.POLYGON);
    }

    @Test
    @DisplayName("a point far outside every boundary goes to the LSOA with the nearest centroid")
    void farOutside() {
        AreaIndex index = AreaIndex.of(List.of(A, B));

        PlaceMatch match = index.locate(51.60, -0.20).orElseThrow();

        assertThat(match.lsoaCode()).isEqualTo("E01000001");
        assertThat(match.method()).isEqualTo(PlaceMatch.Method.NEAREST_CENTROID);
        assertThat(match.distanceMetres()).isBetween(11_000.0, 13_000.0);
    }

    @Test
    @DisplayName("a point just outside a boundary held is not put in that LSOA: the nearest LSOA without a boundary is")
    void boundaryIsAuthoritative() {
        AreaIndex index = AreaIndex.of(List.of(A, B, C));
        // 0.001° below A's southern edge: A's centroid is 600 m away, C's about 2.4 km
        PlaceMatch match = index.locate(51.499, -0.125).orElseThrow();

        assertThat(match.lsoaCode()).isEqualTo("E01000003");
        assertThat(match.method()).isEqualTo(PlaceMatch.Method.NEAREST_CENTROID);
        assertThat(index.polygonCount()).isEqualTo(2);
        assertThat(index.centroidCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a point in a narrow gap between boundaries, like the Thames, goes to the nearer boundary")
    void gapBetweenBoundaries() {
        AreaIndex index = AreaIndex.of(List.of(A, B, D, C));

        PlaceMatch nearB = index.locate(51.505, -0.1095).orElseThrow();
        PlaceMatch nearD = index.locate(51.505, -0.1084).orElseThrow();

        assertThat(nearB.lsoaCode()).isEqualTo("E01000002");
        assertThat(nearB.method()).isEqualTo(PlaceMatch.Method.NEAR_BOUNDARY);
        assertThat(nearB.distanceMetres()).isBetween(30.0, 40.0);
        assertThat(nearD.lsoaCode()).isEqualTo("E01000004");
    }

    @Test
    @DisplayName("the nearest centroid found is the nearest on the ground, checked against every centroid")
    void nearestCentroidIsExact() {
        // given 10,000 centroid-only LSOAs scattered over England and Wales, from a fixed seed
        Random random = new Random(7);
        List<LsoaArea> areas = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String code = String.format("E01%06d", i);
            areas.add(new LsoaArea(new Lsoa(code, code, "E05000001", "E09000001"), null,
                    50.0 + random.nextDouble() * 5.5, -5.5 + random.nextDouble() * 7.2));
        }
        AreaIndex index = AreaIndex.of(areas);

        // when points in and well beyond it (the sea, Scotland) are placed
        for (int q = 0; q < 1_500; q++) {
            double lat = 48.0 + random.nextDouble() * 10.0;
            double lon = -8.0 + random.nextDouble() * 11.0;

            PlaceMatch match = index.locate(lat, lon).orElseThrow();

            // then each answer is the nearest of all, by great-circle distance
            LsoaArea nearest = areas.stream().min(Comparator.comparingDouble(
                    a -> AreaIndex.metres(lat, lon, a.centroidLat(), a.centroidLon()))).orElseThrow();
            assertThat(match.lsoaCode()).as("nearest to %s, %s", lat, lon).isEqualTo(nearest.lsoa().code());
            assertThat(match.method()).isEqualTo(PlaceMatch.Method.NEAREST_CENTROID);
        }
    }

    @Test
    @DisplayName("an index with no areas places nothing")
    void empty() {
        assertThat(AreaIndex.of(List.of()).locate(51.5, -0.1)).isEmpty();
    }

    @Test
    @DisplayName("distances are great-circle metres: a degree of latitude is about 111 km")
    void haversine() {
        assertThat(AreaIndex.metres(51.0, -0.1, 52.0, -0.1)).isBetween(111_100.0, 111_300.0);
    }

    /** Corners given as literals, not sums, so that neighbours' shared edges are exactly equal. */
    private static LsoaArea square(String code, String ward, double west, double east) {
        double south = 51.50;
        double north = 51.51;
        Polygon p = PlaceStore.WGS84.createPolygon(new Coordinate[]{
                new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
                new Coordinate(west, north), new Coordinate(west, south)});
        String borough = "E0900000" + code.charAt(code.length() - 1);
        return new LsoaArea(new Lsoa(code, code, ward, borough), p, (south + north) / 2, (west + east) / 2);
    }
}
