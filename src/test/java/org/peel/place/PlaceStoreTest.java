package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.peel.testing.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Storing places")
class PlaceStoreTest {

    private final PlaceStore store = new PlaceStore(TestDatabase.fresh().jdbi());

    private static final Geometry TRIANGLE = PlaceStore.WGS84.createPolygon(new Coordinate[]{
            new Coordinate(-0.10, 51.51), new Coordinate(-0.09, 51.51), new Coordinate(-0.09, 51.52),
            new Coordinate(-0.10, 51.51)});

    @Test
    @DisplayName("a fresh database knows the 33 London boroughs and their two forces, and nothing below them")
    void seeded() {
        PlaceCounts counts = store.counts();

        assertThat(counts.forceAreas()).isEqualTo(2);
        assertThat(counts.boroughs()).isEqualTo(33);
        assertThat(counts.wards()).isZero();
        assertThat(store.borough("E09000001")).contains(new Borough("E09000001", "City of London", "E23000034"));
    }

    @Test
    @DisplayName("the force's own boroughs are the Met's 32 by name, without the City of London's own force")
    void ownForceBoroughs() {
        // given the 33 London boroughs: 32 of the Metropolitan Police, one (the City) of the City of London Police
        Map<String, String> own = store.ownForceBoroughNames();

        // then a borough chooser offers the Met's 32, in order of name
        assertThat(own).hasSize(32).doesNotContainKey("E09000001").containsEntry("E09000033", "Westminster");
        assertThat(own.values()).first().isEqualTo("Barking and Dagenham");
        assertThat(List.copyOf(own.values())).isSorted();
    }

    @Test
    @DisplayName("a ward and its LSOA written are read back, with counts on the borough and the boundary intact")
    void roundTrip() {
        Ward ward = new Ward("E05009288", "Aldersgate", "E09000001");
        Lsoa lsoa = new Lsoa("E01000001", "City of London 001A", "E05009288", "E09000001");

        store.jdbi().useTransaction(h -> {
            store.upsertWards(h, List.of(ward), Map.of(ward.code(), TRIANGLE), "dissolved-lsoa");
            store.upsertLsoas(h, List.of(new LsoaArea(lsoa, TRIANGLE, 51.518, -0.0968)));
        });

        assertThat(store.wardsIn("E09000001")).containsExactly(ward);
        assertThat(store.ward("E05009288")).contains(ward);
        assertThat(store.lsoasIn("E05009288")).containsExactly(lsoa);
        assertThat(store.wardBoundary("E05009288")).hasValueSatisfying(g -> assertThat(g.equalsExact(TRIANGLE)).isTrue());
        assertThat(store.boroughs()).filteredOn(b -> b.borough().code().equals("E09000001"))
                .containsExactly(new BoroughSummary(new Borough("E09000001", "City of London", "E23000034"), 1, 1));
        LsoaArea read = store.lsoaAreas().get(0);
        assertThat(read.lsoa()).isEqualTo(lsoa);
        assertThat(read.boundary().equalsExact(TRIANGLE)).isTrue();
        assertThat(read.centroidLat()).isEqualTo(51.518);
    }

    @Test
    @DisplayName("writing the same rows again changes nothing; a changed name is one update")
    void upsertsOnlyWhatChanged() {
        ForceArea met = new ForceArea("E23000001", "Metropolitan Police");
        ForceArea renamed = new ForceArea("E23000034", "City of London Police");

        PlaceStore.Upserted same = store.jdbi().inTransaction(h -> store.upsertForceAreas(h, List.of(met)));
        PlaceStore.Upserted changed = store.jdbi().inTransaction(h -> store.upsertForceAreas(h, List.of(met, renamed)));

        assertThat(same).isEqualTo(new PlaceStore.Upserted(1, 0, 0));
        assertThat(changed).isEqualTo(new PlaceStore.Upserted(2, 0, 1));
        assertThat(store.forceAreas()).contains(renamed);
    }
}
