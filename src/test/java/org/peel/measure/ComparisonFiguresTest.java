package org.peel.measure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.opendata.OpenDataStore;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * England and Wales's figures are held from one report to the next until the published data changes; the force's
 * own are counted every time. On the hand-worked Home Office table of {@link MeasureFixtures}, in the year to June
 * 2015: 41 forces record 10 violence with injury among 10,000 people each, Kent 10 (or as loaded) among 10,000, and
 * the Met 100 among 100,000 (or as loaded).
 */
@DisplayName("England and Wales's figures held between reports until the published data changes")
class ComparisonFiguresTest {

    private static final Period YEAR_TO_JUNE_2015 = Period.yearTo(YearMonth.of(2015, 6));
    private static final String VIOLENCE = "violence_with_injury_per_1000";

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final OpenDataStore openData = new OpenDataStore(db.jdbi());
    private final MeasureStore store = new MeasureStore(db.jdbi());
    private final IndicatorEngine engine = new IndicatorEngine(store);
    private final Place.Area kent = new Place.Area(Place.Level.FORCE, MeasureFixtures.KENT, "Kent");

    @BeforeEach
    void load() throws IOException {
        MeasureFixtures.homeOfficeTable(openData, dir);
    }

    private ForceInNumbers.Row violence() {
        return ForceInNumbers.of(engine, kent, YEAR_TO_JUNE_2015).row(VIOLENCE);
    }

    @Test
    @DisplayName("import, report, import again with other figures: the next report shows the new figures for the"
            + " force and for England and Wales, each the figure counted afresh")
    void reimportShowsNewFigures() throws IOException {
        // given a first report: Kent 10 ÷ 10,000 × 1,000 = 1.0; England and Wales (41 × 10 + 10 + 100) = 520
        // ÷ (42 × 10,000 + 100,000) = 520,000 × 1,000 = 1.0
        ForceInNumbers.Row before = violence();
        assertThat(before.force().value()).isEqualTo(1.0);
        assertThat(before.englandAndWales().value()).isEqualTo(1.0);

        // when the Home Office table is loaded again with Kent recording 530
        MeasureFixtures.homeOfficeTable(openData, dir, 530, 100_000);

        // then Kent 530 ÷ 10,000 × 1,000 = 53.0; England and Wales (410 + 530 + 100) = 1,040 ÷ 520,000 × 1,000 = 2.0
        ForceInNumbers.Row after = violence();
        assertThat(after.force().value()).isEqualTo(53.0);
        assertThat(after.englandAndWales().numerator()).isEqualTo(1_040.0);
        assertThat(after.englandAndWales().value()).isEqualTo(2.0);

        // and when the population is loaded again with the Met at 1,660,000 (the offences file is unchanged)
        MeasureFixtures.homeOfficeTable(openData, dir, 530, 1_660_000);

        // then England and Wales 1,040 ÷ (420,000 + 1,660,000) = 2,080,000 × 1,000 = 0.5; Kent's own still 53.0
        ForceInNumbers report = ForceInNumbers.of(engine, kent, YEAR_TO_JUNE_2015);
        assertThat(report.row(VIOLENCE).englandAndWales().denominator()).isEqualTo(2_080_000.0);
        assertThat(report.row(VIOLENCE).englandAndWales().value()).isEqualTo(0.5);
        assertThat(report.row(VIOLENCE).force().value()).isEqualTo(53.0);
        // and every row's England and Wales is the figure counted afresh: nothing held from before went stale
        Place.Forces ew = ForceInNumbers.englandAndWales(store);
        for (IndicatorDefinition d : store.definitions()) {
            assertThat(report.row(d.id()).englandAndWales()).as(d.id())
                    .isEqualTo(engine.figure(d, ew, YEAR_TO_JUNE_2015));
        }
    }

