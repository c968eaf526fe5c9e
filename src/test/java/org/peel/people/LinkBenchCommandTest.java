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

    @Test
    @DisplayName("the second question after an age: every caller gives an age, then a postcode when asked again; the counts add up and nothing is lost to refusal")
    void secondQuestionAfterAge() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run("bench", "person-search", "--records", "5000",
                "--queries", "400", "--baseline-slice", "1000", "--caller-dob", "0", "--caller-age", "1",
                "--caller-postcode", "0", "--caller-postcode-after-age", "1", "--caller-dob-after-age", "0",
                "--format", "json"));

        // every caller asked gave an age, and every one asked again a postcode: no refusal anywhere
        assertThat(json.get("at_create_asked_gave_age").asInt()).isEqualTo(json.get("name_only_warned_shared").asInt());
        assertThat(json.get("at_create_asked_refused").asInt()).isZero();
        int stillShared = json.get("at_create_after_age_still_shared").asInt();
        assertThat(stillShared).isBetween(0, json.get("at_create_asked_gave_age").asInt());
        assertThat(json.get("at_create_asked_again_gave_postcode").asInt()).isEqualTo(stillShared);
        assertThat(json.get("at_create_asked_again_gave_dob").asInt()).isZero();
        assertThat(json.get("at_create_asked_again_refused").asInt()).isZero();
        assertThat(json.get("modelled_caller_after_age").get("gives_postcode").asDouble()).isEqualTo(1.0);
        assertThat(json.get("modelled_caller_after_age").get("refuses").asDouble()).isZero();
        assertThat(json.get("at_create_best_possible_lost_to_refusal").asDouble()).isZero();
        assertThat(json.get("at_create_best_possible_lost_to_refusal_after_age").asDouble()).isZero();
        // asking again can only help: the figure after the second question is at least the one-question figure,
        // and no search does better than the ceiling on the same answers
        assertThat(json.get("at_create_own_person_in_top5").asDouble())
                .isGreaterThanOrEqualTo(json.get("at_create_own_person_in_top5_one_question_only").asDouble())
                .isLessThanOrEqualTo(json.get("at_create_best_possible_in_top5").asDouble());
        // the figures of before are all still there
        for (String field : new String[]{"own_person_in_top5", "at_create_own_person_in_top5_after_age",
                "at_create_own_person_in_top5_after_refusal", "namesakes_p99_ms", "modelled_caller"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
    }

    @Test
    @DisplayName("chances after an age that add up to more than 1 are refused")
    void secondQuestionChancesChecked() {
        assertThat(org.peel.platform.PeelCommand.execute("bench", "person-search", "--records", "5000",
                "--caller-postcode-after-age", "0.7", "--caller-dob-after-age", "0.4")).isNotZero();
    }
}
