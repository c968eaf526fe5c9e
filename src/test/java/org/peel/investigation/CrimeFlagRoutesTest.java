package org.peel.investigation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Crime flags over HTTP: the form's checkboxes, the JSON API and the crime's page")
class CrimeFlagRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-CA', ?, 'Westminster child abuse', 'Child abuse', 1)", Fixtures.WESTMINSTER);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('CA1', 'T-CA', 'DC Levy', 1, 'Child abuse')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('CA2', 'T-CA', 'DS Amin', 2, 'Child abuse')");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("Criminal damage flagged child at risk goes to the PIP 2 child abuse investigator, not the PIP 1 one")
    void apiChildAtRisk() {
        WebClient pc = server.signedIn("pc.flags", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String body = """
                {"offence_group": "Criminal damage and arson", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "flags": ["CHILD_AT_RISK", "alcohol-related"], "victims": [{"forenames": "A", "surname": "One"}]}"""
                .formatted(Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", body, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"flags\":[\"CHILD_AT_RISK\",\"ALCOHOL_RELATED\"]")
                .contains("\"specialism\":\"Child abuse\"").contains("\"pip_level\":2").contains("\"investigator_id\":\"CA2\"");
        String id = r.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
        assertThat(pc.get("/api/v1/crimes/" + id).body()).contains("\"flags\":[\"Child at risk\",\"Alcohol-related\"]");

        HttpResponse<String> bad = pc.postJson("/api/v1/crimes", body.replace("CHILD_AT_RISK", "SPOOKY"),
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("flags").contains("Unknown flag 'SPOOKY'");
    }

    @Test
    @DisplayName("The form offers each flag as a labelled checkbox; a ticked one shows on the crime's page")
    void form() {
        WebClient pc = server.signedIn("pc.flagform", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        String form = pc.get("/investigation/crimes/new").body();
        assertThat(form).contains("id=\"flag-WEAPON\"").contains("for=\"flag-WEAPON\">Knife or offensive weapon</label>")
                .contains("for=\"flag-CHILD_SEXUAL_EXPLOITATION\"");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("offence", "VIOLENCE_WITHOUT_INJURY");
        f.put("committed", "2024-03-01 21:15");
        f.put("borough", Fixtures.WESTMINSTER);
        f.put("flag", "WEAPON");
        f.put("victim_forenames", "Alex");
        f.put("victim_surname", "Example");
        HttpResponse<String> r = pc.post("/investigation/crimes", f);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("data-testid=\"flags\"").contains("Knife or offensive weapon")
                .contains("Screened in: medium priority, PIP 1");
    }
}
