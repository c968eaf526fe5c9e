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
        // when
        DemoIomPass.Summary s = DemoIomPass.prepare(db.jdbi(), new AuditTrail(db.jdbi(), IomTestData.NEW_YEAR_2025),
                IomTestData.NEW_YEAR_2025, Map.of("PEEL_IOM_CAPACITY", "2"));
        // then four resolved people scored (OFA1 and OFA2 are one); OFB is a category 2 MAPPA case
        assertThat(s.scored()).isEqualTo(4);
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
        // the run, the MAPPA case and the exception
        assertThat(audited).isEqualTo(3);
        assertThat(new IomStore(db.jdbi()).latestRun().orElseThrow().asOf()).isEqualTo(LocalDate.of(2025, 1, 1));
    }
}
