package org.peel.inspection;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestServer;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The evidence gathered per sub-question, read through the other capabilities' published views over a real
 * database, against figures worked out by hand from a small fixture of the Met's Camden (E09000007) and Westminster
 * (E09000033), for the 12 months April 2015 to March 2016.
 */
@DisplayName("Evidence per sub-question: compliance, delays, spread across boroughs and governance, worked by hand")
class InspectionEvidenceTest {

    private static final String MET = "E23000001";
    private static final String CAMDEN = "E09000007";
    private static final String WESTMINSTER = "E09000033";
    private static TestServer server;
    private static List<Evidence> evidence;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.database().jdbi().useHandle(h -> {
            String crime = "insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                    + " borough_code, domestic_abuse, hate) values (?, ?::timestamp, ?::timestamp, 'Residential"
                    + " burglary', 'Burglary', ?, false, false)";
            for (String[] c : new String[][]{{"EV1", "2015-06-01 00:00"}, {"EV2", "2015-07-01 00:00"},
                    {"EV3", "2015-08-01 00:00"}, {"EV4", "2016-03-30 00:00"}, {"EV5", "2015-09-01 00:00"}}) {
                h.execute(crime, c[0], c[1], c[1], CAMDEN);
            }
            // Victims' Code: due in the period, met early, met on the day, met late, never met; one due after it
            String deadline = "insert into victims_code_deadline (crime_id, kind, from_date, working_days, due_date,"
                    + " basis, rule_version, met_at) values (?, 'UPDATE', '2015-05-01', 5, ?::date, 'test', 't',"
                    + " ?::timestamp)";
            h.execute(deadline, "EV1", "2015-06-10", "2015-06-08 10:00");
            h.execute(deadline, "EV1", "2015-07-10", "2015-07-10 16:00");
            h.execute(deadline, "EV2", "2015-08-10", "2015-08-12 09:00");
            h.execute(deadline, "EV2", "2015-09-10", null);
            h.execute(deadline, "EV3", "2016-04-10", "2016-04-01 09:00");

            // Allocation: screened in and allocated after 1, 3 and 10 days; one allocated after the period; one out
            String screen = "insert into crime_screening (crime_id, rule_version, screened_in, priority, pip_level,"
                    + " specialism, harm, solvability, solvability_factors, serious_offences, victim_vulnerable,"
                    + " out_reason, reasons, screened_at) values (?, 't', ?, ?, 1, 'VOLUME', 1, 1, '{}', '{}', false,"
                    + " ?, 'test', '2015-05-01 00:00')";
            for (String id : List.of("EV1", "EV2", "EV3", "EV4")) {
                h.execute(screen, id, true, "MEDIUM", null);
            }
            h.execute(screen, "EV5", false, null, "no lines of enquiry");
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment)"
                    + " values ('EVT', ?, 'Camden burglary', 'VOLUME', 5)", CAMDEN);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism)"
                    + " values ('EVI', 'EVT', 'DC One', 1, 'VOLUME')");
            String allocate = "insert into crime_allocation (crime_id, investigator_id, weight, allocated_at,"
                    + " allocated_by, rule_version, reasons) values (?, 'EVI', 1, ?::timestamp, 'sgt', 't', 'test')";
            h.execute(allocate, "EV1", "2015-06-02 00:00");
            h.execute("insert into crime_allocation (crime_id, investigator_id, weight, allocated_at, allocated_by,"
                    + " rule_version, reasons, ended_at, ended_reason) values ('EV2', 'EVI', 1, '2015-07-04 00:00',"
                    + " 'sgt', 't', 'test', '2015-07-20 00:00', 'reallocated')");
            h.execute(allocate, "EV2", "2015-07-20 00:00"); // reallocated: the first allocation is the one timed
            h.execute(allocate, "EV3", "2015-08-11 00:00");
            h.execute(allocate, "EV4", "2016-04-02 00:00");

            // Forensic: 7 days against 7 (within), 20 against 14 (not), one still waiting, one cancelled
            String forensic = "insert into forensic_request (crime_id, item_description, item_type, full_extraction,"
                    + " deleted_data, specialist, priority, route, target_days, reasons, rule_version, status,"
                    + " requested_at, requested_by, completed_at, result_summary, cancelled_at, cancel_reason)"
                    + " values (?, 'phone', 'MOBILE_PHONE', false, false, false, 'MEDIUM', 'KIOSK', ?, 'test', 't', ?,"
                    + " ?::timestamp, 'dc', ?::timestamp, ?, ?::timestamp, ?)";
            h.execute(forensic, "EV1", 7, "complete", "2015-05-01 09:00", "2015-05-08 09:00", "done", null, null);
            h.execute(forensic, "EV2", 14, "complete", "2015-06-01 09:00", "2015-06-21 09:00", "done", null, null);
            h.execute(forensic, "EV3", 14, "requested", "2016-03-01 09:00", null, null, null, null);
            h.execute(forensic, "EV4", 14, "cancelled", "2016-03-02 09:00", null, null, "2016-03-03 09:00", "n/a");

            // IOM: Camden manages 4 in the period and 1 leaves; Westminster 2 and 1 leaves; one left before it
            String offender = "insert into offender (id, borough_code, first_offence_on, offence_count)"
                    + " values (?, ?, '2010-01-01', 5)";
            String iom = "insert into iom_case (offender_id, borough_code, lead_officer, opened_on, closed_on,"
                    + " updated_by, updated_at) values (?, ?, 'pc', ?::date, ?::date, 'pc', now())";
            Object[][] cases = {{"O1", CAMDEN, "2014-01-01", null}, {"O2", CAMDEN, "2014-06-01", "2015-10-01"},
                    {"O3", CAMDEN, "2015-05-01", null}, {"O4", CAMDEN, "2016-01-01", "2016-06-01"},
                    {"O5", WESTMINSTER, "2015-01-01", "2015-12-01"}, {"O6", WESTMINSTER, "2015-02-01", null},
                    {"O7", CAMDEN, "2013-01-01", "2015-03-01"}};
            for (Object[] c : cases) {
                h.execute(offender, c[0], c[1]);
                h.execute(iom, c);
            }

            // Domestic abuse: Camden 4 (3 supervised in time, 1 high), Westminster 2 (1 in time, 1 high)
            String da = "insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral,"
                    + " review_due_at, reviewed_at) values (?, ?::timestamp, ?, ?, false, ?::timestamptz,"
                    + " ?::timestamptz)";
            h.execute(da, "DA1", "2015-05-01 10:00", CAMDEN, "high", "2015-05-02 10:00Z", "2015-05-01 20:00Z");
            h.execute(da, "DA2", "2015-06-01 10:00", CAMDEN, "standard", "2015-06-02 10:00Z", "2015-06-02 09:00Z");
            h.execute(da, "DA3", "2015-07-01 10:00", CAMDEN, "medium", "2015-07-02 10:00Z", "2015-07-02 10:00Z");
            h.execute(da, "DA4", "2015-08-01 10:00", CAMDEN, "standard", "2015-08-02 10:00Z", "2015-08-03 10:00Z");
            h.execute(da, "DA5", "2015-09-01 10:00", WESTMINSTER, "high", "2015-09-02 10:00Z", "2015-09-01 12:00Z");
            h.execute(da, "DA6", "2015-10-01 10:00", WESTMINSTER, "medium", "2015-10-02 10:00Z", null);
            h.execute(da, "DA7", "2015-03-01 10:00", CAMDEN, "high", "2015-03-02 10:00Z", null); // before the period

            // Missing: 3 children found in the period, 2 offered an interview in time; an adult; a child found later
            String missing = "insert into missing_episode (id, reported_at, found_at, borough_code, risk_grade, child,"
                    + " looked_after, return_interview_due, return_interview_offered_at) values (?, ?::timestamp,"
                    + " ?::timestamp, ?, 'medium', ?, false, ?::timestamptz, ?::timestamptz)";
            h.execute(missing, "M1", "2015-05-01 10:00", "2015-05-02 10:00", CAMDEN, true, "2015-05-05 10:00Z",
                    "2015-05-03 10:00Z");
            h.execute(missing, "M2", "2015-06-01 10:00", "2015-06-02 10:00", WESTMINSTER, true, "2015-06-05 10:00Z",
                    "2015-06-05 10:00Z");
            h.execute(missing, "M3", "2015-07-01 10:00", "2015-07-02 10:00", CAMDEN, true, "2015-07-05 10:00Z",
                    "2015-07-07 10:00Z");
            h.execute(missing, "M4", "2015-08-01 10:00", "2015-08-02 10:00", CAMDEN, false, null, null);
            h.execute(missing, "M5", "2016-03-31 10:00", "2016-04-01 10:00", CAMDEN, true, "2016-04-04 10:00Z",
                    "2016-04-02 10:00Z");

            // Governance: a DA group every 30 days met 26, 47 and 24 days apart in the period, then stopped; an
            // organised crime group every 90 days met once, 76 days after it was set up
            h.execute("insert into governance_group (id, area, name, cadence_days, created_by, created_at) values"
                    + " (9001, 'Domestic abuse', 'DA board', 30, 'sup', '2015-01-01 09:00Z'),"
                    + " (9002, 'Serious and organised crime', 'SOC board', 90, 'sup', '2015-12-01 09:00Z')");
            String meeting = "insert into governance_meeting (group_id, met_on, minutes, recorded_by, recorded_at)"
                    + " values (?, ?::date, 'minutes', 'sup', now())";
            for (String day : List.of("2015-03-20", "2015-04-15", "2015-06-01", "2015-06-25")) {
                h.execute(meeting, 9001, day);
            }
            h.execute(meeting, 9002, "2016-02-15");

            // Problem solving: of 3 cases opened in the period, 2 reached assessment (one since closed); one opened
            // before the period and one after it are not counted
            String problem = "insert into problem_case (id, title, subject_type, subject, borough_code, stage,"
                    + " opened_at, opened_by) values (?, 'case', 'place', 'a street', ?, ?, ?::timestamptz, 'pc')";
            h.execute(problem, "PS1", CAMDEN, "assess", "2015-05-01 10:00Z");
            h.execute(problem, "PS2", CAMDEN, "closed", "2015-06-01 10:00Z");
            h.execute(problem, "PS3", WESTMINSTER, "respond", "2015-07-01 10:00Z");
            h.execute(problem, "PS4", CAMDEN, "assess", "2016-04-02 10:00Z");
            h.execute(problem, "PS5", CAMDEN, "closed", "2015-01-01 10:00Z");

            // Sharing agreements on 31 March 2016: A1 in force; A2 lapsed in January; A5 lapsed on its review day,
            // the 31st itself; A3 withdrawn and A4 not yet started are not counted: 1 of 3
            h.execute("insert into partner_organisation (id, name, kind, created_by) values"
                    + " ('ORG1', 'Camden Council', 'council-asb', 'a'), ('ORG2', 'Camden Housing', 'housing', 'a')");
            String agreement = "insert into sharing_agreement (id, title, purpose, lawful_basis, data_categories,"
                    + " retention, starts_on, review_on, owner, withdrawn_on, created_by) values (?, 't', 'p', 'b',"
                    + " '{}', 'r', ?::date, ?::date, 'o', ?::date, 'a')";
            h.execute(agreement, "A1", "2015-01-01", "2016-06-30", null);
            h.execute(agreement, "A2", "2014-01-01", "2016-01-31", null);
            h.execute(agreement, "A3", "2015-01-01", "2017-01-01", "2015-12-01");
            h.execute(agreement, "A4", "2016-05-01", "2017-05-01", null);
            h.execute(agreement, "A5", "2015-06-01", "2016-03-31", null);
            h.execute("insert into sharing_agreement_party (agreement_id, organisation_id) values ('A1', 'ORG1')");

            // Multi-agency cases opened in the period: a case review with two organisations, an ASB MARAC with one;
            // a complex case panel opened after the period
            String partnerCase = "insert into partner_case (id, kind, title, borough_code, summary, agreement_id,"
                    + " opened_on, created_by) values (?, ?, 't', ?, 's', 'A1', ?::date, 'a')";
            h.execute(partnerCase, "C1", "asb-case-review", CAMDEN, "2015-05-10");
            h.execute(partnerCase, "C2", "asb-marac", WESTMINSTER, "2015-08-01");
            h.execute(partnerCase, "C3", "complex-case-panel", CAMDEN, "2016-04-10");
            h.execute("insert into partner_case_party (case_id, organisation_id) values ('C1', 'ORG1'), ('C1', 'ORG2'),"
                    + " ('C2', 'ORG1')");

            // Organised crime: G1 and G2 active on 31 March 2016, G3 archived in February, G4 mapped after the end
            String ocg = "insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, status,"
                    + " archived_on, archive_reason) values (?, ?, ?, 'drugs supply', 'B', ?::date, ?, ?::date, ?)";
            h.execute(ocg, "G1", "Group one", CAMDEN, "2014-01-01", "active", null, null);
            h.execute(ocg, "G2", "Group two", WESTMINSTER, "2015-01-01", "active", null, null);
            h.execute(ocg, "G3", "Group three", CAMDEN, "2014-01-01", "archived", "2016-02-01", "dismantled");
            h.execute(ocg, "G4", "Group four", CAMDEN, "2016-04-15", "active", null, null);
            // the newest model in use by the end is m2 (G1's assessment of 1 February 2016); G2 is still on m1
            String assessment = "insert into ocg_assessment (ocg_id, model_version, score, band, contributions,"
                    + " reasons, facts, assessed_on, assessed_by, recorded_at) values (?, ?, 50, 'B', '{}', '[]',"
                    + " '{}', ?::date, 'analyst', now())";
            h.execute(assessment, "G1", "m1", "2015-06-01");
            h.execute(assessment, "G1", "m2", "2016-02-01");
            h.execute(assessment, "G2", "m1", "2015-09-01");
            h.execute(assessment, "G3", "m2", "2016-01-15");
            h.execute(assessment, "G4", "m3", "2016-04-20");
            // major disruptions: D1 (G1, December) assessed again in February; D2 (G2, October) never since; D4 (G3)
            // assessed the same day only. D3 is moderate; D5 after the period
            String disruption = "insert into ocg_disruption (ocg_id, heading, impact, occurred_on, summary,"
                    + " recorded_by, recorded_at) values (?, ?, ?, ?::date, 's', 'analyst', now())";
            h.execute(disruption, "G1", "pursue", "major", "2015-12-01");
            h.execute(disruption, "G2", "prevent", "major", "2015-10-01");
            h.execute(disruption, "G1", "protect", "moderate", "2015-11-01");
            h.execute(disruption, "G3", "pursue", "major", "2016-01-15");
            h.execute(disruption, "G2", "prevent", "minor", "2016-04-05");
        });
        evidence = new InspectionStore(server.database().jdbi()).evidence(MET, YearMonth.of(2016, 3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static <T extends Evidence> T find(Class<T> kind, String subQuestion, String titleStart) {
        return evidence.stream().filter(kind::isInstance).map(kind::cast)
                .filter(e -> e.subQuestion().equals(subQuestion) && e.title().startsWith(titleStart))
                .findFirst().orElseThrow(() -> new AssertionError("no " + titleStart + " under " + subQuestion));
    }

    @Test
    @DisplayName("Victims' Code: of 4 deadlines due in the period, the one met early and the one met on its day count;"
            + " the late one, the unmet one and the one due after the period do not: 2 of 4, 50%")
    void victimsCode() {
        Evidence.Compliance c = find(Evidence.Compliance.class, "q2.2", "Victims' Code");
        assertThat(c.met()).isEqualTo(2);
        assertThat(c.owed()).isEqualTo(4);
        assertThat(c.figure()).isEqualTo("50%");
    }

    @Test
    @DisplayName("allocation: crimes screened in and allocated after 1, 3 and 10 days (a reallocation not counted again)"
            + " give a median of 3 days and a 90th percentile of 8.6; the one allocated after the period is waiting")
    void allocation() {
        Evidence.Delay d = find(Evidence.Delay.class, "q2.2", "Allocation");
        assertThat(d.done()).isEqualTo(3);
        assertThat(d.medianDays()).isCloseTo(3.0, within(1e-9));
        assertThat(d.p90Days()).isCloseTo(8.6, within(1e-9));
        assertThat(d.stillWaiting()).isEqualTo(1);
        assertThat(d.figure()).isEqualTo("3 days");
    }

    @Test
    @DisplayName("forensic queue: results after 7 and 20 days give a median of 13.5 days, 1 within its target;"
            + " one still waiting, the cancelled one not")
    void forensic() {
        Evidence.Delay d = find(Evidence.Delay.class, "q2.2", "Forensic");
        assertThat(d.done()).isEqualTo(2);
        assertThat(d.medianDays()).isCloseTo(13.5, within(1e-9));
        assertThat(d.p90Days()).isCloseTo(18.7, within(1e-9));
        assertThat(d.withinTarget()).isEqualTo(1);
        assertThat(d.stillWaiting()).isEqualTo(1);
    }

    @Test
    @DisplayName("IOM departures: Camden 1 of 4 managed in the period (25%), Westminster 1 of 2 (50%): 25 points apart")
    void iomSpread() {
        Evidence.Spread s = find(Evidence.Spread.class, "q2.3", "IOM");
        assertThat(s.boroughs()).extracting(Evidence.BoroughRate::borough, Evidence.BoroughRate::count,
                Evidence.BoroughRate::of).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Camden", 1L, 4L),
                org.assertj.core.groups.Tuple.tuple("Westminster", 1L, 2L));
        assertThat(s.rangePoints()).isCloseTo(25.0, within(1e-9));
        assertThat(s.figure()).isEqualTo("25 points");
    }

    @Test
    @DisplayName("domestic abuse: 4 of 6 incidents supervised by their 24-hour deadline; high risk 1 of 4 in Camden"
            + " and 1 of 2 in Westminster, 25 points apart")
    void domesticAbuse() {
        Evidence.Compliance c = find(Evidence.Compliance.class, "q3.0", "Domestic abuse risk assessments");
        assertThat(c.met()).isEqualTo(4);
        assertThat(c.owed()).isEqualTo(6);
        Evidence.Spread s = find(Evidence.Spread.class, "q3.0", "Domestic abuse risk graded high");
        assertThat(s.rangePoints()).isCloseTo(25.0, within(1e-9));
        assertThat(s.detail()).contains("from 25% in Camden (1 of 4) to 50% in Westminster (1 of 2)");
    }

    @Test
    @DisplayName("missing children: 2 of the 3 found in the period were offered a return interview within 72 hours")
    void returnInterviews() {
        Evidence.Compliance c = find(Evidence.Compliance.class, "q3.0", "Missing children");
        assertThat(c.met()).isEqualTo(2);
        assertThat(c.owed()).isEqualTo(3);
    }

    @Test
    @DisplayName("governance: the DA board held 3 meetings in the period, 2 within 30 days of the one before, and was"
            + " overdue at the end; the organised crime board held 1, within its 90 days")
    void governance() {
        Evidence.Compliance vulnerability = find(Evidence.Compliance.class, "q3.0", "Governance");
        assertThat(vulnerability.met()).isEqualTo(2);
        assertThat(vulnerability.owed()).isEqualTo(3);
        assertThat(vulnerability.detail()).contains("1 group overdue");
        Evidence.Compliance organised = find(Evidence.Compliance.class, "q4.4", "Governance");
        assertThat(organised.met()).isEqualTo(1);
        assertThat(organised.owed()).isEqualTo(1);
        assertThat(organised.detail()).contains("0 groups overdue");
    }

    @Test
    @DisplayName("problem solving (Q1.2): of the 3 cases opened in the period, 2 reached assessment: 67%")
    void problemSolving() {
        Evidence.Compliance c = find(Evidence.Compliance.class, "q1.2", "Problem-solving");
        assertThat(c.met()).isEqualTo(2);
        assertThat(c.owed()).isEqualTo(3);
        assertThat(c.figure()).isEqualTo("67%");
    }

    @Test
    @DisplayName("sharing agreements (Q1.3): on 31 March 2016, 1 of the 3 started and not withdrawn is in force; one"
            + " lapsed in January, one on its review day; the withdrawn one and the one not yet started are left out")
    void sharingAgreements() {
        Evidence.Compliance c = find(Evidence.Compliance.class, "q1.3", "Information-sharing");
        assertThat(c.met()).isEqualTo(1);
        assertThat(c.owed()).isEqualTo(3);
    }

    @Test
    @DisplayName("partner cases (Q1.3): 2 opened in the period, a case review and an ASB MARAC, 1 with two agencies")
    void partnerCases() {
        Evidence.Tally t = find(Evidence.Tally.class, "q1.3", "Multi-agency");
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.detail()).contains("1 ASB case reviews, 1 ASB MARAC cases and 0 complex case panel cases")
                .contains("1 worked with two or more");
    }

    @Test
    @DisplayName("OCG scoring (Q4.1): of the 2 groups active at the end, 1 is scored under m2, the newest model then;"
            + " of 3 major disruptions, 1 was followed by a new assessment (a same-day one does not count)")
    void organisedCrimeScoring() {
        Evidence.Compliance model = find(Evidence.Compliance.class, "q4.1", "Active groups");
        assertThat(model.met()).isEqualTo(1);
        assertThat(model.owed()).isEqualTo(2);
        assertThat(model.detail()).contains("model m2");
        Evidence.Compliance again = find(Evidence.Compliance.class, "q4.1", "Groups scored again");
        assertThat(again.met()).isEqualTo(1);
        assertThat(again.owed()).isEqualTo(3);
    }

    @Test
    @DisplayName("working with partners on organised crime (Q4.3): 1 Prevent and 1 Protect disruption in the period")
    void preventAndProtect() {
        Evidence.Tally t = find(Evidence.Tally.class, "q4.3", "Disruptions");
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.detail()).contains("Prevent (1) and Protect (1)");
    }
}
