package org.peel.organisedcrime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;
import org.peel.web.ApiJson;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The gangs matrix read API: only people on the matrix, victims never as perpetrators, access and audit")
class GangApiTest {

    private static final String PURPOSE = "purpose=Gangs%20review";
    private static final LocalDate TODAY = LocalDate.now();
    private static TestServer server;
    private static String perpetrator;
    private static String victimOnly;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var jdbi = server.database().jdbi();
        User analyst = server.user("gang.api", Role.INTELLIGENCE_ANALYST, null);
        GangMatrix matrix = new GangMatrix(new GangStore(jdbi), new AuditTrail(jdbi),
                new SharingStore(jdbi, new AuditTrail(jdbi), Clock.systemDefaultZone()), GangMatrix.Settings.defaults(),
                Clock.systemDefaultZone());
        // two sources of perpetrator involvement, and once a victim: on the matrix, the victim kept apart
        perpetrator = matrix.consider(analyst, nominal("Perpone"), List.of(
                new GangHarmAssessment.Involvement("weapons", GangHarmAssessment.Role.PERPETRATOR,
                        TODAY.minusMonths(2), "crime P1"),
                new GangHarmAssessment.Involvement("weapons", GangHarmAssessment.Role.PERPETRATOR,
                        TODAY.minusMonths(1), "intelligence P2"),
                new GangHarmAssessment.Involvement("violence", GangHarmAssessment.Role.VICTIM,
                        TODAY.minusMonths(3), "crime V9")), "127.0.0.1");
        // only ever a victim: scores 0, never on the matrix
        victimOnly = matrix.consider(analyst, nominal("Victimonly"), List.of(
                new GangHarmAssessment.Involvement("weapons", GangHarmAssessment.Role.VICTIM, TODAY.minusMonths(2),
                        "crime V1"),
                new GangHarmAssessment.Involvement("violence", GangHarmAssessment.Role.VICTIM, TODAY.minusMonths(1),
                        "crime V2")), "127.0.0.1");
    }

    private static GangMatrix.NewNominal nominal(String surname) {
        return new GangMatrix.NewNominal("Test", surname, TODAY.minusYears(19), "M", "Not stated", "Api Boys", null,
                Fixtures.WESTMINSTER, "DPIA-T-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient analyst() {
        WebClient c = server.anonymous();
        c.signIn("gang.api", TestServer.PASSWORD);
        return c;
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiJson.MAPPER.readTree(r.body());
    }

    @Test
    @DisplayName("the list holds the person on the matrix and not the one who was only ever a victim")
    void listOnlyOnMatrix() throws Exception {
        JsonNode list = json(analyst().get("/api/v1/gangs-matrix?" + PURPOSE));
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        assertThat(ids).contains(perpetrator).doesNotContain(victimOnly);
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("gang.api", "gang-matrix", null, null, null, null), 10))
                .anyMatch(e -> e.action().equals("view") && "Gangs review".equals(e.purpose()));
    }

    @Test
    @DisplayName("a person's entry gives perpetrator and victim involvements apart; a victim only is not found")
    void personApart() throws Exception {
        JsonNode p = json(analyst().get("/api/v1/gangs-matrix/" + perpetrator + "?" + PURPOSE));
        assertThat(p.path("as_perpetrator")).hasSize(2);
        assertThat(p.path("as_perpetrator").toString()).contains("crime P1", "intelligence P2")
                .doesNotContain("crime V9");
        assertThat(p.path("as_victim")).hasSize(1);
        assertThat(p.path("as_victim").get(0).path("source").asText()).isEqualTo("crime V9");
        assertThat(p.path("harm_score").asInt()).isPositive();
        assertThat(analyst().get("/api/v1/gangs-matrix/" + victimOnly + "?" + PURPOSE).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a partner and a neighbourhood officer are refused, and the refusals are audited")
    void refused() {
        WebClient partner = server.signedIn("partner.g", Role.PARTNER, Fixtures.WESTMINSTER);
        assertThat(partner.get("/api/v1/gangs-matrix?" + PURPOSE).statusCode()).isEqualTo(403);
        WebClient pc = server.signedIn("pc.g", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.get("/api/v1/gangs-matrix/" + perpetrator + "?" + PURPOSE);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Perpone");
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("pc.g", null, null, null, null, null), 10))
                .anyMatch(e -> e.action().equals("access-denied"));
    }
}
