package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.common.BadInput;
import org.peel.testing.TestDatabase;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Importing the ASB rows of a police.uk street file")
class AsbPoliceUkImportTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final String FILE = HEADER
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.141,51.501,On or near Test Street,E01TEST01,Westminster 001A,Anti-social behaviour,,\n"
            + "abc,2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.141,51.501,On or near Test Street,E01TEST01,Westminster 001A,Burglary,Under investigation,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.142,51.502,\"On or near Park, Lane\",E01TEST01,Westminster 001A,Anti-social behaviour,,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-2.5,53.4,On or near Far Away,E01099999,Elsewhere 001A,Anti-social behaviour,,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,,,No location,,,Anti-social behaviour,,\n";

    private Jdbi jdbi;
    private PoliceUkAsbImport importer;

    @BeforeEach
    void fresh() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05TEST01', 'Test Ward', 'E09000033')");
            h.execute("insert into lsoa (code, name, ward_code, borough_code) values"
                    + " ('E01TEST01', 'Westminster 001A', 'E05TEST01', 'E09000033')");
        });
        importer = new PoliceUkAsbImport(jdbi);
    }

    private static java.io.InputStream reader(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("ASB rows in the force's LSOAs are added as 'not published' incidents; a second import adds nothing")
    void importsAndIsIdempotent() {
        PoliceUkAsbImport.Result first = importer.importFile("2017-01-metropolitan-street.csv", reader(FILE));
        assertThat(first).isEqualTo(new PoliceUkAsbImport.Result(5, 4, 2, 0, 1, 2, 0, java.util.List.of()));
        String row = jdbi.withHandle(h -> h.createQuery("""
                        select category || '|' || sub_type || '|' || borough_code || '|' || ward_code || '|' || location_text
                        || '|' || to_char(reported_at, 'YYYY-MM-DD HH24:MI:SS') from asb_incident where id = 'PUK-2017-01-metropolitan-street-4'""")
                .mapTo(String.class).one());
        assertThat(row).isEqualTo("not published|Not published|E09000033|E05TEST01|On or near Park, Lane|2017-01-01 00:00:00");

        PoliceUkAsbImport.Result again = importer.importFile("2017-01-metropolitan-street.csv", reader(FILE));
        assertThat(again.inserted()).isZero();
        assertThat(again.alreadyHeld()).isEqualTo(2);
    }

    @Test
    @DisplayName("a bad row names the file, line and field, and nothing from the file is saved")
    void badRowSavesNothing() {
        String bad = FILE + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.14,north,On or near X,E01TEST01,W,Anti-social behaviour,,\n";
        assertThatThrownBy(() -> importer.importFile("bad.csv", reader(bad)))
                .isInstanceOf(BadInput.class)
                .hasMessage("bad.csv, line 7, field 'Latitude': expected a number between -90 and 90, found 'north'");
        int held = jdbi.withHandle(h -> h.createQuery("select count(*) from asb_incident").mapTo(Integer.class).one());
        assertThat(held).isZero();
        assertThatThrownBy(() -> importer.importFile("crimes.csv", reader("Crime ID,Month\n")))
                .hasMessageContaining("field 'Longitude'");
    }
}
