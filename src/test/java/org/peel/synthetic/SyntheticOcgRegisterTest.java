package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.organisedcrime.ModelComparison;
import org.peel.organisedcrime.OcgGroup;
import org.peel.organisedcrime.OcgScoring;
import org.peel.organisedcrime.OcgStore;
import org.peel.organisedcrime.ScoringModel;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo force's OCG register: the Met's scale, scored and disrupted through Peel's own rules")
class SyntheticOcgRegisterTest {

    private static Jdbi jdbi;
    private static OcgStore store;

    @BeforeAll
    static void load() throws IOException {
        jdbi = TestDatabase.fresh().jdbi();
        SyntheticForce.demo(jdbi, null, Map.of());
        store = new OcgStore(jdbi);
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("217 groups per million residents are active at the end of June 2015, and archived groups are not counted")
    void scale() {
        long population = SyntheticFixtures.builtInMet().population();
        long activeAtMid2015 = store.activeOn(LocalDate.of(2015, 6, 30));
        // the demo is one hundredth of the Met: 217 per million x population x 0.01
        long expected = Math.round(population * 217 / 1_000_000.0 * SyntheticForce.DEMO_SCALE);
        System.out.printf("OCG register: %d groups, %d active on 2015-06-30 (%d expected), population %d%n",
                store.groups(), activeAtMid2015, expected, population);
        assertThat(activeAtMid2015).isBetween(expected - 1, expected + 1);
        assertThat(store.groups()).isGreaterThan(activeAtMid2015);
    }

    @Test
    @DisplayName("every group's band is what Peel's scoring gives its facts, and every assessment is kept")
    void scoredByPeel() {
        ScoringModel model = ScoringModel.version("peel-ocg-1");
        List<OcgGroup> active = store.activeGroups(null);
        Map<String, Long> bands = new TreeMap<>();
        int checked = 0;
        for (OcgGroup g : active) {
            // a disruption since the last assessment may have changed the facts; otherwise the score is theirs
            boolean disruptedSince = count("select count(*) from ocg_disruption where ocg_id = '" + g.id()
                    + "' and occurred_on >= '" + g.lastAssessed() + "'") > 0;
            if (!disruptedSince) {
                assertThat(g.score()).as(g.id()).isEqualTo(OcgScoring.score(model, g.facts()).score());
                assertThat(g.band()).as(g.id()).isEqualTo(OcgScoring.score(model, g.facts()).band());
                checked++;
            }
            bands.merge(g.band(), 1L, Long::sum);
        }
        assertThat(checked).isGreaterThan(active.size() / 2);
        ModelComparison.Result moved = ModelComparison.compare(model, ScoringModel.version("peel-ocg-2"),
                store.activeGroupFacts());
        System.out.printf("Active groups by band under peel-ocg-1: %s; under peel-ocg-2: %s; %d of %d change band%n",
                bands, moved.toBands(), moved.changed().size(), moved.rows().size());
        System.out.printf("Assessments %d, disruptions %d, significant events %d, member records %d%n",
                count("select count(*) from ocg_assessment"), count("select count(*) from ocg_disruption"),
                count("select count(*) from ocg_event"), store.memberRecords());
        assertThat(count("select count(*) from ocg_assessment")).isGreaterThanOrEqualTo(store.groups());
        assertThat(count("select count(*) from ocg where last_assessed is null or score is null")).isZero();
    }

    @Test
    @DisplayName("each group has members drawn from the person pool, with principals, and disruptions over time")
    void membersAndDisruptions() {
        assertThat(count("select count(*) from person_record where source_type = 'ocg' and role = 'principal'"))
                .isGreaterThan(0);
        assertThat(count("select count(*) from ocg_disruption")).isGreaterThan(0);
        assertThat(count("""
                select count(*) from ocg_event e
                where e.kind = 'principal_arrested' and not exists (select 1 from ocg_disruption d
                    where d.ocg_id = e.ocg_id and d.occurred_on = e.occurred_on and d.principal_arrested)"""))
                .as("every principal-arrested event comes from a disruption that arrested one").isZero();
    }

    @Test
    @DisplayName("the demo's gangs matrix: no one on it with a score of 0 or on one source, no one there only as a"
            + " victim, every removal with its reason, and the equality report's make-up adding up")
    void gangsMatrix() {
        org.peel.organisedcrime.GangStore gangs = new org.peel.organisedcrime.GangStore(jdbi);
        Map<String, Long> counts = gangs.statusCounts(LocalDate.now());
        System.out.printf("Gangs matrix: %s%n", counts);
        assertThat(counts.get("included")).isPositive();
        assertThat(counts.get("zero on matrix")).isZero();
        assertThat(count("select count(*) from gang_nominal where status = 'included' and sources < 2")).isZero();
        assertThat(count("""
                select count(*) from gang_nominal n where n.status = 'included' and not exists (
                  select 1 from gang_involvement i where i.nominal_id = n.id and i.role = 'perpetrator')""")).isZero();
        assertThat(count("select count(*) from gang_nominal where status = 'removed' and coalesce(removal_reason, '') = ''"))
                .isZero();
        assertThat(count("select count(*) from person_record where source_type = 'gang'"))
                .isEqualTo(count("select count(*) from gang_nominal"));
    }
}
