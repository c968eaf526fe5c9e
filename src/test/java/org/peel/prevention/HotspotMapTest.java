package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The hotspot map's SVG")
class HotspotMapTest {

    @Test
    @DisplayName("draws the study area, the flagged cells in rank order, and ward boundaries over them")
    void draws() {
        // given the five-cell strip with cells 3 and 0 flagged, and a ward drawn around the first two cells
        HotspotStudy study = HotspotStudy.of(HotspotFixtures.strip(), "Burglary", 100);
        HotspotGrid grid = study.grid();
        double east = grid.longitude(grid.originX() + 200);
        double north = grid.latitude(grid.originY() + 100);
        double west = grid.longitude(grid.originX());
        double south = grid.latitude(grid.originY());
        Geometry ward = new GeometryFactory().createPolygon(new Coordinate[]{new Coordinate(west, south),
                new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north),
                new Coordinate(west, south)});

        // when
        String svg = HotspotMap.draw(grid, study.areaCells(), new int[]{3, 0}, Map.of("E05000001", ward), 500);

        // then: 500 units for five 100 m cells is 100 units a cell; cell 3 starts at x 300, cell 0 at x 0
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains("data-rank=\"1\" d=\"M300.0 0.0h100.00v100.00h-100.00Z\"")
                .contains("data-rank=\"2\" d=\"M0.0 0.0h100.00")
                .contains("data-code=\"E05000001\" d=\"M0.0 100.0L200.0 100.0L200.0 0.0");
        assertThat(svg.indexOf("data-rank=\"1\"")).isLessThan(svg.indexOf("data-rank=\"2\""));
    }
    @Test
    @DisplayName("frames the force's borough, drawn on the cells' own projection, never flatter than 1:2")
    void boroughBaseMap() {
        // given the five-cell strip (500 m by 100 m) and a borough around the whole of it
        HotspotStudy study = HotspotStudy.of(HotspotFixtures.strip(), "Burglary", 100);
        HotspotGrid grid = study.grid();
        double west = grid.longitude(grid.originX());
        double east = grid.longitude(grid.originX() + 500);
        double south = grid.latitude(grid.originY());
        double north = grid.latitude(grid.originY() + 100);
        Geometry borough = new GeometryFactory().createPolygon(new Coordinate[]{new Coordinate(west, south),
                new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north),
                new Coordinate(west, south)});

        // when
        String svg = HotspotMap.draw(grid, study.areaCells(), new int[]{0}, Map.of(), Map.of("E09000001", borough), 500);

        // then: the frame is the borough with a 3% margin (530 m by 130 m), made no flatter than 1:2 (530 by 265 m),
        // 500 units wide, so 500/530 of a unit a metre: its corners fall on the cells' corners, drawn as a borough
        assertThat(svg).contains("data-kind=\"borough\" data-code=\"E09000001\" d=\"M0.0 94.3L471.7 94.3L471.7 0.0L0.0 0.0");
        assertThat(svg).contains("data-rank=\"1\" d=\"M0.0 0.0h94.34v94.34h-94.34Z\"");
        assertThat(svg).contains("stroke-width=\"2.0\"");
        String box = svg.substring(svg.indexOf("viewBox=\"") + 9, svg.indexOf('"', svg.indexOf("viewBox=\"") + 9));
        String[] parts = box.split(" ");
        assertThat(Integer.parseInt(parts[2])).isEqualTo(500);
        assertThat(Integer.parseInt(parts[3])).isBetween(250, 251);
    }

    @Test
    @DisplayName("a force's name gives police.uk's name for its files")
    void forceSlugs() {
        assertThat(HotspotRoutes.forceSlug("Metropolitan Police")).isEqualTo("metropolitan");
        assertThat(HotspotRoutes.forceSlug("City of London")).isEqualTo("city-of-london");
        assertThat(HotspotRoutes.forceSlug("Avon and Somerset Constabulary")).isEqualTo("avon-and-somerset");
        assertThat(HotspotRoutes.forceSlug("Devon & Cornwall Police")).isEqualTo("devon-and-cornwall");
    }
}
