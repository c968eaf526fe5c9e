package org.peel.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.opendata.BadRows;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PopulationImporter;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.platform.PeelCommand;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peel's own records worked out by hand, for the Met (10,000 people and 5,000 households in this fixture; Camden
 * 2,000 people, Hackney 1,000, LSOA E01000907 in Camden 1,000), the 12 months to June 2015:
 * <ul>
 *   <li>11 violence with injury in Camden's LSOA E01000907, one a month, none in February 2015 (the last at
 *   23:30 on 30 June 2015); the first four flagged domestic abuse. Outcomes: charged, charged, no suspect (18),
 *   evidential difficulties (16), community resolution (8); the other six none yet.</li>
 *   <li>a residential burglary in Hackney with neither ward nor LSOA, charged;</li>
 *   <li>a drug offence in the LSOA given a cannabis warning (7); a sexual offence there with no outcome;</li>
 *   <li>a fraud in Camden flagged domestic abuse: counted nowhere;</li>
 *   <li>outside the period: a violence with injury in June 2014 and a robbery on 1 July 2015.</li>
 * </ul>
 * So 14 crimes excluding fraud: 3 charged, 1 no suspect, 1 evidential, 2 informal, 7 not yet assigned. One ASB
 * incident a month in Camden, two in March 2015: 13. Organised crime groups mapped on 1 May 2013, 30 June 2015 and
 * 1 July 2015, with two more mapped on 1 January 2014 and archived on 15 June 2015 (gone by the count date) and
 * on 1 July 2015 (still active on 30 June): three on the count date.
 */
@DisplayName("Indicators over Peel's own records, by hand")
class IndicatorPeelRecordsTest {

    private static final Period YEAR_TO_JUNE_2015 = Period.yearTo(YearMonth.of(2015, 6));

    @TempDir
    Path dir;

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final MeasureStore store = new MeasureStore(db.jdbi());
    private final IndicatorEngine peel = new IndicatorEngine(store, Origin.PEEL);
    private final Place.Area met = new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police");
    private ForceInNumbers report;

