package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;
import org.peel.testing.SharedData;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel hotspots evaluate on real police.uk files")
class HotspotsCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("prints the agreed JSON: force, crime type, test month, test events, area share and the five methods,"
            + " with the origins evaluated, intervals and peel's lead over each rival")
    void jsonShape() throws Exception {
        // given four months of the City of London, the smallest force, read straight from the shared data
        Path street = SharedData.require("police-uk/street");
        List<String> args = new ArrayList<>(List.of("hotspots", "evaluate", "--input"));
        for (String month : List.of("2014-01", "2014-02", "2014-03", "2014-04")) {
            args.add(street.resolve(month).resolve(month + "-city-of-london-street.csv.gz").toString());
        }
        args.addAll(List.of("--force", "city-of-london", "--crime-type", "Anti-social behaviour",
                "--train-months", "3", "--test-month", "2014-04", "--cell-metres", "100", "--format", "json"));

        // when
        int code = PeelCommand.execute(args.toArray(String[]::new));

        // then
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("force").asText()).isEqualTo("city-of-london");
        assertThat(json.get("crime_type").asText()).isEqualTo("Anti-social behaviour");
        assertThat(json.get("test_month").asText()).isEqualTo("2014-04");
        assertThat(json.get("test_events").asLong()).isPositive();
        assertThat(json.get("area_share").asDouble()).isEqualTo(0.05);
        assertThat(json.get("methods")).extracting(m -> m.get("name").asText())
                .containsExactly("last-period", "kde", "prospective", "sepp", "peel");
        for (JsonNode m : json.get("methods")) {
            assertThat(m.get("hit_rate").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.get("pai").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(m.get("hit_rate_ci").get(0).asDouble()).isLessThanOrEqualTo(m.get("hit_rate").asDouble());
            assertThat(m.get("hit_rate_ci").get(1).asDouble()).isGreaterThanOrEqualTo(m.get("hit_rate").asDouble());
            assertThat(m.has("peel_minus_this")).isEqualTo(!m.get("name").asText().equals("peel"));
        }
        // six origins asked for by default, January to April held: January has no month before it, and the three
        // training months before February and March reach back before the data, reported missing
        assertThat(json.get("origins_requested").asInt()).isEqualTo(6);
        assertThat(json.get("origins")).extracting(o -> o.get("test_month").asText())
                .containsExactly("2014-02", "2014-03", "2014-04");
        assertThat(json.get("skipped_test_months")).extracting(JsonNode::asText)
                .containsExactly("2013-11", "2013-12", "2014-01");
        assertThat(json.get("origins").get(0).get("missing_months")).extracting(JsonNode::asText)
                .containsExactly("2013-11", "2013-12");
        assertThat(json.get("test_events_outside_area").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("rows_without_location").isNumber()).isTrue();
        assertThat(json.get("notes").toString()).contains("Study area");
    }

    @Test
    @DisplayName("forecast lists next month's top cells, with the method and kde judged on the months before it")
    void forecast() throws Exception {
        Path street = SharedData.require("police-uk/street");
        List<String> args = new ArrayList<>(List.of("hotspots", "forecast", "--input"));
        for (String month : List.of("2014-01", "2014-02", "2014-03", "2014-04")) {
            args.add(street.resolve(month).resolve(month + "-city-of-london-street.csv.gz").toString());
        }
        args.addAll(List.of("--force", "city-of-london", "--crime-type", "anti-social-behaviour",
                "--train-months", "3", "--cell-metres", "100", "--format", "json"));

        int code = PeelCommand.execute(args.toArray(String[]::new));

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("forecast_month").asText()).isEqualTo("2014-05");
        assertThat(json.get("measured_on").asText()).isEqualTo("2014-04");
        // six origins back from April reach November 2013; only February, March and April have rows with a month
        // before them to learn from, so the method is judged on those three
        assertThat(json.get("measured_from").asText()).isEqualTo("2013-11");
        assertThat(json.get("measured_months").asInt()).isEqualTo(3);
        assertThat(json.get("measured").get(0).get("hit_rate_low").asDouble())
                .isLessThanOrEqualTo(json.get("measured").get(0).get("hit_rate").asDouble());
        assertThat(json.get("measured")).extracting(m -> m.get("name").asText()).containsExactly("peel", "kde");
        int k = (int) Math.ceil(0.05 * json.get("area_cells").asInt());
        assertThat(json.get("cells")).hasSize(k);
        assertThat(json.get("cells").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(json.get("cells").get(0).get("latitude").asDouble()).isBetween(51.4, 51.6);
    }

    @Test
    @DisplayName("an unknown crime type is refused with the option named and exit code 2")
    void unknownCrimeType() {
        Path street = SharedData.require("police-uk/street");

        int code = PeelCommand.execute("hotspots", "evaluate", "--input", street.toString(), "--force",
                "city-of-london", "--crime-type", "Burglery", "--train-months", "3", "--test-month", "2014-04");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("field 'crime-type'").contains("Burglary");
    }

    @Test
    @DisplayName("a test month outside the data is refused, saying which months the input holds")
    void testMonthOutsideData() {
        Path file = SharedData.require("police-uk/street/2014-01/2014-01-city-of-london-street.csv.gz");

        int code = PeelCommand.execute("hotspots", "evaluate", "--input", file.toString(), "--force",
                "city-of-london", "--crime-type", "burglary", "--train-months", "3", "--test-month", "2015-01");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no rows for the test month 2015-01").contains("2014-01");
    }
}
