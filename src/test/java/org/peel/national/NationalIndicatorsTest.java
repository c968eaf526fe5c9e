package org.peel.national;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.measure.Figure;
import org.peel.measure.ForceInNumbers;
import org.peel.measure.IndicatorEngine;
import org.peel.measure.MeasureStore;
import org.peel.measure.Period;
import org.peel.measure.Place;
import org.peel.module.CommandOutput;
import org.peel.opendata.BadRows;
import org.peel.opendata.HomeOfficePrcImporter;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PoliceUkImporter;
import org.peel.opendata.PopulationImporter;
import org.peel.place.Borough;
import org.peel.place.ForceArea;
import org.peel.place.PlaceStore;
import org.peel.platform.PeelCommand;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two forces' published data, worked out by hand. Kent (1,000 people) publishes every month of 2014 on police.uk
 * but May, each month 2 ASB incidents and 1 burglary, in March also a shoplifting; the Home Office table gives Kent
 * 30 violence with injury and 4 fraud offences in the year to December 2014. Surrey (2,000 people) publishes every
 * month of 2014, each month 1 ASB incident and, in December, 3 crimes with outcomes; the Home Office table gives it 12
 * violence with injury offences.
 */
@DisplayName("National indicators on Spark")
class NationalIndicatorsTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final String KENT = "E23000032";
    private static final String SURREY = "E23000031";

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final MeasureStore store = new MeasureStore(db.jdbi());

    @BeforeEach
    void load() throws IOException {
        OpenDataStore openData = new OpenDataStore(db.jdbi());
        PlaceStore places = new PlaceStore(db.jdbi());
        places.jdbi().useTransaction(h -> {
            places.upsertForceAreas(h, List.of(new ForceArea(KENT, "Kent"), new ForceArea(SURREY, "Surrey")));
            places.upsertBoroughs(h, List.of(new Borough("E07000110", "Maidstone", KENT),
                    new Borough("E07000207", "Elmbridge", SURREY)), Map.of());
        });
        Path kentDir = Files.createDirectories(dir.resolve("kent"));
        Path surreyDir = Files.createDirectories(dir.resolve("surrey"));
        for (YearMonth m = YearMonth.of(2014, 1); !m.isAfter(YearMonth.of(2014, 12)); m = m.plusMonths(1)) {
            String kentAt = ",0.52,51.27,On or near High Street,,,";
            if (m.getMonthValue() != 5) {
                StringBuilder rows = new StringBuilder(HEADER);
                rows.append(",").append(m).append(",Kent Police,Kent Police").append(kentAt).append("Anti-social behaviour,,\n");
                rows.append(",").append(m).append(",Kent Police,Kent Police").append(kentAt).append("Anti-social behaviour,,\n");
                rows.append("k").append(m).append(",").append(m).append(",Kent Police,Kent Police").append(kentAt)
                        .append("Burglary,,\n");
                if (m.getMonthValue() == 3) {
                    rows.append("k-lost,2014-03,Kent Police,Kent Police,,,No Location,,,Shoplifting,,\n");
                }
                Files.writeString(kentDir.resolve(m + "-kent-street.csv"), rows);
            }
            String surreyAt = ",-0.40,51.37,On or near Station Road,,,";
            StringBuilder rows = new StringBuilder(HEADER);
            rows.append(",").append(m).append(",Surrey Police,Surrey Police").append(surreyAt)
                    .append("Anti-social behaviour,,\n");
            if (m.getMonthValue() == 12) {
                rows.append("s1,2014-12,Surrey Police,Surrey Police").append(surreyAt)
                        .append("Burglary,Under investigation,\n");
                rows.append("s2,2014-12,Surrey Police,Surrey Police").append(surreyAt)
                        .append("Robbery,Awaiting court outcome,\n");
                rows.append("s3,2014-12,Surrey Police,Surrey Police").append(surreyAt)
                        .append("Vehicle crime,Investigation complete; no suspect identified,\n");
            }
            Files.writeString(surreyDir.resolve(m + "-surrey-street.csv"), rows);
        }
        Files.writeString(surreyDir.resolve("2015-01-surrey-outcomes.csv"),
                "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n"
                        + "s1,2015-01,Surrey Police,Surrey Police,-0.40,51.37,On or near Station Road,,,Suspect charged\n");
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000032,Kent,2014,1000,
                E23000031,Surrey,2014,2000,
                """);
        Path prc = Files.writeString(dir.resolve("rec-crime-pfa.csv"), """
                12 months ending,PFA,Region,Offence,Rolling year total number of offences
                31-12-2014,Kent,South East,Violence with injury,30
                31-12-2014,Kent,South East,Fraud offences,4
                31-12-2014,Surrey,South East,Violence with injury,12
                """);
        new PopulationImporter(openData).importFile(SourceFile.of(people), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
        new HomeOfficePrcImporter(openData).importFile(SourceFile.of(prc), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
        PoliceUkImporter importer = new PoliceUkImporter(openData);
        for (SourceFile f : SourceFile.expand(List.of(kentDir, surreyDir), PoliceUkImporter::wanted)) {
            importer.importFile(f, new BadRows(BadRows.Policy.STOP), Progress.silent());
        }
        store.refreshPoliceUk();
    }

    @Test
    @DisplayName("every figure for two forces, counted on Spark, equals measure's own from PostgreSQL")
    void sameFiguresAsMeasure() throws Exception {
        LocalSpark.session();
        Period year = Period.yearTo(YearMonth.of(2014, 12));

        JsonNode json = run("national", "indicators", "--db-url", db.jdbcUrl(), "--year-to", "2014-12",
                "--forces", KENT + ",Surrey", "--master", "local[2]", "--format", "json");

        assertThat(json.get("forces")).hasSize(2);
        assertThat(json.get("passes").asInt()).isPositive();
        int compared = 0;
        for (JsonNode force : json.get("forces")) {
            String code = force.get("code").asText();
            Place.Area area = new Place.Area(Place.Level.FORCE, code, code.equals(KENT) ? "Kent" : "Surrey");
            ForceInNumbers measure = ForceInNumbers.of(new IndicatorEngine(store), area, year);
            assertThat(force.get("indicators")).hasSize(measure.rows().size());
            for (JsonNode spark : force.get("indicators")) {
                Figure own = measure.row(spark.get("id").asText()).force();
                assertThat(number(spark.get("value"))).as(code + " " + spark.get("id")).isEqualTo(own.value());
                assertThat(number(spark.get("numerator"))).as(code + " " + spark.get("id")).isEqualTo(own.numerator());
                assertThat(number(spark.get("denominator"))).as(code + " " + spark.get("id"))
                        .isEqualTo(own.denominator());
                assertThat(spark.get("complete").asBoolean()).isEqualTo(own.complete());
                assertThat(spark.get("notes")).hasSize(own.notes().size());
                compared += own.available() ? 1 : 0;
            }
        }
        assertThat(compared).as("figures with a value on both paths").isGreaterThanOrEqualTo(6);
        assertThat(indicator(json, KENT, "asb_incidents_per_1000").get("value").asDouble())
                .as("11 months × 2 ASB ÷ 1,000 people × 1,000").isEqualTo(22.0);
        assertThat(indicator(json, SURREY, "asb_incidents_per_1000").get("value").asDouble())
                .as("12 × 1 ASB ÷ 2,000 people × 1,000").isEqualTo(6.0);
    }

    private static JsonNode indicator(JsonNode json, String force, String id) {
        for (JsonNode f : json.get("forces")) {
            if (f.get("code").asText().equals(force)) {
                for (JsonNode i : f.get("indicators")) {
                    if (i.get("id").asText().equals(id)) {
                        return i;
                    }
                }
            }
        }
        throw new AssertionError("no " + id + " for " + force);
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static JsonNode run(String... args) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as(text.toString(StandardCharsets.UTF_8)).isZero();
        return CommandOutput.JSON.readTree(text.toString(StandardCharsets.UTF_8));
    }
}
