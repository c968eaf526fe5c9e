package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peel.access.Passwords;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Signing in goes only to Peel's own pages, and does not tell which usernames exist")
class SignInTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.user("pc.real", Role.RESPONSE_OFFICER, "E09000033");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "next={0} goes home")
    @ValueSource(strings = {"/\t/evil.com", "//evil.com", "/\\evil.com", "\\/evil.com", "https://evil.com",
            "javascript:alert(1)", "/ /evil.com", "/\n/evil.com", "/\u0000/evil.com", "/x//evil.com", "evil.com",
            "/\u00a0/evil.com", ""})
    @DisplayName("anything but a plain local path falls back to /")
    void unsafeNext(String next) {
        assertThat(SignInRoutes.safeNext(next)).isEqualTo("/");
    }

    @ParameterizedTest(name = "next={0} is kept")
    @ValueSource(strings = {"/", "/investigation/crimes/CRP12", "/people/search?q=smith&page=2", "/measure/force-in-numbers"})
    @DisplayName("a plain local path is kept")
    void safeNext(String next) {
        assertThat(SignInRoutes.safeNext(next)).isEqualTo(next);
    }

    @Test
    @DisplayName("next=/%09/evil.com on a real sign-in redirects to /, not to //evil.com")
    void tabInNext() {
        WebClient c = server.anonymous();
        c.get("/sign-in?next=/%09/evil.com");
        HttpResponse<String> r = c.post("/sign-in", Map.of("username", "pc.real", "password", TestServer.PASSWORD,
                "next", "/\t/evil.com"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
    }

    @Test
    @DisplayName("an unknown username costs the same Argon2id verification as a real one with a wrong password")
    void sameWorkForUnknownUsers() {
        WebClient c = server.anonymous();
        c.get("/sign-in");
        long before = Passwords.verifications();
        assertThat(c.post("/sign-in", Map.of("username", "no.such.person", "password", "a wrong password"))
                .statusCode()).isEqualTo(401);
        long unknown = Passwords.verifications() - before;
        c.get("/sign-in");
        before = Passwords.verifications();
        assertThat(c.post("/sign-in", Map.of("username", "pc.real", "password", "a wrong password"))
                .statusCode()).isEqualTo(401);
        long known = Passwords.verifications() - before;
        assertThat(unknown).isEqualTo(known).isEqualTo(1);
    }

    @Test
    @DisplayName("a failed username is not kept verbatim in the audit trail, yet repeated attempts with it can be grouped")
    void failedUsernameNotStored() {
        String typed = "my-secret-passphrase-typed-in-the-wrong-box";
        for (int i = 0; i < 2; i++) {
            WebClient c = server.anonymous();
            c.get("/sign-in");
            c.post("/sign-in", Map.of("username", typed, "password", "anything at all"));
        }
        List<String> kept = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select coalesce(username, '') || ' ' || coalesce(detail, '') || ' ' || coalesce(record_id, '')
                        from audit_event where action = 'sign-in' and user_id is null""").mapTo(String.class).list());
        assertThat(kept).hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> assertThat(row).doesNotContain("passphrase"));
        List<String> names = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select username from audit_event where action = 'sign-in' and user_id is null
                        order by id desc limit 2""").mapTo(String.class).list());
        assertThat(names.get(0)).startsWith("unknown:").isEqualTo(names.get(1));
    }
}
