package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.Fixtures;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel import duty-rota")
class DutyRotaCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("loads the shifts, a second run changes nothing, and a bad row is one line naming file, line and field")
    void loads(@TempDir Path dir) throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T1', ?, 'Westminster volume crime', 'Volume crime', 1)", Fixtures.WESTMINSTER);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('INV1', 'T1', 'DC Shah', 1, 'Volume crime')");
        });
        Path file = dir.resolve("rota.csv");
        Files.writeString(file, "investigator_id,date,shift_start,shift_end\nINV1,2024-03-04,07:00,15:00\nINV1,2024-03-05,22:00,06:00\n");

        assertThat(PeelCommand.execute("import", "duty-rota", file.toString(), "--db-url", db.jdbcUrl(), "--format", "json"))
                .as(err.toString()).isZero();
        JsonNode first = OutputOptions.JSON.readTree(out.toString());
        assertThat(first.get("rows").asLong()).isEqualTo(2);
        assertThat(first.get("changed").asLong()).isEqualTo(2);
        out.reset();
        assertThat(PeelCommand.execute("import", "duty-rota", file.toString(), "--db-url", db.jdbcUrl(), "--format", "json")).isZero();
        assertThat(OutputOptions.JSON.readTree(out.toString()).get("changed").asLong()).isZero();

        Files.writeString(file, "investigator_id,date,shift_start,shift_end\nINV1,2024-03-06,07:00,\n");
        assertThat(PeelCommand.execute("import", "duty-rota", file.toString(), "--db-url", db.jdbcUrl())).isEqualTo(2);
        assertThat(err.toString()).contains("rota.csv, line 2, field 'shift_end'");
    }
}
