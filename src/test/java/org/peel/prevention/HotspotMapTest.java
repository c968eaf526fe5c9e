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
}
