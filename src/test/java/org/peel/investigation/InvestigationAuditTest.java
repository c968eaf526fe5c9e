package org.peel.investigation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Crimes: every read audited with its purpose, every refusal audited, every change audited in its own transaction")
class InvestigationAuditTest {

    private static TestServer server;
    private static WebClient pc;
    private static String crimeId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        pc = server.signedIn("pc.audit", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "victims": [{"forenames": "Ada", "surname": "Quillfeather"}]}""".formatted(Fixtures.WESTMINSTER),
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        crimeId = r.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<AuditTrail.Entry> entries(String username, String action) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, action), 100);
    }

    private static long rows(String sql, String crime) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, crime).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("a response officer opening a crime's page leaves a 'view' entry naming the crime")
    void crimePageReadIsAudited() {
        // given a response officer of the crime's borough
        WebClient reader = server.signedIn("pc.reader", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        // when they open the crime's page
        HttpResponse<String> page = reader.get("/investigation/crimes/" + crimeId);

        // then they see it, and the trail holds their read of that crime
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Violence with injury");
        assertThat(entries("pc.reader", "view")).anySatisfy(e -> {
            assertThat(e.recordType()).isEqualTo("crime");
            assertThat(e.recordId()).isEqualTo(crimeId);
        });
    }

    @Test
    @DisplayName("an analyst who must state a purpose is asked for it before the crime's page is shown, and the purpose is audited")
    void crimePageAsksForPurpose() {
        // given an intelligence analyst, whose role must say why before opening personal data
        WebClient analyst = server.signedIn("ia.crime", Role.INTELLIGENCE_ANALYST, null);

        // when they open the crime's page without a purpose
        HttpResponse<String> asked = analyst.get("/investigation/crimes/" + crimeId);

        // then they are shown the purpose form, which returns to the page, and nothing of the crime
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("State your purpose")
                .contains("action=\"/investigation/crimes/" + crimeId + "\"").doesNotContain("Violence with injury");
        assertThat(entries("ia.crime", "view")).isEmpty();

        // when they give one
        HttpResponse<String> shown = analyst.get("/investigation/crimes/" + crimeId + "?purpose=Operation+Kestrel");

        // then the page is shown and the read is audited with the purpose
        assertThat(shown.body()).contains("Violence with injury");
        assertThat(entries("ia.crime", "view")).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(crimeId);
            assertThat(e.purpose()).isEqualTo("Operation Kestrel");
        });
    }

    @Test
    @DisplayName("GET /api/v1/crimes/{id} without a purpose is a 403 saying how to give one; with X-Purpose it is read and audited")
    void crimeApiRequiresPurpose() {
        // given an intelligence analyst
        WebClient analyst = server.signedIn("ia.api", Role.INTELLIGENCE_ANALYST, null);

        // when they read the crime through the API without a purpose
        HttpResponse<String> refused = analyst.get("/api/v1/crimes/" + crimeId);

        // then the refusal says how to state one, and is audited
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("purpose query parameter").contains("X-Purpose")
                .doesNotContain("Violence with injury");
        assertThat(entries("ia.api", "access-denied")).singleElement()
                .satisfies(e -> assertThat(e.recordId()).isEqualTo(crimeId));

        // when they give the purpose as a header
        HttpResponse<String> read = analyst.getWithHeader("/api/v1/crimes/" + crimeId, "X-Purpose", "Operation Kestrel");

        // then they read it and the read is audited with the purpose
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(crimeId);
        assertThat(entries("ia.api", "view")).singleElement().satisfies(e -> {
            assertThat(e.recordType()).isEqualTo("crime");
            assertThat(e.purpose()).isEqualTo("Operation Kestrel");
        });
    }

    @Test
    @DisplayName("a response officer refused reallocation, screening review and the borough's caseloads finds each refusal audited")
    void supervisorDutiesRefusedAndAudited() {
        // given a response officer of the crime's borough, who may see and change the crime but supervises nothing
        WebClient officer = server.signedIn("pc.duty", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        officer.get("/investigation/crimes/" + crimeId);

        // when they try a supervisor's duties
        HttpResponse<String> reallocate = officer.post("/investigation/crimes/" + crimeId + "/reallocate",
                Map.of("investigator", "X1", "reason", "workload"));
        HttpResponse<String> review = officer.post("/investigation/crimes/" + crimeId + "/review", Map.of("note", "ok"));
        HttpResponse<String> caseloads = officer.get("/investigation/caseloads");

        // then each is refused, saying whose duty it is, and each refusal is in the trail
        assertThat(List.of(reallocate, review, caseloads)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
        assertThat(reallocate.body()).contains("Reallocating a crime is for a crime management supervisor");
        assertThat(entries("pc.duty", "access-denied")).extracting(AuditTrail.Entry::detail).anySatisfy(d ->
                        assertThat(d).startsWith("POST /investigation/crimes/" + crimeId + "/reallocate"))
                .anySatisfy(d -> assertThat(d).startsWith("POST /investigation/crimes/" + crimeId + "/review"))
                .anySatisfy(d -> assertThat(d).startsWith("GET /investigation/caseloads"));
    }

    @Test
    @DisplayName("a forensic request rejected by validation leaves no entry at all, and one that is saved leaves exactly its own")
    void forensicRequestValidatedBeforeAudit() {
        // given an investigator of the crime's borough
        WebClient dc = server.signedIn("dc.valid", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        dc.get("/investigation/crimes/" + crimeId);

        // when they ask for an examination without saying of what
        HttpResponse<String> blank = dc.post("/investigation/crimes/" + crimeId + "/forensic",
                Map.of("item_type", "", "item_description", ""));

        // then it is refused with no change audited
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(entries("dc.valid", null)).noneSatisfy(e -> assertThat(e.action()).isIn("change", "forensic-request"));

        // when they send a real one, one forensic-request entry follows, and no generic "change" entry
        assertThat(dc.post("/investigation/crimes/" + crimeId + "/forensic", Map.of("item_type", "MOBILE_PHONE",
                "item_description", "Victim's phone, exhibit AB/1")).statusCode()).isEqualTo(302);
        assertThat(entries("dc.valid", "forensic-request")).hasSize(1);
        assertThat(entries("dc.valid", "change")).isEmpty();
    }

    @Test
    @DisplayName("when the audit entry cannot be written, the plan, review and action are not saved either")
    void changeAndEntryShareTheTransaction() {
        // given an audit trail that refuses plan, review and action entries (a trigger only the schema's owner may add)
        server.database().ownerJdbi().useHandle(h -> {
            h.execute("""
                    create or replace function test_refuse_entry() returns trigger language plpgsql as $$
                    begin raise exception 'audit trail unavailable'; end $$""");
            h.execute("""
                    create trigger test_refuse_entry before insert on audit_event for each row
                    when (new.action in ('plan-version', 'supervisory-review', 'action-add'))
                    execute function test_refuse_entry()""");
        });
        try {
            WebClient dc = server.signedIn("dc.tx", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
            WebClient ds = server.signedIn("ds.tx", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
            dc.get("/investigation/crimes/" + crimeId);
            ds.get("/investigation/crimes/" + crimeId);
            long plans = rows("select count(*) from investigation_plan where crime_id = ?", crimeId);

            // when each change is attempted
            HttpResponse<String> plan = dc.post("/investigation/crimes/" + crimeId + "/plan",
                    Map.of("lines_of_enquiry", "House-to-house"));
            HttpResponse<String> review = ds.post("/investigation/crimes/" + crimeId + "/supervisory-reviews",
                    Map.of("review_note", "Proportionate"));
            HttpResponse<String> action = dc.post("/investigation/crimes/" + crimeId + "/actions", Map.of(
                    "action_description", "Seize CCTV", "action_owner", "dc.tx", "action_due", "2030-01-01"));

            // then each fails, and none of the rows was kept without its entry
            assertThat(List.of(plan, review, action)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(500));
            assertThat(rows("select count(*) from investigation_plan where crime_id = ?", crimeId)).isEqualTo(plans);
            assertThat(rows("select count(*) from supervisory_review where crime_id = ?", crimeId)).isZero();
            assertThat(rows("select count(*) from investigation_action where crime_id = ?", crimeId)).isZero();
        } finally {
            server.database().ownerJdbi().useHandle(h -> h.execute("drop trigger test_refuse_entry on audit_event"));
        }
    }
}
