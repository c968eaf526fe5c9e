package org.peel.common;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Bulk-loading rows with COPY")
class CopyWriterTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        // the probe table is made and emptied by the schema's owner; the writer's mechanics are what is tested here
        jdbi = TestDatabase.fresh().ownerJdbi();
        jdbi.useHandle(h -> h.execute("create table copy_probe (id bigint, n integer, s smallint, x double precision,"
                + " amount numeric(12, 4), flag boolean, day date, at timestamptz, wall timestamp, doc jsonb,"
                + " tags text[], name text, raw bytea)"));
    }

    @Test
    @DisplayName("each value arrives as the type its column declares, nulls as null")
    void everyType() {
        Instant at = Instant.parse("2024-03-31T01:30:00Z");
        Map<String, Object> row = jdbi.inTransaction(h -> {
            h.execute("truncate copy_probe");
            try (CopyWriter copy = CopyWriter.open(h, "copy_probe",
                    "id, n, s, x, amount, flag, day, at, wall, doc, tags, name, raw")) {
                copy.row(7L, 42, 3, 51.5, new BigDecimal("-1234.0500"), true, LocalDate.of(2024, 2, 29), at,
                        LocalDateTime.of(2024, 3, 31, 2, 30), "{\"a\": [1, 2]}", new String[]{"x", "a \"quoted\" one"},
                        "Zoë", new byte[]{1, 2, (byte) 0xff});
                copy.row(8L, null, null, null, new BigDecimal("0.0001"), null, null, null, null, null, List.of(), null,
                        null);
                assertThat(copy.finish()).isEqualTo(2);
            }
            return h.createQuery("select id, n, s, x, amount::text as amount, flag, day, at, wall::text as wall,"
                    + " doc::text as doc, array_to_string(tags, '|') as tags, name, raw from copy_probe where id = 7")
                    .mapToMap().one();
        });

        assertThat(row).containsEntry("n", 42).containsEntry("s", 3).containsEntry("x", 51.5)
                .containsEntry("amount", "-1234.0500").containsEntry("flag", true)
                .containsEntry("wall", "2024-03-31 02:30:00").containsEntry("doc", "{\"a\": [1, 2]}")
                .containsEntry("tags", "x|a \"quoted\" one").containsEntry("name", "Zoë");
        assertThat(((java.sql.Date) row.get("day")).toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at);
        assertThat((byte[]) row.get("raw")).containsExactly(1, 2, 0xff);
        String small = jdbi.withHandle(h -> h.createQuery("select amount::text from copy_probe where id = 8")
                .mapTo(String.class).one());
        assertThat(small).isEqualTo("0.0001");
    }

    @Test
    @DisplayName("a local date-time for a timestamptz column is read in the session's zone, as a bound value is")
    void localDateTimeInSessionZone() {
        LocalDateTime wall = LocalDateTime.of(2024, 7, 1, 9, 15);
        OffsetDateTime viaCopy = jdbi.inTransaction(h -> {
            h.execute("truncate copy_probe");
            try (CopyWriter copy = CopyWriter.open(h, "copy_probe", List.of("id", "at"))) {
                copy.row(1L, wall);
                copy.finish();
            }
            h.createUpdate("insert into copy_probe (id, at) values (2, :at)").bind("at", wall).execute();
            return h.createQuery("select at from copy_probe where id = 1").mapTo(OffsetDateTime.class).one();
        });
        OffsetDateTime viaInsert = jdbi.withHandle(h -> h.createQuery("select at from copy_probe where id = 2")
                .mapTo(OffsetDateTime.class).one());

        assertThat(viaCopy.toInstant()).isEqualTo(viaInsert.toInstant());
    }

    @Test
    @DisplayName("rows filling several buffers all arrive in order; a row the server refuses part-way fails the copy, naming the table")
    void manyBuffers() {
        jdbi.useHandle(h -> h.execute("create table copy_many (n integer not null check (n <> 150000), s text)"));

        // given 100,000 rows (about three megabytes, so dozens of buffers are sent while later rows are written)
        long copied = jdbi.inTransaction(h -> {
            try (CopyWriter copy = CopyWriter.open(h, "copy_many", "n, s")) {
                for (int i = 0; i < 100_000; i++) {
                    copy.row().int4(i).text("row number " + i).end();
                }
                return copy.finish();
            }
        });

        // then every row is there: 0 + 1 + … + 99,999 = 4,999,950,000, and row 12,345 kept its text
        assertThat(copied).isEqualTo(100_000);
        String countAndSum = jdbi.withHandle(h -> h.createQuery("select count(*) || ' ' || sum(n) from copy_many")
                .mapTo(String.class).one());
        String text = jdbi.withHandle(h -> h.createQuery("select s from copy_many where n = 12345")
                .mapTo(String.class).one());
        assertThat(countAndSum).isEqualTo("100000 4999950000");
        assertThat(text).isEqualTo("row number 12345");

        // when a second copy sends a row its check refuses, after the first buffers have gone
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            try (CopyWriter copy = CopyWriter.open(h, "copy_many", "n, s")) {
                for (int i = 100_000; i < 200_000; i++) {
                    copy.row().int4(i).text("row number " + i).end();
                }
                copy.finish();
            }
        })).hasMessageContaining("copy into copy_many").hasMessageContaining("copy_many_n_check");

        // then none of its rows is kept
        long kept = jdbi.withHandle(h -> h.createQuery("select count(*) from copy_many").mapTo(Long.class).one());
        assertThat(kept).isEqualTo(100_000);
    }

    @Test
    @DisplayName("a short row is refused before it reaches the server, naming the table")
    void shortRow() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            try (CopyWriter copy = CopyWriter.open(h, "copy_probe", "id, name")) {
                copy.row(1L);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("copy_probe: a row of 1 values for 2");
    }

    @Test
    @DisplayName("a value that cannot be sent as its column's type names the table, column and an excerpt")
    void wrongType() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            try (CopyWriter copy = CopyWriter.open(h, "copy_probe", "id, n")) {
                copy.row(1L, "x".repeat(100));
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("copy_probe.n (integer)")
                .hasMessageContaining("x".repeat(40) + "…");
    }

    @Test
    @DisplayName("text already in CSV form goes in as it is, header skipped")
    void csvText() {
        long rows = jdbi.inTransaction(h -> {
            h.execute("truncate copy_probe");
            byte[] csv = "id,name\n1,\"Smith, J\"\n2,\n".getBytes(StandardCharsets.UTF_8);
            return CopyWriter.csv(h.getConnection(), "copy_probe", "id, name", true, new ByteArrayInputStream(csv));
        });

        assertThat(rows).isEqualTo(2);
        List<String> names = jdbi.withHandle(h -> h.createQuery("select coalesce(name, 'NULL') from copy_probe"
                + " order by id").mapTo(String.class).list());
        assertThat(names).containsExactly("Smith, J", "NULL");
    }
}
