package org.peel.offenders;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.offenders.IomTestData.CAMDEN;

@DisplayName("Diversion pages: referrals and outcomes recorded with checks, access and audit; reoffending beside a matched group")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiversionRoutesTest {

    static TestServer server;
    static WebClient camdenManager;
    static WebClient westminsterManager;
    static WebClient camdenNeighbourhood;
    static WebClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), IomTestData.NEW_YEAR_2025);
        IomTestData.seed(server.database().jdbi());
        // OFB (born 1990) shoplifted on 2024-05-01; OFC (born 1995) on 2024-04-01 and again on 2024-08-01
        server.database().jdbi().useTransaction(h -> {
            h.execute("update person_record set date_of_birth = '1990-01-01', sex = 'F' where source_id = 'OFB'");
            h.execute("update person_record set date_of_birth = '1995-05-05' where source_id = 'OFC'");
            h.execute("insert into offending_history (offender_id, seq, offence_on, offence_group, disposal) values"
                    + " ('OFB', 2, '2024-05-01', 'Shoplifting', 'Adult caution'),"
                    + " ('OFC', 2, '2024-04-01', 'Shoplifting', 'Adult caution'),"
                    + " ('OFC', 3, '2024-08-01', 'Shoplifting', 'Charged/summonsed')");
        });
        lead = server.signedIn("iom.lead", Role.PUBLIC_PROTECTION_OFFICER, null);
        camdenManager = server.signedIn("om.camden", Role.OFFENDER_MANAGER, CAMDEN);
        westminsterManager = server.signedIn("om.west", Role.OFFENDER_MANAGER, IomTestData.WESTMINSTER);
        camdenNeighbourhood = server.signedIn("pc.camden", Role.NEIGHBOURHOOD_OFFICER, CAMDEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String audited(String action) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select string_agg(username || ' ' || outcome, ',') from audit_event where action = :a")
                .bind("a", action).mapTo(String.class).one());
    }

    @Test
    @Order(1)
    @DisplayName("a referral is recorded with its reason and audited; wrong schemes and other boroughs are refused")
    void refer() {
        String page = "/investigation/offenders/diversion";
        assertThat(camdenManager.get(page).statusCode()).isEqualTo(200);
        // OFB was 34 on the day: not a child, so not youth diversion
        HttpResponse<String> youth = camdenManager.post(page, Map.of("offenderId", "OFB", "scheme", "youth",
                "referredOn", "2024-06-01", "reason", "Shoplifting to feed a habit"));
        assertThat(youth.statusCode()).isEqualTo(400);
        assertThat(youth.body()).contains("href=\"#scheme\"").contains("this person was 34");
        HttpResponse<String> noReason = camdenManager.post(page, Map.of("offenderId", "OFB", "scheme",
                "drugs-alcohol", "referredOn", "2024-06-01", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");
        // Westminster's manager may not refer a Camden offender
        westminsterManager.get(page);
        assertThat(westminsterManager.post(page, Map.of("offenderId", "OFB", "scheme", "drugs-alcohol",
                "referredOn", "2024-06-01", "reason", "Shoplifting to feed a habit")).statusCode()).isEqualTo(403);
        assertThat(camdenManager.post(page, Map.of("offenderId", "OFB", "scheme", "drugs-alcohol",
                "referredOn", "2024-06-01", "reason", "Shoplifting to feed a habit")).statusCode()).isEqualTo(302);
        assertThat(audited("diversion-referral.record")).isEqualTo("om.camden success");
        String list = camdenManager.get(page).body();
        assertThat(list).contains("Shoplifting to feed a habit").contains("Bea Baker");
        assertThat(westminsterManager.get(page).body()).doesNotContain("Shoplifting to feed a habit");
        assertThat(camdenNeighbourhood.get(page).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    @DisplayName("an outcome is recorded once, not before the referral, and shown in the list and the counts")
    void outcome() {
        long id = new DiversionStore(server.database().jdbi()).referrals(CAMDEN, 10).get(0).id();
        String path = "/investigation/offenders/diversion/" + id + "/outcome";
        camdenManager.get("/investigation/offenders/diversion");
        HttpResponse<String> early = camdenManager.post(path, Map.of("outcome", "completed", "outcomeOn", "2024-05-01",
                "notes", ""));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("before the referral");
        assertThat(camdenManager.post(path, Map.of("outcome", "completed", "outcomeOn", "2024-09-01",
                "notes", "Finished the twelve-week course")).statusCode()).isEqualTo(302);
        assertThat(audited("diversion-referral.outcome")).isEqualTo("om.camden success");
        assertThat(camdenManager.post(path, Map.of("outcome", "declined", "outcomeOn", "2024-09-02", "notes", ""))
                .body()).contains("already recorded");
        String list = camdenManager.get("/investigation/offenders/diversion").body();
        assertThat(list).contains("Completed the scheme").contains("Finished the twelve-week course");
        assertThat(list).containsPattern("data-scheme=\"drugs-alcohol\">[\\s\\S]*?>0</td>\\s*<td[^>]*>0</td>\\s*<td[^>]*>1</td>");
    }

    @Test
    @Order(3)
    @DisplayName("reoffending: OFB, referred on 2024-06-01, against OFC, never referred, in the same stratum")
    void reoffending() {
        // on 2024-06-01 both are in score band "under 10" (OFB: 2 days × ½^(31/365) = 1.89; OFC: 2 × ½^(61/365)
        // = 1.78), age band 25-34 (34 and 29) and last offence Shoplifting; OFD and OFA have no shoplifting.
        // In the 180 days after (to 2024-11-28) OFB did not offend, OFC did once (2024-08-01).
        String page = lead.get("/investigation/offenders/diversion/reoffending").body();
        assertThat(page).contains("same <strong>harm score band</strong>");
        assertThat(page).containsPattern("All schemes</th>\\s*<td[^>]*>1</td>\\s*<td[^>]*>0.0%</td>\\s*<td[^>]*>100.0%</td>"
                + "\\s*<td[^>]*>0.00</td>\\s*<td[^>]*>1.00</td>");
        assertThat(camdenNeighbourhood.get("/investigation/offenders/diversion/reoffending").statusCode()).isEqualTo(403);
        assertThat(lead.get("/investigation/offenders/diversion/reoffending?windowDays=abc").statusCode()).isEqualTo(400);
    }
}
