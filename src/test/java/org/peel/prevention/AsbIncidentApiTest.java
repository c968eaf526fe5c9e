package org.peel.prevention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /api/v1/asb-incidents/{id} reads back what the POST created, within the caller's borough, audited")
class AsbIncidentApiTest {

    private static final String CALL = """
            {"category":"personal","sub_type":"Rowdy/nuisance neighbours","description":"Shouting at the door",
             "channel":"101","address":"1 Test Street","victim_surname":"Lovelace","victim_forenames":"Ada",
             "victim_dob":"1985-12-10","caller_is_victim":"yes","targeted":"yes","impact":"severe","duration":"months",
             "vulnerability":"disability"}""";

    private static TestServer server;
    private static String location;

    @BeforeAll
    static void recordOne() {
        server = TestServer.start();
        WebClient pc = server.signedIn("pc.asbget", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> created = pc.postJson("/api/v1/asb-incidents", CALL, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        location = created.headers().firstValue("Location").orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("the POST's Location answers 200 with the incident, its victim, the risk assessment and the flags")
    void locationResolves() {
        WebClient pc = server.signedIn("pc.asbget2", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.get(location);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(r.body()).contains("\"id\":\"" + id + "\"").contains("\"category\":\"personal\"")
                .contains("\"sub_type\":\"Rowdy/nuisance neighbours\"").contains("\"borough_code\":\"E09000033\"")
                .contains("\"surname\":\"Lovelace\"").contains("\"date_of_birth\":\"1985-12-10\"")
                .contains("\"rule_version\":\"asb-risk-1\"").contains("\"grade\":\"");
        assertThat(audits("view", id)).contains("pc.asbget2 success");
    }

    @Test
    @DisplayName("an officer of another borough is refused 403 and the refusal is audited; an unknown id is 404")
    void otherBorough() {
        WebClient camden = server.signedIn("pc.camden.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(camden.get(location).statusCode()).isEqualTo(403);
        assertThat(audits("access-denied", id)).contains("pc.camden.asb denied");
        assertThat(camden.get("/api/v1/asb-incidents/ASB-C999999").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a role that must state a purpose is refused without one and let in with it, the purpose audited")
    void purpose() {
        WebClient analyst = server.signedIn("ia.asbget", Role.INTELLIGENCE_ANALYST, null);
        assertThat(analyst.get(location).statusCode()).isEqualTo(403);
        HttpResponse<String> r = analyst.getWithHeader(location, "X-Peel-Purpose", "problem profile for the ward");
        assertThat(r.statusCode()).isEqualTo(200);
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<String> purposes = server.database().jdbi().withHandle(h -> h.createQuery(
                        "select purpose from audit_event where action = 'view' and record_id = :id and username = 'ia.asbget'")
                .bind("id", id).mapTo(String.class).list());
        assertThat(purposes).containsExactly("problem profile for the ward");
    }

    private static List<String> audits(String action, String id) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select username || ' ' || outcome from audit_event where action = :a and record_id = :id")
                .bind("a", action).bind("id", id).mapTo(String.class).list());
    }
}
