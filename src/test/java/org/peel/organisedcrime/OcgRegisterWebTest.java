package org.peel.organisedcrime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The OCG register: tracker, reassessment after a disruption, access and audit")
class OcgRegisterWebTest {

    private static TestServer server;
    private static OcgRegister register;
    private static User analyst;
    private static final LocalDate TODAY = LocalDate.now();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var jdbi = server.database().jdbi();
        OcgFixtures.group(jdbi, "T-1", "Twin One", Fixtures.WESTMINSTER, "drugs supply", false, "threatened", false,
                false, "local", TODAY.minusYears(1), 6, 1);
        OcgFixtures.group(jdbi, "T-2", "Quite Different Name", Fixtures.CAMDEN, "drugs supply", false, "threatened",
                false, false, "local", TODAY.minusYears(2), 6, 1);
        OcgFixtures.group(jdbi, "T-3", "Gun Crew", Fixtures.WESTMINSTER, "firearms;drugs supply", true, "serious",
                false, true, "regional", TODAY.minusYears(1), 9, 2);
        OcgFixtures.group(jdbi, "T-5", "Disrupted Crew", Fixtures.WESTMINSTER, "drugs supply", false, "threatened",
                false, false, "local", TODAY.minusYears(1), 6, 1);
        OcgFixtures.group(jdbi, "T-4", "Old Firm", Fixtures.WESTMINSTER, "fraud", false, "none", false, true,
                "national", TODAY.minusYears(5), 3, 0);
        jdbi.useHandle(h -> h.execute("update ocg set status = 'archived', archived_on = ? where id = 'T-4'",
                TODAY.minusYears(1)));
        analyst = server.user("ocg.analyst", Role.INTELLIGENCE_ANALYST, null);
        register = new OcgRegister(new OcgStore(jdbi), new AuditTrail(jdbi), OcgSettings.defaults(), Clock.systemDefaultZone());
        for (String id : List.of("T-1", "T-2", "T-3", "T-5")) {
            register.rescore(analyst, id, "127.0.0.1");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient analystClient() {
        WebClient c = server.anonymous();
        c.signIn("ocg.analyst", TestServer.PASSWORD);
        return c;
    }

    @Test
    @DisplayName("identical facts under different names and references score identically on the register")
    void identicalFactsIdenticalScores() {
        OcgStore store = new OcgStore(server.database().jdbi());
        OcgGroup one = store.find("T-1").orElseThrow();
        OcgGroup two = store.find("T-2").orElseThrow();
        // drugs 0.8 x 30 = 24; threatened 0.4 x 25 = 10; no capability 0; local 0.25 x 15 = 3.75;
        // principal 0.5 + 6 members x 0.05 = 0.8 x 10 = 8 -> 45.75 -> 2b
        assertThat(one.score()).isEqualTo(45.75).isEqualTo(two.score());
        assertThat(one.band()).isEqualTo("2b").isEqualTo(two.band());
        assertThat(store.assessments("T-1").get(0).reasons()).isEqualTo(store.assessments("T-2").get(0).reasons());
    }

    @Test
    @DisplayName("the tracker lists active groups by score, highest first, with the archived group left out")
    void trackerOrder() {
        HttpResponse<String> page = analystClient().get("/organised-crime/groups");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Gun Crew", "Twin One").doesNotContain("Old Firm");
        assertThat(body.indexOf("data-ocg=\"T-3\"")).isLessThan(body.indexOf("data-ocg=\"T-1\""));
        assertThat(new OcgStore(server.database().jdbi()).activeOn(TODAY)).as("T-1, T-2, T-3 and T-5").isEqualTo(4);
        assertThat(new OcgStore(server.database().jdbi()).activeOn(TODAY.minusYears(2))).as("T-2 and T-4 then")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("a neighbourhood officer is refused the tracker, and the refusal is audited")
    void refused() {
        WebClient pc = server.signedIn("pc.ocg", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get("/organised-crime/groups").statusCode()).isEqualTo(403);
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("pc.ocg", null, null, null, null, null), 10))
                .anyMatch(e -> e.action().equals("access-denied"));
    }

