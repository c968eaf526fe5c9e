package org.peel.partners;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.Role;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An ASB MARAC case opened by an officer, actions set per agency, and seen by the council on the panel")
class PanelRoutesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    private TestServer server;
    private SharingStore sharing;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), TODAY);
        var jdbi = server.database().jdbi();
        sharing = new SharingStore(jdbi, new AuditTrail(jdbi), TODAY);
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("WCC-ASB",
                "Westminster City Council ASB team", OrganisationKind.COUNCIL_ASB, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("HOUSING",
                "Westminster housing", OrganisationKind.HOUSING, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("PROBATION",
                "Probation", OrganisationKind.PROBATION, null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-ASB", "Westminster ASB cases",
                List.of("WCC-ASB", "HOUSING"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY), "12 months after closure",
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), "Supt. Neighbourhoods", null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("open, refuse an agency not on the agreement, set an action for housing, mark it done; the council sees it")
    void marac() {
        WebClient pc = server.signedIn("pc.panel", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/partners/panels/new");
        Map<String, String> form = new HashMap<>(Map.of("kind", "asb-marac", "title", "Family targeted by neighbours",
                "summary", "Repeated harassment", "openedOn", "2025-06-20", "agreement", "ISA-ASB",
                "party", "PROBATION"));
        HttpResponse<String> refused = pc.post("/partners/panels", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only agencies named in agreement ISA-ASB can be on the case");

        form.put("party", "HOUSING");
        HttpResponse<String> opened = pc.post("/partners/panels", form);
        assertThat(opened.statusCode()).isEqualTo(302);
        String path = opened.headers().firstValue("Location").orElseThrow();
        assertThat(path).isEqualTo("/partners/panels/MARAC-2025-1");

        assertThat(pc.post(path + "/actions", Map.of("action", "Supervise the offender", "agency", "PROBATION",
                "dueOn", "2025-07-10")).body()).contains("The action must be for the police or an agency on the case");
        assertThat(pc.post(path + "/actions", Map.of("action", "Install a door camera", "agency", "HOUSING",
                "dueOn", "2025-07-10")).statusCode()).isEqualTo(302);
        long action = server.database().jdbi().withHandle(h -> h.createQuery(
                "select id from partner_case_action where case_id = 'MARAC-2025-1'").mapTo(Long.class).one());
        assertThat(pc.post(path + "/actions/" + action + "/done", Map.of()).statusCode()).isEqualTo(302);
        assertThat(pc.get(path).body()).contains("Install a door camera").contains("2025-07-01");
        assertThat(pc.post(path + "/actions/" + action + "/done", Map.of()).statusCode()).isEqualTo(400);

        // housing, on the case, lists it; the council's ASB team, not on this case, does not
        WebClient housing = server.signedIn("housing.officer", Role.PARTNER, Fixtures.WESTMINSTER);
        sharing.linkAccount(Fixtures.administrator(), "housing.officer", "HOUSING");
        assertThat(housing.get("/partners/cases").body()).contains("Family targeted by neighbours");
        WebClient council = server.signedIn("asb.officer", Role.PARTNER, Fixtures.WESTMINSTER);
        sharing.linkAccount(Fixtures.administrator(), "asb.officer", "WCC-ASB");
        assertThat(council.get("/partners/cases").body()).doesNotContain("Family targeted by neighbours");
        assertThat(council.get(path).statusCode()).isEqualTo(403);
    }
}
