package org.peel.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading a comma-separated file as bytes")
class CsvBytesTest {

    private static CsvBytes csv(String text) {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvBytes csv(byte[] bytes) {
        return new CsvBytes(new ByteArrayInputStream(bytes), "crimes.csv");
    }

    /** Every record with the line it starts on, as "line: field|field". */
    private static List<String> read(CsvBytes csv) {
        List<String> out = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fields(); i++) {
                fields.add(csv.text(i));
            }
            out.add(csv.line() + ": " + String.join("|", fields));
        }
        return out;
    }

    /** The same file read by {@link CsvRecords}, each field stripped as an importer strips it. */
    private static List<String> readAsRecords(byte[] bytes) {
        List<String> out = new ArrayList<>();
        try (CsvRecords csv = new CsvRecords(new ByteArrayInputStream(bytes), "crimes.csv")) {
            out.add("1: " + String.join("|", csv.header()));
            for (String[] r; (r = csv.next()) != null; ) {
                out.add(csv.line() + ": " + String.join("|", Arrays.stream(r).map(String::strip).toList()));
            }
        }
        return out;
    }

    /**
     * Header and records, read by {@link CsvBytes} from a stream that hands over a few bytes at a time, or (every
     * other time) all at once.
     */
    private static List<String> readAsBytes(byte[] bytes, Random random) {
        List<String> out = new ArrayList<>();
        InputStream in = random.nextBoolean() ? trickle(bytes, random) : new ByteArrayInputStream(bytes);
        try (CsvBytes csv = new CsvBytes(in, "crimes.csv")) {
            out.add("1: " + String.join("|", csv.header()));
            out.addAll(read(csv));
        }
        return out;
    }

    private static InputStream trickle(byte[] bytes, Random random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    @Test
    @DisplayName("any file of quotes, commas, line breaks and white space reads as the FastCSV reader reads it")
    void sameAsTheRecordReader() {
        // given thousands of small files built from the awkward parts of CSV, read whole or through a stream that
        // hands over one to seven bytes at a time (so that records cross every buffer boundary)
        Random random = new Random(42);
        for (int file = 0; file < 3_000; file++) {
            byte[] bytes = randomFile(random).getBytes(StandardCharsets.UTF_8);
            String outcomeOfRecords;
            String outcomeOfBytes;
            try {
                outcomeOfRecords = String.join("\n", readAsRecords(bytes));
            } catch (BadInput ex) {
                outcomeOfRecords = ex.getMessage();
            }
            try {
                outcomeOfBytes = String.join("\n", readAsBytes(bytes, random));
            } catch (BadInput ex) {
                outcomeOfBytes = ex.getMessage();
            }
            // then both readers see the same records on the same lines, or refuse the file with the same message
            // (a record short of a field: FastCSV's message names the record before it, Peel's the record)
            if (outcomeOfRecords.contains("but first record had")) {
                assertThat(outcomeOfBytes).contains("where the header has 3");
                continue;
            }
            assertThat(outcomeOfBytes).as("file %d: %s", file, new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(outcomeOfRecords);
        }
    }

    private static String randomFile(Random random) {
        String[] pieces = {"a", "Park Road", " ", "\t", "é", "\u2003", "x y", "", "On or near Sports/Recreation Area",
                "Ynys Môn 001A"};
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder s = new StringBuilder("id,name,place\n");
        int records = random.nextInt(6);
        for (int r = 0; r < records; r++) {
            if (random.nextInt(8) == 0) {
                s.append(breaks[random.nextInt(breaks.length)]); // a blank line
            }
            int fields = random.nextInt(30) == 0 ? 2 : 3; // now and then a record short of a field
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    s.append(',');
                }
                String value = pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)];
                switch (random.nextInt(5)) {
                    case 0 -> s.append('"').append(value).append(",\"\"").append(breaks[random.nextInt(3)])
                            .append(value).append('"');
                    case 1 -> s.append('"').append(value).append("\"tail");
                    case 2 -> s.append(value).append("\"mid");
                    default -> s.append(value);
                }
            }
            if (r < records - 1 || random.nextBoolean()) {
                s.append(breaks[random.nextInt(breaks.length)]);
            }
        }
        if (random.nextInt(20) == 0) {
            s.append("9,\"never closed");
        }
        return s.toString();
    }

    @Test
    @DisplayName("a quoted field may hold commas, line breaks and quotes, and each record keeps the line it starts on")
    void quotedFields() {
        CsvBytes csv = csv("id,location\n1,\"On or near \"\"The Mall\"\",\nHigh Street\"\n2, Park Road \n");

        assertThat(csv.header()).containsExactly("id", "location");
        assertThat(read(csv)).containsExactly("2: 1|On or near \"The Mall\",\nHigh Street", "4: 2|Park Road");
    }

    @Test
    @DisplayName("a file that ends inside a quoted field (a truncated last row) is refused with the file and line")
    void truncatedLastRow() {
        CsvBytes csv = csv("id,location\n1,Park Road\n2,\"On or near High");

        assertThat(csv.next()).isTrue();
        assertThat(csv.text(1)).isEqualTo("Park Road");
        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3: a quoted field is never closed")
                .satisfies(e -> assertThat(((BadInput) e).line()).isEqualTo(3));
    }

    @Test
    @DisplayName("a field longer than 64 KiB is refused naming the field, quoting only its first 40 characters")
    void overLongField() {
        String huge = "x".repeat(CsvRecords.MAX_FIELD_CHARS + 1);
        CsvBytes csv = csv("id,location\n1,ok\n2," + huge + "\n");
        csv.next();

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3, field 'location': is 65537 characters long")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("x".repeat(40) + "…")
                        .doesNotContain("x".repeat(41)));
    }

    @Test
    @DisplayName("a field of exactly 64 KiB is accepted, even in characters of two bytes")
    void longestField() {
        String longest = "é".repeat(CsvRecords.MAX_FIELD_CHARS);
        CsvBytes csv = csv("id,location\n1," + longest + "\n");

        assertThat(csv.next()).isTrue();
        assertThat(csv.text(1)).hasSize(CsvRecords.MAX_FIELD_CHARS);
    }

    @Test
    @DisplayName("a record that never ends (a quote never closed, megabytes on) is refused with the line it starts on")
    void recordBeyondTheBound() {
        String enormous = "z\n".repeat(3 * CsvRecords.MAX_FIELD_CHARS * 64 / 2);
        CsvBytes csv = csv("id,location\n1,ok\n2,\"" + enormous + "\"\n");
        csv.next();

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("crimes.csv, line 3: a record is longer than")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    @DisplayName("a record with more fields than the bound is refused with the line")
    void tooManyFields() {
        CsvBytes csv = csv("id\n" + ",".repeat(CsvRecords.MAX_FIELDS + 5) + "\n");

        assertThatThrownBy(csv::next).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 2: has more than 1024 fields");
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
    @DisplayName("a byte that is not UTF-8 inside a quoted field that spans lines is named by its own line")
    void notUtf8AfterAQuotedLineBreak() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n1,\"Jones,\nCaf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(csv(bytes.toByteArray()))).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 3: is not UTF-8 text (malformed bytes); save it as UTF-8");
    }

    @Test
    @DisplayName("a byte-order mark does not become part of the first column's name, and a missing column is named")
    void byteOrderMarkAndMissingColumn() {
        CsvBytes csv = csv("\uFEFFCrime ID,Month\nabc,2024-01\n");

        assertThat(csv.header()).containsExactly("Crime ID", "Month");
        assertThat(csv.column("Crime ID")).isZero();
        assertThatThrownBy(() -> csv.column("LSOA code")).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 1, field 'LSOA code': column missing from the header [Crime ID, Month]");
    }

    @Test
    @DisplayName("an empty file is refused")
    void emptyFile() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(BadInput.class).hasMessage("crimes.csv, line 1: the file is empty");
        assertThatThrownBy(() -> csv("\n\r\n")).isInstanceOf(BadInput.class)
                .hasMessage("crimes.csv, line 1: the file is empty");
    }

    @Test
    @DisplayName("a field the record does not have is empty, and a field is compared by its bytes")
    void missingFieldsAndComparison() {
        CsvBytes csv = csv("a,b,c\n1, Cleveland Police ,\n");
        csv.next();

        assertThat(csv.isEmpty(2)).isTrue();
        assertThat(csv.text(5)).isEmpty();
        assertThat(csv.is(1, "Cleveland Police".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(csv.is(1, "Cleveland".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(csv.is(1, null)).isFalse();
    }

    @Test
    @DisplayName("malformed UTF-8 is found exactly where Java's strict decoder finds it")
    void utf8AsJavaDecodesIt() {
        // given random short byte strings, rich in the bytes that start and continue multi-byte characters
        Random random = new Random(7);
        int[] interesting = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0,
                0xF4, 0xF5, 0xFF};
        for (int t = 0; t < 200_000; t++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            boolean valid;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                valid = true;
            } catch (CharacterCodingException ex) {
                valid = false;
            }
            assertThat(CsvBytes.malformedAt(b, 0, b.length) < 0).as("bytes %s", Arrays.toString(b)).isEqualTo(valid);
        }
    }
}
