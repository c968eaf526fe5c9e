package org.peel.measure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.opendata.BadRows;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PoliceUkImporter;
import org.peel.opendata.PopulationImporter;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.place.Borough;
import org.peel.place.ForceArea;
import org.peel.place.Lsoa;
import org.peel.place.LsoaArea;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * police.uk months worked out by hand. Kent (1,000 people; its borough Maidstone 500) publishes every month of 2014
 * but May: each month 2 ASB incidents and 1 burglary in one Maidstone LSOA, with no outcomes at all; in March one
 * shoplifting without any location. Surrey publishes December 2014 only: a burglary the street file calls "Under
 * investigation" and the outcomes file of January calls "Suspect charged", a robbery awaiting court, a vehicle crime
 * with no suspect, and one ASB incident.
 */
@DisplayName("Indicators over police.uk months, by hand")
class IndicatorPoliceUkTest {

    private static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private static final Period YEAR_2014 = Period.yearTo(YearMonth.of(2014, 12));

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final OpenDataStore openData = new OpenDataStore(db.jdbi());
    private final IndicatorEngine engine = new IndicatorEngine(new MeasureStore(db.jdbi()));
    private final Place.Area kent = new Place.Area(Place.Level.FORCE, "E23000032", "Kent");
    private final Place.Area maidstone = new Place.Area(Place.Level.BOROUGH, "E07000110", "Maidstone");
    private final Place.Area surrey = new Place.Area(Place.Level.FORCE, "E23000031", "Surrey");

