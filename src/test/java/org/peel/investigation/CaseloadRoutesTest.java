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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Caseloads: linking investigators to accounts, My caseload, and the supervisor's view of the borough")
class CaseloadRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        WestminsterDomesticAbuseTeam.add(server.database().jdbi(), "DC Patel", "DC Okafor");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String recordDomesticAssault(WebClient pc) {
        String body = """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "domestic_abuse": true, "victims": [{"forenames": "A", "surname": "One"}],
                 "suspects": [{"forenames": "S", "surname": "Three"}]}""".formatted(Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", body, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"investigator_id\":\"DA1\"");
        return r.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
    }

    @Test
    @DisplayName("An administrator links DC Patel's account; she sees the crime allocated to her and its Victims' Code deadlines")
    void myCaseload() {
        // given an administrator and an unlinked investigator's account
        WebClient admin = server.signedIn("admin.link", Role.ADMINISTRATOR, null);
        WebClient patel = server.signedIn("dc.patel", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        server.user("dc.camden", Role.INVESTIGATOR, Fixtures.CAMDEN);
        assertThat(admin.get("/investigation/investigators?borough=" + Fixtures.WESTMINSTER).body())
                .contains("data-testid=\"investigators\"").contains("DC Patel").contains("Not linked");

        // when the administrator links an account from another borough, then the right one
        HttpResponse<String> wrong = admin.post("/investigation/investigators/link", Map.of("investigator", "DA1", "user", "dc.camden"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"user-error\"").contains("another borough");
        HttpResponse<String> linked = admin.post("/investigation/investigators/link", Map.of("investigator", "DA1", "user", "dc.patel"));
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.body()).contains("DA1 is linked to dc.patel");

        // and a crime is recorded that the engine allocates to DA1
        WebClient pc = server.signedIn("pc.caseload", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String crimeId = recordDomesticAssault(pc);

        // then DC Patel's caseload shows it, with the referral deadline due soon, and her home page points to it
        HttpResponse<String> mine = patel.get("/investigation/caseload");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("My caseload").contains("data-testid=\"caseload-crimes\"").contains(crimeId)
                .contains("Medium").contains("data-testid=\"caseload-deadlines\"").contains("Due soon");
        assertThat(patel.get("/").body()).contains("1 open crime in your caseload");
        long audited = server.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'view' and record_type = 'caseload' and record_id = 'DA1' and username = 'dc.patel'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
        long linkAudited = server.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'investigator-link' and record_id = 'DA1'").mapTo(Long.class).one());
        assertThat(linkAudited).isEqualTo(1);

        // and another investigator of the borough, not linked, is told so and may not open DC Patel's caseload
        WebClient other = server.signedIn("dc.other", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        assertThat(other.get("/investigation/caseload").body()).contains("data-testid=\"unlinked\"");
        assertThat(other.get("/investigation/caseload/DA1").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("A supervisor sees each investigator of the borough with open crimes and deadlines, and opens one caseload")
    void supervisorView() {
        WebClient pc = server.signedIn("pc.sup", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String crimeId = recordDomesticAssault(pc);

        WebClient sup = server.signedIn("ds.caseloads", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        // an unlinked supervisor asking for "My caseload" is taken to the borough's caseloads
        assertThat(sup.get("/investigation/caseload").statusCode()).isEqualTo(302);
        HttpResponse<String> all = sup.get("/investigation/caseloads");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("data-testid=\"caseloads\"").contains("DC Patel").contains("DC Okafor")
                .contains("/investigation/caseload/DA1");
        assertThat(sup.get("/investigation/caseload/DA1").body()).contains("Caseload of DC Patel").contains(crimeId);
        assertThat(sup.get("/investigation/caseload/DA2").body()).contains("data-testid=\"caseload-empty\"");

        // a supervisor of another borough is refused
        WebClient camden = server.signedIn("ds.camden", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.CAMDEN);
        assertThat(camden.get("/investigation/caseload/DA1").statusCode()).isEqualTo(403);
        // and an investigator may not see the borough's caseloads
        WebClient dc = server.signedIn("dc.nosee", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        assertThat(dc.get("/investigation/caseloads").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("Only an administrator links investigators to accounts")
    void onlyAdministrators() {
        server.user("dc.self", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        WebClient sup = server.signedIn("ds.nolink", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        sup.get("/");
        assertThat(sup.get("/investigation/investigators").statusCode()).isEqualTo(403);
    }
    @Test
    @DisplayName("A borough of 62 investigators is shown 50 at a time, filtered by specialism, the one with a crime first")
    void pagedAndFiltered() {
        // given 60 volume crime detectives besides DC Patel and DC Okafor, and one crime for DC Patel
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment)"
                    + " values ('T-VC', ?, 'Westminster volume crime', 'Volume crime', 60)", Fixtures.WESTMINSTER);
            for (int i = 1; i <= 60; i++) {
                h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism)"
                        + " values (?, 'T-VC', ?, 1, 'Volume crime')", String.format("VC%02d", i), "DC Volume " + i);
            }
        });
        recordDomesticAssault(server.signedIn("pc.page", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER));
        WebClient sup = server.signedIn("ds.page", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);

        String first = sup.get("/investigation/caseloads?borough=" + Fixtures.WESTMINSTER).body();
        assertThat(first).contains("Showing 1–50 of 62 investigators");
        assertThat(first.indexOf("DC Patel")).isPositive().isLessThan(first.indexOf("DC Volume"));
        assertThat(sup.get("/investigation/caseloads?borough=" + Fixtures.WESTMINSTER + "&page=2").body())
                .contains("Showing 51–62 of 62 investigators");
        String domestic = sup.get("/investigation/caseloads?borough=" + Fixtures.WESTMINSTER
                + "&specialism=Domestic+abuse").body();
        assertThat(domestic).contains("Showing 1–2 of 2 investigators").contains("DC Okafor")
                .doesNotContain("DC Volume");

        WebClient admin = server.signedIn("admin.page", Role.ADMINISTRATOR, null);
        assertThat(admin.get("/investigation/investigators?borough=" + Fixtures.WESTMINSTER + "&page=2").body())
                .contains("Showing 51–62 of 62 investigators");
        assertThat(admin.get("/investigation/investigators?borough=" + Fixtures.WESTMINSTER
                + "&specialism=Domestic+abuse&account=unlinked").body())
                .contains("Showing 1–2 of 2 investigators").contains("DC Patel").doesNotContain("DC Volume");
    }
}
