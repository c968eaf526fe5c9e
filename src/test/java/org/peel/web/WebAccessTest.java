package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.testing.Fixtures.CAMDEN;
import static org.peel.testing.Fixtures.WESTMINSTER;

@DisplayName("Signing in, need to know, and the audit of both, over HTTP")
class WebAccessTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private AuditTrail trail() {
        return new AuditTrail(server.database().jdbi());
    }

    @Test
    @DisplayName("GET /health answers 200 {status: ok} while the database is reachable")
    void health() {
        HttpResponse<String> r = server.anonymous().get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    @DisplayName("GET /api/v1/me without credentials is 401 problem+json, and the refusal is in the audit trail")
    void meUnauthenticated() {
        long before = trail().countSince("access-denied", java.time.Instant.EPOCH);
        HttpResponse<String> r = server.anonymous().get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":401");
        var denied = trail().search(new AuditTrail.Filter(null, null, null, null, null, "access-denied"), 50);
        assertThat(trail().countSince("access-denied", java.time.Instant.EPOCH)).isEqualTo(before + 1);
        assertThat(denied.get(0).detail()).isEqualTo("GET /api/v1/me: not signed in");
    }

    @Test
    @DisplayName("a signed-in user sees who they are at /api/v1/me")
    void me() {
        WebClient pc = server.signedIn("pc.me", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
        HttpResponse<String> r = pc.get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"username\":\"pc.me\"").contains("\"role\":\"neighbourhood-officer\"")
                .contains("\"borough\":\"" + WESTMINSTER + "\"");
    }

    @Test
    @DisplayName("a bearer token authenticates API calls; a wrong one is 401")
    void bearer() {
        var user = server.user("integration", Role.PERFORMANCE_ANALYST, null);
        String token = server.database().jdbi().inTransaction(h ->
                new AccessStore(server.database().jdbi()).createToken(h, user.id(), "test"));
        WebClient c = server.anonymous();
        assertThat(c.getWithHeader("/api/v1/me", "Authorization", "Bearer " + token).body())
                .contains("\"username\":\"integration\"");
        assertThat(c.getWithHeader("/api/v1/me", "Authorization", "Bearer peel_wrong").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a page outside the user's role is 403, and the refusal is audited with who, what and why")
    void forbiddenByRole() {
        WebClient pc = server.signedIn("pc.role", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
        HttpResponse<String> r = pc.get("/admin/audit");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("You do not have access").doesNotContain("Exception");
        var entries = trail().search(new AuditTrail.Filter("pc.role", null, null, null, null, "access-denied"), 5);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.role()).isEqualTo("neighbourhood-officer");
            assertThat(e.detail()).contains("/admin/audit").contains("no access to Administration");
        });
    }

    @Test
    @DisplayName("an unsigned-in browser is sent to sign in, and comes back to the page it asked for")
    void redirectToSignIn() {
        HttpResponse<String> r = server.anonymous().get("/admin/audit");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).isEqualTo("/sign-in?next=%2Fadmin%2Faudit");
    }

    @Test
    @DisplayName("five wrong passwords lock the account; the right password is then refused, and all is audited")
    void lockout() {
        server.user("pc.lock", Role.RESPONSE_OFFICER, CAMDEN);
        WebClient c = server.anonymous();
        for (int i = 0; i < AccessStore.LOCK_AFTER; i++) {
            c.get("/sign-in");
            assertThat(c.post("/sign-in", Map.of("username", "pc.lock", "password", "wrong password " + i))
                    .statusCode()).isEqualTo(401);
        }
        c.get("/sign-in");
        HttpResponse<String> r = c.post("/sign-in", Map.of("username", "pc.lock", "password", TestServer.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(423);
        assertThat(r.body()).contains("locked");
        var failures = trail().search(new AuditTrail.Filter("pc.lock", null, null, null, null, "sign-in"), 10);
        assertThat(failures).hasSize(AccessStore.LOCK_AFTER + 1).allMatch(e -> e.outcome().equals("failure"));
    }

    @Test
    @DisplayName("a successful sign-in sets an HttpOnly, Secure, SameSite session cookie and is audited")
    void cookie() {
        server.user("pc.cookie", Role.RESPONSE_OFFICER, CAMDEN);
        WebClient c = server.anonymous();
        c.get("/sign-in");
        HttpResponse<String> r = c.post("/sign-in", Map.of("username", "pc.cookie", "password", TestServer.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("peel_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        assertThat(trail().search(new AuditTrail.Filter("pc.cookie", null, null, null, null, "sign-in"), 5))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("success"));
    }

    @Test
    @DisplayName("signing out ends the session: the old cookie no longer opens pages")
    void signOut() {
        WebClient c = server.signedIn("pc.out", Role.RESPONSE_OFFICER, CAMDEN);
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        assertThat(c.post("/sign-out", Map.of()).statusCode()).isEqualTo(302);
        assertThat(c.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a form posted without the session's CSRF token is refused")
    void csrf() {
        WebClient admin = server.signedIn("admin.csrf", Role.ADMINISTRATOR, null);
        admin.get("/admin/users");
        HttpResponse<String> r = admin.post("/admin/users", Map.of("_csrf", "forged", "username", "x.y", "name", "X",
                "role", "INSPECTOR", "password", "a sensible passphrase"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.anonymous().get("/health").statusCode()).isEqualTo(200);
        assertThat(new AccessStore(server.database().jdbi()).findUser("x.y")).isEmpty();
    }

    @Test
    @DisplayName("the home page shows each role its own sections and nothing else")
    void homePerRole() {
        WebClient pc = server.signedIn("pc.home", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
        String body = pc.get("/").body();
        assertThat(body).contains("Needs your attention").contains("href=\"/prevention\"").contains("href=\"/vulnerability\"")
                .doesNotContain("href=\"/admin\"").doesNotContain("href=\"/organised-crime\"");
        assertThat(pc.get("/prevention").statusCode()).isEqualTo(200);
        assertThat(pc.get("/organised-crime").statusCode()).isEqualTo(403);
    }
}
