package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;
import org.peel.testing.StandardStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Disproportionality: rate ratio against census population with its 95% interval")
class DisproportionalityTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("100 stops of 1,000 people against 50 of 1,000: ratio 2, interval 1.42 to 2.81")
    void handWorked() {
        // rate 100/1000 = 0.1 against 50/1000 = 0.05: ratio 2.0
        // SE(ln ratio) = sqrt(1/100 + 1/50) = sqrt(0.03) = 0.173205; 1.959964 x 0.173205 = 0.339476
        // 2 x exp(-0.339476) = 2 x 0.712144 = 1.4243; 2 x exp(0.339476) = 2 x 1.404211 = 2.8084
        Map<String, Long> events = Map.of("Black", 100L, "White", 50L);
        Map<String, Long> population = new LinkedHashMap<>();
        population.put("White", 1000L);
        population.put("Black", 1000L);
        population.put("Other", 500L);
        List<Disproportionality.Row> rows = Disproportionality.table(events, population, "White");

        Disproportionality.Row black = rows.stream().filter(r -> r.group().equals("Black")).findFirst().orElseThrow();
        assertThat(black.ratePer1000()).isCloseTo(100.0, within(1e-9));
        assertThat(black.ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(black.low()).isCloseTo(1.4243, within(1e-4));
        assertThat(black.high()).isCloseTo(2.8084, within(1e-4));
        Disproportionality.Row white = rows.get(0);
        assertThat(white.ratio()).isEqualTo(1.0);
        assertThat(rows.get(2).ratio()).as("no stops, no ratio").isNull();
    }

    @Test
    @DisplayName("peel equality stop-search counts officer-defined ethnicity and reads the force's census row")
    void command(@TempDir Path dir) throws Exception {
        Path stops = dir.resolve("2017-01-test-stop-and-search.csv");
        Files.writeString(stops, """
                Type,Date,Officer-defined ethnicity
                Person search,2017-01-01,White
                Person search,2017-01-01,Black
                Person search,2017-01-02,Black
                Person search,2017-01-02,
                """);
        Path census = dir.resolve("census.csv");
        Files.writeString(census, """
                PFA16NM,Ethnic Group: White; measures: Value,Ethnic Group: Mixed; measures: Value,Ethnic Group: Asian; measures: Value,Ethnic Group: Black; measures: Value,Ethnic Group: Other; measures: Value
                Testshire,1000,10,100,200,10
                """);
        int code = PeelCommand.execute("equality", "stop-search", "--stops", dir.toString(), "--census",
                census.toString(), "--force", "Testshire", "--format", "json");
        assertThat(code).as(streams.err().toString()).isZero();
        var json = org.peel.module.CommandOutput.JSON.readTree(streams.out().toString());
        assertThat(json.get("no_ethnicity_recorded").asInt()).isEqualTo(1);
        var black = json.get("groups").get(3);
        // Black 2/200 = 10 per 1,000 against White 1/1000 = 1 per 1,000: ratio 10
        assertThat(black.get("group").asText()).isEqualTo("Black");
        assertThat(black.get("ratio").asDouble()).isCloseTo(10.0, within(1e-9));
    }
}