    @BeforeEach
    void load() throws IOException {
        PlaceStore places = new PlaceStore(db.jdbi());
        places.jdbi().useTransaction(h -> {
            places.upsertForceAreas(h, List.of(new ForceArea("E23000032", "Kent"), new ForceArea("E23000031", "Surrey")));
            places.upsertBoroughs(h, List.of(new Borough("E07000110", "Maidstone", "E23000032"),
                    new Borough("E07000207", "Elmbridge", "E23000031")), Map.of());
            places.upsertWards(h, List.of(new Ward("E05005000", "Fixture Ward", "E07000110")), Map.of(), null);
            places.upsertLsoas(h, List.of(
                    new LsoaArea(new Lsoa("E01024000", "Maidstone 001A", "E05005000", "E07000110"), null, 51.27, 0.52)));
        });
        Path kentDir = Files.createDirectories(dir.resolve("kent"));
        for (YearMonth m = YearMonth.of(2014, 1); !m.isAfter(YearMonth.of(2014, 12)); m = m.plusMonths(1)) {
            if (m.getMonthValue() == 5) {
                continue;
            }
            StringBuilder rows = new StringBuilder(HEADER);
            String where = ",0.52,51.27,On or near High Street,E01024000,Maidstone 001A,";
            rows.append(",").append(m).append(",Kent Police,Kent Police").append(where).append("Anti-social behaviour,,\n");
            rows.append(",").append(m).append(",Kent Police,Kent Police").append(where).append("Anti-social behaviour,,\n");
            rows.append("k").append(m).append(",").append(m).append(",Kent Police,Kent Police").append(where)
                    .append("Burglary,,\n");
            if (m.getMonthValue() == 3) {
                rows.append("k-lost,2014-03,Kent Police,Kent Police,,,No Location,,,Shoplifting,,\n");
            }
            Files.writeString(kentDir.resolve(m + "-kent-street.csv"), rows);
        }
        Path surreyDir = Files.createDirectories(dir.resolve("surrey"));
        String where = ",-0.40,51.37,On or near Station Road,,,";
        Files.writeString(surreyDir.resolve("2014-12-surrey-street.csv"), HEADER
                + "s1,2014-12,Surrey Police,Surrey Police" + where + "Burglary,Under investigation,\n"
                + "s2,2014-12,Surrey Police,Surrey Police" + where + "Robbery,Awaiting court outcome,\n"
                + "s3,2014-12,Surrey Police,Surrey Police" + where + "Vehicle crime,"
                + "Investigation complete; no suspect identified,\n"
                + ",2014-12,Surrey Police,Surrey Police" + where + "Anti-social behaviour,,\n");
        Files.writeString(surreyDir.resolve("2015-01-surrey-outcomes.csv"),
                "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n"
                        + "s1,2015-01,Surrey Police,Surrey Police,-0.40,51.37,On or near Station Road,,,Suspect charged\n");
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000032,Kent,2014,1000,
                E07000110,Maidstone,2014,500,
                E23000031,Surrey,2014,2000,
                """);
        new PopulationImporter(openData).importFile(SourceFile.of(people), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
        PoliceUkImporter importer = new PoliceUkImporter(openData);
        for (SourceFile f : SourceFile.expand(List.of(dir.resolve("kent"), dir.resolve("surrey")),
                PoliceUkImporter::wanted)) {
            importer.importFile(f, new BadRows(BadRows.Policy.STOP), Progress.silent());
        }
        engine.store().refreshPoliceUk();
    }

    private Figure figure(String id, Place place, Period period) {
        return engine.figure(engine.store().definition(id).orElseThrow(), place, period);
    }

    @Test
    @DisplayName("a month missing: 11 × 2 ASB ÷ 1,000 × 1,000 = 22.0, marked incomplete and naming May")
    void monthMissing() {
        Figure asb = figure("asb_incidents_per_1000", kent, YEAR_2014);

        assertThat(asb.value()).isEqualTo(22.0);
        assertThat(asb.complete()).isFalse();
        assertThat(asb.notes()).anySatisfy(n -> assertThat(n).contains("months missing").contains("2014-05"));
    }

    @Test
    @DisplayName("rows without a location count for the force (11 burglaries + 1 shoplifting = 12.0) but not the borough (22.0)")
    void rowsWithoutLsoa() {
        Figure force = figure("recorded_crime_excl_fraud_per_1000", kent, YEAR_2014);
        Figure borough = figure("recorded_crime_excl_fraud_per_1000", maidstone, YEAR_2014);

        assertThat(force.numerator()).isEqualTo(12.0);
        assertThat(force.value()).isEqualTo(12.0);
        assertThat(borough.numerator()).isEqualTo(11.0);
        assertThat(borough.value()).isEqualTo(22.0);
        assertThat(borough.notes()).anySatisfy(n -> assertThat(n).contains("1 rows of the force have no location"));
        assertThat(figure("asb_incidents_per_1000", maidstone, YEAR_2014).value()).isEqualTo(44.0);
    }

    @Test
    @DisplayName("a force with no outcomes data has no charge rate, and the reason says so")
    void noOutcomes() {
        Figure charge = figure("charge_rate_offences_recorded_pct", kent, YEAR_2014);

        assertThat(charge.value()).isNull();
        assertThat(charge.notes()).anySatisfy(n -> assertThat(n).contains("no outcomes"));
    }

    @Test
    @DisplayName("charge rate: the outcomes file's charge outranks the street file; 2 of 3 crimes (not ASB) = 66.7%")
    void chargeRate() {
        Period december = Period.month(YearMonth.of(2014, 12));

        Figure charge = figure("charge_rate_offences_recorded_pct", surrey, december);

        assertThat(charge.numerator()).isEqualTo(2.0);
        assertThat(charge.denominator()).isEqualTo(3.0);
        assertThat(charge.value()).isEqualTo(66.7);
        assertThat(figure("outcome_no_suspect_pct", surrey, december).value()).isEqualTo(33.3);
    }

    @Test
    @DisplayName("a change is withheld when a month is missing from either year")
    void changeNeedsWholeYears() {
        Figure change = figure("asb_incidents_change_1y_pct", kent, YEAR_2014);

        assertThat(change.value()).isNull();
    }

    @Test
    @DisplayName("one month of twelve is no year's rate: Surrey's ASB for 2014 is withheld, and says why")
    void mostMonthsMissing() {
        Figure asb = figure("asb_incidents_per_1000", surrey, YEAR_2014);

        assertThat(asb.value()).isNull();
        assertThat(asb.notes()).anySatisfy(n -> assertThat(n).contains("holds only 1 of the 12 force-months"));
    }

    @Test
    @DisplayName("a report's engine, reading each span of facts once and the definitions once, gives every indicator"
            + " exactly the figure counted one query at a time: value, numerator, denominator, completeness and notes,"
            + " for a force, a borough and a group of forces, in both origins")
    void batchedCountsEqualOneAtATime() {
        Place.Forces both = new Place.Forces("Kent and Surrey", List.of("E23000032", "E23000031"));
        IndicatorEngine report = engine.remembering();
        int compared = 0;
        for (Origin origin : Origin.values()) {
            IndicatorEngine single = engine.over(origin);
            IndicatorEngine batched = report.over(origin);
            for (IndicatorDefinition d : engine.store().definitions()) {
                for (Place place : List.of(kent, maidstone, surrey, both)) {
                    for (Period period : List.of(YEAR_2014, Period.yearTo(YearMonth.of(2014, 6)))) {
                        Figure one = single.figure(d, place, period);
                        Figure many = batched.figure(d, place, period);
                        assertThat(many).as("%s %s %s %s", origin, d.id(), place.name(), period.describe())
                                .isEqualTo(one);
                        compared += one.available() ? 1 : 0;
                    }
                }
            }
        }
        // the fixture gives real figures to compare, not only figures that are missing on both sides
        assertThat(compared).isGreaterThan(10);
    }
}
