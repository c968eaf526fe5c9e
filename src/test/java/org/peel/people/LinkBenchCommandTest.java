package org.peel.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;
import org.peel.platform.PeelCommand;
import org.peel.testing.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel bench link and bench person-search commands")
class LinkBenchCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private String run(String... args) {
        streams.out().reset();
        assertThat(PeelCommand.execute(args)).isZero();
        return streams.out().toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("reports F1, seconds and pairs for Peel and Duke on the same records, with the time ratio")
    void peelBesideDuke() throws IOException {
        Path linkage = SharedData.require("linkage/splink/fake_1000.csv");
        Path root = linkage.getParent().getParent().getParent();

        JsonNode json = new ObjectMapper().readTree(run("bench", "link", "--shared-data", root.toString(),
                "--data-set", "Splink", "--format", "json"));

        JsonNode row = json.get("data_sets").get(0);
        assertThat(row.get("data_set").asText()).isEqualTo("Splink fake_1000");
        assertThat(row.get("peel").get("f1").asDouble()).isGreaterThan(0.8);
        assertThat(row.get("duke").get("f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(row.get("duke").get("candidate_pairs").asLong()).isPositive();
        assertThat(row.has("time_ratio_duke_to_peel")).isTrue();
    }

    @Test
    @DisplayName("search before create reports p50 and p99 against a full scan of the same records")
    void searchLatency() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run("bench", "person-search", "--records", "5000",
                "--queries", "200", "--baseline-slice", "1000", "--format", "json"));

        assertThat(json.get("records").asInt()).isEqualTo(5000);
        assertThat(json.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("p50_ms").asDouble());
        assertThat(json.get("source_record_in_top5").asDouble()).isGreaterThan(0.5);
        assertThat(json.has("ratio_p50")).isTrue();
    }
}
