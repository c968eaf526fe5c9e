package org.peel.place;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;
import org.peel.testing.SharedData;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real ONS geography and London boundaries, imported once into one database for the whole class. */
@DisplayName("Importing the geography of England and Wales")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeographyImporterTest {

    private Path geography;
    private PlaceStore store;
    private GeographyImporter.Summary first;

    @BeforeAll
    void importOnce() {
        geography = SharedData.require("geography");
        store = new PlaceStore(TestDatabase.fresh().jdbi());
        first = new GeographyImporter(store).importFrom(geography);
    }

    @Test
    @DisplayName("London has 33 boroughs: 32 policed by the Met and the City of London, policed by its own force")
    void londonBoroughs() {
        List<BoroughSummary> london = store.boroughs().stream()
                .filter(b -> b.borough().code().startsWith("E09")).toList();

        assertThat(london).hasSize(33);
        assertThat(london).filteredOn(b -> b.borough().forceCode().equals("E23000001")).hasSize(32);
        assertThat(store.borough("E09000001")).contains(new Borough("E09000001", "City of London", "E23000034"));
        assertThat(store.forceAreas()).contains(new ForceArea("E23000034", "City of London"),
                new ForceArea("E23000001", "Metropolitan Police"));
    }

    @Test
    @DisplayName("all 43 force areas, 348 local authorities and 34,753 LSOAs of England and Wales are held")
    void wholeCountry() {
        PlaceCounts counts = store.counts();

        assertThat(counts.forceAreas()).isEqualTo(43);
        assertThat(counts.boroughs()).isEqualTo(348);
        assertThat(counts.wards()).isEqualTo(8_335);
        assertThat(counts.lsoas()).isEqualTo(34_753);
        assertThat(counts.lsoasWithCentroid()).isEqualTo(34_753);
        assertThat(first.lsoas().inserted()).isEqualTo(34_753);
    }

    @Test
    @DisplayName("every London LSOA has a boundary, and each of London's 634 wards of 2015 one dissolved from them")
    void londonBoundaries() {
        PlaceCounts counts = store.counts();

        assertThat(counts.lsoasWithBoundary()).isEqualTo(4_835);
        assertThat(counts.wardsWithBoundary()).isEqualTo(634);
        assertThat(counts.boroughsWithBoundary()).isEqualTo(33);
        Integer dissolved = store.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from ward where boundary_source = 'dissolved-lsoa'").mapTo(Integer.class).one());
        assertThat(dissolved).isEqualTo(634);
    }

    @Test
    @DisplayName("City of London 001A (E01000001) is in Aldersgate ward (E05009288), as the ONS lookup says")
    void cityLsoa() {
        assertThat(store.lsoa("E01000001"))
                .contains(new Lsoa("E01000001", "City of London 001A", "E05009288", "E09000001"));
        assertThat(store.ward("E05009288")).contains(new Ward("E05009288", "Aldersgate", "E09000001"));
        assertThat(store.lsoasIn("E05009288")).extracting(Lsoa::code).contains("E01000001");
    }

    @Test
    @DisplayName("a dissolved ward's boundary covers each of its LSOAs")
    void dissolvedWardCoversItsLsoas() {
        var ward = store.wardBoundary("E05009288").orElseThrow();

        assertThat(store.lsoaAreas()).filteredOn(a -> a.lsoa().wardCode().equals("E05009288"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(ward.buffer(1e-9).covers(a.boundary())).isTrue());
    }

    @Test
    @DisplayName("Trafalgar Square is in Westminster and the Tower of London in Tower Hamlets, by boundary")
    void knownLondonPoints() {
        AreaIndex index = AreaIndex.load(store);

        PlaceMatch trafalgar = index.locate(51.5080, -0.1281).orElseThrow();
        PlaceMatch tower = index.locate(51.5081, -0.0759).orElseThrow();

        assertThat(trafalgar.boroughCode()).isEqualTo("E09000033");
        assertThat(trafalgar.method()).isEqualTo(PlaceMatch.Method.POLYGON);
        assertThat(tower.boroughCode()).isEqualTo("E09000030");
        assertThat(tower.method()).isEqualTo(PlaceMatch.Method.POLYGON);
        assertThat(store.ward(trafalgar.wardCode()).orElseThrow().boroughCode()).isEqualTo("E09000033");
    }

    @Test
    @DisplayName("a point in the Thames off Vauxhall, outside every LSOA, is placed in a riverside London borough")
    void thames() {
        PlaceMatch river = AreaIndex.load(store).locate(51.4870, -0.1270).orElseThrow();

        assertThat(river.method()).isEqualTo(PlaceMatch.Method.NEAR_BOUNDARY);
        assertThat(river.boroughCode()).isIn("E09000022", "E09000033", "E09000032");
    }

    @Test
    @DisplayName("outside London points are placed by nearest centroid: Manchester and Cardiff city centres")
    void outsideLondon() {
        AreaIndex index = AreaIndex.load(store);

        PlaceMatch manchester = index.locate(53.4808, -2.2426).orElseThrow();
        PlaceMatch cardiff = index.locate(51.4816, -3.1791).orElseThrow();

        assertThat(manchester.boroughCode()).isEqualTo("E08000003");
        assertThat(manchester.method()).isEqualTo(PlaceMatch.Method.NEAREST_CENTROID);
        assertThat(manchester.distanceMetres()).isLessThan(1_000);
        assertThat(cardiff.boroughCode()).isEqualTo("W06000015");
    }

    @Test
    @DisplayName("Scottish and Northern Irish centroids, and codes of other LSOA vintages, are skipped and counted")
    void skippedAndSaidWhy() {
        assertThat(first.skipped()).containsEntry(
                "centroids: not an England or Wales LSOA (Scotland, Northern Ireland)", 11_646);
        assertThat(first.skipped()).containsEntry(
                "centroids: England or Wales code not in the 2011 LSOA lookup", 2_025);
    }

    @Test
    @DisplayName("importing the same files a second time changes nothing")
    void idempotent() {
        Map<String, String> before = snapshot();

        GeographyImporter.Summary second = new GeographyImporter(store).importFrom(geography);

        assertThat(snapshot()).isEqualTo(before);
        for (PlaceStore.Upserted u : List.of(second.forceAreas(), second.boroughs(), second.wards(), second.lsoas())) {
            assertThat(u.inserted()).isZero();
            assertThat(u.updated()).isZero();
        }
    }

    @Test
    @DisplayName("a lookup with one bad row is rejected naming file, line and field, and nothing is written")
    void badRowWritesNothing(@TempDir Path dir) throws IOException {
        // given a copy of the lookups whose centroid file has a garbled latitude on line 892 (E01000001)
        Path lookups = Files.createDirectories(dir.resolve("lookups"));
        for (String name : List.of("LAD17_CSP17_PFA17_lookup_EW_v2.csv",
                "Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales.csv")) {
            Files.copy(geography.resolve("lookups").resolve(name), lookups.resolve(name));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(geography.resolve("lookups/lsoa_latlong.csv")));
        assertThat(lines.get(891)).startsWith("E01000001,");
        lines.set(891, "E01000001,fifty-one point five,-0.0967729486154735,E01000001");
        Files.write(lookups.resolve("lsoa_latlong.csv"), lines, StandardCharsets.UTF_8);
        PlaceStore empty = new PlaceStore(TestDatabase.fresh().jdbi());
        PlaceCounts before = empty.counts();

        // when it is imported
        // then it fails at that row, and the database is as it was
        assertThatThrownBy(() -> new GeographyImporter(empty).importFrom(dir))
                .isInstanceOf(BadInput.class)
                .hasMessage("lsoa_latlong.csv, line 892, field 'latitude': 'fifty-one point five' is not a number");
        assertThat(empty.counts()).isEqualTo(before);
        assertThat(before.wards()).isZero();
    }

    @Test
    @DisplayName("an LSOA in the ward lookup under an unknown local authority is rejected with its line")
    void unknownLocalAuthority(@TempDir Path dir) throws IOException {
        Path lookups = Files.createDirectories(dir.resolve("lookups"));
        Files.copy(geography.resolve("lookups/LAD17_CSP17_PFA17_lookup_EW_v2.csv"),
                lookups.resolve("LAD17_CSP17_PFA17_lookup_EW_v2.csv"));
        Files.copy(geography.resolve("lookups/lsoa_latlong.csv"), lookups.resolve("lsoa_latlong.csv"));
        Files.writeString(lookups.resolve(
                        "Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales.csv"),
                "\uFEFFLSOA11CD,LSOA11NM,WD15CD,WD15NM,WD15NMW,LAD15CD,LAD15NM,FID\r\n"
                        + "E01000001,City of London 001A,E05009288,Aldersgate, ,E09000001,City of London,23\r\n"
                        + "E01000002,City of London 001B,E05009288,Aldersgate, ,E09000099,Nowhere,24\r\n",
                StandardCharsets.UTF_8);
        PlaceStore empty = new PlaceStore(TestDatabase.fresh().jdbi());

        assertThatThrownBy(() -> new GeographyImporter(empty).importFrom(dir))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("Lower_Layer_Super_Output_Area_2011_to_Ward_2015_Lookup_in_England_and_Wales"
                        + ".csv, line 3, field 'LAD15CD': E09000099 is not a local authority");
        assertThat(empty.counts().lsoas()).isZero();
    }

    private Map<String, String> snapshot() {
        Map<String, String> digests = new TreeMap<>();
        for (String table : List.of("force_area", "borough", "ward", "lsoa")) {
            digests.put(table, store.jdbi().withHandle(h -> h.createQuery(
                            "select md5(string_agg(t::text, '|' order by t.code)) || ':' || count(*) from "
                                    + table + " t").mapTo(String.class).one()));
        }
        return digests;
    }
}
