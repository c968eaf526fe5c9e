package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading ONS lookup files")
class PlaceCsvFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a byte-order mark before the first header is not part of the column name")
    void byteOrderMark() throws IOException {
        Path file = write("lookup.csv", "\uFEFFLSOA11CD,LSOA11NM\r\nE01000001,City of London 001A\r\n");

        List<String> codes = new ArrayList<>();
        new CsvFile(file).forEachRow(List.of("LSOA11CD"), row -> codes.add(row.get("LSOA11CD")));

        assertThat(codes).containsExactly("E01000001");
    }

    @Test
    @DisplayName("a quoted name keeps its comma, and doubled quotes become one")
    void quotedFields() throws IOException {
        Path file = write("lad.csv", "LAD17CD,LAD17NM,PFA17NM\n"
                + "E06000023,\"Bristol, City of\",Avon and Somerset\n"
                + "E09000001,City of London,\"London, City of\"\n"
                + "E00000000,\"the \"\"odd\"\" one\",x\n");

        List<String> names = new ArrayList<>();
        new CsvFile(file).forEachRow(List.of("LAD17NM"), row -> names.add(row.get("LAD17NM") + "|" + row.get("PFA17NM")));

        assertThat(names).containsExactly("Bristol, City of|Avon and Somerset", "City of London|London, City of",
                "the \"odd\" one|x");
    }

    @Test
    @DisplayName("rows know their line in the file, counting a quoted field that runs over two lines")
    void lineNumbers() throws IOException {
        Path file = write("lines.csv", "CODE,NAME\nA,\"two\nlines\"\n\nB,one\n");

        List<Long> lines = new ArrayList<>();
        new CsvFile(file).forEachRow(List.of("CODE"), row -> lines.add(row.line()));

        assertThat(lines).containsExactly(2L, 5L);
    }

    @Test
    @DisplayName("a malformed code is reported with file, line and field")
    void badCode() throws IOException {
        Path file = write("lookup.csv", "LSOA11CD\nE01000001\nE0100000X\n");

        assertThatThrownBy(() -> new CsvFile(file).forEachRow(List.of("LSOA11CD"),
                row -> row.code("LSOA11CD", Pattern.compile("E01\\d{6}"), "an LSOA code")))
                .isInstanceOf(BadInput.class)
                .hasMessage("lookup.csv, line 3, field 'LSOA11CD': 'E0100000X' is not an LSOA code")
                .satisfies(e -> assertThat(((BadInput) e).line()).isEqualTo(3));
    }

    @Test
    @DisplayName("a missing column is reported against the header line")
    void missingColumn() throws IOException {
        Path file = write("lookup.csv", "LSOACD,lat\nE01000001,51.5\n");

        assertThatThrownBy(() -> new CsvFile(file).forEachRow(List.of("LSOACD", "latitude"), row -> { }))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("lookup.csv, line 1, field 'latitude': column missing");
    }

    @Test
    @DisplayName("ONS's back-to-front names read the natural way round")
    void naturalNames() {
        assertThat(GeographyImporter.naturalName("London, City of")).isEqualTo("City of London");
        assertThat(GeographyImporter.naturalName("Herefordshire, County of")).isEqualTo("County of Herefordshire");
        assertThat(GeographyImporter.naturalName("Devon & Cornwall")).isEqualTo("Devon & Cornwall");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
