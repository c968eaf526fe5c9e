package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AccessStore;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Bad requests get clean 4xx answers and forms say what is wrong beside the field")
class BadRequestsTest {

    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.signedIn("admin.bad", Role.ADMINISTRATOR, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a 10 MB request body is refused with 413, and the server carries on")
    void tooLarge() {
        byte[] tenMb = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMb, (byte) 'a');
        String form = admin.rawPost("/admin/users", tenMb, "application/x-www-form-urlencoded", Map.of());
        assertThat(form).startsWith("HTTP/1.1 413");
        String api = admin.rawPost("/api/v1/users", tenMb, "application/json", Map.of("X-CSRF-Token", admin.csrfToken()));
        assertThat(api).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(server.anonymous().get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a malformed JSON body is 400 problem+json that says the JSON is not valid")
    void malformedJson() {
        HttpResponse<String> r = admin.postJson("/api/v1/users", "{\"username\": \"a\", ", Map.of("X-CSRF-Token", admin.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("not valid JSON").doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    @DisplayName("an API field error names the field")
    void apiFieldError() {
        HttpResponse<String> r = admin.postJson("/api/v1/users",
                "{\"username\":\"pc.api\",\"name\":\"PC Api\",\"role\":\"response-officer\",\"password\":\"a sensible passphrase\"}",
                Map.of("X-CSRF-Token", admin.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"errors\":{\"borough\"").contains("local role");
    }

    @Test
    @DisplayName("the API creates a user from valid JSON with 201")
    void apiCreates() {
        HttpResponse<String> r = admin.postJson("/api/v1/users",
                "{\"username\":\"pc.api2\",\"name\":\"PC Api\",\"role\":\"response-officer\",\"borough\":\"E09000001\",\"password\":\"a sensible passphrase\"}",
                Map.of("X-CSRF-Token", admin.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(new AccessStore(server.database().jdbi()).findUser("pc.api2")).isPresent();
    }

    @Test
    @DisplayName("an unknown route is 404: a page for people, problem+json for the API")
    void unknownRoute() {
        HttpResponse<String> page = admin.get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
        HttpResponse<String> api = admin.get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("a record address with letters where its number goes is 404 naming the record, not a server error")
    void nonNumericRecordId() {
        // given a user page addressed by a word instead of a user number
        HttpResponse<String> r = admin.get("/admin/users/seven");
        // then the page says there is no such user, as it would for a number that does not exist
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No user seven");
    }

    @Test
    @DisplayName("the add-user form shows each problem beside its field and keeps what was typed")
    void formErrors() {
        admin.get("/admin/users");
        HttpResponse<String> r = admin.post("/admin/users", Map.of("username", "Bad Name!", "name", "Someone",
                "role", "INVESTIGATOR", "borough", "", "password", "x"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"username-error\"").contains("lower-case letters")
                .contains("value=\"Someone\"");
        admin.get("/admin/users");
        HttpResponse<String> noBorough = admin.post("/admin/users", Map.of("username", "dc.new", "name", "DC New",
                "role", "INVESTIGATOR", "borough", "", "password", "a sensible passphrase"));
        assertThat(noBorough.body()).contains("govuk-form-group--error").contains("choose the borough they work in");
        admin.get("/admin/users");
        HttpResponse<String> weak = admin.post("/admin/users", Map.of("username", "dc.new", "name", "DC New",
                "role", "INVESTIGATOR", "borough", "E09000033", "password", "short"));
        assertThat(weak.body()).contains("id=\"password-error\"").contains("at least 12 characters");
        admin.get("/admin/users");
        HttpResponse<String> ok = admin.post("/admin/users", Map.of("username", "dc.new", "name", "DC New",
                "role", "INVESTIGATOR", "borough", "E09000033", "password", "a sensible passphrase"));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("User dc.new created");
    }

    @Test
    @DisplayName("the audit page rejects a malformed date beside the field")
    void auditDate() {
        HttpResponse<String> r = admin.get("/admin/audit?from=26/11/2026");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"from-error\"").contains("YYYY-MM-DD");
    }

    @Test
    @DisplayName("the sign-in form says which field is missing")
    void signInEmpty() {
        WebClient c = server.anonymous();
        c.get("/sign-in");
        HttpResponse<String> r = c.post("/sign-in", Map.of("username", "", "password", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"username-error\"").contains("Enter your username")
                .contains("id=\"password-error\"").contains("Enter your password");
    }
}
