package org.peel.measure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.platform.PeelCommand;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Force in numbers as the inspection defines it, worked by hand over Peel's own records for the Met, the 12 months to
 * March 2016 (April 2015 to March 2016):
 * <ul>
 *   <li>12 violence without injury, one recorded on the 10th of each month of the period, none charged except:</li>
 *   <li>P05 (recorded May 2015) charged 20 April 2016, after the period; P06 (June 2015) charged 1 July 2015; P07
 *   (July 2015) cautioned (type 2) in August 2015;</li>
 *   <li>B1 (recorded January 2015) charged 10 May 2015 and B2 (February 2015) charged 3 June 2015: recorded before
 *   the period, charged in it;</li>
 *   <li>a fraud recorded and charged in the period: counted on neither side.</li>
 * </ul>
 * Charge rate, outcomes recorded in the period: B1, B2, P06 = 3 ÷ 12 offences recorded = 25.0%.
 * The former basis, offences recorded in the period since charged: P05, P06 = 2 ÷ 12 = 16.7%.
 */
@DisplayName("Force in numbers defined exactly: count basis, own period ends, satisfaction, assault with injury")
class ForceInNumbersDefinitionsTest {

    private static final Period YEAR_TO_MARCH_2016 = Period.yearTo(YearMonth.of(2016, 3));
    private static TestDatabase.Fresh db;
    private static MeasureStore store;
    private static ForceInNumbers report;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @BeforeAll
    static void load() {
        db = TestDatabase.fresh();
        store = new MeasureStore(db.jdbi());
        db.jdbi().useTransaction(h -> {
            String crime = "insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                    + " borough_code, domestic_abuse, hate) values (?, ?::timestamp, ?::timestamp, ?, ?, 'E09000007',"
                    + " false, false)";
            for (int i = 0; i < 12; i++) {
                String at = YearMonth.of(2015, 4).plusMonths(i) + "-10 12:00";
                h.execute(crime, String.format("P%02d", i + 1), at, at, "Violence without injury",
                        "Violence and sexual offences");
            }
            h.execute(crime, "B1", "2015-01-10 12:00", "2015-01-10 12:00", "Robbery", "Robbery");
            h.execute(crime, "B2", "2015-02-10 12:00", "2015-02-10 12:00", "Robbery", "Robbery");
            h.execute(crime, "F1", "2015-06-10 12:00", "2015-06-10 12:00", "Fraud", "Other crime");
            String outcome = "insert into crime_outcome (crime_id, outcome_code, outcome_date) values (?, ?, ?::date)";
            h.execute(outcome, "P05", "1", "2016-04-20");
            h.execute(outcome, "P06", "1", "2015-07-01");
            h.execute(outcome, "P07", "2", "2015-08-15");
            h.execute(outcome, "B1", "1", "2015-05-10");
            h.execute(outcome, "B2", "1", "2015-06-03");
            h.execute(outcome, "F1", "1", "2015-07-01");
        });
        report = ForceInNumbers.of(new IndicatorEngine(store, Origin.PEEL),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), YEAR_TO_MARCH_2016);
    }

    @Test
    @DisplayName("charge rate: outcomes recorded in the period over offences recorded in it, 3 ÷ 12 = 25.0%")
    void chargeRateOutcomesInThePeriod() {
        Figure f = report.row("charge_rate_pct").force();

        assertThat(f.numerator()).isEqualTo(3.0);
        assertThat(f.denominator()).isEqualTo(12.0);
        assertThat(f.value()).isEqualTo(25.0);
        assertThat(f.definition().countBasis()).isEqualTo("outcomes recorded in the period over offences recorded in the period");
    }

    @Test
    @DisplayName("the former basis is kept as its own named indicator: offences recorded since charged, 2 ÷ 12 = 16.7%")
    void chargeRateFormerBasis() {
        Figure f = report.row("charge_rate_offences_recorded_pct").force();

        assertThat(f.numerator()).isEqualTo(2.0);
        assertThat(f.value()).isEqualTo(16.7);
        assertThat(f.definition().title()).isEqualTo("Charge rate (offences recorded in the period)");
    }

    @Test
    @DisplayName("England and Wales has no charge rate on the outcome-date basis, and says why")
    void chargeRateNotFromPublishedTables() {
        Figure ew = report.row("charge_rate_pct").englandAndWales();

        assertThat(ew.value()).isNull();
        assertThat(ew.notes()).anySatisfy(n -> assertThat(n).contains("not the month the outcome was assigned"));
    }

    @Test
    @DisplayName("each indicator's own period end: asking for the year to December 2018 gives domestic abuse, calls"
            + " and satisfaction the year to 31 March 2018 (April 2017 to March 2018); March asks for itself")
    void ownPeriodEnds() {
        Period december = Period.yearTo(YearMonth.of(2018, 12));
        for (String id : List.of("domestic_abuse_pct", "calls_for_assistance_per_1000", "victim_satisfaction_pct")) {
            IndicatorDefinition d = store.definition(id).orElseThrow();
            assertThat(d.periodFor(december)).as(id).isEqualTo(new Period(YearMonth.of(2017, 4), YearMonth.of(2018, 3)));
            assertThat(d.periodFor(YEAR_TO_MARCH_2016)).as(id).isEqualTo(YEAR_TO_MARCH_2016);
        }
        assertThat(store.definition("recorded_crime_excl_fraud_per_1000").orElseThrow().periodFor(december))
                .isEqualTo(december);
    }

    @Test
    @DisplayName("victim satisfaction is the satisfied over the surveyed, not the surveyed over themselves")
    void victimSatisfaction() {
        IndicatorDefinition d = store.definition("victim_satisfaction_pct").orElseThrow();

        assertThat(d.numeratorGroup()).isEqualTo("victim_satisfied");
        assertThat(d.denominatorGroup()).isEqualTo("victim_surveyed");
        assertThat(report.row("victim_satisfaction_pct").fill()).contains("not published");
    }

    @Test
    @DisplayName("assault with injury is the London file's 'Assault with Injury' alone: not murder, wounding or GBH,"
            + " which violence with injury holds")
    void assaultWithInjury() {
        assertThat(store.categories("assault_with_injury"))
                .containsExactly(java.util.Map.entry("london-borough-crime",
                        List.of("Violence Against the Person / Assault with Injury")));
        assertThat(store.categories("violence_with_injury").get("london-borough-crime"))
                .contains("Violence Against the Person / Wounding/GBH", "Violence Against the Person / Murder");
        assertThat(store.definition("assault_with_injury_per_1000").orElseThrow().title())
                .isEqualTo("Assault with injury per 1,000 population");
    }

    @Test
    @DisplayName("OCGs are a count as at the period's last day, with the status filter said")
    void ocgsAsAt() {
        IndicatorDefinition d = store.definition("ocgs_per_million").orElseThrow();

        assertThat(d.countBasis()).contains("as at the last day of the period");
        assertThat(d.statusFilter()).contains("mapped on or before it and not archived on or before it");
    }

    @Test
    @DisplayName("a figure Peel cannot give names the import that would fill it")
    void missingFigureNamesItsImport() {
        ForceInNumbers.Row asb = report.row("asb_incidents_per_1000");

        assertThat(asb.force().available()).isFalse();
        // no ASB and no population are held for the Met: the street files first, then its population
        assertThat(asb.fill()).startsWith("peel import police-uk (street files); then peel import population");
        assertThat(report.importsToRun()).contains("peel import police-uk", "peel import population")
                .doesNotContain("peel import police-uk (street files)");
        assertThat(report.noData()).isFalse();
    }

    @Test
    @DisplayName("peel report on a force and period with nothing held exits non-zero, naming the imports to run")
    void reportWithNothingImported() {
        int exit = PeelCommand.execute("report", "--force", "Kent", "--year-to", "2015-06", "--db-url", db.jdbcUrl());

        assertThat(exit).isNotZero();
        assertThat(streams.err().toString()).contains("No figures for Kent").contains("peel import home-office-prc")
                .contains("peel import population")
                // the London Datastore file speaks for the Metropolitan Police alone: no use to Kent
                .doesNotContain("london-borough-crime");
    }

    @Test
    @DisplayName("the page opens on the newest month the force has data for: March 2016 from Peel's records, none"
            + " from the published tables")
    void newestMonth() {
        assertThat(store.newestMonth("E23000001", Origin.PEEL)).contains(YearMonth.of(2016, 3));
        assertThat(store.newestMonth("E23000001", Origin.PUBLIC)).isEmpty();
    }

    @Test
    @DisplayName("a map with no values is not drawn; a map with values has a kilometre scale")
    void mapScale() {
        var square = new org.locationtech.jts.geom.GeometryFactory().toGeometry(
                new org.locationtech.jts.geom.Envelope(-0.2, -0.1, 51.5, 51.55));
        assertThat(Charts.choropleth("t", "u", List.of(new Charts.Area("A", square, null)))).isNull();
        assertThat(Charts.choropleth("t", "u", List.of(new Charts.Area("A", square, 3.0)))).contains(" km</text>");
    }

    @Test
    @DisplayName("a long chart title wraps rather than running off the picture")
    void titleWraps() {
        String title = "Recorded crime (excluding fraud) per 1,000 population, 12 months to December 2018"
                + " (published open data) (per 1,000 population)";
        List<String> lines = Charts.wrap(title, 80);

        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(String.join(" ", lines)).isEqualTo(title);
    }
}
