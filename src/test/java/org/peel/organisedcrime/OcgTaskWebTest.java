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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("OCG tasks to boroughs and neighbourhood officers: who sees them, who completes them, and the audit")
class OcgTaskWebTest {

    private static TestServer server;
    private static final String DUE = LocalDate.now().plusDays(10).toString();
    private static final String PURPOSE = "?purpose=Operation%20Test";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        OcgFixtures.group(server.database().jdbi(), "K-1", "Kestrel Firm", Fixtures.WESTMINSTER, "drugs supply", false,
                "threatened", false, false, "local", LocalDate.now().minusYears(1), 4, 1);
        server.user("lro.k", Role.INTELLIGENCE_ANALYST, null);
        server.user("pc.named", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        server.user("pc.colleague", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        server.user("pc.camden", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient lro() {
        WebClient c = server.anonymous();
        c.signIn("lro.k", TestServer.PASSWORD);
        c.get("/organised-crime/groups/K-1" + PURPOSE);
        return c;
    }

    private static WebClient officer(String username) {
        WebClient c = server.anonymous();
        c.signIn(username, TestServer.PASSWORD);
        c.get("/organised-crime/tasks");
        return c;
    }

    private static Map<String, String> task(String against, String borough, String officer, String action) {
        Map<String, String> form = new HashMap<>(Map.of("taskAgainst", against, "taskBorough", borough,
                "taskOfficer", officer, "taskAction", action, "taskReason", "Intelligence graded 2/B/P",
                "taskDueOn", DUE));
        return form;
    }

    private static OcgTask only(String action) {
        return new OcgStore(server.database().jdbi()).tasksOf("K-1").stream().filter(t -> t.action().equals(action))
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a task named to one officer shows on their home page only, and only they may complete it;"
            + " completing records the result and both steps are audited")
    void namedTask() {
        HttpResponse<String> given = lro().post("/organised-crime/groups/K-1/tasks" + PURPOSE,
                task("K-1-m0", Fixtures.WESTMINSTER, "pc.named", "Visit the principal's home address"));
        assertThat(given.statusCode()).isEqualTo(302);
        OcgTask t = only("Visit the principal's home address");
        assertThat(t.memberName()).isEqualTo("Member0 OfK1");
        assertThat(t.open()).isTrue();

        WebClient named = officer("pc.named");
        assertThat(named.get("/").body()).contains("organised crime task", "Kestrel Firm");
        assertThat(named.get("/organised-crime/tasks").body()).contains("Visit the principal",
                "Member0 OfK1");
        WebClient colleague = officer("pc.colleague");
        assertThat(colleague.get("/organised-crime/tasks").body()).doesNotContain("Visit the principal");

        // the colleague may not complete another officer's task: refused, audited, nothing recorded
        assertThat(colleague.post("/organised-crime/tasks/" + t.id() + "/complete", Map.of("result", "Done"))
                .statusCode()).isEqualTo(403);
        assertThat(only("Visit the principal's home address").open()).isTrue();
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("pc.colleague", "ocg-task", null, null, null, null), 10))
                .anyMatch(e -> e.action().equals("access-denied"));

        // an empty result is refused naming the field
        HttpResponse<String> empty = named.post("/organised-crime/tasks/" + t.id() + "/complete", Map.of("result", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Say what you found or did");

        assertThat(named.post("/organised-crime/tasks/" + t.id() + "/complete",
                Map.of("result", "Nobody home; neighbour says he moved out")).statusCode()).isEqualTo(302);
        OcgTask done = only("Visit the principal's home address");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.result()).isEqualTo("Nobody home; neighbour says he moved out");
        assertThat(done.closedBy()).isEqualTo("pc.named");
        List<String> actions = new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(null, "ocg", "K-1", null, null, null), 50).stream()
                .map(AuditTrail.Entry::action).toList();
        assertThat(actions).contains("ocg.task", "ocg.task.complete");
        assertThat(lro().get("/organised-crime/groups/K-1" + PURPOSE).body())
                .contains("Completed by pc.named: Nobody home; neighbour says he moved out");
    }

    @Test
    @DisplayName("a task to a borough's team shows to each of its neighbourhood officers, and not to another borough's")
    void boroughTask() {
        assertThat(lro().post("/organised-crime/groups/K-1/tasks" + PURPOSE,
                task("", Fixtures.WESTMINSTER, "", "Patrol the group's meeting place")).statusCode()).isEqualTo(302);
        assertThat(only("Patrol the group's meeting place").against()).isEqualTo("the group");
        assertThat(officer("pc.colleague").get("/organised-crime/tasks").body()).contains("Patrol the group");
        assertThat(officer("pc.named").get("/organised-crime/tasks").body()).contains("Patrol the group");
        assertThat(officer("pc.camden").get("/organised-crime/tasks").body()).doesNotContain("Patrol the group");
    }

    @Test
    @DisplayName("a task naming an officer of another borough, with no action and a past date, is refused naming each"
            + " field, and nothing is recorded")
    void badTask() {
        Map<String, String> form = task("", Fixtures.WESTMINSTER, "pc.camden", "");
        form.put("taskDueOn", LocalDate.now().minusDays(1).toString());
        HttpResponse<String> refused = lro().post("/organised-crime/groups/K-1/tasks" + PURPOSE, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That officer works in another borough", "Say what is to be done",
                "The due date cannot be in the past");
        assertThat(new OcgStore(server.database().jdbi()).tasksOf("K-1"))
                .noneMatch(t -> "pc.camden".equals(t.officer()));
    }

    @Test
    @DisplayName("the lead responsible officer withdraws a task no longer needed, saying why; it leaves the officers'"
            + " lists, stays on the group's page as withdrawn, and the withdrawal is audited")
    void withdraw() {
        WebClient lro = lro();
        assertThat(lro.post("/organised-crime/groups/K-1/tasks" + PURPOSE,
                task("", Fixtures.WESTMINSTER, "", "Watch the garages behind the flats")).statusCode()).isEqualTo(302);
        OcgTask t = only("Watch the garages behind the flats");
        assertThat(officer("pc.named").post("/organised-crime/tasks/" + t.id() + "/withdraw",
                Map.of("result", "mine")).statusCode()).isEqualTo(403);
        assertThat(lro.post("/organised-crime/tasks/" + t.id() + "/withdraw" + PURPOSE,
                Map.of("result", "group moved out of the garages")).statusCode()).isEqualTo(302);
        OcgTask withdrawn = only("Watch the garages behind the flats");
        assertThat(withdrawn.status()).isEqualTo("withdrawn");
        assertThat(withdrawn.result()).isEqualTo("withdrawn: group moved out of the garages");
        assertThat(officer("pc.colleague").get("/organised-crime/tasks").body()).doesNotContain("Watch the garages");
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("lro.k", "ocg", "K-1", null, null, null), 50))
                .anyMatch(e -> e.action().equals("ocg.task.withdraw"));
    }

    @Test
    @DisplayName("a neighbourhood officer may not give a task")
    void officerCannotTask() {
        assertThat(officer("pc.named").post("/organised-crime/groups/K-1/tasks" + PURPOSE,
                task("", Fixtures.WESTMINSTER, "", "Anything")).statusCode()).isEqualTo(403);
    }
}
