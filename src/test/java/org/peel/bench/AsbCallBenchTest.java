package org.peel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelCommand;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel bench asb-call")
class AsbCallBenchTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    /** An empty folder: the synthetic Met then uses its built-in figures. */
    @TempDir
    Path sharedData;

    @Test
    @DisplayName("reports latency and calls/s on the loaded force beside the same calls on an empty database")
    void bothDatabases() throws Exception {
        // when the bench loads about 2,000 person records and makes 100 timed calls from two clients
        int exit = PeelCommand.execute("bench", "asb-call", "--db-url", TestDatabase.emptyDatabaseUrl(),
                "--shared-data", sharedData.toString(), "--person-records", "2000", "--calls", "100",
                "--warm-up", "10", "--clients", "2", "--format", "json");

        // then every call was answered 201 on both databases, and only the loaded one found histories
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("person_records").asLong()).isBetween(1_000L, 4_000L);
        assertThat(json.get("history").asText()).isEqualTo("exact");
        JsonNode loaded = json.get("loaded");
        JsonNode empty = json.get("baseline_empty");
        for (JsonNode run : new JsonNode[]{loaded, empty}) {
            assertThat(run.get("failed").asInt()).isZero();
            assertThat(run.get("p50_ms").asDouble()).isPositive();
            assertThat(run.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(run.get("p50_ms").asDouble());
            assertThat(run.get("calls_per_second").asDouble()).isPositive();
        }
        // every loaded call is for a victim as recorded on a loaded record, so nearly all find it again
        assertThat(loaded.get("calls_finding_earlier_records").asInt()).isGreaterThan(90);
        assertThat(loaded.get("calls_finding_earlier_records").asInt())
                .isGreaterThan(empty.get("calls_finding_earlier_records").asInt());
        assertThat(json.get("ratio_p50").asDouble()).isPositive();
    }

    @Test
    @DisplayName("a call for a victim with no date of birth or postcode says why, as the form makes a call handler do"
            + " for a name many share")
    void saysWhyNoDetail() throws Exception {
        JsonNode none = OutputOptions.JSON.readTree(AsbCallBench.body(new AsbCallBench.Call("John", "Smith", null,
                null, null, null, "E09000033"), 1));
        JsonNode dob = OutputOptions.JSON.readTree(AsbCallBench.body(new AsbCallBench.Call("John", "Smith",
                java.time.LocalDate.of(1980, 2, 3), null, null, null, "E09000033"), 2));

        assertThat(none.get("victim_not_given").asText()).isEqualTo("REFUSED");
        assertThat(dob.has("victim_not_given")).isFalse();
        assertThat(dob.get("victim_dob").asText()).isEqualTo("1980-02-03");
    }
}
