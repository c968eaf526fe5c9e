package org.peel.measure;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.common.Progress;
import org.peel.common.SourceFile;
import org.peel.opendata.BadRows;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PopulationImporter;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Domestic abuse figures from Peel's own records, read through vulnerability's published view, worked out by hand for
 * the Met (10,000 people), the 12 months to June 2015. Jane Smith's records are resolved into one person (one spelt
 * "Jayne Smyth"); Kim Lee's two are not resolved but share surname and date of birth.
 * <ul>
 *   <li>DA-0, 1 May 2014, Jane: standard, reviewed in time (before the period: counted only as her earlier incident)</li>
 *   <li>DA-1, 10 July 2014, "Jayne Smyth": high, referred to MARAC, reviewed in time</li>
 *   <li>DA-2, 10 September 2014, Jane: standard, reviewed late</li>
 *   <li>DA-3, 10 October 2014, Jane: high, a repeat referral, reviewed in time</li>
 *   <li>DA-4, 10 January 2015, Kim: medium, reviewed in time</li>
 *   <li>DA-5, 10 March 2015, Kim: standard, not reviewed</li>
 *   <li>DA-6, 10 May 2015, Ann Bell: standard, reviewed late</li>
 * </ul>
 * So 6 incidents in the period (in 6 of its 12 months, enough for a figure); 2 high; 2 referred, 1 of them a repeat;
 * repeat victims DA-1 (DA-0 ten weeks before), DA-2, DA-3 and DA-5 (DA-4 two months before); reviewed in time DA-1,
 * DA-3, DA-4.
 */
@DisplayName("Domestic abuse indicators over Peel's own records, by hand")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorDomesticAbuseTest {

    private static final String CAMDEN = "E09000007";

    private final TestDatabase.Fresh db = TestDatabase.fresh();
    private final MeasureStore store = new MeasureStore(db.jdbi());
    private ForceInNumbers report;

    private static void incident(Handle h, String id, String at, String grade, boolean referred, Boolean inTime,
                                 String forenames, String surname, String dob) {
        h.execute("insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral,"
                + " review_due_at, reviewed_at) values (?, cast(? as timestamptz), ?, ?, ?,"
                + " cast(? as timestamptz) + interval '24 hours',"
                + " cast(? as timestamptz) + case when ? then interval '2 hours' else interval '30 hours' end)",
                id, at, CAMDEN, grade, referred, at, inTime == null ? null : at, inTime == null || inTime);
        h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,"
                + " recorded_at, borough_code) values (?, 'domestic_abuse_incident', ?, 'victim', ?, ?,"
                + " cast(? as date), cast(? as timestamptz), ?)", id + "-victim", id, forenames, surname, dob, at, CAMDEN);
    }

    @BeforeAll
    void load(@TempDir Path dir) throws IOException {
        db.jdbi().useTransaction(h -> {
            incident(h, "DA-0", "2014-05-01T10:00:00Z", "standard", false, true, "Jane", "Smith", "1990-04-01");
            incident(h, "DA-1", "2014-07-10T10:00:00Z", "high", true, true, "Jayne", "Smyth", "1990-04-01");
            incident(h, "DA-2", "2014-09-10T10:00:00Z", "standard", false, false, "Jane", "Smith", "1990-04-01");
            incident(h, "DA-3", "2014-10-10T10:00:00Z", "high", true, true, "Jane", "Smith", null);
            incident(h, "DA-4", "2015-01-10T10:00:00Z", "medium", false, true, "Kim", "Lee", "1980-01-01");
            incident(h, "DA-5", "2015-03-10T10:00:00Z", "standard", false, null, "Kim", "Lee", "1980-01-01");
            incident(h, "DA-6", "2015-05-10T10:00:00Z", "standard", false, false, "Ann", "Bell", "1970-02-02");
            String referral = "insert into marac_referral (id, incident_id, borough_code, criteria, repeat, grade,"
                    + " reasons, referred_at, referred_by) select 'MR-' || d.id, d.id, d.borough_code, ?, ?, 'high',"
                    + " '[]'::jsonb, d.reported_at, 'test' from domestic_abuse_incident d where d.id = ?";
            h.execute(referral, new String[]{"visible-high-risk"}, false, "DA-1");
            h.execute(referral, new String[]{"visible-high-risk", "repeat"}, true, "DA-3");
            long person = h.createUpdate("insert into person (created_by) values ('test')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long decision = h.createUpdate("insert into link_decision (kind, decided_by, reason)"
                    + " values ('resolve', 'test', 'same person')").executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            for (String id : new String[]{"DA-0", "DA-1", "DA-2", "DA-3"}) {
                h.execute("insert into person_link (person_record_id, person_id, decision_id)"
                        + " select seq, ?, ? from person_record where id = ?", person, decision, id + "-victim");
            }
        });
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000001,Metropolitan Police,2014,10000,5000
                E09000007,Camden,2014,2000,
                """);
        new PopulationImporter(new OpenDataStore(db.jdbi())).importFile(SourceFile.of(people),
                new BadRows(BadRows.Policy.STOP), Progress.silent());
        report = ForceInNumbers.of(new IndicatorEngine(store, Origin.PEEL),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), Period.yearTo(YearMonth.of(2015, 6)));
    }

    @Test
    @DisplayName("6 incidents in the period ÷ 10,000 × 1,000 = 0.6 per 1,000; DA-0 before the period is not counted")
    void incidents() {
        Figure f = report.row("da_incidents_per_1000").force();
        assertThat(f.numerator()).isEqualTo(6.0);
        assertThat(f.value()).isEqualTo(0.6);
        assertThat(f.source()).startsWith("Peel's own records");
    }

    @Test
    @DisplayName("high risk 2 ÷ 6 = 33.3%; referred 2 ÷ 6 = 33.3%; repeat referrals 1 ÷ 2 = 50.0%")
    void gradesAndReferrals() {
        assertThat(report.row("da_high_risk_pct").force().value()).isEqualTo(33.3);
        assertThat(report.row("marac_referral_pct").force().value()).isEqualTo(33.3);
        Figure repeat = report.row("marac_repeat_referral_pct").force();
        assertThat(repeat.numerator()).isEqualTo(1.0);
        assertThat(repeat.denominator()).isEqualTo(2.0);
        assertThat(repeat.value()).isEqualTo(50.0);
    }

    @Test
    @DisplayName("repeat victims through resolved persons and exact details, looking back past the period's start: 4 ÷ 6 = 66.7%")
    void repeatVictims() {
        assertThat(report.row("da_repeat_victim_pct").force().numerator()).isEqualTo(4.0);
        assertThat(report.row("da_repeat_victim_pct").force().value()).isEqualTo(66.7);
    }

    @Test
    @DisplayName("reviewed within 24 hours: 3 ÷ 6 = 50.0% (two late, one never)")
    void reviewedInTime() {
        assertThat(report.row("da_reviewed_in_time_pct").force().value()).isEqualTo(50.0);
    }

    @Test
    @DisplayName("the published open data holds no domestic abuse incidents, and says so")
    void notInOpenData() {
        Figure f = new IndicatorEngine(store).figure(store.definition("da_high_risk_pct").orElseThrow(),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), Period.yearTo(YearMonth.of(2015, 6)));
        assertThat(f.value()).isNull();
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("DASH grades are not published"));
    }
}
