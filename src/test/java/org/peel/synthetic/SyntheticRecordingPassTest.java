package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A loaded synthetic force goes through the application's recording rules")
class SyntheticRecordingPassTest {

    private static Jdbi jdbi;
    private static String prefix;
    private static DatabaseSink loaded;

    @BeforeAll
    static void loadASmallForce() throws IOException {
        // given a fresh database and the Met at a small scale, loaded as generate and demo load it
        jdbi = TestDatabase.fresh().jdbi();
        ForceSpec met = SyntheticFixtures.builtInMet();
        Generation generation = new Generation(met.name(), 0.002, 31, SyntheticFixtures.JUNE_2015);
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            SyntheticForce.generate(met, generation, SyntheticSettings.defaults(), sink);
            loaded = sink;
        }
        prefix = generation.key() + "-";
    }

    @Test
    @DisplayName("every generated crime is screened once; screened-in crimes are allocated or queued, screened-out ones neither")
    void everyCrimeScreened() {
        assertThat(count("select count(*) from crime where starts_with(id, :p)")).isPositive();
        assertThat(count("""
                select count(*) from crime c where starts_with(c.id, :p)
                  and (select count(*) from crime_screening s where s.crime_id = c.id) <> 1""")).isZero();
        assertThat(count("""
                select count(*) from crime_screening s where starts_with(s.crime_id, :p) and s.screened_in
                  and (exists (select 1 from crime_allocation a where a.crime_id = s.crime_id and a.ended_at is null))
                    = (exists (select 1 from allocation_queue q where q.crime_id = s.crime_id and q.left_at is null))""")).isZero();
        assertThat(count("""
                select count(*) from crime_screening s where starts_with(s.crime_id, :p) and not s.screened_in
                  and (exists (select 1 from crime_allocation a where a.crime_id = s.crime_id)
                    or exists (select 1 from allocation_queue q where q.crime_id = s.crime_id))""")).isZero();
        // and screening kept some crimes and filed others, and allocation found investigators for some
        assertThat(count("select count(*) from crime_screening where starts_with(crime_id, :p) and screened_in")).isPositive();
        assertThat(count("select count(*) from crime_screening where starts_with(crime_id, :p) and not screened_in")).isPositive();
        assertThat(count("select count(*) from crime_allocation where starts_with(crime_id, :p)")).isPositive();
    }

    @Test
    @DisplayName("no investigator's open caseload is over the cap, and each crime names its current investigator")
    void caseloadsWithinCap() {
        assertThat(count("""
                select count(*) from (select investigator_id from crime_allocation a
                  where a.ended_at is null and not exists (select 1 from crime_outcome o where o.crime_id = a.crime_id)
                  group by investigator_id having sum(weight) > 24) over""")).isZero();
        assertThat(count("""
                select count(*) from crime c left join crime_allocation a on a.crime_id = c.id and a.ended_at is null
                where starts_with(c.id, :p) and c.investigator_id is distinct from a.investigator_id""")).isZero();
    }

    @Test
    @DisplayName("every crime with a victim has one entitlement, and its deadlines are met, kept late, or open")
    void victimsCode() {
        assertThat(count("""
                select count(*) from person_record v where v.source_type = 'crime' and v.role = 'victim'
                  and starts_with(v.source_id, :p)
                  and (select count(*) from victims_code_entitlement e where e.person_record_id = v.id) <> 1""")).isZero();
        assertThat(count("""
                select count(*) from victims_code_entitlement e where starts_with(e.crime_id, :p)
                  and not exists (select 1 from person_record v where v.id = e.person_record_id and v.role = 'victim')""")).isZero();
        // recording itself always meets the needs assessment, at the crime's recorded time
        assertThat(count("""
                select count(*) from victims_code_deadline d join crime c on c.id = d.crime_id
                where starts_with(d.crime_id, :p) and d.kind = 'NEEDS_ASSESSMENT' and d.met_at is distinct from c.recorded_at""")).isZero();
        // a year of history: most written confirmations kept, some late, some never (open past their day)
        long confirmations = count("select count(*) from victims_code_deadline where starts_with(crime_id, :p) and kind = 'WRITTEN_CONFIRMATION'");
        long late = count("""
                select count(*) from victims_code_deadline where starts_with(crime_id, :p) and kind = 'WRITTEN_CONFIRMATION'
                  and cast(met_at as date) > due_date""");
        long open = count("""
                select count(*) from victims_code_deadline where starts_with(crime_id, :p) and kind = 'WRITTEN_CONFIRMATION'
                  and met_at is null""");
        assertThat(confirmations).isPositive();
        assertThat(late).isPositive();
        assertThat(open).isPositive().isLessThan(confirmations / 3);
    }

    @Test
    @DisplayName("an ASB victim with two earlier incidents in 12 months (found by exact details) is flagged a repeat victim")
    void asbRepeatVictims() {
        // given each assessed victim's earlier incidents as victim, counted here independently of the pass
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("""
                        with v as (
                            select p.id, p.source_id, lower(p.surname) as s, lower(trim(p.forenames)) as f, p.date_of_birth as d,
                                   upper(replace(p.postcode, ' ', '')) as pc, a.reported_at as t
                            from person_record p join asb_incident a on a.id = p.source_id
                            where p.source_type = 'asb_incident' and p.role like '%victim%' and starts_with(a.id, :p))
                        select x.asb_incident_id, x.repeat_victim,
                               (select count(distinct w.source_id) from v w
                                where (w.t, w.source_id) < (v.t, v.source_id) and w.t >= v.t - interval '12 months'
                                  and w.s = v.s and ((w.f = v.f and w.d = v.d) or w.pc = v.pc)) as earlier,
                               exists (select 1 from neighbourhood_flag f where f.asb_incident_id = x.asb_incident_id
                                       and f.reason = 'repeat-victim') as flagged
                        from asb_assessment x join v on v.source_id = x.asb_incident_id""")
                .bind("p", prefix).mapToMap().list());

        // then every incident with a victim was assessed
        assertThat(rows).hasSize((int) count("select count(*) from synthetic_asb_call where starts_with(asb_incident_id, :p)"));
        // and the repeat decision and flag agree with three incidents in 12 months, this one included
        assertThat(rows).filteredOn(r -> ((Long) r.get("earlier")) >= 2).isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("repeat_victim", true).containsEntry("flagged", true));
        assertThat(rows).filteredOn(r -> ((Long) r.get("earlier")) < 2)
                .allSatisfy(r -> assertThat(r).containsEntry("repeat_victim", false).containsEntry("flagged", false));
        // and assessments are dated when the incident was reported
        assertThat(count("""
                select count(*) from asb_assessment x join asb_incident a on a.id = x.asb_incident_id
                where starts_with(a.id, :p) and x.assessed_at <> cast(a.reported_at as timestamptz)""")).isZero();
    }

    @Test
    @DisplayName("each pass leaves one audit event naming the synthetic force, with its counts")
    void oneAuditEventPerPass() {
        assertThat(count("select count(*) from audit_event where username = 'peel:synthetic' and action = 'record-bulk'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where username = 'peel:synthetic' and action = 'assess-bulk'")).isEqualTo(1);
        // the domestic abuse incidents, graded and referred to MARAC by the form's own code
        assertThat(count("select count(*) from audit_event where username = 'peel:synthetic' and action = 'grade-bulk'")).isEqualTo(1);
        assertThat(loaded.recorded().crimes().crimes()).isEqualTo(count("select count(*) from crime where starts_with(id, :p)"));
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql);
            return (sql.contains(":p") ? query.bind("p", prefix) : query).mapTo(Long.class).one();
        });
    }
}
