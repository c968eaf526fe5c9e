package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each long list pages in SQL, 50 rows a page, with its own filters: a fixture of 120 rows, page 2 holds rows 51 to
 * 100 in the list's order (the most pressing first), and each filter narrows the count.
 */
@DisplayName("Long lists: 50 a page in the most pressing order, filters narrow them and paging keeps the filters")
class ListPagingRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String n(int i) {
        return String.format("%03d", i);
    }

    @Test
    @DisplayName("ward profiles: 60 never written then 60 in date; page 2 ends the unwritten and starts the written")
    void wards() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 60; i++) {
                h.execute("insert into ward (code, name, borough_code) values (?, ?, ?)", "E05PA" + n(i),
                        "Paging Ward " + n(i), Fixtures.WESTMINSTER);
                h.execute("insert into ward (code, name, borough_code) values (?, ?, ?)", "E05PB" + n(i),
                        "Fresh Ward " + n(i), Fixtures.WESTMINSTER);
                h.execute("insert into ward_profile (ward_code, priorities, written_by, written_at, review_due)"
                        + " values (?, 'Noise', 'pc.old', now(), ?)", "E05PB" + n(i), TODAY.plusMonths(6));
            }
        });
        WebClient pc = server.signedIn("pc.wards", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        // never written first (60, by name), then those in date by review day and name: rows 51-100 are
        // Paging Ward 051-060 and Fresh Ward 001-040
        String page2 = pc.get("/prevention/wards?page=2").body();
        assertThat(page2).contains("Showing 51–100 of 120 wards", ">Paging Ward 051<", ">Paging Ward 060<",
                ">Fresh Ward 001<", ">Fresh Ward 040<").doesNotContain(">Paging Ward 050<", ">Fresh Ward 041<");
        assertThat(pc.get("/prevention/wards?name=fresh").body()).contains("Showing 1–50 of 60 wards");
        String due = pc.get("/prevention/wards?review=due&page=2").body();
        assertThat(due).contains("Showing 51–60 of 60 wards", "href=\"/prevention/wards?review=due&amp;page=1\"")
                .doesNotContain(">Fresh Ward");
    }

    @Test
    @DisplayName("MARAC: 60 waiting (oldest first) then 60 heard (newest first); filters by repeat and hearing")
    void marac() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 120; i++) {
                h.execute("insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral)"
                        + " values (?, ?, ?, 'standard', true)", "DA-P" + n(i), TODAY.atStartOfDay().minusDays(200 - i),
                        Fixtures.WESTMINSTER);
                boolean waiting = i <= 60;
                h.execute("insert into marac_referral (id, incident_id, borough_code, criteria, repeat, grade, reasons,"
                        + " referred_at, referred_by, status) values (?, ?, ?, '{}', ?, 'standard', '[]'::jsonb, ?,"
                        + " 'pc.test', ?)", "MR-P" + n(i), "DA-P" + n(i), Fixtures.WESTMINSTER, i % 3 == 0,
                        // waiting: MR-P001 the oldest; heard: MR-P120 the newest
                        TODAY.atStartOfDay().minusDays(waiting ? 200 - i : 200 - i).atOffset(ZoneOffset.UTC),
                        waiting ? "referred" : "heard");
            }
        });
        WebClient ppu = server.signedIn("ppu.paging", Role.PUBLIC_PROTECTION_OFFICER, null);
        String base = "/vulnerability/marac?purpose=list+test&borough=" + Fixtures.WESTMINSTER;
        // rows 51-60 are the last waiting (MR-P051..060); 61-100 the heard newest first, MR-P120 down to MR-P081
        String page2 = ppu.get(base + "&page=2").body();
        assertThat(page2).contains("Showing 51–100 of 120 referrals", ">MR-P051<", ">MR-P060<", ">MR-P120<",
                ">MR-P081<").doesNotContain(">MR-P050<", ">MR-P080<");
        assertThat(page2).contains("page=3").contains("purpose=list+test");
        // every third is a repeat: 40 of 120, 20 of the 60 waiting
        assertThat(ppu.get(base + "&repeat=yes").body()).contains("Showing 1–40 of 40 referrals");
        assertThat(ppu.get(base + "&repeat=yes&heard=waiting").body()).contains("Showing 1–20 of 20 referrals");
    }

    @Test
    @DisplayName("MARAC: a waiting victim resolved to a person at priority 1 comes before the unresolved at their grade's"
            + " 3; page 2 ends the waiting and starts the heard")
    void maracByVictimPriority() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 57; i++) {
                // MR-Q051..055 were graded standard at referral but their victim's latest incident is high risk
                boolean resolved = i >= 51 && i <= 55;
                h.execute("insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral)"
                        + " values (?, ?, ?, ?, true)", "DA-Q" + n(i), TODAY.atStartOfDay().minusDays(100 - i),
                        Fixtures.CAMDEN, resolved ? "high" : "standard");
                h.execute("insert into marac_referral (id, incident_id, borough_code, criteria, repeat, grade, reasons,"
                        + " referred_at, referred_by, status) values (?, ?, ?, '{}', false, 'standard', '[]'::jsonb, ?,"
                        + " 'pc.test', ?)", "MR-Q" + n(i), "DA-Q" + n(i), Fixtures.CAMDEN,
                        TODAY.atStartOfDay().minusDays(100 - i).atOffset(ZoneOffset.UTC), i <= 55 ? "referred" : "heard");
                if (resolved) {
                    h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname,"
                            + " recorded_at, borough_code) values (?, 'domestic_abuse_incident', ?, 'victim', 'Vic',"
                            + " ?, now(), ?)", "PR-Q" + n(i), "DA-Q" + n(i), "Tim" + n(i), Fixtures.CAMDEN);
                    long seq = h.createQuery("select seq from person_record where id = ?").bind(0, "PR-Q" + n(i))
                            .mapTo(Long.class).one();
                    new org.peel.people.PeopleStore(server.database().jdbi()).newPerson(h, java.util.List.of(seq),
                            Fixtures.administrator(), "paging test");
                }
            }
        });
        WebClient ppu = server.signedIn("ppu.priority", Role.PUBLIC_PROTECTION_OFFICER, null);
        String base = "/vulnerability/marac?purpose=list+test&borough=" + Fixtures.CAMDEN;
        // waiting: MR-Q051..055 (priority 1 from the high-risk DA of their resolved victim; 5 + first = 1), oldest
        // first, then MR-Q001..050 (unresolved, standard grade: 3), oldest first; heard: MR-Q057 then MR-Q056.
        // Page 1 is rows 1-50: MR-Q051..055 and MR-Q001..045; page 2 rows 51-57: MR-Q046..050, MR-Q057, MR-Q056.
        String page1 = ppu.get(base).body();
        assertThat(page1.indexOf(">MR-Q055<")).isLessThan(page1.indexOf(">MR-Q001<"));
        assertThat(page1.indexOf(">MR-Q051<")).isLessThan(page1.indexOf(">MR-Q052<"));
        assertThat(page1).contains(">MR-Q045<").doesNotContain(">MR-Q046<");
        String page2 = ppu.get(base + "&page=2").body();
        assertThat(page2).contains("Showing 51–57 of 57 referrals", ">MR-Q046<", ">MR-Q050<", ">MR-Q057<",
                ">MR-Q056<").doesNotContain(">MR-Q045<", ">MR-Q051<", ">MR-Q055<");
        assertThat(page2.indexOf(">MR-Q050<")).isLessThan(page2.indexOf(">MR-Q057<"));
        assertThat(page2.indexOf(">MR-Q057<")).isLessThan(page2.indexOf(">MR-Q056<"));
    }

    @Test
    @DisplayName("MAPPA: overdue visits first, the longest overdue first; filters by level and overdue")
    void mappa() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 120; i++) {
                h.execute("insert into offender (id, borough_code, first_offence_on, offence_count) values (?, ?, ?, 3)",
                        "MP-" + n(i), Fixtures.WESTMINSTER, LocalDate.of(2010, 1, 1));
                // low risk: visits every 182 days; registered 299 days ago down to 180, so due 117 days ago (MP-001)
                // to 2 days ahead (MP-120): 117 overdue. Every third is level 2 with a meeting set in a month.
                boolean two = i % 3 == 0;
                h.execute("insert into mappa_case (offender_id, borough_code, category, level, lead_agency, risk, plan,"
                        + " registered_on, next_meeting_on, updated_by, updated_at) values (?, ?, 1, ?, 'PROBATION',"
                        + " 'LOW', 'Plan', ?, ?, 'test', now())", "MP-" + n(i), Fixtures.WESTMINSTER, two ? 2 : 1,
                        TODAY.minusDays(300 - i), two ? TODAY.plusDays(30) : null);
            }
        });
        WebClient om = server.signedIn("om.paging", Role.OFFENDER_MANAGER, Fixtures.WESTMINSTER);
        String base = "/investigation/offenders/mappa?purpose=list+test";
        String page2 = om.get(base + "&page=2").body();
        assertThat(page2).contains("Showing 51–100 of 120 MAPPA cases", ">MP-051<", ">MP-100<")
                .doesNotContain(">MP-050<", ">MP-101<");
        assertThat(om.get(base + "&level=2").body()).contains("Showing 1–40 of 40 MAPPA cases");
        assertThat(om.get(base + "&review=overdue&page=3").body()).contains("Showing 101–117 of 117 MAPPA cases");
    }

    @Test
    @DisplayName("OCG tracker: the highest score first; archived groups only when asked for")
    void ocgs() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 120; i++) {
                h.execute("insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, activities,"
                        + " score, status) values (?, ?, ?, 'drugs supply', '3c', ?, 'drugs supply', ?, ?)",
                        "OG-" + n(i), "Crew " + n(i), Fixtures.WESTMINSTER, TODAY.minusYears(1), 500.0 - i,
                        i > 100 ? "archived" : "active");
            }
        });
        WebClient analyst = server.signedIn("ia.paging", Role.INTELLIGENCE_ANALYST, null);
        // 100 active by score: OG-001 (499) first, so page 2 is OG-051 to OG-100
        String page2 = analyst.get("/organised-crime/groups?page=2").body();
        assertThat(page2).contains("Showing 51–100 of 100 groups", ">Crew 051<", ">Crew 100<")
                .doesNotContain(">Crew 050<", ">Crew 101<");
        assertThat(analyst.get("/organised-crime/groups?status=archived").body())
                .contains("Showing 1–20 of 20 groups", ">Crew 101<");
        assertThat(analyst.get("/organised-crime/groups?status=all&page=3").body())
                .contains("Showing 101–120 of 120 groups");
        // none has been assessed under a model, so every active group is due
        assertThat(analyst.get("/organised-crime/groups?due=1&borough=" + Fixtures.WESTMINSTER).body())
                .contains("Showing 1–50 of 100 groups");
    }

    @Test
    @DisplayName("multi-agency cases: open first, newest first; filters by agency and status")
    void partnerCases() {
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into partner_organisation (id, name, kind, created_by) values"
                    + " ('ORG-H', 'Test Housing', 'housing', 'test'), ('ORG-P', 'Test Probation', 'probation', 'test')");
            h.execute("insert into sharing_agreement (id, title, purpose, lawful_basis, data_categories, retention,"
                    + " starts_on, review_on, owner, created_by) values ('ISA-P', 'Paging', 'Cases', 'Crime and"
                    + " Disorder Act 1998 s115', '{incident}', 'two years', ?, ?, 'Test', 'test')",
                    TODAY.minusDays(100), TODAY.plusDays(200));
            h.execute("insert into sharing_agreement_party (agreement_id, organisation_id) values ('ISA-P', 'ORG-H'),"
                    + " ('ISA-P', 'ORG-P')");
            for (int i = 1; i <= 120; i++) {
                h.execute("insert into partner_case (id, kind, title, borough_code, summary, agreement_id, opened_on,"
                        + " closed_on, created_by) values (?, 'complex-case-panel', ?, ?, 'Summary', 'ISA-P', ?, ?,"
                        + " 'test')", "PC-" + n(i), "Panel case " + n(i), Fixtures.WESTMINSTER, TODAY.minusDays(i),
                        i > 100 ? TODAY.minusDays(1) : null);
                h.execute("insert into partner_case_party (case_id, organisation_id) values (?, 'ORG-H')", "PC-" + n(i));
                if (i % 2 == 0) {
                    h.execute("insert into partner_case_party (case_id, organisation_id) values (?, 'ORG-P')",
                            "PC-" + n(i));
                }
            }
        });
        WebClient sup = server.signedIn("sup.paging", Role.INSPECTOR, null);
        String page2 = sup.get("/partners/cases?page=2").body();
        assertThat(page2).contains("Showing 51–100 of 120 cases", ">Panel case 051<", ">Panel case 100<")
                .doesNotContain(">Panel case 050<", ">Panel case 101<");
        assertThat(sup.get("/partners/cases?agency=ORG-P").body()).contains("Showing 1–50 of 60 cases");
        assertThat(sup.get("/partners/cases?status=closed").body()).contains("Showing 1–20 of 20 cases");
        assertThat(sup.get("/partners/agreements?organisation=ORG-P&status=active").body())
                .contains("Showing 1–1 of 1 agreements", "ISA-P");
    }

    @Test
    @DisplayName("IOM: a borough's scored offenders by rank; filters by the rule's cohort and score band")
    void iomScores() {
        server.database().jdbi().useHandle(h -> {
            long run = h.createUpdate("insert into iom_cohort_run (rule_version, as_of, run_at, run_by,"
                    + " offenders_scored) values ('iom-rfg-1 test', ?, now(), 'test', 120)")
                    .bind(0, TODAY).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 1; i <= 120; i++) {
                h.execute("insert into offender (id, borough_code, first_offence_on, offence_count) values (?, ?, ?, 3)"
                        + " on conflict do nothing", "IO-" + n(i), Fixtures.WESTMINSTER, LocalDate.of(2010, 1, 1));
                // score 2000 - 10i: 1,000 or more for IO-001 to IO-100; the rule's cohort the top 30
                h.execute("insert into iom_cohort_score (run_id, offender_id, offender_ids, borough_code, score,"
                        + " reasons, borough_rank, in_rule_cohort) values (?, ?, ?, ?, ?, '{}', ?, ?)", run,
                        "IO-" + n(i), new String[]{"IO-" + n(i)}, Fixtures.WESTMINSTER, 2000.0 - 10 * i, i, i <= 30);
            }
        });
        WebClient om = server.signedIn("om.scores", Role.OFFENDER_MANAGER, Fixtures.WESTMINSTER);
        String base = "/investigation/offenders/boroughs/" + Fixtures.WESTMINSTER + "?purpose=list+test";
        String page2 = om.get(base + "&page=2").body();
        assertThat(page2).contains("Showing 51–100 of 120 offenders scored", ">IO-051<", ">IO-100<")
                .doesNotContain(">IO-101<");
        assertThat(om.get(base + "&cohort=out").body()).contains("Showing 1–50 of 90 offenders scored");
        assertThat(om.get(base + "&band=1%2C000+or+more&cohort=in").body())
                .contains("Showing 1–30 of 30 offenders scored");
    }
}
