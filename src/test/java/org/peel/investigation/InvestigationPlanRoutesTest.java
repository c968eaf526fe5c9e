package org.peel.investigation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A crime's investigation plan, supervisory reviews and actions, from the crime's page")
class InvestigationPlanRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        WestminsterDomesticAbuseTeam.add(server.database().jdbi(), "DC Patel");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String recordDomesticAssault(WebClient pc) {
        String body = """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "domestic_abuse": true, "victims": [{"forenames": "A", "surname": "One"}],
                 "suspects": [{"forenames": "S", "surname": "Three"}]}""".formatted(Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", body, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        return r.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
    }

    private long count(String sql, Object... args) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, args[0]).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("The investigator writes the plan twice, the supervisor reviews, an action is added and completed, and the caseload's review moves")
    void planReviewActions() {
        // given a medium-priority domestic assault allocated to DC Patel 30 days ago, so its first review is overdue
        WebClient admin = server.signedIn("admin.plan", Role.ADMINISTRATOR, null);
        WebClient patel = server.signedIn("dc.patel", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        admin.get("/investigation/investigators?borough=" + Fixtures.WESTMINSTER);
        assertThat(admin.post("/investigation/investigators/link", Map.of("investigator", "DA1", "user", "dc.patel"))
                .statusCode()).isEqualTo(200);
        WebClient pc = server.signedIn("pc.plan", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String crimeId = recordDomesticAssault(pc);
        server.database().jdbi().useHandle(h -> {
            h.execute("update crime_allocation set allocated_at = allocated_at - interval '30 days' where crime_id = ?", crimeId);
            h.execute("update crime set recorded_at = recorded_at - interval '30 days' where id = ?", crimeId);
        });
        LocalDate today = LocalDate.now();
        LocalDate firstDue = today.minusDays(30).plusDays(14);
        assertThat(patel.get("/investigation/caseload").body()).contains(crimeId).contains(firstDue.toString());

        // when DC Patel writes the plan, then writes it again
        String page = "/investigation/crimes/" + crimeId;
        assertThat(patel.get(page).body()).contains("Investigation plan").contains("data-testid=\"plan-none\"");
        HttpResponse<String> blank = patel.post(page + "/plan", Map.of("lines_of_enquiry", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"lines_of_enquiry-error\"").contains("Enter the lines of enquiry");
        assertThat(patel.post(page + "/plan", Map.of("lines_of_enquiry", "CCTV on the street", "hypotheses", "Partner"))
                .statusCode()).isEqualTo(302);
        assertThat(patel.post(page + "/plan", Map.of("lines_of_enquiry", "CCTV on the street; house-to-house",
                "hypotheses", "Partner")).statusCode()).isEqualTo(302);

        // then the page shows version 2 with one earlier version kept, and both versions are stored
        assertThat(patel.get(page).body()).contains("data-testid=\"plan-current\"").contains("Version 2")
                .contains("1 earlier version kept").contains("house-to-house");
        assertThat(count("select count(*) from investigation_plan where crime_id = ?", crimeId)).isEqualTo(2);

        // when a response officer tries to record a supervisory review, they are refused
        pc.get(page);
        HttpResponse<String> refused = pc.post(page + "/supervisory-reviews", Map.of("review_note", "Looks fine"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Recording a supervisory review is for a crime management supervisor");
        assertThat(count("select count(*) from supervisory_review where crime_id = ?", crimeId)).isZero();

        // and a supervisor of the borough records one
        WebClient sup = server.signedIn("ds.plan", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        LocalDate nextDue = today.plusDays(14);
        assertThat(sup.get(page).body()).contains("data-testid=\"next-review\"").contains(nextDue.toString());
        HttpResponse<String> noNote = sup.post(page + "/supervisory-reviews", Map.of("review_note", ""));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("id=\"review_note-error\"");
        assertThat(sup.post(page + "/supervisory-reviews", Map.of("review_note", "Plan is proportionate",
                "direction", "Obtain the CCTV within 7 days")).statusCode()).isEqualTo(302);

        // then the review is listed with its next due date, and the caseload's review due moves to it
        assertThat(sup.get(page).body()).contains("data-testid=\"reviews\"").contains("Obtain the CCTV within 7 days")
                .contains(nextDue.toString());
        String caseload = patel.get("/investigation/caseload").body();
        assertThat(caseload).contains(nextDue.toString()).doesNotContain(firstDue.toString());

        // when DC Patel adds an action (first without an owner) and completes it
        patel.get(page);
        HttpResponse<String> noOwner = patel.post(page + "/actions", Map.of("action_description", "Collect CCTV",
                "action_owner", "", "action_due", today.plusDays(3).toString()));
        assertThat(noOwner.statusCode()).isEqualTo(400);
        assertThat(noOwner.body()).contains("id=\"action_owner-error\"");
        assertThat(patel.post(page + "/actions", Map.of("action_description", "Collect CCTV", "action_owner", "dc.patel",
                "action_due", today.plusDays(3).toString())).statusCode()).isEqualTo(302);
        assertThat(patel.get(page).body()).contains("data-testid=\"actions-open\"").contains("Collect CCTV");
        long action = server.database().jdbi().withHandle(h -> h.createQuery(
                "select id from investigation_action where crime_id = ?").bind(0, crimeId).mapTo(Long.class).one());
        assertThat(patel.post(page + "/actions/" + action + "/complete", Map.of("completion_note", "CCTV seized, exhibit AB/1"))
                .statusCode()).isEqualTo(302);

        // then it is listed as completed, with its note, and every write was audited
        String after = patel.get(page).body();
        assertThat(after).contains("data-testid=\"actions-completed\"").contains("CCTV seized, exhibit AB/1")
                .doesNotContain("data-testid=\"actions-open\"");
        assertThat(count("select count(*) from audit_event where record_type = 'crime' and action in "
                + "('plan-version', 'supervisory-review', 'action-add', 'action-complete') and record_id like ?", crimeId + "#%"))
                .isEqualTo(5);
    }

    @Test
    @DisplayName("A closed crime takes no new plan version or action, and says why")
    void closedCrime() {
        // given a crime closed with its outcome
        WebClient pc = server.signedIn("pc.closed", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String crimeId = recordDomesticAssault(pc);
        server.database().jdbi().useHandle(h -> h.execute(
                "insert into crime_outcome (crime_id, outcome_code, outcome_date) values (?, '18', current_date)", crimeId));
        WebClient dc = server.signedIn("dc.closed", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        String page = "/investigation/crimes/" + crimeId;
        assertThat(dc.get(page).body()).contains("data-testid=\"plan-closed\"");

        // when the investigator tries to write a plan and add an action
        HttpResponse<String> plan = dc.post(page + "/plan", Map.of("lines_of_enquiry", "Too late"));
        HttpResponse<String> action = dc.post(page + "/actions", Map.of("action_description", "Too late",
                "action_owner", "dc.closed", "action_due", "2030-01-01"));

        // then both are refused with the reason and nothing is written
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(plan.body()).contains("The crime is closed with its outcome");
        assertThat(action.statusCode()).isEqualTo(400);
        assertThat(action.body()).contains("The crime is closed with its outcome");
        assertThat(count("select count(*) from investigation_plan where crime_id = ?", crimeId)).isZero();
        assertThat(count("select count(*) from investigation_action where crime_id = ?", crimeId)).isZero();
    }
}
