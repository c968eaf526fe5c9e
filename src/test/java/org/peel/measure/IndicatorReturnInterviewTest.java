package org.peel.measure;

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

@DisplayName("Return home interviews and victim personal statements offered, from Peel's own records, by hand")
class IndicatorReturnInterviewTest {

    @Test
    @DisplayName("six people who were victims from July to December 2014: three offered a personal statement on the day"
            + " the crime was recorded, one two days later (not at report), two never: 3 ÷ 6 = 50.0%; a business is not counted")
    void personalStatementAtReport(@TempDir Path dir) throws IOException {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useTransaction(h -> {
            String[] months = {"2014-07", "2014-08", "2014-09", "2014-10", "2014-11", "2014-12", "2014-12"};
            for (int i = 0; i < months.length; i++) {
                String id = "C" + (i + 1);
                String at = months[i] + "-15 10:00";
                h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,"
                        + " domestic_abuse, hate) values (?, cast(? as timestamptz), cast(? as timestamptz),"
                        + " 'Violence without injury', 'Violence and sexual offences', 'E09000007', false, false)", id, at, at);
                h.execute("insert into person_record (id, source_type, source_id, role, surname, recorded_at, borough_code)"
                        + " values (?, 'crime', ?, 'victim', 'Victim', cast(? as timestamptz), 'E09000007')", "V" + id, id, at);
                h.execute("insert into victims_code_entitlement (crime_id, person_record_id, service, groups, reasons,"
                        + " rule_version, decided_at) values (?, ?, ?, '{}', 'test', 'test', cast(? as timestamptz))",
                        id, "V" + id, i == 6 ? "BUSINESS" : "STANDARD", at);
            }
            String contact = "insert into victims_code_contact (crime_id, person_record_id, at, kind, result, by_username)"
                    + " values (?, ?, cast(? as timestamptz), 'PERSONAL_STATEMENT', 'OFFERED', 'pc')";
            h.execute(contact, "C1", "VC1", "2014-07-15 10:00");
            h.execute(contact, "C2", "VC2", "2014-08-15 16:00");
            h.execute(contact, "C3", "VC3", "2014-09-15 10:30");
            h.execute(contact, "C4", "VC4", "2014-10-17 10:00");
            h.execute(contact, "C7", "VC7", "2014-12-15 10:00");
        });
        MeasureStore store = new MeasureStore(db.jdbi());
        population(db, dir);
        Figure f = new IndicatorEngine(store, Origin.PEEL).figure(store.definition("vps_offered_at_report_pct").orElseThrow(),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), Period.yearTo(YearMonth.of(2015, 6)));

        assertThat(f.numerator()).isEqualTo(3.0);
        assertThat(f.denominator()).isEqualTo(6.0);
        assertThat(f.value()).isEqualTo(50.0);
    }

    private static void population(TestDatabase.Fresh db, Path dir) throws IOException {
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000001,Metropolitan Police,2014,10000,5000
                """);
        new PopulationImporter(new OpenDataStore(db.jdbi())).importFile(SourceFile.of(people),
                new BadRows(BadRows.Policy.STOP), Progress.silent());
    }

    @Test
    @DisplayName("six children found from July to December 2014: offered after 10 h, exactly 72 h, 48 h and 2 h are in"
            + " time, 73 h is late, one never: 4 ÷ 6 = 66.7%; an adult found in January is not counted")
    void offeredInTime(@TempDir Path dir) throws IOException {
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useTransaction(h -> {
            String episode = "insert into missing_episode (id, reported_at, found_at, borough_code, risk_grade, child,"
                    + " looked_after, return_interview_due, return_interview_offered_at)"
                    + " values (?, cast(? as timestamp) - interval '1 day', cast(? as timestamp), 'E09000007', 'medium', ?,"
                    + " false, cast(? as timestamp) + interval '72 hours',"
                    + " cast(? as timestamp) + cast(? as interval))";
            h.execute(episode, "MP-A", "2014-07-10 12:00", "2014-07-10 12:00", true, "2014-07-10 12:00", "2014-07-10 12:00", "10 hours");
            h.execute(episode, "MP-B", "2014-08-10 12:00", "2014-08-10 12:00", true, "2014-08-10 12:00", "2014-08-10 12:00", "72 hours");
            h.execute(episode, "MP-C", "2014-09-10 12:00", "2014-09-10 12:00", true, "2014-09-10 12:00", "2014-09-10 12:00", "73 hours");
            h.execute(episode, "MP-D", "2014-10-10 12:00", "2014-10-10 12:00", true, "2014-10-10 12:00", null, null);
            h.execute(episode, "MP-E", "2014-11-10 12:00", "2014-11-10 12:00", true, "2014-11-10 12:00", "2014-11-10 12:00", "48 hours");
            h.execute(episode, "MP-F", "2014-12-10 12:00", "2014-12-10 12:00", true, "2014-12-10 12:00", "2014-12-10 12:00", "2 hours");
            h.execute(episode, "MP-G", "2015-01-10 12:00", "2015-01-10 12:00", false, "2015-01-10 12:00", "2015-01-10 12:00", "2 hours");
        });
        Path people = Files.writeString(dir.resolve("population.csv"), """
                area_code,area_name,year,population,households
                E23000001,Metropolitan Police,2014,10000,5000
                """);
        new PopulationImporter(new OpenDataStore(db.jdbi())).importFile(SourceFile.of(people),
                new BadRows(BadRows.Policy.STOP), Progress.silent());
        MeasureStore store = new MeasureStore(db.jdbi());
        Figure f = new IndicatorEngine(store, Origin.PEEL).figure(store.definition("return_interview_in_time_pct").orElseThrow(),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), Period.yearTo(YearMonth.of(2015, 6)));

        assertThat(f.numerator()).isEqualTo(4.0);
        assertThat(f.denominator()).isEqualTo(6.0);
        assertThat(f.value()).isEqualTo(66.7);
    }
}
