package org.peel.place;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Loading a postcode directory (ONSPD, NSPL) into the place capability's postcode lookup")
class PostcodeDirectoryImporterTest {

    static final String CAMDEN = "E09000007";
    /** Two wards of Camden as Peel holds them (codes kept apart from the real ones), and an LSOA in the second. */
    static final String WARD_A = "E05999901";
    static final String WARD_B = "E05999902";
    static final String LSOA_B = "E01999901";
    static final String LSOA_A = "E01999902";

    TestDatabase.Fresh db;
    PlaceStore places;
    PostcodeDirectoryImporter importer;

    @BeforeEach
    void geography() {
        db = TestDatabase.fresh();
        db.jdbi().useTransaction(h -> {
            h.execute("insert into ward (code, name, borough_code) values (?, 'Alpha', ?), (?, 'Beta', ?)",
                    WARD_A, CAMDEN, WARD_B, CAMDEN);
            h.execute("insert into lsoa (code, name, ward_code, borough_code) values (?, 'Camden 901', ?, ?),"
                    + " (?, 'Camden 902', ?, ?)", LSOA_B, WARD_B, CAMDEN, LSOA_A, WARD_A, CAMDEN);
        });
        places = new PlaceStore(db.jdbi());
        importer = new PostcodeDirectoryImporter(places);
    }

    static Path sample() throws URISyntaxException {
        return Path.of(PostcodeDirectoryImporterTest.class.getResource("/place/onspd-sample.csv").toURI());
    }

    int held() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from place_postcode").mapTo(Integer.class).one());
    }

    @Test
    @DisplayName("an ONSPD file: a held ward is taken, else the LSOA's ward; terminated kept with its month; Scotland left out")
    void onspd() throws Exception {
        // given the ONSPD layout (53 columns, quoted, CRLF) with five postcodes
        // when
        PostcodeDirectoryImporter.Summary s = importer.importFrom(sample());
        // then NW1 7AA is in its osward, Alpha, at its lat and long
        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.inserted()).isEqualTo(4);
        assertThat(s.skipped()).isEqualTo(Map.of("outside the wards Peel holds", 1L));
        assertThat(places.wardOfPostcode("nw17aa")).map(Ward::code).contains(WARD_A);
        double[] position = db.jdbi().withHandle(h -> h.createQuery(
                        "select latitude, longitude from place_postcode where postcode = 'NW1 7AA'")
                .map((rs, ctx) -> new double[]{rs.getDouble(1), rs.getDouble(2)}).one());
        assertThat(position).containsExactly(51.539, -0.143);
        // NW1 8AB's osward (E05013999, a later ward) is not held: its LSOA E01999901 lies in Beta
        assertThat(places.wardOfPostcode("NW1 8AB")).map(Ward::code).contains(WARD_B);
        // NW1 9ZZ, terminated June 2019 (doterm 201906), still finds its ward, and says when it ended
        PlaceStore.Postcode ended = places.postcode("NW1 9ZZ").orElseThrow();
        assertThat(ended.terminatedOn()).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(ended.ward().code()).isEqualTo(WARD_A);
        assertThat(s.terminated()).isEqualTo(1);
        // EH1 1AA, in Scotland, is not in Peel's wards; NW3 1AA has no grid reference (lat 99.999999): no position
        assertThat(places.postcode("EH1 1AA")).isEmpty();
        Integer positioned = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from place_postcode where postcode = 'NW3 1AA' and latitude is null and longitude is null")
                .mapTo(Integer.class).one());
        assertThat(positioned).isEqualTo(1);
    }

    @Test
    @DisplayName("loading the same file again changes nothing")
    void idempotent() throws Exception {
        importer.importFrom(sample());
        PostcodeDirectoryImporter.Summary again = importer.importFrom(sample());
        assertThat(again.inserted()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(held()).isEqualTo(4);
    }

    @Test
    @DisplayName("an NSPL file, its columns in another order and case (ward, not osward), updates only what changed")
    void nsplOrder(@TempDir Path dir) throws Exception {
        importer.importFrom(sample());
        Path nspl = dir.resolve("NSPL_SAMPLE.csv");
        Files.writeString(nspl, """
                LSOA21,LAT,LONG,WARD,DOTERM,PCDS
                "E01999901",51.6,-0.15,"E05999902","","NW1 7AA"
                "E01999902",51.539,-0.143,"E05999901","","NW1 7AB"
                """);
        PostcodeDirectoryImporter.Summary s = importer.importFrom(nspl);
        // NW1 7AA moves from Alpha to Beta; NW1 7AB is new
        assertThat(s.changed()).isEqualTo(1);
        assertThat(s.inserted()).isEqualTo(1);
        assertThat(places.wardOfPostcode("NW1 7AA")).map(Ward::code).contains(WARD_B);
        assertThat(places.wardOfPostcode("NW1 7AB")).map(Ward::code).contains(WARD_A);
    }

    @Test
    @DisplayName("a bad row is named by file, line and field, and nothing of the file is loaded")
    void badRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ONSPD_BAD.csv");
        Files.writeString(file, """
                pcds,doterm,osward,lsoa11,lat,long
                "NW1 7AA","","E05999901","",51.539,-0.143
                "NW1 9ZZ","2019-6","E05999901","",51.54,-0.14
                """);
        assertThatThrownBy(() -> importer.importFrom(file)).isInstanceOfSatisfying(BadInput.class, bad -> {
            assertThat(bad.source()).isEqualTo("ONSPD_BAD.csv");
            assertThat(bad.line()).isEqualTo(3);
            assertThat(bad.field()).isEqualTo("doterm");
        });
        assertThat(held()).isZero();
        Files.writeString(file, """
                pcds,doterm,osward
                "NOT A CODE","","E05999901"
                """);
        assertThatThrownBy(() -> importer.importFrom(file)).isInstanceOfSatisfying(BadInput.class, bad -> {
            assertThat(bad.line()).isEqualTo(2);
            assertThat(bad.field()).isEqualTo("pcds");
        });
        Files.writeString(file, "pcds,doterm\n\"NW1 7AA\",\"\"\n");
        assertThatThrownBy(() -> importer.importFrom(file)).isInstanceOfSatisfying(BadInput.class,
                bad -> assertThat(bad.field()).isEqualTo("osward"));
    }
    @Test
    @DisplayName("peel import postcodes FILE prints what it loaded as JSON; a bad file exits non-zero with one line")
    void command(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        Path bad = dir.resolve("ONSPD_BAD.csv");
        Files.writeString(bad, "pcds,doterm,osward\n\"NW1 7AA\",\"201913\",\"E05999901\"\n");
        int ok;
        int failed;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            ok = org.peel.platform.PeelCommand.execute("import", "postcodes", sample().toString(), "--db-url",
                    db.jdbcUrl(), "--format", "json");
            failed = org.peel.platform.PeelCommand.execute("import", "postcodes", bad.toString(), "--db-url",
                    db.jdbcUrl());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(ok).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.path("new").asInt()).isEqualTo(4);
        assertThat(json.path("terminated").asInt()).isEqualTo(1);
        assertThat(failed).isNotZero();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).strip())
                .startsWith("peel: ONSPD_BAD.csv").contains("line 2").contains("doterm").doesNotContain("\n");
    }
}
