package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.SharedData;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel import police-uk-asb loads the ASB rows of police.uk street files")
class AsbImportCommandTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final String GOOD = HEADER
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.141,51.501,On or near Test Street,E01TEST01,Westminster 001A,Anti-social behaviour,,\n"
            + "abc,2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.141,51.501,On or near Test Street,E01TEST01,Westminster 001A,Burglary,Under investigation,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.142,51.502,\"On or near Park, Lane\",E01TEST01,Westminster 001A,Anti-social behaviour,,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-2.5,53.4,On or near Far Away,E01099999,Elsewhere 001A,Anti-social behaviour,,\n";
    /** Line 6 has a latitude that is not a number. */
    private static final String WITH_BAD_ROW = GOOD
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.14,north,On or near X,E01TEST01,W,Anti-social behaviour,,\n"
            + ",2017-01,Metropolitan Police Service,Metropolitan Police Service,-0.143,51.503,On or near Y,E01TEST01,W,Anti-social behaviour,,\n";

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    @BeforeEach
    void database() {
        db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05TEST01', 'Test Ward', 'E09000033')");
            h.execute("insert into lsoa (code, name, ward_code, borough_code) values"
                    + " ('E01TEST01', 'Westminster 001A', 'E05TEST01', 'E09000033')");
        });
    }

    private long incidents() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from asb_incident").mapTo(Long.class).one());
    }

    private JsonNode run(String... args) throws Exception {
        out.reset();
        String[] all = new String[args.length + 5];
        all[0] = "import";
        all[1] = "police-uk-asb";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--db-url";
        all[args.length + 3] = db.jdbcUrl();
        all[args.length + 4] = "--format=json";
        int code = PeelCommand.execute(all);
        assertThat(code).as(err.toString()).isZero();
        return OutputOptions.JSON.readTree(out.toString());
    }

    @Test
    @DisplayName("a folder's street files, plain and gzipped, are imported once; running it again adds nothing")
    void importsOnceFromAFolder() throws Exception {
        // given a plain file and a gzipped one in a folder, with a stop-and-search file beside them
        Files.writeString(dir.resolve("2017-01-metropolitan-street.csv"), GOOD);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("2017-02-metropolitan-street.csv.gz")))) {
            gz.write(GOOD.replace("2017-01", "2017-02").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("2017-01-metropolitan-stop-and-search.csv"), "Type,Date\n");

        // when
        JsonNode first = run(dir.toString());

        // then per file: 4 rows, 3 ASB, 2 in the force's LSOA, 1 outside, 1 burglary
        assertThat(first.get("files")).hasSize(2);
        assertThat(first.get("rowsRead").asLong()).isEqualTo(8);
        assertThat(first.get("asbRows").asLong()).isEqualTo(6);
        assertThat(first.get("imported").asLong()).isEqualTo(4);
        assertThat(first.get("outsideForce").asLong()).isEqualTo(2);
        assertThat(first.get("otherCrimeTypes").asLong()).isEqualTo(2);
        assertThat(incidents()).isEqualTo(4);
        String row = db.jdbi().withHandle(h -> h.createQuery("""
                        select category || '|' || borough_code || '|' || ward_code || '|' || location_text || '|' || to_char(reported_at, 'YYYY-MM-DD HH24:MI:SS')
                        from asb_incident where id = 'PUK-2017-02-metropolitan-street-4'""").mapTo(String.class).one());
        assertThat(row).isEqualTo("not published|E09000033|E05TEST01|On or near Park, Lane|2017-02-01 00:00:00");

        // when run again
        JsonNode again = run(dir.toString());

        // then
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("alreadyHeld").asLong()).isEqualTo(4);
        assertThat(incidents()).isEqualTo(4);
    }

    @Test
    @DisplayName("a bad row stops the import naming file, line and field, with nothing of that file saved")
    void badRowStops() throws Exception {
        Path file = dir.resolve("2017-03-metropolitan-street.csv");
        Files.writeString(file, WITH_BAD_ROW);

        int code = PeelCommand.execute("import", "police-uk-asb", file.toString(), "--db-url", db.jdbcUrl());

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("2017-03-metropolitan-street.csv, line 6, field 'Latitude':"
                + " expected a number between -90 and 90, found 'north'");
        assertThat(incidents()).isZero();
    }

    @Test
    @DisplayName("with --on-error skip the bad row is left out and reported, and the rest is saved")
    void badRowSkipped() throws Exception {
        Path file = dir.resolve("2017-03-metropolitan-street.csv");
        Files.writeString(file, WITH_BAD_ROW);

        JsonNode result = run(file.toString(), "--on-error", "skip");

        assertThat(result.get("badRows").asLong()).isEqualTo(1);
        assertThat(result.get("imported").asLong()).isEqualTo(3);
        assertThat(result.get("files").get(0).get("result").get("badExamples").get(0).asText())
                .contains("line 6, field 'Latitude'");
        assertThat(incidents()).isEqualTo(3);
    }

    @Test
    @DisplayName("--force picks one force's files from a folder of several")
    void oneForce() throws Exception {
        Files.writeString(dir.resolve("2017-01-metropolitan-street.csv"), GOOD);
        Files.writeString(dir.resolve("2017-01-city-of-london-street.csv"), GOOD);

        JsonNode result = run(dir.toString(), "--force", "city-of-london");

        assertThat(result.get("files")).hasSize(1);
        assertThat(result.get("files").get(0).get("file").asText()).isEqualTo("2017-01-city-of-london-street.csv");
    }

    @Test
    @DisplayName("a real City of London month: its ASB rows in the City's LSOAs are imported, those outside counted")
    void realFile() throws Exception {
        // given the City's LSOAs (as the geography import would give them) and one month of its street file
        Path file = SharedData.require("police-uk/street/2014-01/2014-01-city-of-london-street.csv.gz");
        db.jdbi().useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05TEST09', 'City Test Ward', 'E09000001')");
            for (String lsoa : new String[]{"E01000001", "E01000002", "E01000003", "E01000005", "E01032739",
                    "E01032740"}) {
                h.execute("insert into lsoa (code, name, ward_code, borough_code) values (?, ?, 'E05TEST09', 'E09000001')",
                        lsoa, "City of London " + lsoa);
            }
        });

        JsonNode result = run(file.toString());

        // then every ASB row is either imported or counted as outside the City's LSOAs, and all are the City's
        long asb = result.get("asbRows").asLong();
        assertThat(asb).isPositive();
        assertThat(result.get("imported").asLong() + result.get("outsideForce").asLong()).isEqualTo(asb);
        assertThat(result.get("imported").asLong()).isPositive();
        assertThat(result.get("badRows").asLong()).isZero();
        assertThat(incidents()).isEqualTo(result.get("imported").asLong());
        long outsideCity = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from asb_incident where borough_code <> 'E09000001'").mapTo(Long.class).one());
        assertThat(outsideCity).isZero();
        assertThat(run(file.toString()).get("imported").asLong()).isZero();
    }
}
