package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo force's IOM: the rule run, MAPPA cases for sexual and violent offenders, a borough exception")
class DemoIomPassTest {

    @Test
    @DisplayName("records through the capability's stores, each change audited")
    void prepare() {
        // given the small force: OFB has violence with injury; Camden (first of the two boroughs) gets an exception
        TestDatabase.Fresh db = TestDatabase.fresh();
        IomTestData.seed(db.jdbi());
        // and OFF, a man born 1980 outside Camden's cohort, recorded for shoplifting on 2024-10-01 (crime CR-1)
        db.jdbi().useTransaction(h -> {
            h.execute("insert into offender (id, borough_code, first_offence_on, offence_count, ward_code)"
                    + " values ('OFF', ?, '2024-10-01', 1, ?)", IomTestData.CAMDEN, IomTestData.CAMDEN_WARD);
            h.execute("insert into offending_history (offender_id, seq, offence_on, offence_group, disposal, crime_id)"
                    + " values ('OFF', 1, '2024-10-01', 'Shoplifting', 'Adult caution', 'CR-1')");
            h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,"
                    + " sex, recorded_at) values ('PR-OFF', 'offender', 'OFF', 'offender', 'Finn', 'Ford', '1980-01-01',"
                    + " 'M', now())");
        });
        // when
        DemoIomPass.Summary s = DemoIomPass.prepare(db.jdbi(), new AuditTrail(db.jdbi(), IomTestData.NEW_YEAR_2025),
                IomTestData.NEW_YEAR_2025, Map.of("PEEL_IOM_CAPACITY", "2"));
        // then five resolved people scored (OFA1 and OFA2 are one); OFB is a category 2 MAPPA case
        assertThat(s.scored()).isEqualTo(5);
        List<MappaStore.Stored> cases = new MappaStore(db.jdbi()).cases(null);
        assertThat(cases).extracting(c -> c.facts().offenderId() + " " + c.facts().category())
                .containsExactly("OFB TWO");
        // Camden's rule cohort is OFA1 (547.5) and OFB (183): its lowest choice, OFB, is removed with a reason
        List<CohortException> exceptions = new IomStore(db.jdbi()).exceptions(null);
        assertThat(exceptions).extracting(CohortException::boroughCode, CohortException::offenderId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IomTestData.CAMDEN, "OFB"));
        assertThat(exceptions.get(0).reason()).contains("custodial sentence");
        int audited = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where username = 'demo'").mapTo(Integer.class).one());
        // OFF is chosen (his id's seed is 936: one in four, 936 % 4 = 0; what is left, 936 / 4 = 234), referred to
        // drugs and alcohol 3 + 234 % 18 = 3 days after the shoplifting, and, the referral being over four weeks old
        // on 2025-01-01, engaged (outcome 234 % 8 = 2) 5 + 234 % 85 = 69 days later
        List<DiversionStore.Referral> referrals = new DiversionStore(db.jdbi()).referrals(null, 10);
        assertThat(referrals).extracting(r -> r.offenderId() + " " + r.scheme() + " " + r.referredOn() + " "
                + r.outcome() + " " + r.outcomeOn()).containsExactly("OFF DRUGS_ALCOHOL 2024-10-04 ENGAGED 2024-12-12");
        assertThat(s.referrals()).isEqualTo(1);
        assertThat(s.outcomes()).isEqualTo(1);
        // the cohort left after the exception, OFA1 (Camden) and OFD (Westminster), each has a lead and a different
        // deputy, taken in turn: OFA1 DC Kaur and DC Okafor, OFD DC Okafor and PC Walsh
        IomStore iom = new IomStore(db.jdbi());
        assertThat(s.iomCases()).isEqualTo(2);
        assertThat(iom.caseOf("OFA1").orElseThrow()).extracting(IomStore.Case::leadOfficer, IomStore.Case::deputyOfficer)
                .containsExactly("DC Kaur", "DC Okafor");
        assertThat(iom.caseOf("OFD").orElseThrow()).extracting(IomStore.Case::leadOfficer, IomStore.Case::deputyOfficer)
                .containsExactly("DC Okafor", "PC Walsh");
        assertThat(iom.caseOf("OFB")).isEmpty();
        // the run, the MAPPA case, the exception, the two IOM cases, the referral and its outcome
        assertThat(audited).isEqualTo(7);
        assertThat(new IomStore(db.jdbi()).latestRun().orElseThrow().asOf()).isEqualTo(LocalDate.of(2025, 1, 1));
    }
}
