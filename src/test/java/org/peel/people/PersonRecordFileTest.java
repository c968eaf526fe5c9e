package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.BadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Reading person records from a CSV file")
class PersonRecordFileTest {

    @Test
    @DisplayName("dates are read from ISO, yyyyMMdd and dd/MM/yyyy; impossible dates are missing")
    void dates() {
        assertThat(PersonRecordFile.date("1980-03-04")).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(PersonRecordFile.date("19800304")).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(PersonRecordFile.date("04/03/1980")).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(PersonRecordFile.date("19800231")).isNull();
        assertThat(PersonRecordFile.date("")).isNull();
    }

    @Test
    @DisplayName("FEBRL's spaced values are trimmed, columns joined with +, and the entity taken by --id-regex")
    void febrlStyle(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, """
                rec_id, given_name, surname, street_number, address_1, postcode, date_of_birth
                rec-123-org, john, smith, 12, high street, 4011, 19800304
                rec-123-dup-0, jon, "smith, jr", , high street, 4011, 19800231
                """);

        PersonRecordFile.Contents c = PersonRecordFile.read(file, "rec_id", Pattern.compile("rec-(\\d+)"),
                FieldMapping.parse(List.of("given_name=given_name,surname=surname",
                        "address=street_number+address_1,postcode=postcode,dob=date_of_birth")));

        assertThat(c.entities()).containsExactly("123", "123");
        assertThat(c.records().get(0).address()).isEqualTo("12 high street");
        assertThat(c.records().get(1).address()).isEqualTo("high street");
        assertThat(c.records().get(1).surname()).isEqualTo("smith, jr");
        assertThat(c.records().get(0).dob()).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(c.records().get(1).dob()).isNull();
        assertThat(c.unreadableDates()).isEqualTo(1);
        assertThat(c.records().get(0).recordId()).isEqualTo("rec-123-org");
    }

    @Test
    @DisplayName("a missing column, an unknown field and a row of the wrong width are named precisely")
    void badInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "id,first\n1,Ann\n2,Bob,extra\n");

        assertThatThrownBy(() -> PersonRecordFile.read(file, "id", null, FieldMapping.parse(List.of("surname=last"))))
                .isInstanceOf(BadInput.class).hasMessageContaining("people.csv").hasMessageContaining("'last'");
        assertThatThrownBy(() -> FieldMapping.parse(List.of("nickname=first")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'nickname'");
        assertThatThrownBy(() -> PersonRecordFile.read(file, "id", null, FieldMapping.parse(List.of("given_name=first"))))
                .isInstanceOf(BadInput.class).hasMessageContaining("line 3");
    }
}
