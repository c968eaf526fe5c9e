package org.peel.organisedcrime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The lead responsible officer as a user: named on the group's page, and tasking and completing on it")
class OcgLeadOfficerWebTest {

    private static final String PURPOSE = "?purpose=Operation%20Lead";
    private static final String DUE = LocalDate.now().plusDays(10).toString();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var jdbi = server.database().jdbi();
        OcgFixtures.group(jdbi, "L-1", "Named Later", Fixtures.WESTMINSTER, "drugs supply", false, "none", false,
                false, "local", LocalDate.now().minusYears(1), 3, 1);
        OcgFixtures.group(jdbi, "L-2", "Led Firm", Fixtures.WESTMINSTER, "drugs supply", false, "none", false, false,
                "local", LocalDate.now().minusYears(1), 3, 1);
        server.user("lead.analyst", Role.INTELLIGENCE_ANALYST, null);
        // a Camden investigator leads a Westminster group: the lead, not the borough, gives the rights
        server.user("di.lead", Role.INVESTIGATOR, Fixtures.CAMDEN);
        server.user("di.other", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        server.user("partner.lead", Role.PARTNER, Fixtures.WESTMINSTER);
        assertThat(as("lead.analyst").post("/organised-crime/groups/L-2/lead-officer" + PURPOSE,
                Map.of("leadOfficer", "di.lead")).statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient as(String username) {
        WebClient c = server.anonymous();
        c.signIn(username, TestServer.PASSWORD);
        return c;
    }

    private static Map<String, String> task(String action) {
        return Map.of("taskAgainst", "", "taskBorough", Fixtures.WESTMINSTER, "taskOfficer", "", "taskAction", action,
                "taskReason", "Seen at the address", "taskDueOn", DUE);
    }

    private static OcgTask only(String action) {
        return new OcgStore(server.database().jdbi()).tasksOf("L-2").stream().filter(t -> t.action().equals(action))
                .findFirst().orElseThrow();
    }

    private static boolean audited(String username, String action) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, null), 50).stream()
                .anyMatch(e -> e.action().equals(action));
    }

    @Test
    @DisplayName("the name first recorded stays readable until a user is picked; the pick is audited, and no one or a"
            + " partner cannot be picked")
    void naming() {
        WebClient analyst = as("lead.analyst");
        assertThat(analyst.get("/organised-crime/groups/L-1" + PURPOSE).body())
                .contains("DI Test (as recorded; not yet a user of Peel)");
        HttpResponse<String> none = analyst.post("/organised-crime/groups/L-1/lead-officer" + PURPOSE,
                Map.of("leadOfficer", ""));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose the officer who leads against the group");
        assertThat(analyst.post("/organised-crime/groups/L-1/lead-officer" + PURPOSE,
                Map.of("leadOfficer", "partner.lead")).statusCode()).isEqualTo(400);
        assertThat(analyst.post("/organised-crime/groups/L-1/lead-officer" + PURPOSE,
                Map.of("leadOfficer", "di.other")).statusCode()).isEqualTo(302);
        OcgGroup g = new OcgStore(server.database().jdbi()).find("L-1").orElseThrow();
        assertThat(g.leadOfficerUsername()).isEqualTo("di.other");
        assertThat(g.leadOfficer()).isEqualTo("DI Test");
        assertThat(analyst.get("/organised-crime/groups/L-1" + PURPOSE).body()).contains("Test di.other (di.other)");
        assertThat(audited("lead.analyst", "ocg.lead-officer")).isTrue();
    }

    @Test
    @DisplayName("the lead officer, an investigator of another borough, opens the group, tasks Westminster's team and"
            + " completes the task; another investigator is refused both, and the refusals are audited")
    void leadTasksAndCompletes() {
        WebClient lead = as("di.lead");
        assertThat(lead.get("/organised-crime/groups/L-2").body()).contains("Led Firm", "Give the task");
        assertThat(lead.post("/organised-crime/groups/L-2/tasks", task("Check the lock-up")).statusCode())
                .isEqualTo(302);
        OcgTask t = only("Check the lock-up");
        assertThat(t.taskedBy()).isEqualTo("di.lead");

        WebClient other = as("di.other");
        assertThat(other.post("/organised-crime/groups/L-2/tasks", task("Not mine to give")).statusCode())
                .isEqualTo(403);
        assertThat(other.post("/organised-crime/tasks/" + t.id() + "/complete", Map.of("result", "Done"))
                .statusCode()).isEqualTo(403);
        assertThat(audited("di.other", "access-denied")).isTrue();

        assertThat(lead.get("/organised-crime/tasks").body()).contains("Check the lock-up", "complete-" + t.id());
        assertThat(lead.post("/organised-crime/tasks/" + t.id() + "/complete",
                Map.of("result", "Team found the lock-up empty")).statusCode()).isEqualTo(302);
        OcgTask done = only("Check the lock-up");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.closedBy()).isEqualTo("di.lead");
        assertThat(audited("di.lead", "ocg.task.complete")).isTrue();
    }
}