    @BeforeEach
    void load() throws IOException {
        db.jdbi().useTransaction(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05000128', 'Camden Town', 'E09000007')");
            h.execute("insert into lsoa (code, name, ward_code, borough_code)"
                    + " values ('E01000907', 'Camden 027C', 'E05000128', 'E09000007')");
            String crime = "insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                    + " borough_code, ward_code, lsoa_code, domestic_abuse, hate) values (?, ?::timestamp,"
                    + " ?::timestamp, ?, ?, ?, ?, ?, ?, false)";
            String[] months = {"2014-07", "2014-08", "2014-09", "2014-10", "2014-11", "2014-12", "2015-01", "2015-03",
                    "2015-04", "2015-05"};
            for (int i = 0; i < months.length; i++) {
                String at = months[i] + "-15 12:00";
                h.execute(crime, "C" + (i + 1), at, at, "Violence with injury", "Violence and sexual offences",
                        "E09000007", "E05000128", "E01000907", i < 4);
            }
            h.execute(crime, "C11", "2015-06-30 23:00", "2015-06-30 23:30", "Violence with injury",
                    "Violence and sexual offences", "E09000007", "E05000128", "E01000907", false);
            h.execute(crime, "C12", "2014-08-02 10:00", "2014-08-02 10:00", "Fraud", "Other crime", "E09000007",
                    "E05000128", "E01000907", true);
            h.execute(crime, "C13", "2014-09-03 10:00", "2014-09-03 11:00", "Residential burglary", "Burglary",
                    "E09000012", null, null, false);
            h.execute(crime, "C14", "2014-10-04 10:00", "2014-10-04 10:00", "Drug offences", "Drugs", "E09000007",
                    "E05000128", "E01000907", false);
            h.execute(crime, "C15", "2015-03-05 10:00", "2015-03-05 10:00", "Sexual offences",
                    "Violence and sexual offences", "E09000007", "E05000128", "E01000907", false);
            h.execute(crime, "C16", "2014-06-15 10:00", "2014-06-15 10:00", "Violence with injury",
                    "Violence and sexual offences", "E09000007", "E05000128", "E01000907", false);
            h.execute(crime, "C17", "2015-07-01 00:00", "2015-07-01 00:00", "Robbery", "Robbery", "E09000007",
                    "E05000128", "E01000907", false);
            String outcome = "insert into crime_outcome (crime_id, outcome_code, outcome_date) values (?, ?, date '2015-08-01')";
            h.execute(outcome, "C1", "1");
            h.execute(outcome, "C2", "1");
            h.execute(outcome, "C3", "18");
            h.execute(outcome, "C4", "16");
            h.execute(outcome, "C5", "8");
            h.execute(outcome, "C12", "19");
            h.execute(outcome, "C13", "1");
            h.execute(outcome, "C14", "7");
            h.execute("""
                    insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code, lsoa_code)
                    select 'A' || to_char(m, 'YYYY-MM'), m + interval '9 days', 'nuisance', 'Noise', 'E09000007',
                           'E05000128', 'E01000907'
                    from generate_series(timestamp '2014-07-01', timestamp '2015-06-01', interval '1 month') m""");
            h.execute("insert into asb_incident (id, reported_at, category, sub_type, borough_code)"
                    + " values ('A-extra', timestamp '2015-03-20 18:00', 'personal', 'Threats', 'E09000007')");
            String ocg = "insert into ocg (id, name, borough_code, principal_activity, band, mapped_on)"
                    + " values (?, ?, ?, 'Drugs supply', 'B', ?::date)";
            h.execute(ocg, "G1", "Group one", "E09000007", "2013-05-01");
            h.execute(ocg, "G2", "Group two", "E09000012", "2015-06-30");
            h.execute(ocg, "G3", "Group three", "E09000012", "2015-07-01");
            h.execute(ocg, "G4", "Group four", "E09000012", "2014-01-01");
            h.execute(ocg, "G5", "Group five", "E09000012", "2014-01-01");
            h.execute("update ocg set status = 'archived', archived_on = '2015-06-15' where id = 'G4'");
            h.execute("update ocg set status = 'archived', archived_on = '2015-07-01' where id = 'G5'");
        });
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000001,Metropolitan Police,2014,10000,5000
                E09000007,Camden,2014,2000,
                E09000012,Hackney,2014,1000,
                E01000907,Camden 027C,2014,1000,
                """);
        new PopulationImporter(new OpenDataStore(db.jdbi())).importFile(SourceFile.of(people),
                new BadRows(BadRows.Policy.STOP), Progress.silent());
        report = ForceInNumbers.of(peel, met, YEAR_TO_JUNE_2015);
    }

    @Test
    @DisplayName("recorded crime excludes fraud and counts the crime without an LSOA: 14 ÷ 10,000 × 1,000 = 1.4")
    void recordedCrime() {
        Figure f = report.row("recorded_crime_excl_fraud_per_1000").force();

        assertThat(f.numerator()).isEqualTo(14.0);
        assertThat(f.value()).isEqualTo(1.4);
        assertThat(f.source()).startsWith("Peel's own records");
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("1 rows have no LSOA"));
    }

    @Test
    @DisplayName("February 2015 holds no crime: the figure is given but incomplete, and names the month")
    void monthMissing() {
        Figure f = report.row("recorded_crime_excl_fraud_per_1000").force();

        assertThat(f.complete()).isFalse();
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("1 missing: 2015-02"));
    }

    @Test
    @DisplayName("victim-based 13 (not drugs) = 1.3; sexual offences 1 = 0.1; violence with injury 11 = 1.1")
    void groups() {
        assertThat(report.row("victim_based_crime_per_1000").force().value()).isEqualTo(1.3);
        assertThat(report.row("sexual_offences_per_1000").force().value()).isEqualTo(0.1);
        assertThat(report.row("violence_with_injury_per_1000").force().value()).isEqualTo(1.1);
    }

    @Test
    @DisplayName("burglary in a dwelling per 1,000 households: 1 ÷ 5,000 × 1,000 = 0.2")
    void burglaryPerHouseholds() {
        Figure f = report.row("burglary_dwelling_per_1000_households").force();

        assertThat(f.numerator()).isEqualTo(1.0);
        assertThat(f.denominator()).isEqualTo(5_000.0);
        assertThat(f.value()).isEqualTo(0.2);
    }

    @Test
    @DisplayName("domestic abuse runs to 31 March: April 2014 to March 2015 holds 12 crimes excluding fraud (C1–C8,"
            + " C13–C16), 4 flagged, 33.3%; the flagged fraud counts on neither side")
    void domesticAbuse() {
        Figure f = report.row("domestic_abuse_pct").force();

        assertThat(f.numerator()).isEqualTo(4.0);
        assertThat(f.denominator()).isEqualTo(12.0);
        assertThat(f.value()).isEqualTo(33.3);
        assertThat(f.period()).isEqualTo(Period.yearTo(YearMonth.of(2015, 3)));
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("year to 31 March 2015"));
        assertThat(f.definition().version()).isEqualTo(3);
    }

    @Test
    @DisplayName("outcomes given to the 14 crimes recorded: charged 3 = 21.4%, informal 2 = 14.3%, no suspect 1 = 7.1%,"
            + " not yet assigned 7 = 50.0%")
    void outcomes() {
        assertThat(report.row("charge_rate_offences_recorded_pct").force().value()).isEqualTo(21.4);
        assertThat(report.row("outcome_out_of_court_informal_pct").force().value()).isEqualTo(14.3);
        assertThat(report.row("outcome_no_suspect_pct").force().value()).isEqualTo(7.1);
        assertThat(report.row("outcome_evidential_difficulties_pct").force().value()).isEqualTo(7.1);
        assertThat(report.row("outcome_not_yet_assigned_pct").force().value()).isEqualTo(50.0);
        assertThat(report.row("outcome_out_of_court_formal_pct").force().value()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("the charge rate counts outcomes recorded in the period: all three charges were recorded on 1 August"
            + " 2015, after it, so 0 ÷ 14 = 0.0%")
    void chargeRateByOutcomeDate() {
        Figure f = report.row("charge_rate_pct").force();

        assertThat(f.numerator()).isEqualTo(0.0);
        assertThat(f.denominator()).isEqualTo(14.0);
        assertThat(f.value()).isEqualTo(0.0);
        assertThat(f.definition().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("ASB incidents are judged by their own months: 13 in all 12 months ÷ 10,000 × 1,000 = 1.3, complete")
    void asb() {
        Figure f = report.row("asb_incidents_per_1000").force();

        assertThat(f.numerator()).isEqualTo(13.0);
        assertThat(f.value()).isEqualTo(1.3);
        assertThat(f.complete()).isTrue();
    }

    @Test
    @DisplayName("OCGs are counted as active on 30 June 2015, not summed over months, the group archived on 15 June"
            + " left out: 3 ÷ 10,000 × 1,000,000 = 300.0")
    void organisedCrimeGroups() {
        Figure f = report.row("ocgs_per_million").force();

        assertThat(f.numerator()).isEqualTo(3.0);
        assertThat(f.value()).isEqualTo(300.0);
        assertThat(f.complete()).isTrue();
        assertThat(f.notes()).contains("counted on 30 June 2015");
    }

    @Test
    @DisplayName("calls for assistance and victim satisfaction stay not available, saying where they would come from")
    void stillUnavailable() {
        assertThat(report.row("calls_for_assistance_per_1000").force().value()).isNull();
        assertThat(report.row("calls_for_assistance_per_1000").force().notes())
                .anySatisfy(n -> assertThat(n).contains("Annual Data Requirement"));
        assertThat(report.row("victim_satisfaction_pct").force().notes())
                .anySatisfy(n -> assertThat(n).contains("user satisfaction survey"));
    }

    @Test
    @DisplayName("the crime without an LSOA counts for its borough (Hackney 1 ÷ 1,000 × 1,000 = 1.0), not for an LSOA")
    void areas() {
        IndicatorDefinition crime = store.definition("recorded_crime_excl_fraud_per_1000").orElseThrow();
        Figure hackney = peel.figure(crime, new Place.Area(Place.Level.BOROUGH, "E09000012", "Hackney"),
                YEAR_TO_JUNE_2015);
        Figure lsoa = peel.figure(crime, new Place.Area(Place.Level.LSOA, "E01000907", "Camden 027C"),
                YEAR_TO_JUNE_2015);

        assertThat(hackney.value()).isEqualTo(1.0);
        assertThat(hackney.notes()).noneSatisfy(n -> assertThat(n).contains("counted for none"));
        // 11 violence, 1 drugs, 1 sexual offence in the LSOA: 13 ÷ 1,000 × 1,000
        assertThat(lsoa.value()).isEqualTo(13.0);
        assertThat(lsoa.complete()).isFalse();
        assertThat(lsoa.notes()).anySatisfy(n -> assertThat(n).contains("1 rows of the force have no LSOA"));
    }

    @Test
    @DisplayName("the published data and Peel's records never mix: England and Wales comes from the published data, here empty")
    void originsApart() {
        IndicatorDefinition crime = store.definition("recorded_crime_excl_fraud_per_1000").orElseThrow();

        assertThat(new IndicatorEngine(store).figure(crime, met, YEAR_TO_JUNE_2015).value()).isNull();
        assertThat(report.origin()).isEqualTo(Origin.PEEL);
        assertThat(report.row("recorded_crime_excl_fraud_per_1000").englandAndWales().value()).isNull();
        assertThat(ReportJson.of(report)).containsEntry("source", "peel");
        assertThat(new IndicatorEngine(store).figure(store.definition("domestic_abuse_pct").orElseThrow(), met,
                YEAR_TO_JUNE_2015).notes()).anySatisfy(n -> assertThat(n).contains("no domestic abuse flag"));
    }

    @Test
    @DisplayName("peel report --source peel gives the force's own figures as JSON, each naming its source")
    void reportCommand() throws IOException {
        Path out = dir.resolve("met.json");

        assertThat(PeelCommand.execute("report", "--force", "Metropolitan Police", "--year-to", "2015-06",
                "--source", "peel", "--format", "json", "--out", out.toString(), "--db-url", db.jdbcUrl())).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("source").asText()).isEqualTo("peel");
        JsonNode first = json.get("indicators").get(0);
        assertThat(first.get("id").asText()).isEqualTo("recorded_crime_excl_fraud_per_1000");
        assertThat(first.get("force").asDouble()).isEqualTo(1.4);
        assertThat(first.get("force_source").asText()).startsWith("Peel's own records");
        assertThat(PeelCommand.execute("report", "--force", "Metropolitan Police", "--year-to", "2015-06",
                "--source", "rumour", "--db-url", db.jdbcUrl())).isNotZero();
    }
}
