package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.testing.StandardStreams;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel iom cohort: the force's cohort rule over a CSV of offending histories")
class IomCohortCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @TempDir
    Path dir;

    private Path csv(String... lines) throws Exception {
        Path f = dir.resolve("histories.csv");
        Files.writeString(f, "offender_id,borough_code,offence_date,offence_group,disposal\n"
                + String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    @DisplayName("prints rule_version, every score with reasons, and at most N per borough in the cohort")
    void contract() throws Exception {
        // given three offenders in Camden and one in Westminster, as of 2025-01-01
        Path f = csv(
                "OF1,E09000007,2025-01-01,Robbery,Charged/summonsed",           // 365
                "OF1,E09000007,2024-01-02,Domestic burglary,Charged/summonsed", // 365 × 0.5 = 182.5 → 547.5
                "OF2,E09000007,2025-01-01,Shoplifting,Community resolution",    // 2
                "OF3,E09000007,2024-01-02,Violence with injury,Adult caution",  // 183 × 0.5 = 91.5
                "OF4,E09000033,2023-01-02,Robbery,Charged/summonsed");          // 365 × 0.25 = 91.25
        // when the capacity is two a borough
        int code = PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "2", "--format", "json");
        // then
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(fieldNames(json)).containsExactly("rule_version", "scores", "cohort");
        assertThat(json.get("rule_version").asText()).isEqualTo("iom-rfg-1;gravity=cchi-approx-1;half-life=365d;lookback=1095d");
        assertThat(json.get("scores")).hasSize(4);
        JsonNode first = json.get("scores").get(0);
        assertThat(fieldNames(first)).containsExactly("offender_id", "borough_code", "score", "reasons");
        assertThat(first.get("offender_id").asText()).isEqualTo("OF1");
        assertThat(first.get("score").asDouble()).isEqualTo(547.5);
        assertThat(first.get("reasons").get(0).asText()).isEqualTo("2 offences in the 1095 days to 2025-01-01 (frequency)");
        // Camden's two places go to OF1 (547.5) and OF3 (91.5), not OF2 (2); Westminster has OF4 alone
        List<String> cohort = new ArrayList<>();
        for (JsonNode c : json.get("cohort")) {
            assertThat(fieldNames(c)).containsExactly("offender_id", "borough_code", "score");
            cohort.add(c.get("offender_id").asText() + "@" + c.get("borough_code").asText() + "=" + c.get("score").asDouble());
        }
        assertThat(cohort).containsExactly("OF1@E09000007=547.5", "OF3@E09000007=91.5", "OF4@E09000033=91.25");
    }

    @Test
    @DisplayName("takes the Home Office's single Burglary group, weighted between residential and business burglary")
    void burglaryAsOneGroup() throws Exception {
        // 0.7 × 365 + 0.3 × 126 = 293.3 → 293 days; committed on the as-of day, so no decay: score 293
        Path f = csv("B1,E09000007,2025-01-01,Burglary,Charged/summonsed");
        assertThat(PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "1", "--format", "json")).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("scores").get(0).get("score").asDouble()).isEqualTo(293.0);
    }

    @Test
    @DisplayName("a capacity of one keeps one per borough")
    void capacityOne() throws Exception {
        Path f = csv("A,X,2025-01-01,Robbery,Charged/summonsed", "B,X,2025-01-01,Shoplifting,Charged/summonsed",
                "C,Y,2025-01-01,Shoplifting,Charged/summonsed");
        assertThat(PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "1", "--format", "json")).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("cohort")).extracting(c -> c.get("offender_id").asText()).containsExactly("A", "C");
    }

    @Test
    @DisplayName("an unknown offence group fails naming the file, the line and the field")
    void unknownGroup() throws Exception {
        Path f = csv("A,X,2025-01-01,Robbery,Charged/summonsed", "B,X,2025-01-01,Burgalry,Charged/summonsed");
        int code = PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "1", "--format", "json");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("histories.csv, line 3, field 'offence_group'").contains("'Burgalry'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @DisplayName("a bad date, an empty field and a missing column each fail naming the file, line and field")
    void badInput() throws Exception {
        Path f = csv("A,X,01/01/2025,Robbery,Charged/summonsed");
        assertThat(PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "1")).isNotZero();
        assertThat(err.toString()).contains("histories.csv, line 2, field 'offence_date'");
        err.reset();
        f = csv("A,,2025-01-01,Robbery,Charged/summonsed");
        assertThat(PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "2025-01-01",
                "--capacity", "1")).isNotZero();
        assertThat(err.toString()).contains("histories.csv, line 2, field 'borough_code': is empty");
        err.reset();
        Path noDisposal = dir.resolve("short.csv");
        Files.writeString(noDisposal, "offender_id,borough_code,offence_date,offence_group\nA,X,2025-01-01,Robbery\n");
        assertThat(PeelCommand.execute("iom", "cohort", "--input", noDisposal.toString(), "--as-of", "2025-01-01",
                "--capacity", "1")).isNotZero();
        assertThat(err.toString()).contains("short.csv, line 1, field 'disposal'");
        err.reset();
        assertThat(PeelCommand.execute("iom", "cohort", "--input", f.toString(), "--as-of", "1 Jan",
                "--capacity", "1")).isNotZero();
        assertThat(err.toString()).contains("--as-of");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