    @Test
    @DisplayName("a group's page names its members, so it asks the analyst's purpose first and audits the view with it")
    void purpose() {
        WebClient c = analystClient();
        assertThat(c.get("/organised-crime/groups/T-3").body()).contains("State your purpose").doesNotContain("Member0");
        HttpResponse<String> page = c.get("/organised-crime/groups/T-3?purpose=Operation%20Test");
        assertThat(page.body()).contains("Member0 OfT3", "Principal", "Why this score");
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("ocg.analyst", "ocg", "T-3", null, null, null), 10))
                .anyMatch(e -> e.action().equals("view") && "Operation Test".equals(e.purpose()));
    }

    @Test
    @DisplayName("a disruption arresting a principal keeps the score before, makes the group due at once, and is audited;"
            + " reassessing clears it and gives the score after")
    void disruptionThenReassess() {
        WebClient c = analystClient();
        c.get("/organised-crime/groups/T-5?purpose=Operation%20Test");
        Map<String, String> form = new HashMap<>(Map.of("heading", "pursue", "impact", "moderate",
                "occurredOn", TODAY.toString(), "summary", "Warrant at the stash address", "arrests", "2",
                "principalArrested", "yes", "charges", "0", "firearmsSeized", "0", "scpos", "0"));
        HttpResponse<String> saved = c.post("/organised-crime/groups/T-5/disruptions?purpose=Operation%20Test", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        OcgStore store = new OcgStore(server.database().jdbi());
        OcgGroup t5 = store.find("T-5").orElseThrow();
        assertThat(register.due(t5).due()).isTrue();
        assertThat(register.due(t5).reason()).contains("significant event");
        assertThat(store.disruptions("T-5").get(0).scoreBefore()).isEqualTo(45.75);
        assertThat(store.disruptions("T-5").get(0).scoreAfter()).isNull();
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("ocg.analyst", "ocg", "T-5", null, null, null), 20))
                .anyMatch(e -> e.action().equals("ocg.disruption"));

        // reassess: violence now none -> 45.75 - 10 = 35.75 -> 2c
        HttpResponse<String> reassessed = c.post("/organised-crime/groups/T-5/assessments?purpose=Operation%20Test",
                Map.of("activities", "drugs supply", "violence", "none", "reach", "local"));
        assertThat(reassessed.statusCode()).isEqualTo(302);
        t5 = store.find("T-5").orElseThrow();
        assertThat(t5.score()).isEqualTo(35.75);
        assertThat(t5.band()).isEqualTo("2c");
        assertThat(register.due(t5).due()).isFalse();
        assertThat(store.disruptions("T-5").get(0).scoreAfter()).isEqualTo(35.75);
    }

    @Test
    @DisplayName("a disruption form with no heading and a bad date is refused naming both fields, and nothing is recorded")
    void badDisruption() {
        WebClient c = analystClient();
        c.get("/organised-crime/groups/T-3?purpose=Operation%20Test");
        long before = new OcgStore(server.database().jdbi()).disruptions("T-3").size();
        HttpResponse<String> refused = c.post("/organised-crime/groups/T-3/disruptions?purpose=Operation%20Test",
                Map.of("impact", "major", "occurredOn", "yesterday", "summary", "x"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem", "Choose pursue, prevent, protect or prepare",
                "Enter the date of the disruption as YYYY-MM-DD");
        assertThat(new OcgStore(server.database().jdbi()).disruptions("T-3")).hasSize((int) before);
    }

    @Test
    @DisplayName("the inspector may read the tracker but not record a disruption")
    void inspectorReadOnly() {
        WebClient inspector = server.signedIn("hmicfrs", Role.INSPECTOR, null);
        assertThat(inspector.get("/organised-crime/groups").statusCode()).isEqualTo(200);
        assertThat(inspector.post("/organised-crime/groups/T-3/disruptions?purpose=Inspection",
                Map.of("heading", "pursue")).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("the model comparison and monthly disruption pages answer")
    void otherPages() {
        WebClient c = analystClient();
        assertThat(c.get("/organised-crime/models").body()).contains("peel-ocg-2", "active groups change band");
        assertThat(c.get("/organised-crime/disruptions").statusCode()).isEqualTo(200);
    }
}
