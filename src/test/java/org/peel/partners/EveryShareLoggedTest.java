package org.peel.partners;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.module.CommandOutput;
import org.peel.platform.PeelCommand;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A subject access answer leaves through the share gate and is listed by peel share log")
class EveryShareLoggedTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("sar export for Amy Rowe logs one disclosure: to her, under s45, her two records, with the request's purpose")
    void subjectAccessIsLogged(@TempDir Path dir) throws Exception {
        // given the hand-made force of PartnersCommandsTest: Amy Rowe is in C-ROB and ASB-1
        TestDatabase.Fresh db = TestDatabase.fresh();
        PartnersCommandsTest.seed(db.jdbi());

        // when her request, received 31 January 2025, is answered
        assertThat(PeelCommand.execute("sar", "export", "--name", "Amy Rowe", "--birth-date", "1990-05-05",
                "--received", "2025-01-31", "--out", dir.toString(), "--db-url", db.jdbcUrl()))
                .as(streams.err().toString()).isZero();
        JsonNode records = CommandOutput.JSON.readTree(dir.resolve("records.json").toFile());
        streams.out().reset();

        // then the share log lists it
        assertThat(PeelCommand.execute("share", "log", "--db-url", db.jdbcUrl(), "--format", "json"))
                .as(streams.err().toString()).isZero();
        JsonNode log = CommandOutput.JSON.readTree(streams.out().toString()).get("shares");
        assertThat(log).hasSize(1);
        JsonNode s = log.get(0);
        assertThat(s.get("channel").asText()).isEqualTo("subject access export");
        assertThat(s.get("recipient").asText()).startsWith("data subject ");
        assertThat(s.get("agreement").isNull()).isTrue();
        assertThat(s.get("statutory_basis").asText()).isEqualTo("subject_access");
        assertThat(s.get("purpose").asText()).isEqualTo("subject access request received 2025-01-31");
        assertThat(s.get("records").toString()).contains("crime:C-ROB", "asb_incident:ASB-1");
        assertThat(s.get("outcome").asText()).isEqualTo("shared");
        // and what was written is what the gate passed: her records, the suspect still redacted
        assertThat(records.get("records")).hasSize(2);
        assertThat(records.toString()).contains("4 Elm Row").doesNotContain("Kyle", "Batt");
        assertThat(db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'share' and outcome = 'success'")
                .mapTo(Integer.class).one())).isEqualTo(1);
    }
}
