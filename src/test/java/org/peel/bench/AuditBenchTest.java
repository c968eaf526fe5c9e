package org.peel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelCommand;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel bench audit")
class AuditBenchTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("reports audited and unaudited writes per second from eight writers, their ratio, and an intact chain")
    void bothKinds() throws Exception {
        // when eight writers make 160 writes of each kind
        int exit = PeelCommand.execute("bench", "audit", "--db-url", TestDatabase.emptyDatabaseUrl(),
                "--writes", "160", "--writers", "8", "--rounds", "2", "--format", "json");

        // then both rates are measured, every audited write left its entry, and the chain verifies
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("writers").asInt()).isEqualTo(8);
        assertThat(json.get("auditedWritesPerSecond").asDouble()).isPositive();
        assertThat(json.get("unauditedWritesPerSecond").asDouble()).isPositive();
        assertThat(json.get("ratio").asDouble()).isPositive();
        // 160 timed audited writes and 16 warm-up ones, and nothing else
        assertThat(json.get("auditEntriesAdded").asLong()).isEqualTo(176);
        assertThat(json.get("chainIntact").asBoolean()).isTrue();
    }
}
