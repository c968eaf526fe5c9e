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
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The intelligence requirement: front-line officers see it and submit graded intelligence linked to groups")
class IntelligenceWebTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static TestServer server;
    private static OcgRegister register;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var jdbi = server.database().jdbi();
        OcgFixtures.group(jdbi, "I-1", "Estate Crew", Fixtures.WESTMINSTER, "drugs supply", false, "threatened", false,
                false, "local", TODAY.minusYears(1), 4, 1);
        OcgFixtures.group(jdbi, "I-2", "Camden Firm", Fixtures.CAMDEN, "fraud", false, "none", false, false, "local",
                TODAY.minusYears(1), 3, 1);
        register = new OcgRegister(new OcgStore(jdbi), new AuditTrail(jdbi), OcgSettings.defaults(),
                Clock.systemDefaultZone());
        register.rescore(server.user("intel.analyst", Role.INTELLIGENCE_ANALYST, null), "I-1", "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("an analyst sets a requirement for Westminster; a Westminster neighbourhood officer sees it and the"
            + " borough's group, not Camden's, and no member's name")
    void requirementReachesTheFrontLine() {
        WebClient analyst = server.anonymous();
        analyst.signIn("intel.analyst", TestServer.PASSWORD);
        HttpResponse<String> set = analyst.post("/organised-crime/intelligence/requirements", Map.of(
                "borough", Fixtures.WESTMINSTER, "priority", "Drug supply from the estate stairwells",
                "lookFor", "Young people running between flats; new cars", "reviewOn", TODAY.plusMonths(3).toString(),
                "ocgId", "I-1"));
        assertThat(set.statusCode()).isEqualTo(302);
        WebClient pc = server.signedIn("pc.intel", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> page = pc.get("/organised-crime/intelligence");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Drug supply from the estate stairwells", "Estate Crew")
                .doesNotContain("Camden Firm", "Member0");
    }

    @Test
    @DisplayName("an officer's 1/B/P submission marked significant for the group is kept, shown on the group's page,"
            + " and makes the group due for reassessment at once")
    void significantSubmission() {
        WebClient pc = server.signedIn("pc.submit", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(register.due(register.store().find("I-1").orElseThrow()).due()).isFalse();
        Map<String, String> form = new HashMap<>(Map.of("observedOn", TODAY.toString(),
                "report", "Principal seen handing a firearm to a younger member", "sourceGrade", "1",
                "intelligenceGrade", "A", "handlingCode", "P", "ocgId", "I-1", "significant", "yes"));
        HttpResponse<String> r = pc.post("/organised-crime/intelligence", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        OcgGroup g = register.store().find("I-1").orElseThrow();
        assertThat(register.due(g).due()).isTrue();
        assertThat(register.due(g).reason()).contains("significant event");
        WebClient analyst = server.anonymous();
        analyst.signIn("intel.analyst", TestServer.PASSWORD);
        assertThat(analyst.get("/organised-crime/groups/I-1?purpose=Tasking").body())
                .contains("3x5x2 1/A/P", "Principal seen handing a firearm");
    }

    @Test
    @DisplayName("the group's page shows its associate network: two members at one address, two in one crime (their"
            + " crime records resolved to the members' persons)")
    void network() {
        server.database().jdbi().useHandle(h -> {
            h.execute("update person_record set address = '1 Test Street' where id in ('I-1-m0', 'I-1-m2')");
            for (String m : new String[] {"1", "3"}) {
                h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname,"
                        + " date_of_birth, recorded_at) values (?, 'crime', 'C-NET', 'suspect', ?, 'OfI1',"
                        + " date '1990-03-14', now())", "C-NET-Member" + m, "Member" + m);
                long person = h.createUpdate("insert into person (created_by) values ('test')")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                long decision = h.createUpdate("insert into link_decision (kind, decided_by, reason)"
                        + " values ('resolve', 'test', 'same person')").executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class).one();
                h.execute("insert into person_link (person_record_id, person_id, decision_id) select seq, ?, ?"
                        + " from person_record where id in (?, ?)", person, decision, "I-1-m" + m, "C-NET-Member" + m);
            }
        });
        WebClient analyst = server.anonymous();
        analyst.signIn("intel.analyst", TestServer.PASSWORD);
        String page = analyst.get("/organised-crime/groups/I-1?purpose=Tasking").body();
        assertThat(page).contains("data-testid=\"network-diagram\"", "shared address with Member2 OfI1",
                "crime C-NET with Member3 OfI1", "2 ties;");
    }

    @Test
    @DisplayName("the six national threats start untested; recording a terrorism exercise today marks it tested and"
            + " leaves the other five flagged")
    void threats() {
        WebClient analyst = server.anonymous();
        analyst.signIn("intel.analyst", TestServer.PASSWORD);
        assertThat(analyst.get("/organised-crime/threats").body().split("Test now", -1)).hasSize(7);
        HttpResponse<String> r = analyst.post("/organised-crime/threats", Map.of("threat", "terrorism",
                "kind", "exercise", "heldOn", TODAY.toString(), "title", "Marauding attack exercise",
                "assessment", "partly prepared"));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = analyst.get("/organised-crime/threats").body();
        assertThat(page.split("Test now", -1)).hasSize(6);
        assertThat(page).contains("Marauding attack exercise (partly prepared)");
        HttpResponse<String> bad = analyst.post("/organised-crime/threats", Map.of("threat", "terrorism",
                "kind", "party", "heldOn", "soon", "title", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Choose exercise, debrief, lesson or capability review",
                "Enter the date it was held as YYYY-MM-DD", "Name the exercise or review");
    }

    @Test
    @DisplayName("on a group's page: a principal added and a member taken off with a reason change the counts the"
            + " score uses, the record kept; archiving with a reason and date takes the group out of the active count;"
            + " each change audited")
    void membersAndArchive() {
        OcgFixtures.group(server.database().jdbi(), "I-9", "Archive Crew", Fixtures.WESTMINSTER, "fraud", false,
                "none", false, false, "local", TODAY.minusYears(2), 3, 1);
        WebClient analyst = server.anonymous();
        analyst.signIn("intel.analyst", TestServer.PASSWORD);
        String q = "?purpose=Tasking";
        assertThat(analyst.post("/organised-crime/groups/I-9/members" + q, Map.of("memberForenames", "New",
                "memberSurname", "Principal", "memberRole", "principal")).statusCode()).isEqualTo(302);
        assertThat(analyst.post("/organised-crime/groups/I-9/members/I-9-m2/removal" + q,
                Map.of("removalReason", "Left the area, intelligence graded 1/A/P")).statusCode()).isEqualTo(302);
        OcgGroup g = register.store().find("I-9").orElseThrow();
        // 3 members (1 principal) + 1 principal - 1 peripheral = 3 members, 2 principals
        assertThat(g.members()).isEqualTo(3);
        assertThat(g.principals()).isEqualTo(2);
        long kept = server.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from person_record where id = 'I-9-m2'").mapTo(Long.class).one());
        assertThat(kept).as("the record stays").isEqualTo(1);
        HttpResponse<String> bad = analyst.post("/organised-crime/groups/I-9/members" + q,
                Map.of("memberSurname", "", "memberRole", "boss"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter the member's surname", "Choose the role");

        long activeBefore = register.store().activeOn(TODAY);
        assertThat(analyst.post("/organised-crime/groups/I-9/archive" + q, Map.of("archivedOn", TODAY.toString(),
                "archiveReason", "Dismantled after Operation Test")).statusCode()).isEqualTo(302);
        assertThat(register.store().find("I-9").orElseThrow().status()).isEqualTo("archived");
        assertThat(register.store().activeOn(TODAY)).isEqualTo(activeBefore - 1);
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("intel.analyst", "ocg", "I-9", null, null, null), 20))
                .extracting(e -> e.action()).contains("ocg.member.add", "ocg.member.remove", "ocg.archive");
    }

    @Test
    @DisplayName("a submission graded A/2/4 under 3x5x2 with handling C and no conditions is refused naming the fields,"
            + " and nothing is kept")
    void badGrade() {
        WebClient pc = server.signedIn("pc.bad", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        long before = new IntelligenceStore(server.database().jdbi()).latest(null, 100).size();
        HttpResponse<String> r = pc.post("/organised-crime/intelligence", Map.of("observedOn", TODAY.toString(),
                "report", "Something", "sourceGrade", "A", "intelligenceGrade", "2", "handlingCode", "C"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Grade the source 1 (reliable)", "Grade the intelligence A (known directly",
                "Handling code C means sharing with conditions");
        assertThat(new IntelligenceStore(server.database().jdbi()).latest(null, 100)).hasSize((int) before);
    }
}
