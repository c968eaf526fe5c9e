package org.peel.organisedcrime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;
import org.peel.web.ApiJson;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The organised crime tasks API: bearer tokens, the same access as the pages, and every step audited")
class OcgTaskApiTest {

    private static final String DUE = LocalDate.now().plusDays(14).toString();
    private static TestServer server;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        OcgFixtures.group(server.database().jdbi(), "T-1", "Token Firm", Fixtures.WESTMINSTER, "drugs supply", false,
                "none", false, false, "local", LocalDate.now().minusYears(1), 3, 1);
        token("api.analyst", Role.INTELLIGENCE_ANALYST, null);
        token("api.pc", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        token("api.pc.camden", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        token("api.di", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
    }

    private static void token(String username, Role role, String borough) {
        User u = server.user(username, role, borough);
        TOKENS.put(username, server.database().jdbi().inTransaction(h ->
                new AccessStore(server.database().jdbi()).createToken(h, u.id(), "test")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> bearer(String username) {
        return Map.of("Authorization", "Bearer " + TOKENS.get(username), "X-Peel-Purpose", "Operation Token");
    }

    private static HttpResponse<String> get(String username, String path) {
        return server.anonymous().getWithHeader(path + (path.contains("?") ? "&" : "?") + "purpose=Operation%20Token",
                "Authorization", "Bearer " + TOKENS.get(username));
    }

    private static HttpResponse<String> post(String username, String path, String json) {
        WebClient c = server.anonymous();
        return c.postJson(path, json, bearer(username));
    }

    private static String newTask(String action, String due) {
        return "{\"action\": \"" + action + "\", \"reason\": \"Graded 2/B/P\", \"due_on\": \"" + due + "\"}";
    }

    private static boolean audited(String username, String action) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, null), 50).stream()
                .anyMatch(e -> e.action().equals(action));
    }

    @Test
    @DisplayName("an analyst gives a task to the group's borough team; the Westminster officer reads and completes it;"
            + " a Camden officer does not see it; each step audited")
    void giveReadComplete() throws Exception {
        HttpResponse<String> given = post("api.analyst", "/api/v1/ocg-groups/T-1/tasks",
                newTask("Speak to the shop keepers", DUE));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        JsonNode task = ApiJson.MAPPER.readTree(given.body());
        long id = task.path("id").asLong();
        assertThat(task.path("borough_code").asText()).isEqualTo(Fixtures.WESTMINSTER);
        assertThat(task.path("against").asText()).isEqualTo("the group");
        assertThat(task.path("status").asText()).isEqualTo("open");
        assertThat(audited("api.analyst", "ocg.task")).isTrue();

        HttpResponse<String> list = get("api.pc", "/api/v1/ocg-tasks");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("Speak to the shop keepers");
        assertThat(audited("api.pc", "view")).isTrue();
        assertThat(get("api.pc.camden", "/api/v1/ocg-tasks").body()).doesNotContain("Speak to the shop keepers");
        assertThat(get("api.pc.camden", "/api/v1/ocg-tasks/" + id).statusCode()).isEqualTo(403);

        HttpResponse<String> done = post("api.pc", "/api/v1/ocg-tasks/" + id + "/complete",
                "{\"result\": \"Two shop keepers spoke to us\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(ApiJson.MAPPER.readTree(done.body()).path("status").asText()).isEqualTo("completed");
        assertThat(audited("api.pc", "ocg.task.complete")).isTrue();
        assertThat(post("api.pc", "/api/v1/ocg-tasks/" + id + "/complete", "{\"result\": \"again\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("a task due in the past is refused 400 naming due_on, and nothing is recorded")
    void badDate() {
        HttpResponse<String> r = post("api.analyst", "/api/v1/ocg-groups/T-1/tasks",
                newTask("Too late", LocalDate.now().minusDays(1).toString()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("due_on");
        assertThat(new OcgStore(server.database().jdbi()).tasksOf("T-1")).noneMatch(t -> t.action().equals("Too late"));
    }

    @Test
    @DisplayName("an investigator who does not lead the group may not task for it; once named its lead officer, may")
    void leadOfficerByApi() {
        assertThat(post("api.di", "/api/v1/ocg-groups/T-1/tasks", newTask("Watch the garage", DUE)).statusCode())
                .isEqualTo(403);
        assertThat(audited("api.di", "access-denied")).isTrue();
        server.database().jdbi().useHandle(h -> h.execute("update ocg set lead_officer_username = 'api.di'"
                + " where id = 'T-1'"));
        try {
            assertThat(post("api.di", "/api/v1/ocg-groups/T-1/tasks", newTask("Watch the garage", DUE)).statusCode())
                    .isEqualTo(201);
            assertThat(get("api.di", "/api/v1/ocg-tasks").body()).contains("Watch the garage");
        } finally {
            server.database().jdbi().useHandle(h -> h.execute("update ocg set lead_officer_username = null"
                    + " where id = 'T-1'"));
        }
    }
}
