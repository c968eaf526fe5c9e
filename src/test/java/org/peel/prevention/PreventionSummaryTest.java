package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;
import org.peel.web.SectionSummary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The Prevention page counts ASB in the latest twelve months held, in the user's own borough")
class PreventionSummaryTest {

    @Test
    @DisplayName("a Westminster officer counts Westminster's incidents; a force-wide analyst counts every borough's")
    void scopedCounts() {
        // given four incidents: three in Westminster (one of them 13 months before the newest), one in Camden
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        insert(jdbi, "A1", "2015-06-20 10:00", "personal", Fixtures.WESTMINSTER);
        insert(jdbi, "A2", "2015-01-05 22:30", "nuisance", Fixtures.WESTMINSTER);
        insert(jdbi, "A3", "2014-05-19 09:00", "nuisance", Fixtures.WESTMINSTER);
        insert(jdbi, "A4", "2015-03-01 12:00", "environmental", Fixtures.CAMDEN);
        PreventionSummary summary = new PreventionSummary(new AsbStore(jdbi));

        // when each user asks
        List<SectionSummary> local = summary.forUser(Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER));
        List<SectionSummary> force = summary.forUser(Fixtures.intelligenceAnalyst());

        // then Westminster's twelve months to 2015-06-20 hold A1 and A2 (A3 is older); force-wide adds Camden's A4
        assertThat(local.get(0).lines().get(0).count()).isEqualTo(2);
        assertThat(local.get(0).note()).isEqualTo("Twelve months to 2015-06-20, the newest incident held.");
        assertThat(local.get(0).lines()).extracting(SectionSummary.Line::label)
                .containsExactly("ASB incidents", "  Nuisance", "  Personal");
        assertThat(force.get(0).lines().get(0).count()).isEqualTo(3);
        assertThat(force.get(0).title()).endsWith("force-wide");
    }

    @Test
    @DisplayName("with no incidents held there is nothing to show, rather than a table of zeros")
    void empty() {
        PreventionSummary summary = new PreventionSummary(new AsbStore(TestDatabase.fresh().jdbi()));
        assertThat(summary.forUser(Fixtures.inspector())).isEmpty();
    }

    private static void insert(Jdbi jdbi, String id, String at, String category, String borough) {
        jdbi.useHandle(h -> h.execute("""
                insert into asb_incident (id, reported_at, category, sub_type, borough_code)
                values (?, cast(? as timestamp), ?, 'test', ?)""", id, at, category, borough));
    }
}
