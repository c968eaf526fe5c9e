package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading boundaries from GeoJSON")
class PlaceGeoJsonTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("each feature comes with its properties and a polygon in longitude, latitude order")
    void features() throws IOException {
        Path file = Files.writeString(dir.resolve("E09000001.geojson"), """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "CRS84"}},
                 "features": [
                  {"type": "Feature", "properties": {"LSOA11CD": "E01000001"},
                   "geometry": {"type": "Polygon", "coordinates": [[[-0.1, 51.5], [-0.09, 51.5], [-0.09, 51.51], [-0.1, 51.5]]]}},
                  {"type": "Feature", "properties": {"LSOA11CD": "E01000002"},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 51], [1, 51], [1, 52], [0, 51]]],
                                                                       [[[2, 51], [3, 51], [3, 52], [2, 51]]]]}}
                 ]}""");

        List<GeoJsonFeatures.Feature> read = new ArrayList<>();
        GeoJsonFeatures.read(file, PlaceStore.WGS84, read::add);

        assertThat(read).extracting(f -> f.text("LSOA11CD")).containsExactly("E01000001", "E01000002");
        assertThat(read.get(0).geometry().getCoordinate().x).isEqualTo(-0.1);
        assertThat(read.get(0).geometry().getCoordinate().y).isEqualTo(51.5);
        assertThat(read.get(1).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    @DisplayName("a ring left open by its producer is closed rather than rejected")
    void openRing() throws IOException {
        Path file = Files.writeString(dir.resolve("open.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]}}]}""");

        List<GeoJsonFeatures.Feature> read = new ArrayList<>();
        GeoJsonFeatures.read(file, PlaceStore.WGS84, read::add);

        assertThat(read.get(0).geometry().getArea()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("a geometry that is not a polygon is reported by file, feature, line and field")
    void notAPolygon() throws IOException {
        Path file = Files.writeString(dir.resolve("points.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "Point", "coordinates": [0, 0]}}
                ]}""");

        assertThatThrownBy(() -> GeoJsonFeatures.read(file, PlaceStore.WGS84, f -> { }))
                .isInstanceOf(BadInput.class)
                .hasMessage("points.geojson feature 2, line 4, field 'geometry.type': 'Point' is not Polygon or"
                        + " MultiPolygon");
    }

    @Test
    @DisplayName("British National Grid metres where degrees belong are rejected")
    void gridMetres() throws IOException {
        Path file = Files.writeString(dir.resolve("bng.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [530000, 180000], [1, 1], [0, 0]]]}}]}""");

        assertThatThrownBy(() -> GeoJsonFeatures.read(file, PlaceStore.WGS84, f -> { }))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("field 'geometry.coordinates'")
                .hasMessageContaining("not WGS84");
    }
}
