package org.peel.prevention;

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

@DisplayName("A problem-solving case moves through SARA with linked incidents, partner actions and a before/after comparison")
class ProblemSolvingRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("open, link, act, respond and assess, with errors beside fields and another borough refused")
    void sara() {
        WebClient pc = server.signedIn("pc.sara", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        LocalDate started = LocalDate.now().minusDays(20);
        Map<String, String> headers = Map.of("X-CSRF-Token", pc.csrfToken());
        for (int daysAgo : new int[]{30, 25, 5}) {
            String when = LocalDate.now().minusDays(daysAgo) + "T22:00";
            assertThat(pc.postJson("/api/v1/asb-incidents", """
                    {"category":"environmental","sub_type":"Littering/drug paraphernalia","description":"Needles",
                     "channel":"101","address":"Stairwell B, Test Estate","reported_at":"%s"}""".formatted(when),
                    headers).statusCode()).isEqualTo(201);
        }

        pc.get("/prevention/cases");
        HttpResponse<String> missing = pc.post("/prevention/cases", Map.of("title", "", "subjectType", "place",
                "subject", "Stairwell B"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Give the problem a short title");

        HttpResponse<String> opened = pc.post("/prevention/cases", Map.of("title", "Needles in the stairwell",
                "subjectType", "place", "subject", "Stairwell B, Test Estate", "scanNotes", "Three reports"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String path = opened.headers().firstValue("Location").orElseThrow();
        assertThat(path).startsWith("/prevention/cases/PS-");

        pc.get(path);
        for (String id : new String[]{"ASB-C1", "ASB-C2", "ASB-C3"}) {
            assertThat(pc.post(path + "/incidents", Map.of("incidentId", id)).statusCode()).isEqualTo(302);
        }
        assertThat(pc.post(path + "/incidents", Map.of("incidentId", "ASB-C99")).body())
                .contains("There is no ASB incident ASB-C99");
        assertThat(pc.post(path + "/actions", Map.of("description", "Clear and lock the stairwell", "agency",
                "Housing provider", "owner", "Estate manager", "due", "not a date")).body())
                .contains("Enter the due date as YYYY-MM-DD");
        assertThat(pc.post(path + "/actions", Map.of("description", "Clear and lock the stairwell", "agency",
                "Housing provider", "owner", "Estate manager", "due", LocalDate.now().minusDays(1).toString()))
                .statusCode()).isEqualTo(302);

        assertThat(pc.post(path + "/stage", Map.of("notes", "Users of the flats upstairs")).statusCode()).isEqualTo(302);
        assertThat(pc.post(path + "/stage", Map.of("notes", "Door left open; no lighting",
                "responseStarted", started.toString())).statusCode()).isEqualTo(302);

        String page = pc.get(path).body();
        assertThat(page).contains("Linked incidents (3)").contains("Overdue").contains("Respond");
        // 20 days either side of the start: two incidents before (30 and 25 days ago), one after (5 days ago)
        assertThat(page).contains("2 incidents in the 20 days before the response").contains("1 in the 20 days from its start")
                .contains("-50.0%");

        WebClient camden = server.signedIn("pc.camden", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        assertThat(camden.get(path).statusCode()).isEqualTo(403);
    }
}
