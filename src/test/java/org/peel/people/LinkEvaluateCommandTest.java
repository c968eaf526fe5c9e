package org.peel.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;
import org.peel.testing.SharedData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel link evaluate command")
class LinkEvaluateCommandTest {

    private static final String FEBRL_MAP = "given_name=given_name,surname=surname,dob=date_of_birth,"
            + "address=street_number+address_1,postcode=postcode,city=suburb";

    private record Run(int exit, String out, String err) {
    }

    private static Run peel(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("prints exactly records, candidate pairs, precision, recall, F1 and seconds as JSON")
    void jsonShape(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, """
                id,first,last,born
                a-1,John,Smith,1980-03-04
                a-2,Jon,Smith,04/03/1980
                b-1,Mary,Patel,19751120
                """);

        Run run = peel("link", "evaluate", "--input", file.toString(), "--id-column", "id", "--id-regex", "^(\\w)",
                "--map", "given_name=first,surname=last,dob=born", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("records", "candidate_pairs", "precision", "recall", "f1", "seconds");
        assertThat(json.get("records").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("an unknown field in --map fails with one line and exit code 2")
    void unknownField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "id,first\n1,Ann\n");

        Run run = peel("link", "evaluate", "--input", file.toString(), "--id-column", "id", "--map", "forename=first");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("peel: unknown field 'forename'");
    }

    @Test
    @DisplayName("FEBRL 4 (A and B together, deduplicated as one set) reaches F1 of at least 0.95")
    void febrl4() throws IOException {
        Path a = SharedData.require("linkage/febrl/dataset4a.csv");
        Path b = SharedData.require("linkage/febrl/dataset4b.csv");

        Run run = peel("link", "evaluate", "--input", a.toString(), "--input", b.toString(), "--id-column", "rec_id",
                "--id-regex", "rec-(\\d+)", "--map", FEBRL_MAP, "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("records").asInt()).isEqualTo(10_000);
        assertThat(json.get("f1").asDouble()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @DisplayName("FEBRL 3 resolved in two halves, the second incrementally, is as good as resolved at once")
    void febrl3Incremental() {
        Path file = SharedData.require("linkage/febrl/dataset3.csv");
        PersonRecordFile.Contents all = PersonRecordFile.read(file, "rec_id", java.util.regex.Pattern.compile("rec-(\\d+)"),
                FieldMapping.parse(java.util.List.of(FEBRL_MAP)));
        int half = all.records().size() / 2;
        IdentityResolution engine = IdentityResolution.standard();

        IdentityResolution.Resolution once = engine.resolve(all.records());
        IdentityResolution.Resolution first = engine.resolve(all.records().subList(0, half));
        IdentityResolution.Resolution second = engine.extend(first, all.records().subList(half, all.records().size()));

        double f1Once = LinkEvaluation.of(once.persons().personOf(), all.entities()).f1();
        double f1Twice = LinkEvaluation.of(second.persons().personOf(), all.entities()).f1();
        assertThat(f1Twice).isGreaterThan(0.95).isCloseTo(f1Once, org.assertj.core.api.Assertions.within(0.02));
        assertThat(second.candidatePairs()).isLessThan(once.candidatePairs());
        for (int i = 0; i < half; i++) {
            assertThat(second.persons().personOf()[i]).isEqualTo(first.persons().personOf()[i]);
        }
    }

    @Test
    @DisplayName("on FEBRL 4 the prior estimated without labels is within 10% of the true share of matching pairs")
    void febrl4Prior() {
        Path a = SharedData.require("linkage/febrl/dataset4a.csv");
        Path b = SharedData.require("linkage/febrl/dataset4b.csv");
        PersonRecordFile.Contents all = PersonRecordFile.readAll(java.util.List.of(a, b), "rec_id",
                java.util.regex.Pattern.compile("rec-(\\d+)"), FieldMapping.parse(java.util.List.of(FEBRL_MAP)));

        IdentityResolution.Resolution r = IdentityResolution.standard().resolve(all.records());

        // 5,000 true pairs among 10,000 · 9,999 / 2 = 49,995,000
        assertThat(r.model().lambda()).isCloseTo(5000.0 / 49_995_000, org.assertj.core.api.Assertions.withinPercentage(10));
    }
}
