package org.peel.measure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.opendata.BadRows;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PoliceUkImporter;
import org.peel.place.Borough;
import org.peel.place.ForceArea;
import org.peel.place.PlaceStore;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kent's police.uk street files for every month of 2014 (one ASB incident and one burglary a month, without a
 * location) are imported, but no population: the ASB rate lacks its denominator, not its incidents.
 */
@DisplayName("The import named to fill a figure is the input it lacks")
class FillHintTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("given police.uk imported and no population, the ASB rate names the population file, not police.uk"
            + " again; and assault with injury, which only the Met's London file holds, names no import for Kent")
    void denominatorMissing() throws IOException {
        TestDatabase.Fresh db = TestDatabase.fresh();
        PlaceStore places = new PlaceStore(db.jdbi());
        places.jdbi().useTransaction(h -> {
            places.upsertForceAreas(h, List.of(new ForceArea("E23000032", "Kent")));
            places.upsertBoroughs(h, List.of(new Borough("E07000110", "Maidstone", "E23000032")), Map.of());
        });
        StringBuilder rows = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
        for (YearMonth m = YearMonth.of(2014, 1); !m.isAfter(YearMonth.of(2014, 12)); m = m.plusMonths(1)) {
            rows.append(",").append(m).append(",Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,,\n");
            rows.append("k").append(m).append(",").append(m).append(",Kent Police,Kent Police,,,No Location,,,Burglary,,\n");
        }
        Path file = Files.writeString(dir.resolve("2014-12-kent-street.csv"), rows);
        OpenDataStore openData = new OpenDataStore(db.jdbi());
        new PoliceUkImporter(openData).importFile(SourceFile.of(file), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
        MeasureStore store = new MeasureStore(db.jdbi());
        store.refreshPoliceUk();

        ForceInNumbers report = ForceInNumbers.of(new IndicatorEngine(store),
                new Place.Area(Place.Level.FORCE, "E23000032", "Kent"), Period.yearTo(YearMonth.of(2014, 12)));

        ForceInNumbers.Row asb = report.row("asb_incidents_per_1000");
        assertThat(asb.force().available()).isFalse();
        assertThat(asb.force().gap()).isEqualTo(Figure.Gap.POPULATION);
        assertThat(asb.fill()).startsWith("peel import population FILE").contains("Kent").doesNotContain("police-uk");
        assertThat(report.row("assault_with_injury_per_1000").fill()).startsWith("no import fills it for Kent");
        // nothing can fill calls for assistance, so the population is no next step for it
        assertThat(report.row("calls_for_assistance_per_1000").fill()).startsWith("no import")
                .doesNotContain("population");
        assertThat(report.importsToRun()).contains("peel import population")
                .doesNotContain("peel import london-borough-crime");

        // the Home Office table counts years to a quarter's end: for a year to November, importing it would not fill
        // the change on a year earlier, and the hint says so first; for a year to December it names the import alone
        ForceInNumbers toNovember = ForceInNumbers.of(new IndicatorEngine(store),
                new Place.Area(Place.Level.FORCE, "E23000032", "Kent"), Period.yearTo(YearMonth.of(2014, 11)));
        assertThat(toNovember.row("recorded_crime_excl_fraud_change_1y_pct").fill())
                .startsWith("the Home Office table counts years to the end of March, June, September or December")
                .contains("peel import home-office-prc");
        assertThat(report.row("recorded_crime_excl_fraud_change_1y_pct").fill())
                .startsWith("peel import home-office-prc");
    }
}