    @Test
    @DisplayName("held, not counted again: a change that does not move the generation leaves England and Wales as"
            + " held (1.0, where afresh it is 2.0) while the force's own figure changes; the next refresh shows 2.0")
    void heldUntilTheGenerationMoves() {
        assertThat(violence().englandAndWales().value()).isEqualTo(1.0);

        // given Kent's row changed to 530 behind the generation's back (its trigger off, as no import would)
        db.ownerJdbi().useHandle(h -> {
            h.execute("alter table opendata_prc disable trigger opendata_prc_public_generation");
            h.execute("update opendata_prc set offences = 530 where force_code = ? and offence = 'Violence with"
                    + " injury' and date_trunc('month', year_to) = '2015-06-01'", MeasureFixtures.KENT);
            h.execute("alter table opendata_prc enable trigger opendata_prc_public_generation");
        });

        // then Kent's own is counted afresh, 530 ÷ 10,000 × 1,000 = 53.0, and England and Wales is still the 1.0
        // held, though counted afresh it is (410 + 530 + 100) ÷ 520,000 × 1,000 = 2.0
        ForceInNumbers.Row row = violence();
        assertThat(row.force().value()).isEqualTo(53.0);
        assertThat(row.englandAndWales().value()).isEqualTo(1.0);
        assertThat(engine.figure(row.definition(), ForceInNumbers.englandAndWales(store), YEAR_TO_JUNE_2015).value())
                .isEqualTo(2.0);

        // when the police.uk facts are refreshed, as every police.uk import ends
        store.refreshPoliceUk();

        // then the generation has moved on and England and Wales is counted again: 2.0
        assertThat(violence().englandAndWales().value()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("a change rolled back, as the report benchmark's copies are, is shown inside its transaction and"
            + " never afterwards, even once a later change is committed: 2.0 inside, then 1.0, then 1.5")
    void rolledBackChangeIsNeverServed() {
        assertThat(violence().englandAndWales().value()).isEqualTo(1.0);
        String kentViolence = "update opendata_prc set offences = ? where force_code = ? and offence = 'Violence with"
                + " injury' and date_trunc('month', year_to) = '2015-06-01'";

        // given, inside a transaction that is rolled back, Kent at 530: (410 + 530 + 100) ÷ 520,000 × 1,000 = 2.0
        Double[] inside = new Double[1];
        try {
            db.jdbi().useTransaction(h -> {
                h.execute(kentViolence, 530, MeasureFixtures.KENT);
                inside[0] = violence().englandAndWales().value();
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException rolledBack) {
            assertThat(rolledBack).hasMessage("roll back");
        }
        assertThat(inside[0]).isEqualTo(2.0);

        // then outside it England and Wales is 1.0 again
        assertThat(violence().englandAndWales().value()).isEqualTo(1.0);

        // and when Kent at 270 is committed: (410 + 270 + 100) = 780 ÷ 520,000 × 1,000 = 1.5, not the 2.0 of the
        // transaction rolled back, though both are one change after the first
        db.jdbi().useHandle(h -> h.execute(kentViolence, 270, MeasureFixtures.KENT));
        ForceInNumbers.Row row = violence();
        assertThat(row.englandAndWales().value()).isEqualTo(1.5);
        assertThat(row.force().value()).isEqualTo(27.0);
    }

    @Test
    @DisplayName("the generation moves on with a file that changes the data and with each refresh, never back to a"
            + " value a rolled-back transaction used, and stays put when a file is loaded again unchanged")
    void generationMoves() throws IOException {
        long first = store.publicGeneration();

        MeasureFixtures.homeOfficeTable(openData, dir);
        assertThat(store.publicGeneration()).as("both files unchanged, so skipped").isEqualTo(first);

        long[] rolledBack = new long[1];
        try {
            db.jdbi().useTransaction(h -> {
                store.refreshPoliceUk();
                rolledBack[0] = store.publicGeneration();
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }
        assertThat(rolledBack[0]).isNotEqualTo(first);
        assertThat(store.publicGeneration()).isEqualTo(first);

        store.refreshPoliceUk();
        long refreshed = store.publicGeneration();
        assertThat(refreshed).isNotIn(first, rolledBack[0]);

        MeasureFixtures.homeOfficeTable(openData, dir, 530, 100_000);
        assertThat(store.publicGeneration()).isNotIn(first, rolledBack[0], refreshed);
    }
}
