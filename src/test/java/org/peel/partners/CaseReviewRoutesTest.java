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

@DisplayName("An ASB case review worked on the web: application, threshold, meeting, owned recommendations, figures")
class CaseReviewRoutesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), TODAY);
        var jdbi = server.database().jdbi();
        SharingStore sharing = new SharingStore(jdbi, new AuditTrail(jdbi), TODAY);
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("WCC-ASB",
                "Westminster City Council ASB team", OrganisationKind.COUNCIL_ASB, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("HOUSING",
                "Westminster housing", OrganisationKind.HOUSING, Fixtures.WESTMINSTER));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-ASB", "Westminster ASB cases",
                List.of("WCC-ASB", "HOUSING"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT), "12 months after closure", LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 1, 1), "Supt. Neighbourhoods", null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> application(String title, String... complaints) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "summary", "Shouting and threats at night",
                "appliedOn", "2025-06-30", "agreement", "ISA-ASB", "party", "WCC-ASB"));
        for (int i = 0; i < complaints.length; i++) {
            String[] c = complaints[i].split(" ");
            form.put("behaviour" + (i + 1), c[0]);
            form.put("complained" + (i + 1), c[1]);
            form.put("to" + (i + 1), c[2]);
        }
        return form;
    }

    @Test
    @DisplayName("complaints to police, council and housing counted together; a late one and a stale one left out")
    void thresholdOnTheForm() {
        WebClient pc = server.signedIn("pc.spoc", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/partners/case-reviews/new");

        // applied 2025-06-30. Police 12 Feb (2 days after the behaviour) and council 20 Mar (19 days after) count;
        // housing 10 May is 35 days after the behaviour of 5 Apr, over a month; police 20 Dec 2024 is more than six
        // months before the application. Two qualify: not met.
        HttpResponse<String> notMet = pc.post("/partners/case-reviews", application("Elm Row",
                "2025-02-10 2025-02-12 police", "2025-03-01 2025-03-20 council", "2025-04-05 2025-05-10 housing",
                "2024-12-19 2024-12-20 police"));
        assertThat(notMet.statusCode()).isEqualTo(302);
        String elm = notMet.headers().firstValue("Location").orElseThrow();
        assertThat(elm).isEqualTo("/partners/case-reviews/CR-2025-0001");
        assertThat(pc.get(elm).body()).contains("Not met")
                .contains("2 qualifying complaints (1 to the police, 1 to the council); threshold 3: not met");

        // the same two, and one to the housing provider on 3 June two days after the behaviour: three, met
        HttpResponse<String> met = pc.post("/partners/case-reviews", application("Oak Court",
                "2025-02-10 2025-02-12 police", "2025-03-01 2025-03-20 council", "2025-06-01 2025-06-03 housing"));
        String oak = met.headers().firstValue("Location").orElseThrow();
        assertThat(pc.get(oak).body()).contains("3 qualifying complaints (1 to the police, 1 to the council, 1 to the"
                + " housing provider); threshold 3: met, the case review must be held");

        // a recommendation before the meeting is refused beside its field
        assertThat(pc.post(oak + "/recommendations", Map.of("recommendation", "Serve a CPW", "owner", "WCC-ASB"))
                .body()).contains("Record the review meeting first");
        assertThat(pc.post(oak + "/meeting", Map.of("meetingOn", "2025-06-29")).body())
                .contains("cannot be before the application of 2025-06-30");
        assertThat(pc.post(oak + "/meeting", Map.of("meetingOn", "2025-06-30", "meetingNotes", "Agreed a plan"))
                .statusCode()).isEqualTo(302);
        assertThat(pc.post(oak + "/recommendations", Map.of("recommendation", "Move the tenant", "owner", "HOUSING"))
                .body()).contains("The owner must be the police or an agency working the review");
        assertThat(pc.post(oak + "/recommendations", Map.of("recommendation", "Serve a community protection warning",
                "owner", "WCC-ASB", "dueOn", "2025-07-15")).statusCode()).isEqualTo(302);
        assertThat(pc.post(oak + "/recommendations", Map.of("recommendation", "Patrol the close at night",
                "owner", "")).statusCode()).isEqualTo(302);
        String page = pc.get(oak).body();
        assertThat(page).contains("Serve a community protection warning").contains("WCC-ASB").contains("Police")
                .contains("Held on 2025-06-30. Agreed a plan");

        // two applications in 2025, one met, one review held, two recommendations
        String figures = pc.get("/partners/case-reviews/figures?format=json").body();
        assertThat(figures).contains("{\"year\":2025,\"applications\":2,\"thresholds_met\":1,\"reviews_held\":1,"
                + "\"recommendations\":2}");
        assertThat(pc.get("/partners/case-reviews/figures").body()).contains("Recommendations made");
    }

    @Test
    @DisplayName("a form without complaints or agreement is returned with errors; another borough's officer is refused")
    void errorsAndRefusals() {
        WebClient pc = server.signedIn("pc.spoc", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/partners/case-reviews/new");
        Map<String, String> empty = application("Elm Row");
        empty.put("agreement", "");
        HttpResponse<String> refused = pc.post("/partners/case-reviews", empty);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose the active information-sharing agreement");

        String elm = pc.post("/partners/case-reviews", application("Elm Row", "2025-02-10 2025-02-12 police"))
                .headers().firstValue("Location").orElseThrow();
        WebClient camden = server.signedIn("pc.camden", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        assertThat(camden.get(elm).statusCode()).isEqualTo(403);
        WebClient partner = server.signedIn("asb.officer", Role.PARTNER, Fixtures.WESTMINSTER);
        assertThat(partner.get("/partners/case-reviews/new").statusCode()).isEqualTo(403);
    }
}
