package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading police.uk street files for hotspots")
class HotspotStreetFilesTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

    @TempDir
    Path dir;

    @Test
    @DisplayName("rows without coordinates are counted by crime type, not dropped silently; quoted commas are kept")
    void withoutLocation() throws IOException {
        Path file = write("2014-01-avon-and-somerset-street.csv", HEADER
                + "abc,2014-01,Avon and Somerset Constabulary,Avon and Somerset Constabulary,-2.59,51.45,"
                + "On or near Park Street,E01014485,\"Bristol, City of 032B\",Burglary,Under investigation,\n"
                + ",2014-01,Avon and Somerset Constabulary,Avon and Somerset Constabulary,,,No location,,,Burglary,,\n"
                + ",2014-01,Avon and Somerset Constabulary,Avon and Somerset Constabulary,-2.60,51.46,On or near X,"
                + "E01014486,\"Bristol, City of 033A\",Anti-social behaviour,,\n");

        HotspotSource source = HotspotStreetFiles.read(List.of(file), "avon-and-somerset");

        assertThat(source.rowsRead()).isEqualTo(3);
        assertThat(source.incidents()).hasSize(2);
        assertThat(source.incidents().get(0).crimeType()).isEqualTo("Burglary");
        assertThat(source.incidents().get(1).crimeType()).isEqualTo("Anti-social behaviour");
        assertThat(source.rowsWithoutLocation()).isEqualTo(1);
        assertThat(source.rowsWithoutLocation("Burglary")).isEqualTo(1);
    }

    @Test
    @DisplayName("a bad longitude is refused with the file, the line and the field named")
    void badCoordinate() throws IOException {
        Path file = write("2014-02-kent-street.csv", HEADER
                + ",2014-02,Kent Police,Kent Police,0.52,51.27,On or near A,E01024000,Maidstone 001A,Drugs,,\n"
                + ",2014-02,Kent Police,Kent Police,east,51.27,On or near B,E01024000,Maidstone 001A,Drugs,,\n");

        assertThatThrownBy(() -> HotspotStreetFiles.read(List.of(file), "kent"))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("2014-02-kent-street.csv").hasMessageContaining("line 3")
                .hasMessageContaining("field 'Longitude'").hasMessageContaining("'east' is not a number");
    }

    @Test
    @DisplayName("a month that is not YYYY-MM is refused naming the Month field")
    void badMonth() throws IOException {
        Path file = write("2014-02-kent-street.csv", HEADER
                + ",Feb 2014,Kent Police,Kent Police,0.52,51.27,On or near A,E01024000,Maidstone 001A,Drugs,,\n");

        assertThatThrownBy(() -> HotspotStreetFiles.read(List.of(file), "kent"))
                .isInstanceOf(BadInput.class).hasMessageContaining("line 2").hasMessageContaining("field 'Month'");
    }

    @Test
    @DisplayName("a folder is searched for the force's own files only: west-midlands is not west-mercia")
    void folderMatchesSlug() throws IOException {
        Files.createDirectories(dir.resolve("2014-01"));
        Files.createDirectories(dir.resolve("2014-02"));
        gzip("2014-01/2014-01-west-midlands-street.csv.gz", HEADER
                + ",2014-01,West Midlands Police,West Midlands Police,-1.89,52.48,On or near A,E01009000,"
                + "Birmingham 001A,Robbery,,\n");
        write("2014-02/2014-02-west-midlands-street.csv", HEADER);
        write("2014-01/2014-01-west-mercia-street.csv", HEADER);

        List<Path> files = HotspotStreetFiles.find(List.of(dir), "west-midlands");
        HotspotSource source = HotspotStreetFiles.read(List.of(dir), "west-midlands");

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("2014-01-west-midlands-street.csv.gz", "2014-02-west-midlands-street.csv");
        assertThat(source.incidents()).singleElement().extracting(HotspotIncident::crimeType).isEqualTo("Robbery");
    }

    @Test
    @DisplayName("a folder with no files for the force is refused, naming the folder and the force")
    void noFiles() {
        assertThatThrownBy(() -> HotspotStreetFiles.read(List.of(dir), "kent"))
                .isInstanceOf(BadInput.class).hasMessageContaining("no police.uk street files for force 'kent'");
    }

    @Test
    @DisplayName("crime types are accepted by display name in any case or by police.uk slug, and refused otherwise")
    void crimeTypes() {
        assertThat(HotspotCrimeTypes.resolve("crime-type", "burglary")).isEqualTo("Burglary");
        assertThat(HotspotCrimeTypes.resolve("crime-type", "anti-social-behaviour")).isEqualTo("Anti-social behaviour");
        assertThat(HotspotCrimeTypes.resolve("crime-type", "violent-crime")).isEqualTo("Violence and sexual offences");
        assertThatThrownBy(() -> HotspotCrimeTypes.resolve("crime-type", "Burglery"))
                .isInstanceOf(BadInput.class).hasMessageContaining("field 'crime-type'");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private void gzip(String name, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
