package org.peel.opendata;

import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Importing public data files")
class OpenDataImportTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final String ROW = ",2014-01,Kent Police,Kent Police,0.52,51.27,On or near X,E01024000,"
            + "Maidstone 001A,Anti-social behaviour,,\n";

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final OpenDataStore store = new OpenDataStore(db.jdbi());

    private long crimes() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from opendata_police_uk_crime")
                .mapTo(Long.class).one());
    }

    private OpenDataStore.FileResult load(Path file, BadRows.Policy policy) {
        return new PoliceUkImporter(store).importFile(SourceFile.of(file), new BadRows(policy), Progress.silent());
    }

    @Test
    @DisplayName("a file loaded again is recognised by checksum and skipped; a changed one replaces its rows")
    void idempotent() throws IOException {
        Path f = Files.writeString(dir.resolve("2014-01-kent-street.csv"), HEADER + ROW + ROW);

        assertThat(load(f, BadRows.Policy.STOP).status()).isEqualTo(OpenDataStore.Status.NEW);
        assertThat(load(f, BadRows.Policy.STOP).status()).isEqualTo(OpenDataStore.Status.UNCHANGED);
        assertThat(crimes()).isEqualTo(2);

        Files.writeString(f, HEADER + ROW + ROW + ROW);
        OpenDataStore.FileResult changed = load(f, BadRows.Policy.STOP);

        assertThat(changed.status()).isEqualTo(OpenDataStore.Status.REPLACED);
        assertThat(crimes()).isEqualTo(3);
        assertThat(store.loadedFiles(PoliceUkImporter.SOURCE)).containsExactly("2014-01-kent-street.csv");
    }

    @Test
    @DisplayName("a bad row stops the file with its name, line and field, and nothing of it is kept")
    void badRowStops() throws IOException {
        Path f = Files.writeString(dir.resolve("2014-01-kent-street.csv"),
                HEADER + ROW + ROW.replace("2014-01", "2014-13"));

        assertThatThrownBy(() -> load(f, BadRows.Policy.STOP))
                .isInstanceOf(BadInput.class)
                .hasMessage("2014-01-kent-street.csv, line 3, field 'Month': '2014-13' is not a month YYYY-MM");
        assertThat(crimes()).isZero();
        assertThat(store.loadedFiles(PoliceUkImporter.SOURCE)).isEmpty();
    }

    @Test
    @DisplayName("under skip, the bad row is reported and the rest loaded")
    void badRowSkipped() throws IOException {
        Path f = Files.writeString(dir.resolve("2014-01-kent-street.csv"),
                HEADER + ROW + ROW.replace("0.52", "east") + ROW);

        OpenDataStore.FileResult r = load(f, BadRows.Policy.SKIP);

        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.badRows()).isEqualTo(1);
        assertThat(r.badExamples()).containsExactly(
                "2014-01-kent-street.csv, line 3, field 'Longitude': 'east' is not a number");
    }

    @Test
    @DisplayName("a bad month after rows of two good months is named by file, line and field, and the good months counted")
    void monthChecksAfterMonthChanges() throws IOException {
        // given rows of January, then February, then a month 13 on line 5
        Path f = Files.writeString(dir.resolve("2014-01-kent-street.csv"), HEADER + ROW
                + ROW.replace("2014-01", "2014-02") + ROW.replace("2014-01", "2014-02") + ROW.replace("2014-01", "2014-13"));

        // when it loads under skip
        OpenDataStore.FileResult r = load(f, BadRows.Policy.SKIP);

        // then the bad month is named and each good month keeps its own rows
        assertThat(r.badExamples()).containsExactly(
                "2014-01-kent-street.csv, line 5, field 'Month': '2014-13' is not a month YYYY-MM");
        List<String> months = db.jdbi().withHandle(h -> h.createQuery("""
                        select to_char(month, 'YYYY-MM') || ' ' || count(*) from opendata_police_uk_crime
                        group by month order by month""").mapTo(String.class).list());
        assertThat(months).containsExactly("2014-01 1", "2014-02 2");
    }

    @Test
    @DisplayName("a file larger than one COPY buffer loads whole, and a bad row deep inside it still stops it by line and field")
    void largeFile() throws IOException {
        // given 30,000 rows (several megabytes, so several buffers go to the server while later rows are read)
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            text.append(ROW);
        }
        Path good = Files.writeString(dir.resolve("2014-01-kent-street.csv"), text);

        // when it loads, then every row is there, and loading it again finds the same checksum
        assertThat(load(good, BadRows.Policy.STOP).rows()).isEqualTo(30_000);
        assertThat(crimes()).isEqualTo(30_000);
        assertThat(load(good, BadRows.Policy.STOP).status()).isEqualTo(OpenDataStore.Status.UNCHANGED);

        // given the same file with a latitude of 95.5 on line 25,002 (the header is line 1)
        int at = text.length() - 5_000 * ROW.length();
        text.replace(at, at + ROW.length(), ROW.replace("51.27", "95.5"));
        Path bad = Files.writeString(dir.resolve("2014-02-kent-street.csv"), text);

        // then it stops there, and nothing of it is kept
        assertThatThrownBy(() -> load(bad, BadRows.Policy.STOP))
                .isInstanceOf(BadInput.class)
                .hasMessage("2014-02-kent-street.csv, line 25002, field 'Latitude': 95.5 is outside -90.0 to 90.0");
        assertThat(crimes()).isEqualTo(30_000);
        assertThat(store.loadedFiles(PoliceUkImporter.SOURCE)).containsExactly("2014-01-kent-street.csv");
    }

    @Test
    @DisplayName("gzipped files and zips of months load, and a gz is the same file as its csv")
    void compressed() throws IOException {
        Path gz = dir.resolve("2014-01-kent-street.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((HEADER + ROW).getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("months.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("2014-02/2014-02-kent-street.csv"));
            out.write((HEADER + ROW.replace("2014-01", "2014-02")).getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("2014-02/2014-02-kent-stop-and-search.csv"));
            out.write("nothing to read\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = Files.writeString(Files.createDirectories(dir.resolve("plain")).resolve("2014-01-kent-street.csv"),
                HEADER + ROW);

        List<SourceFile> files = SourceFile.expand(List.of(gz, zip), PoliceUkImporter::wanted);
        PoliceUkImporter importer = new PoliceUkImporter(store);
        files.forEach(f -> importer.importFile(f, new BadRows(BadRows.Policy.STOP), Progress.silent()));

        assertThat(files).extracting(SourceFile::name)
                .containsExactly("2014-01-kent-street.csv", "2014-02-kent-street.csv");
        assertThat(crimes()).isEqualTo(2);
        assertThat(load(plain, BadRows.Policy.STOP).status()).isEqualTo(OpenDataStore.Status.UNCHANGED);
    }

    @Test
    @DisplayName("the London atlas: LSOAs summed to borough and force, households with them")
    void londonAtlas() throws IOException {
        Path atlas = Files.writeString(dir.resolve("london-lsoa-atlas.csv"), """
                Lower Super Output Area,Names,Mid-year Population Estimates;All Ages;2013,Population Density;Area (Hectares);,Households;All households;2011
                E01004687,Westminster 019A,1000,12.5,400
                E01004688,Westminster 019B,1500,10.0,600
                E01000001,City of London 001A,1200,8.0,700
                """);

        OpenDataStore.FileResult r = new PopulationImporter(store).importFile(SourceFile.of(atlas),
                new BadRows(BadRows.Policy.STOP), Progress.silent());

        assertThat(r.rows()).isEqualTo(3);
        List<String> sums = db.jdbi().withHandle(h -> h.createQuery("""
                        select level || ' ' || area_code || ' ' || population || ' ' || households || ' ' || households_year
                        from opendata_population where derived_from = 'lsoa' order by level, area_code""")
                .mapTo(String.class).list());
        assertThat(sums).containsExactly(
                "borough E09000001 1200 700 2011", "borough E09000033 2500 1000 2011",
                "force E23000001 2500 1000 2011", "force E23000034 1200 700 2011");
    }

    @Test
    @DisplayName("population by name when the code is missing, and what matches nothing is refused with its line")
    void populationNames() throws IOException {
        Path f = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                ,Devon & Cornwall,2014,1707447,
                X99,Gotham,2014,5,
                """);

        OpenDataStore.FileResult r = new PopulationImporter(store).importFile(SourceFile.of(f),
                new BadRows(BadRows.Policy.SKIP), Progress.silent());

        assertThat(r.rows()).isEqualTo(1);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("'Devon & Cornwall' () matched by name to E23000035"));
        assertThat(r.badExamples()).singleElement().asString()
                .startsWith("population.csv, line 3, field 'area_code': 'X99' is not a force");
    }
}
