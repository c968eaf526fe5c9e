package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Administration: adding a user is audited once, by the change itself, after its input is checked")
class AdminChangeAuditTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<AuditTrail.Entry> entries(String username) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, null), 100);
    }

    @Test
    @DisplayName("a user refused for a bad role leaves no change entry; a user added leaves one user-create entry and no 'change'")
    void addUser() {
        // given an administrator on the users page
        WebClient admin = server.signedIn("admin.audit", Role.ADMINISTRATOR, null);
        admin.get("/admin/users");

        // when they add a user with a role that does not exist
        HttpResponse<String> bad = admin.post("/admin/users", Map.of("username", "pc.new", "name", "PC New",
                "role", "CONSTABLE", "borough", "", "password", TestServer.PASSWORD));

        // then the form is refused and the trail holds no change
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(entries("admin.audit")).noneSatisfy(e -> assertThat(e.action()).isIn("change", "user-create"));

        // when they add a real one
        HttpResponse<String> good = admin.post("/admin/users", Map.of("username", "ia.new", "name", "IA New",
                "role", "INTELLIGENCE_ANALYST", "borough", "", "password", TestServer.PASSWORD));

        // then exactly the change's own entry is written
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(entries("admin.audit")).filteredOn(e -> e.action().equals("user-create")).hasSize(1);
        assertThat(entries("admin.audit")).noneSatisfy(e -> assertThat(e.action()).isEqualTo("change"));
    }

    @Test
    @DisplayName("an administrator edits, disables, enables, unlocks and resets a user; each change is audited once, never with the password")
    void editDisableUnlockReset() {
        // given a response officer in Westminster, locked out after five failed sign-ins
        var pc = server.user("pc.edited", Role.RESPONSE_OFFICER, org.peel.testing.Fixtures.WESTMINSTER);
        WebClient stranger = server.anonymous();
        for (int i = 0; i < 5; i++) {
            stranger.get("/sign-in");
            stranger.post("/sign-in", Map.of("username", "pc.edited", "password", "wrong password 123"));
        }
        WebClient admin = server.signedIn("admin.users", Role.ADMINISTRATOR, null);
        String page = "/admin/users/" + pc.id();
        assertThat(admin.get(page).body()).contains("Locked");

        // when the administrator makes them a neighbourhood officer with no borough, the form says what is missing
        HttpResponse<String> bad = admin.post(page, Map.of("name", "PC Edited", "role", "NEIGHBOURHOOD_OFFICER", "borough", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"borough-error\"");

        // and with the borough, the change is saved and audited with what changed
        assertThat(admin.post(page, Map.of("name", "PC Edited", "role", "NEIGHBOURHOOD_OFFICER",
                "borough", org.peel.testing.Fixtures.WESTMINSTER)).statusCode()).isEqualTo(200);
        assertThat(admin.post(page + "/unlock", Map.of()).body()).contains("Account unlocked");
        HttpResponse<String> reset = admin.post(page + "/password", Map.of("password", ""));
        assertThat(reset.body()).contains("The new password, shown once");
        String password = reset.body().replaceAll("(?s).*shown once: ([^<\\s]+).*", "$1");
        assertThat(admin.post(page + "/disable", Map.of("reason", "")).statusCode()).isEqualTo(400);
        assertThat(admin.post(page + "/disable", Map.of("reason", "Left the force")).body()).contains("Account disabled");

        // then the user cannot sign in while disabled, and can again once enabled, with the new password
        WebClient officer = server.anonymous();
        officer.get("/sign-in");
        assertThat(officer.post("/sign-in", Map.of("username", "pc.edited", "password", password)).statusCode())
                .isNotEqualTo(302);
        assertThat(admin.post(page + "/enable", Map.of("reason", "Rejoined")).statusCode()).isEqualTo(200);
        officer.get("/sign-in");
        assertThat(officer.post("/sign-in", Map.of("username", "pc.edited", "password", password)).statusCode()).isEqualTo(302);

        List<AuditTrail.Entry> trail = new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("admin.users", "user", String.valueOf(pc.id()), null, null, null), 100);
        assertThat(trail).extracting(AuditTrail.Entry::action).containsExactlyInAnyOrder(
                "user-edit", "user-unlock", "user-password-reset", "user-disable", "user-enable");
        assertThat(trail).filteredOn(e -> e.action().equals("user-edit")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("role response-officer to neighbourhood-officer"));
        assertThat(trail).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(password));
    }

    @Test
    @DisplayName("an administrator may disable another while one remains, but never their own account")
    void lastAdministrator() {
        var only = server.user("admin.only", Role.ADMINISTRATOR, null);
        WebClient admin = server.signedIn("admin.other", Role.ADMINISTRATOR, null);
        // two administrators (and those other tests made): disabling the other one leaves them, so it is allowed
        assertThat(admin.post("/admin/users/" + only.id() + "/disable", Map.of("reason", "Test")).statusCode()).isEqualTo(200);
        // an administrator cannot disable themselves
        var self = server.database().jdbi().withHandle(h -> h.createQuery("select id from app_user where username = 'admin.other'")
                .mapTo(Long.class).one());
        assertThat(admin.post("/admin/users/" + self + "/disable", Map.of("reason", "Test")).body())
                .contains("You cannot disable your own account");
    }
}
