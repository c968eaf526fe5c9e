package org.peel.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;
import org.peel.testing.SharedData;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel report for the Metropolitan Police, year to June 2015, from the shared Home Office table")
class ReportMetTest {

    private static final List<String> REQUIRED = List.of("recorded_crime_excl_fraud_per_1000",
            "recorded_crime_excl_fraud_per_1000_previous_year", "recorded_crime_excl_fraud_change_1y_pct",
            "recorded_crime_excl_fraud_change_5y_pct", "victim_based_crime_per_1000", "sexual_offences_per_1000",
            "violence_with_injury_per_1000", "burglary_dwelling_per_1000_households", "asb_incidents_per_1000",
            "charge_rate_offences_recorded_pct");

    @Test
    @DisplayName("every required id is there; the Home Office figures are filled for the Met and England and Wales")
    void metJson(@TempDir Path dir) throws IOException {
        Path prc = SharedData.require("home-office/rec-crime-pfa.csv");
        Path pfa = SharedData.require("population/pfa-population-mid2014.csv");
        Path atlas = SharedData.require("population/london-lsoa-atlas.csv");
        String url = TestDatabase.fresh().jdbcUrl();
        Path out = dir.resolve("met.json");

        assertThat(PeelCommand.execute("import", "home-office-prc", prc.toString(), "--db-url", url)).isZero();
        assertThat(PeelCommand.execute("import", "population", pfa.toString(), atlas.toString(), "--db-url", url))
                .isZero();
        assertThat(PeelCommand.execute("report", "--force", "Metropolitan Police", "--year-to", "2015-06",
                "--format", "json", "--out", out.toString(), "--db-url", url)).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("force").asText()).isEqualTo("Metropolitan Police");
        assertThat(json.get("period").get("from").asText()).isEqualTo("2014-07-01");
        assertThat(json.get("period").get("to").asText()).isEqualTo("2015-06-30");
        Map<String, JsonNode> byId = new HashMap<>();
        json.get("indicators").forEach(i -> byId.put(i.get("id").asText(), i));
        assertThat(byId).containsKeys(REQUIRED.toArray(String[]::new));
        // 712,599 offences excluding fraud among 8,530,617 residents (mid-2014)
        assertThat(byId.get("recorded_crime_excl_fraud_per_1000").get("force").asDouble()).isEqualTo(83.5);
        for (String id : REQUIRED.subList(0, 7)) {
            assertThat(byId.get(id).get("force").isNumber()).as(id).isTrue();
            assertThat(byId.get(id).get("england_and_wales").isNumber()).as(id).isTrue();
            assertThat(byId.get(id).get("complete").asBoolean()).as(id).isTrue();
        }
        // households come from the London atlas (census 2011) for the Met only
        assertThat(byId.get("burglary_dwelling_per_1000_households").get("force").isNumber()).isTrue();
        assertThat(byId.get("burglary_dwelling_per_1000_households").get("england_and_wales").isNull()).isTrue();
        // no shared file counts households outside London (the atlas covers the Met and the City): the force
        // estimates leave the column empty
        assertThat(byId.get("burglary_dwelling_per_1000_households").get("notes").toString())
                .contains("no households held for 41 of 43 areas")
                .contains("pfa-population-mid2014.csv leaves households empty")
                .contains("london-lsoa-atlas.csv gives households for");
        assertThat(byId.get("asb_incidents_per_1000").get("force").isNull()).isTrue();
        assertThat(byId.get("charge_rate_offences_recorded_pct").get("notes").toString()).contains("police.uk");
    }
}
