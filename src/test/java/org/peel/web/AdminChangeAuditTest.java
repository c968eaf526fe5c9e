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
}
