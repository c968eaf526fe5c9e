package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Neighbouring boroughs are those sharing a border")
class BoroughAdjacencyTest {

    @Test
    @DisplayName("Westminster's neighbours, read off the map: Camden, Brent, Kensington and Chelsea, the City, and Lambeth and Wandsworth across the Thames")
    void westminster() {
        assertThat(BoroughAdjacency.LONDON.of("E09000033")).containsExactlyInAnyOrder(
                "E09000007", "E09000005", "E09000020", "E09000001", "E09000022", "E09000032");
    }

    @Test
    @DisplayName("boroughs far apart are not neighbours, and adjacency runs both ways")
    void notAnyBorough() {
        assertThat(BoroughAdjacency.LONDON.adjacent("E09000033", "E09000012")).as("Westminster and Hackney").isFalse();
        assertThat(BoroughAdjacency.LONDON.adjacent("E09000016", "E09000017")).as("Havering and Hillingdon").isFalse();
        BoroughAdjacency.LONDON.all().forEach((a, set) -> set.forEach(b ->
                assertThat(BoroughAdjacency.LONDON.adjacent(b, a)).as(b + " and " + a).isTrue()));
        assertThat(BoroughAdjacency.LONDON.all()).hasSize(33);
    }

    @Test
    @DisplayName("two squares sharing an edge meet; a third 1 km away meets neither")
    void fromBoundaries() {
        Map<String, Geometry> squares = new TreeMap<>();
        squares.put("A", square(0, 0));
        squares.put("B", square(0.01, 0));
        squares.put("C", square(0.03, 0));
        BoroughAdjacency adjacency = BoroughAdjacency.fromBoundaries(squares);
        assertThat(adjacency.of("A")).containsExactly("B");
        assertThat(adjacency.of("B")).containsExactly("A");
        assertThat(adjacency.of("C")).isEmpty();
    }

    @Test
    @DisplayName("the built-in London table is what the GLA's borough boundaries give")
    void builtInMatchesTheBoundaries() {
        Path file = org.peel.testing.SharedData.require("geography/" + GeographyImporter.BOROUGH_BOUNDARIES_FILE);
        Map<String, Geometry> boundaries = new TreeMap<>();
        GeoJsonFeatures.read(file, PlaceStore.WGS84, f -> boundaries.put(f.properties().get("GSS_CODE").asText(),
                f.geometry().buffer(0)));
        assertThat(BoroughAdjacency.fromBoundaries(boundaries).all()).isEqualTo(BoroughAdjacency.LONDON.all());
    }

    private static Geometry square(double x, double y) {
        return PlaceStore.WGS84.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + 0.01, y, y + 0.01));
    }
}
