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
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Forensic and digital requests over HTTP: from the crime's page to the queues and back")
class ForensicRequestsTest {

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

    /** A domestic common assault: screened in at medium priority. */
    private String recordCrime(WebClient dc) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("offence", "VIOLENCE_WITHOUT_INJURY");
        f.put("committed", "2024-03-01 21:15");
        f.put("borough", Fixtures.WESTMINSTER);
        f.put("domestic_abuse", "on");
        f.put("victim_forenames", "Alex");
        f.put("victim_surname", "Example");
        f.put("personal_statement", "OFFERED");
        dc.get("/investigation/crimes/new");
        String page = dc.post("/investigation/crimes", f).body();
        return page.replaceAll("(?s).*Reference <strong>(CRP\\d+)</strong>.*", "$1");
    }

    private String text(String sql, Object... args) {
        return server.database().jdbi().withHandle(h -> h.select(sql, args).mapTo(String.class).one());
    }

    private long count(String sql, Object... args) {
        return server.database().jdbi().withHandle(h -> h.select(sql, args).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("A phone on a medium-priority crime goes to the kiosk, waits on the crime's page and the queue, and completing it sets the median wait")
    void phoneToKioskAndBack() {
        WebClient dc = server.signedIn("dc.forensic", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        String crimeId = recordCrime(dc);
        assertThat(text("select priority from crime_screening where crime_id = ?", crimeId)).isEqualTo("MEDIUM");
        assertThat(dc.get("/investigation/crimes/" + crimeId).body()).contains("Forensic and digital requests")
                .contains("data-testid=\"forensic-none\"");

        HttpResponse<String> missing = dc.post("/investigation/crimes/" + crimeId + "/forensic",
                Map.of("item_type", "MOBILE_PHONE", "item_description", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"item_description-error\"");

        HttpResponse<String> sent = dc.post("/investigation/crimes/" + crimeId + "/forensic",
                Map.of("item_type", "MOBILE_PHONE", "item_description", "Victim's phone, exhibit AE/1"));
        assertThat(sent.statusCode()).isEqualTo(302);
        long id = count("select id from forensic_request where crime_id = ?", crimeId);
        assertThat(text("select route || ' ' || rule_version from forensic_request where id = ?", id))
                .isEqualTo("KIOSK " + ForensicTriage.RULE_VERSION);
        assertThat(count("select count(*) from audit_event where action = 'forensic-request' and record_id = ?", crimeId)).isEqualTo(1);

        // three days on
        server.database().jdbi().useHandle(h -> h.execute(
                "update forensic_request set requested_at = requested_at - interval '3 days' where id = ?", id));
        String crimePage = dc.get("/investigation/crimes/" + crimeId).body();
        assertThat(crimePage).contains("data-testid=\"forensic-waiting\"").contains("Victim's phone, exhibit AE/1")
                .contains("at the self-service kiosk, requested, waiting 3 days").contains("Overdue");

        WebClient sup = server.signedIn("ds.forensic", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        String queue = sup.get("/investigation/forensic").body();
        assertThat(queue).contains("data-testid=\"queue-KIOSK\"").contains("data-testid=\"queue-CENTRAL_UNIT-empty\"")
                .contains(crimeId).contains("3 days of 2").contains("Overdue");
        assertThat(queue.replaceAll("(?s).*data-testid=\"median-KIOSK\">([^<]*)<.*", "$1")).isEqualTo("none completed");

        assertThat(sup.post("/investigation/forensic/" + id + "/start", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> noResult = sup.post("/investigation/forensic/" + id + "/complete", Map.of("result_" + id, ""));
        assertThat(noResult.statusCode()).isEqualTo(400);
        assertThat(noResult.body()).contains("id=\"result_" + id + "-error\"").contains("Summarise the result");
        assertThat(sup.post("/investigation/forensic/" + id + "/complete",
                Map.of("result_" + id, "Messages from the suspect downloaded")).statusCode()).isEqualTo(302);

        String after = sup.get("/investigation/forensic").body();
        assertThat(after).contains("data-testid=\"queue-KIOSK-empty\"");
        assertThat(after.replaceAll("(?s).*data-testid=\"median-KIOSK\">([^<]*)<.*", "$1")).isEqualTo("3.0 days");
        String closed = dc.get("/investigation/crimes/" + crimeId).body();
        assertThat(closed).doesNotContain("data-testid=\"forensic-waiting\"").contains("Complete: Messages from the suspect downloaded");
        // each status change kept the version before it
        assertThat(count("select count(*) from record_history where table_name = 'forensic_request' and record_id = ?",
                String.valueOf(id))).isEqualTo(3);
        assertThat(sup.post("/investigation/forensic/" + id + "/cancel", Map.of("reason_" + id, "Too late")).statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("A computer goes to the central unit; a request can be cancelled with a reason")
    void computerToCentralAndCancel() {
        WebClient dc = server.signedIn("dc.computer", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        String crimeId = recordCrime(dc);
        dc.get("/investigation/crimes/" + crimeId);
        assertThat(dc.post("/investigation/crimes/" + crimeId + "/forensic",
                Map.of("item_type", "COMPUTER", "item_description", "Suspect's laptop, exhibit AE/2")).statusCode()).isEqualTo(302);
        long id = count("select id from forensic_request where crime_id = ?", crimeId);
        String queue = dc.get("/investigation/forensic").body();
        assertThat(queue).contains("data-testid=\"queue-CENTRAL_UNIT\"").contains("0 days of 30");
        assertThat(dc.post("/investigation/forensic/" + id + "/cancel", Map.of("reason_" + id, "")).body())
                .contains("id=\"reason_" + id + "-error\"");
        assertThat(dc.post("/investigation/forensic/" + id + "/cancel", Map.of("reason_" + id, "Returned to owner unexamined"))
                .statusCode()).isEqualTo(302);
        assertThat(dc.get("/investigation/crimes/" + crimeId).body()).contains("Cancelled: Returned to owner unexamined");
    }

    @Test
    @DisplayName("A read-only inspector sees the queues but cannot request an examination or change one")
    void inspectorCannotRequest() {
        WebClient dc = server.signedIn("dc.insp", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        String crimeId = recordCrime(dc);
        dc.get("/investigation/crimes/" + crimeId);
        dc.post("/investigation/crimes/" + crimeId + "/forensic", Map.of("item_type", "CCTV", "item_description", "Shop CCTV"));
        long id = count("select id from forensic_request where crime_id = ?", crimeId);

        WebClient inspector = server.signedIn("hmicfrs", Role.INSPECTOR, null);
        assertThat(inspector.get("/investigation/forensic").statusCode()).isEqualTo(200);
        inspector.get("/investigation/crimes/" + crimeId);
        assertThat(inspector.post("/investigation/crimes/" + crimeId + "/forensic",
                Map.of("item_type", "MOBILE_PHONE", "item_description", "Another phone", "purpose", "inspection")).statusCode())
                .isEqualTo(403);
        assertThat(inspector.post("/investigation/forensic/" + id + "/start", Map.of()).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from forensic_request where crime_id = ?", crimeId)).isEqualTo(1);
        assertThat(count("select count(*) from forensic_request where status = 'requested'")).isEqualTo(1);
    }
}
