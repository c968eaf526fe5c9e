package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.investigation.AllocationStore;
import org.peel.investigation.OffenceGroup;
import org.peel.investigation.OutcomeType;
import org.peel.investigation.OutcomeValidation;
import org.peel.investigation.Specialism;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The live demo force: the twelve months up to today, Westminster fully staffed, outcomes the rules accept")
class LiveDemoForceTest {

    private static final String WESTMINSTER = "E09000033";
    /** The injected clock's day: any day will do; the force must end the day before it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static Jdbi jdbi;
    private static SyntheticForce.Result result;

    @BeforeAll
    static void loadTheDemo() throws IOException {
        jdbi = TestDatabase.fresh().jdbi();
        result = SyntheticForce.demo(jdbi, null, Map.of(), TODAY, Set.of(WESTMINSTER));
    }

    @Test
    @DisplayName("every crime was committed and recorded in the year before today, and the volumes say which year they are from")
    void datedUpToToday() {
        LocalDateTime first = jdbi.withHandle(h -> h.createQuery("select min(committed_at) from crime")
                .mapTo(LocalDateTime.class).one());
        LocalDateTime last = jdbi.withHandle(h -> h.createQuery("select max(recorded_at) from crime")
                .mapTo(LocalDateTime.class).one());
        // 4 December 2025 00:00 to 3 December 2026 23:59:59
        assertThat(first).isAfterOrEqualTo(LocalDate.of(2025, 12, 4).atStartOfDay());
        assertThat(last).isBefore(TODAY.atStartOfDay());
        // the last month holds crimes too: the demo is alive up to this morning, not a year that ended long ago
        assertThat(count("select count(*) from crime where recorded_at >= '2026-11-04'")).isPositive();
        assertThat(result.generation().end()).isEqualTo(TODAY);
        assertThat(result.generation().yearTo()).isEqualTo(SyntheticForce.DEFAULT_YEAR_TO);
        assertThat(count("select count(*) from synthetic_generation where ends_before = '2026-12-04'")).isEqualTo(1);
    }

    @Test
    @DisplayName("a second start finds the force and leaves it, keeping its dates")
    void secondStart() throws IOException {
        SyntheticForce.Result again = SyntheticForce.demo(jdbi, null, Map.of(), TODAY.plusDays(30), Set.of(WESTMINSTER));
        assertThat(again.counts()).isEmpty();
        assertThat(again.generation().end()).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("Westminster has investigators of every specialism at each PIP level its teams have, on a rota running past today")
    void westminsterFullyStaffed() {
        for (Specialism s : Specialism.values()) {
            assertThat(count("select count(*) from investigator i join investigation_team t on t.id = i.team_id"
                    + " where t.borough_code = '" + WESTMINSTER + "' and i.specialism = '" + s.label() + "'"))
                    .as(s.label()).isGreaterThanOrEqualTo(4);
        }
        // volume crime's mix has PIP 1 and 2; major crime's PIP 2, 3 and 4: at least four of each
        for (int level : new int[]{1, 2}) {
            assertThat(count("select count(*) from investigator i join investigation_team t on t.id = i.team_id"
                    + " where t.borough_code = '" + WESTMINSTER + "' and i.specialism = 'Volume crime' and i.pip_level = " + level))
                    .isGreaterThanOrEqualTo(4);
        }
        for (int level : new int[]{2, 3, 4}) {
            assertThat(count("select count(*) from investigator i join investigation_team t on t.id = i.team_id"
                    + " where t.borough_code = '" + WESTMINSTER + "' and i.specialism = 'Major crime' and i.pip_level = " + level))
                    .isGreaterThanOrEqualTo(4);
        }
        // every Westminster investigator has a rota, with shifts after today for crimes recorded live
        assertThat(count("""
                select count(*) from investigator i join investigation_team t on t.id = i.team_id
                where t.borough_code = 'E09000033'
                  and not exists (select 1 from investigator_duty_rota r where r.investigator_id = i.id and r.duty_date > '2026-12-04')"""))
                .isZero();
    }

    @Test
    @DisplayName("no closed crime is in the allocation queue, and the queue's waits are hours or days, not years")
    void queue() {
        List<AllocationStore.QueuedCrime> queued = new AllocationStore(jdbi).queue((String) null, TODAY.atTime(9, 0));
        assertThat(queued).allSatisfy(q -> assertThat(q.waiting().toDays()).isLessThanOrEqualTo(366));
        assertThat(count("""
                select count(*) from allocation_queue q join crime_outcome o on o.crime_id = q.crime_id
                where q.left_at is null and q.borough_code = 'E09000033' and q.priority = 'HIGH'
                  and not exists (select 1 from crime_outcome x where x.crime_id = q.crime_id)""")).isZero();
        assertThat(queued).noneMatch(q -> count("select count(*) from crime_outcome where crime_id = '" + q.crimeId() + "'") > 0);
    }

    @Test
    @DisplayName("a screened-in crime is owned at once: none waits in Westminster, and force-wide only those no borough nearby has a team for")
    void ownedAtOnce() {
        long screenedIn = count("select count(*) from crime_screening where screened_in");
        long queued = count("select count(*) from allocation_queue where left_at is null");
        assertThat(queued).as("queued of %d screened in", screenedIn).isLessThan(screenedIn / 100);
        assertThat(count("select count(*) from allocation_queue where borough_code = 'E09000033'")).isZero();
        List<String> reasons = jdbi.withHandle(h -> h.createQuery("select reason from allocation_queue").mapTo(String.class).list());
        assertThat(reasons).allSatisfy(r -> assertThat(r).startsWith("No investigator with the"));
        // every path was taken: on duty, next shift, a neighbouring borough and the duty detective
        for (String route : List.of("Next shift", "neighbouring borough", "duty detective")) {
            assertThat(count("select count(*) from crime_allocation where reasons like '%" + route + "%'")).as(route).isPositive();
        }
    }

    @Test
    @DisplayName("every borough has a child abuse team on the rota, so no crime against a child waits in the queue")
    void childAbuseEverywhere() {
        assertThat(count("""
                select count(*) from borough b
                where exists (select 1 from investigation_team t where t.borough_code = b.code)
                  and not exists (select 1 from investigation_team t join investigator i on i.team_id = t.id
                                  where t.borough_code = b.code and t.specialism = 'Child abuse')""")).isZero();
        assertThat(count("select count(*) from allocation_queue where left_at is null and specialism = 'Child abuse'"))
                .isZero();
    }

    @Test
    @DisplayName("each allocation at recording keeps its route, which the crime page puts in words")
    void routesKept() {
        assertThat(count("select count(*) from crime_allocation where route is null and rule_version <> 'supervisor'"))
                .isZero();
        assertThat(count("select count(*) from crime_allocation where route = 'NEXT_SHIFT' and starts_at is null")).isZero();
    }

    @Test
    @DisplayName("a neighbouring borough's investigator is always from a borough sharing a border with the crime's")
    void neighboursShareABorder() {
        List<String[]> pairs = jdbi.withHandle(h -> h.createQuery("""
                        select c.borough_code, t.borough_code from crime_allocation a join crime c on c.id = a.crime_id
                        join investigator i on i.id = a.investigator_id join investigation_team t on t.id = i.team_id
                        where t.borough_code <> c.borough_code""")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list());
        assertThat(pairs).isNotEmpty();
        assertThat(pairs).allSatisfy(p -> assertThat(org.peel.place.BoroughAdjacency.LONDON.adjacent(p[0], p[1]))
                .as(p[0] + " and " + p[1]).isTrue());
    }

    @Test
    @DisplayName("every borough's investigators work a duty rota, so allocation knows who is on and when the next shift starts")
    void rotaEverywhere() {
        assertThat(count("""
                select count(*) from investigator i
                where not exists (select 1 from investigator_duty_rota r where r.investigator_id = i.id and r.duty_date > '2026-12-04')"""))
                .isZero();
    }

    @Test
    @DisplayName("every outcome the force was given is one Peel's outcome rules accept")
    void outcomesValid() {
        List<String> invalid = jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.offence_group, o.outcome_code, o.outcome_date, c.recorded_at, c.committed_at, c.domestic_abuse,
                               exists (select 1 from crime_flag f where f.crime_id = c.id and f.flag = 'RAPE') as rape,
                               coalesce(r.serious_offences, '{}') as serious,
                               (select min(s.date_of_birth) from person_record s where s.source_type = 'crime'
                                  and s.source_id = c.id and s.role = 'suspect') as suspect_dob,
                               exists (select 1 from person_record s where s.source_type = 'crime' and s.source_id = c.id
                                  and s.role = 'suspect' and s.surname is not null) as suspect,
                               exists (select 1 from person_record v where v.source_type = 'crime' and v.source_id = c.id
                                  and v.role = 'victim') as victim
                        from crime c join crime_outcome o on o.crime_id = c.id
                        left join synthetic_crime_report r on r.crime_id = c.id""")
                .map((rs, ctx) -> {
                    OffenceGroup g = OffenceGroup.fromLabel(rs.getString("offence_group")).orElseThrow();
                    OutcomeType t = OutcomeType.ofCode(Integer.parseInt(rs.getString("outcome_code"))).orElseThrow();
                    LocalDate on = rs.getObject("outcome_date", LocalDate.class);
                    LocalDate dob = rs.getObject("suspect_dob", LocalDate.class);
                    LocalDate committed = org.peel.common.Moments.local(rs, "committed_at").toLocalDate();
                    java.util.Set<org.peel.investigation.SeriousOffence> serious = java.util.EnumSet.noneOf(org.peel.investigation.SeriousOffence.class);
                    for (String x : (String[]) rs.getArray("serious").getArray()) {
                        serious.add(org.peel.investigation.SeriousOffence.valueOf(x));
                    }
                    OutcomeValidation.Result r = OutcomeValidation.validate(new OutcomeValidation.Facts(t, g, serious,
                            rs.getBoolean("suspect"), dob == null ? null : Period.between(dob, committed).getYears(),
                            dob == null ? null : Period.between(dob, on).getYears(), rs.getBoolean("domestic_abuse"),
                            rs.getBoolean("victim"), org.peel.common.Moments.local(rs, "recorded_at").toLocalDate(), on,
                            rs.getBoolean("rape")));
                    return r.valid() ? null : rs.getString("id") + ": " + r.problems();
                }).list()).stream().filter(java.util.Objects::nonNull).toList();
        assertThat(invalid).isEmpty();
    }

    @Test
    @DisplayName("the demo records rape, so the inspection's case-file sample draws a full rape stratum from it")
    void rapeStratum() {
        long sexual = count("select count(*) from crime where offence_group = 'Sexual offences'");
        long rapes = count("select count(*) from investigation_crime_v2_published where rape");
        // the Met at 1/100: about 153 sexual offences, a little over a third of them rape
        assertThat(sexual).isBetween(140L, 170L);
        assertThat(rapes).isBetween(30L, 75L);
        List<org.peel.inspection.CaseFileSample.Candidate> frame = new org.peel.inspection.InspectionStore(jdbi)
                .candidates("E23000001", java.time.YearMonth.of(2026, 11));
        List<org.peel.inspection.CaseFileSample.Drawn> drawn = org.peel.inspection.CaseFileSample.draw(frame, 2015, 12);
        assertThat(drawn.stream().filter(d -> d.stratum() == org.peel.inspection.CaseFileSample.Stratum.RAPE)).hasSize(12)
                .allMatch(d -> count("select count(*) from crime_flag where flag = 'RAPE' and crime_id = '" + d.crimeId() + "'") == 1);
    }

    @Test
    @DisplayName("every rape was screened in at high priority, owned by a specialist or waiting in the queue, and its victim"
            + " owed the enhanced Victims' Code service")
    void rapesFollowTheRules() {
        assertThat(count("""
                select count(*) from crime_flag f join crime_screening s on s.crime_id = f.crime_id
                where f.flag = 'RAPE' and (not s.screened_in or s.priority <> 'HIGH' or s.pip_level < 2
                                           or s.specialism not in ('Sexual offences', 'Child abuse'))""")).isZero();
        assertThat(count("""
                select count(*) from crime_flag f join crime_allocation a on a.crime_id = f.crime_id
                join investigator i on i.id = a.investigator_id
                where f.flag = 'RAPE' and i.specialism not in ('Sexual offences', 'Child abuse')""")).isZero();
        assertThat(count("select count(*) from crime_flag f join crime_allocation a on a.crime_id = f.crime_id"
                + " where f.flag = 'RAPE'")).isPositive();
        assertThat(count("""
                select count(*) from crime_flag f join victims_code_entitlement e on e.crime_id = f.crime_id
                where f.flag = 'RAPE' and e.service <> 'ENHANCED'""")).isZero();
        assertThat(count("select count(*) from crime_flag f join victims_code_entitlement e on e.crime_id = f.crime_id"
                + " where f.flag = 'RAPE'")).isEqualTo(count("select count(*) from crime_flag where flag = 'RAPE'"));
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
