package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.StandardStreams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel ocg score and peel ocg compare on a file of groups")
class OcgScoreCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    private static final String HEADER = "ocg_id,activities,members,principals,firearms,violence,corruption,"
            + "money_laundering,reach,last_assessed,significant_event\n";

    private Path file(String rows) throws IOException {
        Path f = dir.resolve("groups.csv");
        Files.writeString(f, HEADER + rows);
        return f;
    }

    @Test
    @DisplayName("--format json: model version, then each group in input order with score, band, contributions,"
            + " reassessment due and reasons")
    void json() throws IOException {
        Path f = file("""
                OCG-9,fraud,4,0,N,none,Y,Y,national,2024-01-10,
                OCG-1,drugs supply;firearms,8,1,Y,used,N,Y,regional,2024-01-10,2024-02-01
                """);
        assertThat(PeelCommand.execute("ocg", "score", "--input", f.toString(), "--as-of", "2024-03-01",
                "--format", "json")).isZero();
        JsonNode out = new ObjectMapper().readTree(streams.out().toString());
        assertThat(out.fieldNames()).toIterable().containsExactly("model_version", "groups");
        assertThat(out.get("model_version").asText()).isEqualTo("peel-ocg-1");
        JsonNode first = out.get("groups").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("ocg_id", "score", "band", "contributions",
                "reassessment_due", "reasons");
        // worked in OcgScoringTest: 15 + 0 + 12 + 11.25 + 2 = 40.25, band 2b; last assessed 10 Jan, due 10 April
        assertThat(first.get("ocg_id").asText()).isEqualTo("OCG-9");
        assertThat(first.get("score").asDouble()).isEqualTo(40.25);
        assertThat(first.get("band").asText()).isEqualTo("2b");
        assertThat(first.get("contributions").get("reach").asDouble()).isEqualTo(11.25);
        assertThat(first.get("reassessment_due").asBoolean()).isFalse();
        JsonNode second = out.get("groups").get(1);
        assertThat(second.get("ocg_id").asText()).isEqualTo("OCG-1");
        assertThat(second.get("score").asDouble()).isEqualTo(78.0);
        assertThat(second.get("band").asText()).isEqualTo("1a");
        assertThat(second.get("reassessment_due").asBoolean()).as("significant event 1 Feb after 10 Jan").isTrue();
        assertThat(second.get("reasons").toString()).contains("significant event on 2024-02-01");
    }

    @Test
    @DisplayName("identical facts score identically whatever the group's reference")
    void identicalFacts() throws IOException {
        Path f = file("""
                Z-GANG-77,drugs supply,6,1,N,threatened,N,N,local,2024-01-10,
                a,drugs supply,6,1,N,threatened,N,N,local,2024-01-10,
                """);
        assertThat(PeelCommand.execute("ocg", "score", "--input", f.toString(), "--as-of", "2024-03-01",
                "--format", "json")).isZero();
        JsonNode groups = new ObjectMapper().readTree(streams.out().toString()).get("groups");
        ((com.fasterxml.jackson.databind.node.ObjectNode) groups.get(0)).remove("ocg_id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) groups.get(1)).remove("ocg_id");
        assertThat(groups.get(0)).isEqualTo(groups.get(1));
    }

    @Test
    @DisplayName("a bad value is one line naming the file, the line and the field, and exit code 2")
    void badInput() throws IOException {
        Path f = file("""
                OCG-1,fraud,4,0,N,none,Y,Y,national,2024-01-10,
                OCG-2,fraud,4,0,N,brutal,Y,Y,national,2024-01-10,
                """);
        assertThat(PeelCommand.execute("ocg", "score", "--input", f.toString(), "--as-of", "2024-03-01")).isEqualTo(2);
        assertThat(streams.err().toString().strip())
                .isEqualTo("peel: groups.csv, line 3, field 'violence': must be none, threatened, used or serious, not 'brutal'");
    }

    @Test
    @DisplayName("a missing column and a bad date are named too")
    void missingColumnAndDate() throws IOException {
        Path f = dir.resolve("short.csv");
        Files.writeString(f, "ocg_id,activities\nA,fraud\n");
        assertThat(PeelCommand.execute("ocg", "score", "--input", f.toString(), "--as-of", "2024-03-01")).isEqualTo(2);
        assertThat(streams.err().toString()).contains("short.csv, line 1, field 'members': column missing");
        Path g = file("OCG-1,fraud,4,0,N,none,Y,Y,national,10/01/2024,\n");
        assertThat(PeelCommand.execute("ocg", "score", "--input", g.toString(), "--as-of", "2024-03-01")).isEqualTo(2);
        assertThat(streams.err().toString()).contains("groups.csv, line 2, field 'last_assessed': must be a date as YYYY-MM-DD");
    }

    @Test
    @DisplayName("compare lists the groups whose band a second model changes")
    void compare() throws IOException {
        Path f = file("""
                OCG-9,fraud,4,0,N,none,Y,Y,national,2024-01-10,
                OCG-1,drugs supply;firearms,8,1,Y,used,N,Y,regional,2024-01-10,2024-02-01
                """);
        assertThat(PeelCommand.execute("ocg", "compare", "--input", f.toString(), "--format", "json")).isZero();
        JsonNode out = new ObjectMapper().readTree(streams.out().toString());
        assertThat(out.get("band_changes").asInt()).isEqualTo(1);
        assertThat(out.get("changed").get(0).get("ocg_id").asText()).isEqualTo("OCG-9");
        assertThat(out.get("changed").get(0).get("band_to").asText()).isEqualTo("2c");
    }
}
