package org.peel.organisedcrime;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.synthetic.SyntheticForce;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo force holds national threat exercises, graded intelligence and OCG tasks, made by the rules")
class DemoOrganisedCrimePassTest {

    private static final String WESTMINSTER = "E09000033";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static Jdbi jdbi;
    private static DemoOrganisedCrimePass.Summary summary;

    @BeforeAll
    static void loadTheDemo() throws IOException {
        jdbi = TestDatabase.fresh().jdbi();
        SyntheticForce.demo(jdbi, null, Map.of(), TODAY, Set.of(WESTMINSTER));
        Clock clock = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        summary = DemoOrganisedCrimePass.prepare(jdbi, new AuditTrail(jdbi, clock), clock, Map.of(), WESTMINSTER);
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("each of the six national threats has exercises, each with its debrief unless held in the last three"
            + " weeks, all held on or before today")
    void threatsExercised() {
        assertThat(count("select count(distinct threat_id) from spr_preparedness where kind = 'exercise'"))
                .isEqualTo(6);
        assertThat(count("""
                select count(*) from spr_preparedness e where e.kind = 'exercise' and e.held_on < '2026-11-13'
                  and not exists (select 1 from spr_preparedness d where d.threat_id = e.threat_id
                                  and d.kind = 'debrief' and d.held_on between e.held_on and e.held_on + 21)"""))
                .isZero();
        assertThat(count("select count(*) from spr_preparedness where held_on > '2026-12-04'")).isZero();
        assertThat(summary.preparednessEntries()).isEqualTo((int) count("select count(*) from spr_preparedness"));
    }

    @Test
    @DisplayName("no exercise comes more than five months after the rule first flagged its threat: 365 days after the"
            + " last exercise, plus at most 90 late planning and 150 (alert) days")
    void exercisesFollowTheRule() {
        long late = count("""
                select count(*) from (
                    select held_on - lag(held_on) over (partition by threat_id order by held_on) as gap
                    from spr_preparedness where kind = 'exercise') g
                where gap > 365 + 60 + 150""");
        assertThat(late).isZero();
    }

    @Test
    @DisplayName("every submission is a valid 3x5x2 grade: conditions with handling code C only, seen in the last year")
    void submissionsGraded() {
        assertThat(summary.submissions()).isPositive();
        assertThat(count("select count(*) from intelligence_submission")).isEqualTo(summary.submissions());
        assertThat(count("""
                select count(*) from intelligence_submission
                where scheme <> '3x5x2' or source_grade not in ('1', '2', '3')
                   or intelligence_grade not in ('A', 'B', 'C', 'D', 'E') or handling_code not in ('P', 'C')
                   or (handling_code = 'C') <> (handling_conditions is not null)""")).isZero();
        assertThat(count("select count(*) from intelligence_submission where observed_on > '2026-12-04'"
                + " or observed_on < '2025-12-04' or submitted_at > '2026-12-04 09:00Z'")).isZero();
        assertThat(count("select count(*) from intelligence_submission where ocg_id is not null")).isPositive();
        assertThat(count("select count(*) from intelligence_requirement where status = 'active'"))
                .isEqualTo(summary.requirements()).isPositive();
    }

    @Test
    @DisplayName("only reliable, direct or corroborated intelligence about a group is significant, and each is a"
            + " significant event for its group")
    void significantIntelligence() {
        assertThat(count("""
                select count(*) from intelligence_submission where significant
                  and (source_grade <> '1' or intelligence_grade not in ('A', 'B') or ocg_id is null)""")).isZero();
        assertThat(count("select count(*) from ocg_event where kind = 'significant_intelligence'"))
                .isEqualTo(count("select count(*) from intelligence_submission where significant"))
                .isEqualTo(summary.significant());
    }

    @Test
    @DisplayName("Westminster's neighbourhood team has tasks against its highest scoring groups: one overdue, one done")
    void tasks() {
        List<OcgTask> open = new OcgStore(jdbi).openTasks(WESTMINSTER, "neighbourhood.officer");
        assertThat(open).hasSize(2);
        assertThat(open.stream().filter(t -> t.overdue(TODAY)).count()).isEqualTo(1);
        assertThat(count("select count(*) from ocg_task where status = 'completed' and result is not null"))
                .isEqualTo(1);
        // every group the team is tasked against works in Westminster: based there, or Westminster among its areas
        assertThat(count("""
                select count(*) from ocg_task t join ocg g on g.id = t.ocg_id
                where t.borough_code = '""" + WESTMINSTER + """
                ' and g.borough_code <> t.borough_code and coalesce(g.areas, '') not ilike '%Westminster%'"""))
                .isZero();
    }

    @Test
    @DisplayName("archived groups of the synthetic register say why they were archived")
    void archiveReasons() {
        assertThat(count("select count(*) from ocg where status = 'archived'")).isPositive();
        assertThat(count("select count(*) from ocg where status = 'archived' and archive_reason is null")).isZero();
    }
}
