package org.peel.opendata;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Many police.uk files in one run: each file still its own transaction, whole or not at all, while one file's end
 * (the server taking its last rows, its counts, its commit) overlaps the next file's start on another connection.
 */
@DisplayName("Importing police.uk files one after another")
class PoliceUkFilesTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final String ROW = ",2014-01,Kent Police,Kent Police,0.52,51.27,On or near X,E01024000,"
            + "Maidstone 001A,Anti-social behaviour,,\n";
    /** Enough rows (several megabytes) that many COPY buffers are still on their way when the file's last is read. */
    private static final int LARGE = 30_000;
    /** Generous: a deadlock between a file's end and the next file's start would hang far longer than this. */
    private static final Duration IN_TIME = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final OpenDataStore store = new OpenDataStore(db.jdbi());

    /** A month's street file of Kent rows; {@code month} is YYYY-MM. */
    private Path street(String month, int rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            text.append(ROW.replace("2014-01", month));
        }
        return Files.writeString(dir.resolve(month + "-kent-street.csv"), text);
    }

    private List<OpenDataStore.FileResult> load(BadRows.Policy policy, Path... files) {
        List<SourceFile> sources = java.util.Arrays.stream(files).map(SourceFile::of).toList();
        return assertTimeoutPreemptively(IN_TIME, () -> new PoliceUkImporter(store).importFiles(sources,
                f -> new BadRows(policy), Progress.silent()));
    }

    /** Each file's crime rows, as "name rows", by name. */
    private List<String> crimesByFile() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select f.name || ' ' || count(c.file_id) from opendata_file f
                        left join opendata_police_uk_crime c on c.file_id = f.id
                        where f.source = 'police-uk' group by f.name order by f.name""").mapTo(String.class).list());
    }

    private long crimes() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from opendata_police_uk_crime")
                .mapTo(Long.class).one());
    }

    /** Each file's counts by force and month, as "name force month rows". */
    private List<String> monthCounts() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select f.name || ' ' || m.force_code || ' ' || to_char(m.month, 'YYYY-MM') || ' ' || m.rows
                        from opendata_police_uk_month m join opendata_file f on f.id = m.file_id
                        order by f.name""").mapTo(String.class).list());
    }

    @Test
    @DisplayName("each file loads whole and in order with its counts, and loading them again skips every one")
    void loadsInOrder() throws IOException {
        // given a large January (its end overlaps February's start), then two small months
        Path jan = street("2014-01", LARGE);
        Path feb = street("2014-02", 2);
        Path mar = street("2014-03", 3);

        // when they load together
        List<OpenDataStore.FileResult> first = load(BadRows.Policy.STOP, jan, feb, mar);

        // then each is new with its own rows, its ledger row and its counts (Kent is force E23000032)
        assertThat(first).extracting(OpenDataStore.FileResult::name).containsExactly(
                "2014-01-kent-street.csv", "2014-02-kent-street.csv", "2014-03-kent-street.csv");
        assertThat(first).extracting(OpenDataStore.FileResult::status).containsOnly(OpenDataStore.Status.NEW);
        assertThat(first).extracting(OpenDataStore.FileResult::rows).containsExactly(30_000L, 2L, 3L);
        assertThat(crimesByFile()).containsExactly(
                "2014-01-kent-street.csv 30000", "2014-02-kent-street.csv 2", "2014-03-kent-street.csv 3");
        assertThat(monthCounts()).containsExactly("2014-01-kent-street.csv E23000032 2014-01 30000",
                "2014-02-kent-street.csv E23000032 2014-02 2", "2014-03-kent-street.csv E23000032 2014-03 3");

        // when they load again, then every one is recognised by its checksum and nothing is added
        assertThat(load(BadRows.Policy.STOP, jan, feb, mar)).extracting(OpenDataStore.FileResult::status)
                .containsOnly(OpenDataStore.Status.UNCHANGED);
        assertThat(crimes()).isEqualTo(30_005); // 30,000 + 2 + 3
    }

    @Test
    @DisplayName("a bad row in the file after one still ending is named by file, line and field, and the file before stays loaded")
    void badRowWhileTheFileBeforeEnds() throws IOException {
        // given a large January, then a February whose second row (line 3, after the header) has month 13
        Path jan = street("2014-01", LARGE);
        Path feb = Files.writeString(dir.resolve("2014-02-kent-street.csv"), HEADER
                + ROW.replace("2014-01", "2014-02") + ROW.replace("2014-01", "2014-13"));
        Path mar = street("2014-03", 3);

        // when they load under the stop policy, then February's bad row stops the run by file, line and field
        assertThatThrownBy(() -> load(BadRows.Policy.STOP, jan, feb, mar))
                .isInstanceOf(BadInput.class)
                .hasMessage("2014-02-kent-street.csv, line 3, field 'Month': '2014-13' is not a month YYYY-MM");

        // and January, begun before, is loaded whole; nothing of February or March is
        assertThat(crimesByFile()).containsExactly("2014-01-kent-street.csv 30000");
        assertThat(crimes()).isEqualTo(30_000);
        assertThat(monthCounts()).containsExactly("2014-01-kent-street.csv E23000032 2014-01 30000");

        // when February is put right and the run is repeated, then it carries on where it stopped
        street("2014-02", 2);
        assertThat(load(BadRows.Policy.STOP, jan, feb, mar)).extracting(OpenDataStore.FileResult::status)
                .containsExactly(OpenDataStore.Status.UNCHANGED, OpenDataStore.Status.NEW, OpenDataStore.Status.NEW);
        assertThat(crimes()).isEqualTo(30_005); // 30,000 + 2 + 3
    }

    @Test
    @DisplayName("when a file fails as it ends, the file begun after it keeps nothing, and running again completes the rest")
    void failureWhileEnding() throws IOException {
        // given a server that refuses one crime type (the importer itself accepts it), and February holding one
        db.ownerJdbi().useHandle(h -> h.execute("alter table opendata_police_uk_crime add constraint refused_in_test"
                + " check (crime_type <> 'Refused by the server')"));
        Path jan = street("2014-01", LARGE);
        Path feb = Files.writeString(dir.resolve("2014-02-kent-street.csv"), HEADER
                + ROW.replace("2014-01", "2014-02")
                + ROW.replace("2014-01", "2014-02").replace("Anti-social behaviour", "Refused by the server"));
        Path mar = street("2014-03", 3);

        // when they load: February's two rows reach the server only as it ends, when March has already begun
        assertThatThrownBy(() -> load(BadRows.Policy.STOP, jan, feb, mar))
                .hasMessageContaining("refused_in_test");

        // then January is loaded whole, and neither February nor March has a row, a count or a ledger entry
        assertThat(crimesByFile()).containsExactly("2014-01-kent-street.csv 30000");
        assertThat(crimes()).isEqualTo(30_000);
        assertThat(monthCounts()).containsExactly("2014-01-kent-street.csv E23000032 2014-01 30000");

        // when the server accepts the rows again and the run is repeated, then it completes the rest
        db.ownerJdbi().useHandle(h -> h.execute("alter table opendata_police_uk_crime drop constraint refused_in_test"));
        assertThat(load(BadRows.Policy.STOP, jan, feb, mar)).extracting(OpenDataStore.FileResult::status)
                .containsExactly(OpenDataStore.Status.UNCHANGED, OpenDataStore.Status.NEW, OpenDataStore.Status.NEW);
        assertThat(crimes()).isEqualTo(30_005); // 30,000 + 2 + 3
    }

    @Test
    @DisplayName("a changed file right after another replaces its rows once the other has ended, without a deadlock")
    void replacesWhileTheFileBeforeEnds() throws IOException {
        // given February loaded with 2 rows, then changed to 4
        Path feb = street("2014-02", 2);
        load(BadRows.Policy.STOP, feb);
        street("2014-02", 4);
        Path jan = street("2014-01", 3);
        // and a server that takes half a second to end each COPY of crimes, so that February begins (and would
        // remove its old rows and counts) while January is still ending, before January writes its counts
        db.ownerJdbi().useHandle(h -> {
            h.execute("create function slow_in_test() returns trigger language plpgsql as"
                    + " 'begin perform pg_sleep(0.5); return null; end'");
            h.execute("create trigger slow_in_test after insert on opendata_police_uk_crime"
                    + " for each statement execute function slow_in_test()");
        });

        // when January and the changed February load together, then they finish (February's removal of its old
        // counts and January's new counts both move the published generation on: February must wait for January to
        // commit rather than hold the generation while January waits for it)
        List<OpenDataStore.FileResult> r = load(BadRows.Policy.STOP, jan, feb);

        // then January is new and February's 2 rows are replaced by its 4
        assertThat(r).extracting(OpenDataStore.FileResult::status)
                .containsExactly(OpenDataStore.Status.NEW, OpenDataStore.Status.REPLACED);
        assertThat(crimesByFile()).containsExactly("2014-01-kent-street.csv 3", "2014-02-kent-street.csv 4");
        assertThat(monthCounts()).containsExactly("2014-01-kent-street.csv E23000032 2014-01 3",
                "2014-02-kent-street.csv E23000032 2014-02 4");
    }

    @Test
    @DisplayName("the same month twice in one run, plain and gzipped, loads once")
    void sameFileTwice() throws IOException {
        // given January as a large plain file, and the same text gzipped in another folder
        Path plain = street("2014-01", LARGE);
        Path gz = Files.createDirectories(dir.resolve("gz")).resolve("2014-01-kent-street.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readString(plain).getBytes(StandardCharsets.UTF_8));
        }

        // when both load in one run: the second waits for the first to commit, then finds the same checksum
        List<OpenDataStore.FileResult> r = load(BadRows.Policy.STOP, plain, gz);

        // then
        assertThat(r).extracting(OpenDataStore.FileResult::status)
                .containsExactly(OpenDataStore.Status.NEW, OpenDataStore.Status.UNCHANGED);
        assertThat(crimesByFile()).containsExactly("2014-01-kent-street.csv 30000");
    }

    @Test
    @DisplayName("a row without an LSOA code is placed by its point, the area index built beside the file")
    void placedByPoint() throws IOException {
        // given one LSOA in Westminster, held by its centroid only
        db.ownerJdbi().useHandle(h -> {
            h.execute("insert into borough (code, name, force_code) values ('E09000033', 'Westminster', 'E23000001')"
                    + " on conflict do nothing");
            h.execute("insert into ward (code, name, borough_code) values ('E05000644', 'St James''s', 'E09000033')");
            h.execute("insert into lsoa (code, ward_code, borough_code, centroid_lat, centroid_lon)"
                    + " values ('E01004734', 'E05000644', 'E09000033', 51.5010, -0.1350)");
        });
        // and a file of three rows: one with the LSOA's code; one with no code and a point about 25 m from its
        // centroid; one with no code and a point in Edinburgh, hundreds of kilometres from any LSOA held
        String met = ",2014-01,Metropolitan Police Service,Metropolitan Police Service,";
        Path f = Files.writeString(dir.resolve("2014-01-metropolitan-street.csv"), HEADER
                + met + "-0.1350,51.5010,On or near X,E01004734,Westminster 018C,Burglary,,\n"
                + met + "-0.1352,51.5012,On or near Y,,,Burglary,,\n"
                + met + "-3.1900,55.9500,On or near Z,,,Burglary,,\n");

        // when it loads
        load(BadRows.Policy.STOP, f);

        // then the first is placed by its code, the second by the nearest centroid (within 10 km), the third not at all
        List<String> placed = db.jdbi().withHandle(h -> h.createQuery("""
                        select line || ' ' || coalesce(place_method, '-') || ' ' || coalesce(lsoa_code, '-') || ' '
                               || coalesce(ward_code, '-') || ' ' || coalesce(borough_code, '-')
                        from opendata_police_uk_crime order by line""").mapTo(String.class).list());
        assertThat(placed).containsExactly(
                "2 lsoa E01004734 E05000644 E09000033",
                "3 point-nearest-centroid E01004734 E05000644 E09000033",
                "4 - - - -");
    }

    /** Each file's rows that lie outside the pages kept for it, as "name rows" (a file with no pages kept: all). */
    private List<String> rowsOutsideTheirPages() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select f.name || ' ' || count(*) filter (where b.file_id is null
                               or (c.ctid::text::point)[0] not between b.first_block and b.last_block)
                        from opendata_file f join opendata_police_uk_crime c on c.file_id = f.id
                        left join opendata_police_uk_blocks b on b.file_id = f.id
                        group by f.name order by f.name""").mapTo(String.class).list());
    }

    @Test
    @DisplayName("a file's rows are kept track of by the pages they went onto, and a changed file replaces only its own")
    void replacedByItsPages() throws IOException {
        // given three months loaded one after another, February's end overlapping March's start
        Path jan = street("2014-01", 3_000);
        Path feb = street("2014-02", LARGE);
        Path mar = street("2014-03", 2_000);
        load(BadRows.Policy.STOP, jan, feb, mar);

        // then every row lies on the pages kept for its file
        assertThat(rowsOutsideTheirPages()).containsExactly(
                "2014-01-kent-street.csv 0", "2014-02-kent-street.csv 0", "2014-03-kent-street.csv 0");

        // when February is published again with 7 rows, then its 30,000 rows are replaced and no other file's go
        street("2014-02", 7);
        assertThat(load(BadRows.Policy.STOP, jan, feb, mar)).extracting(OpenDataStore.FileResult::status)
                .containsExactly(OpenDataStore.Status.UNCHANGED, OpenDataStore.Status.REPLACED,
                        OpenDataStore.Status.UNCHANGED);
        assertThat(crimesByFile()).containsExactly(
                "2014-01-kent-street.csv 3000", "2014-02-kent-street.csv 7", "2014-03-kent-street.csv 2000");
    }

    @Test
    @DisplayName("rows that went into space freed earlier in the table are still all removed when their file is replaced")
    void rowsInFreedSpace() throws IOException {
        // given January replaced by a smaller file, and its old rows' space made free again by VACUUM
        Path jan = street("2014-01", LARGE);
        Path feb = street("2014-02", 100);
        load(BadRows.Policy.STOP, jan, feb);
        street("2014-01", 5);
        load(BadRows.Policy.STOP, jan, feb);
        db.ownerJdbi().useHandle(h -> h.execute("vacuum opendata_police_uk_crime"));

        // when March loads, then its rows go into January's old space, before the pages the table had grown to
        Path mar = street("2014-03", 10_000);
        load(BadRows.Policy.STOP, jan, feb, mar);
        assertThat(rowsOutsideTheirPages()).contains("2014-03-kent-street.csv 10000");

        // when March is published again with 4 rows, then all 10,000 of its old rows go, found by reading the table
        street("2014-03", 4);
        load(BadRows.Policy.STOP, jan, feb, mar);
        assertThat(crimesByFile()).containsExactly(
                "2014-01-kent-street.csv 5", "2014-02-kent-street.csv 100", "2014-03-kent-street.csv 4");
        assertThat(crimes()).isEqualTo(109); // 5 + 100 + 4
    }

    @Test
    @DisplayName("after the table is rewritten (VACUUM FULL), a changed file's rows are still all replaced")
    void afterARewrite() throws IOException {
        // given January replaced by a smaller file, then the table rewritten, so that every row moved
        Path jan = street("2014-01", LARGE);
        Path feb = street("2014-02", 100);
        load(BadRows.Policy.STOP, jan, feb);
        street("2014-01", 5);
        load(BadRows.Policy.STOP, jan, feb);
        db.ownerJdbi().useHandle(h -> h.execute("vacuum full opendata_police_uk_crime"));

        // when February is published again with 3 rows, then its 100 rows are replaced, found where they are now
        street("2014-02", 3);
        load(BadRows.Policy.STOP, jan, feb);
        assertThat(crimesByFile()).containsExactly("2014-01-kent-street.csv 5", "2014-02-kent-street.csv 3");
        assertThat(crimes()).isEqualTo(8);
    }
}
