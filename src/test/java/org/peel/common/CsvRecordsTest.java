package org.peel.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading a comma-separated file")
class CsvRecordsTest {

    private static CsvRecords csv(String text) {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvRecords csv(byte[] bytes) {
        return new CsvRecords(new ByteArrayInputStream(bytes), "crimes.csv");
    }

    /** Every record with the line it starts on, as "line: field|field". */
    private static List<String> read(CsvRecords csv) {
        List<String> out = new ArrayList<>();
        for (String[] r; (r = csv.next()) != null; ) {
            out.add(csv.line() + ": " + String.join("|", r));
        }
        return out;
    }

    @Test
    @DisplayName("a quoted field may hold commas and line breaks, and each record keeps the line it starts on")
    void quotedNewline() {
        CsvRecords csv = csv("id,location\r\n1,\"On or near\nHigh Street, Camden\"\r\n2,Park Road\r\n");

        assertThat(csv.header()).containsExactly("id", "location");
        assertThat(read(csv)).containsExactly("2: 1|On or near\nHigh Street, Camden", "4: 2|Park Road");
    }

    @Test
    @DisplayName("blank lines are skipped without losing count of the lines")
    void blankLines() {
        assertThat(read(csv("id,name\n\n1,a\n\n\n2,b"))).containsExactly("3: 1|a", "6: 2|b");
    }

    @Test
    @DisplayName("a file that ends inside a quoted field (a truncated last row) is refused with the file and line")
    void truncatedLastRow() {
        CsvRecords csv = csv("id,location\n1,Park Road\n2,\"On or near High");

        assertThat(csv.next()).containsExactly("1", "Park Road");
        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3: a quoted field is never closed")
                .satisfies(e -> assertThat(((BadInput) e).line()).isEqualTo(3));
    }

    @Test
    @DisplayName("a field longer than 64 KiB is refused naming the field, quoting only its first 40 characters")
    void overLongField() {
        String huge = "x".repeat(CsvRecords.MAX_FIELD_CHARS + 1);
        CsvRecords csv = csv("id,location\n1,ok\n2," + huge + "\n");
        csv.next();

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3, field 'location': is 65537 characters long")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("x".repeat(40) + "…")
                        .doesNotContain("x".repeat(41)));
    }

    @Test
    @DisplayName("a field of exactly 64 KiB is accepted")
    void longestField() {
        String longest = "y".repeat(CsvRecords.MAX_FIELD_CHARS);
        CsvRecords csv = csv("id,location\n1," + longest + "\n");

        assertThat(csv.next()[1]).hasSize(CsvRecords.MAX_FIELD_CHARS);
    }

    @Test
    @DisplayName("a field far too long for the parser's buffer is still refused with the line")
    void fieldBeyondTheParsersBound() {
        String enormous = "z".repeat(5 * CsvRecords.MAX_FIELD_CHARS);
        CsvRecords csv = csv("id,location\n1,ok\n2," + enormous + "\n");
        csv.next();

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    @DisplayName("a record with more fields than the bound is refused with the line")
    void tooManyFields() {
        CsvRecords csv = csv("id\n" + ",".repeat(CsvRecords.MAX_FIELDS + 5) + "\n");

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class).hasMessageStartingWith("crimes.csv, line 2");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are refused, saying so and naming the line they are on")
    void notUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n1,Smith\n2,\"Jones,\nJr\"\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("3,Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in Windows-1252
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(csv(bytes.toByteArray()))).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 5: is not UTF-8 text (malformed bytes); save it as UTF-8");
    }

    @Test
    @DisplayName("a byte that is not UTF-8 thousands of lines into a file is named by its line")
    void notUtf8DeepInside() {
        // given a header and 2,999 rows of lengths 4 to 12 bytes, so line feeds fall at every offset, then on line
        // 3,001 a Windows-1252 é
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < 3_000; i++) {
            bytes.writeBytes((i + ",x" + "y".repeat(i % 9) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("3000,Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\n3001,z\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(csv(bytes.toByteArray()))).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 3001: is not UTF-8 text (malformed bytes); save it as UTF-8");
    }

    @Test
    @DisplayName("a publisher's file known to hold stray Windows-1252 bytes can be read with them replaced")
    void replacingMalformed() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xA3, '\n'};
        CsvRecords csv = CsvRecords.replacingMalformed(new ByteArrayInputStream(bytes), "atlas.csv");

        assertThat(csv.next()).containsExactly("1", "\uFFFD");
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark does not become part of the first column's name")
    void byteOrderMark() {
        byte[] text = "\uFEFFCrime ID,Month\nabc,2024-01\n".getBytes(StandardCharsets.UTF_8);
        CsvRecords csv = csv(text);

        assertThat(csv.header()).containsExactly("Crime ID", "Month");
        assertThat(csv.column("Crime ID")).isZero();
        assertThat(csv.next()).containsExactly("abc", "2024-01");
    }

    @Test
    @DisplayName("multi-byte characters split across the reader's buffers are read whole")
    void multiByteAcrossBuffers() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",Zoë Ørsted\n");
        }
        CsvRecords csv = csv(text.toString());

        assertThat(read(csv)).hasSize(20_000).allMatch(r -> r.endsWith("|Zoë Ørsted"));
    }

    @Test
    @DisplayName("a missing column names the file, the column and the header it has")
    void missingColumn() {
        CsvRecords csv = csv("id,name\n1,a\n");

        assertThatThrownBy(() -> csv.column("Month")).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 1, field 'Month': column missing from the header [id, name]");
    }

    @Test
    @DisplayName("an empty file is refused")
    void emptyFile() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 1: the file is empty");
    }

    @Test
    @DisplayName("an excerpt of a bad value is at most 40 characters, and says how long the value was")
    void excerpt() {
        assertThat(CsvRecords.excerpt("E0100")).isEqualTo("'E0100'");
        String long45 = "a".repeat(45);
        assertThat(CsvRecords.excerpt(long45)).isEqualTo("'" + "a".repeat(40) + "…' (45 characters)");
    }

    @Test
    @DisplayName("a gzipped file is read by name, and errors name the file without the folder")
    void gzippedFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2024-01-metropolitan-street.csv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("Month,Crime type\n2024-01,Burglary\n".getBytes(StandardCharsets.UTF_8));
        }
        try (CsvRecords csv = CsvRecords.open(file)) {
            assertThat(csv.source()).isEqualTo("2024-01-metropolitan-street.csv.gz");
            assertThat(csv.next()).containsExactly("2024-01", "Burglary");
            assertThat(csv.next()).isNull();
        }
    }
}
