package org.peel.offenders;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.offenders.IomTestData.CAMDEN;
import static org.peel.offenders.IomTestData.WESTMINSTER;

@DisplayName("IOM in the database: the stored cohort over resolved histories, capacities, exceptions, access and tasks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IomRoutesTest {

    static TestServer server;
    static WebClient lead;
    static WebClient camdenManager;
    static WebClient westminsterManager;
    static WebClient camdenNeighbourhood;
    static WebClient westminsterNeighbourhood;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), IomTestData.NEW_YEAR_2025);
        IomTestData.seed(server.database().jdbi());
        lead = server.signedIn("iom.lead", Role.PUBLIC_PROTECTION_OFFICER, null);
        camdenManager = server.signedIn("om.camden", Role.OFFENDER_MANAGER, CAMDEN);
        westminsterManager = server.signedIn("om.west", Role.OFFENDER_MANAGER, WESTMINSTER);
        camdenNeighbourhood = server.signedIn("pc.camden", Role.NEIGHBOURHOOD_OFFICER, CAMDEN);
        westminsterNeighbourhood = server.signedIn("pc.west", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String audited(String action) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select string_agg(username || ' ' || outcome, ',') from audit_event where action = :a")
                .bind("a", action).mapTo(String.class).one());
    }

    @Test
    @Order(1)
    @DisplayName("only the force's IOM lead sets capacity and runs the rule; the run is stored over resolved histories")
    void runOverResolvedHistories() {
        // an offender manager may not run the force's rule
        lead.get("/investigation/offenders");
        camdenManager.get("/investigation/offenders");
        assertThat(camdenManager.post("/investigation/offenders/run", Map.of()).statusCode()).isEqualTo(403);
        assertThat(audited("access-denied")).contains("om.camden denied");
        // the lead sets Camden's capacity to 2 and runs the rule for 2025-01-01
        lead.get("/investigation/offenders/boroughs/" + CAMDEN);
        assertThat(lead.post("/investigation/offenders/boroughs/" + CAMDEN + "/capacity", Map.of("capacity", "2"))
                .statusCode()).isEqualTo(302);
        assertThat(lead.post("/investigation/offenders/run", Map.of()).statusCode()).isEqualTo(302);
        assertThat(audited("iom-cohort.run")).isEqualTo("iom.lead success");
        IomStore store = new IomStore(server.database().jdbi());
        IomStore.Run run = store.latestRun().orElseThrow();
        // OFA1 and OFA2 are one resolved person: 182.5 + 365 = 547.5, ranked first under the earlier nominal;
        // Camden's two places go to OFA1 (547.5) and OFB (183), not OFC (2); Westminster's to OFD (365)
        List<OffenderScore> cohort = store.ruleCohort(run.id());
        assertThat(cohort).extracting(OffenderScore::offenderId, OffenderScore::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OFA1", 547.5),
                        org.assertj.core.groups.Tuple.tuple("OFB", 183.0),
                        org.assertj.core.groups.Tuple.tuple("OFD", 365.0));
        assertThat(store.scoreOf(run.id(), "OFA2").orElseThrow().offenderIds()).containsExactly("OFA1", "OFA2");
        assertThat(run.asOf()).hasToString("2025-01-01");
    }

    @Test
    @Order(2)
    @DisplayName("a borough departs from the rule only by an exception with a reason, which the IOM lead then sees")
    void exceptions() {
        String page = "/investigation/offenders/boroughs/" + CAMDEN;
        camdenManager.get(page);
        // without a reason: refused, naming the field
        HttpResponse<String> missing = camdenManager.post(page + "/exceptions", Map.of("offenderId", "OFB", "kind",
                "remove", "reason", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("href=\"#reason\"");
        // another borough's manager may not change Camden's cohort
        westminsterManager.get("/investigation/offenders");
        assertThat(westminsterManager.post(page + "/exceptions", Map.of("offenderId", "OFB", "kind", "remove",
                "reason", "Not ours to judge but trying anyway")).statusCode()).isEqualTo(403);
        // with a reason: recorded and audited
        assertThat(camdenManager.post(page + "/exceptions", Map.of("offenderId", "OFB", "kind", "remove",
                "reason", "In custody until March 2026; the prison offender manager holds the case")).statusCode())
                .isEqualTo(302);
        assertThat(audited("iom-exception.remove")).isEqualTo("om.camden success");
        // the lead sees it with its reason, and Camden's departure: 1 removed of 2 chosen = 50%
        String overview = lead.get("/investigation/offenders").body();
        assertThat(overview).contains("In custody until March 2026; the prison offender manager holds the case");
        assertThat(overview).containsPattern("data-borough=\"" + CAMDEN + "\">[\\s\\S]*?50%");
        // Westminster's manager sees only Westminster: no Camden exception
        assertThat(westminsterManager.get("/investigation/offenders").body()).doesNotContain("In custody until March 2026");
    }

    @Test
    @Order(3)
    @DisplayName("a neighbourhood officer cannot open offender management pages")
    void neighbourhoodRefused() {
        assertThat(camdenNeighbourhood.get("/investigation/offenders").statusCode()).isEqualTo(403);
        assertThat(camdenNeighbourhood.get("/investigation/offenders/nominals/OFA1").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    @DisplayName("a task goes to the ward's neighbourhood team: seen and completed there, not in another borough")
    void tasks() {
        camdenManager.get("/investigation/offenders/nominals/OFA1");
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFA1/tasks", Map.of("kind", "check-address",
                "details", "Confirm he still lives at the Bloomsbury flat", "dueOn", "2025-01-08")).statusCode())
                .isEqualTo(302);
        // a task for an offender with no ward recorded cannot be sent
        camdenManager.get("/investigation/offenders/nominals/OFC");
        HttpResponse<String> noWard = camdenManager.post("/investigation/offenders/nominals/OFC/tasks",
                Map.of("kind", "visit", "details", "Visit", "dueOn", "2025-01-08"));
        assertThat(noWard.statusCode()).isEqualTo(400);
        assertThat(noWard.body()).contains("not recorded to a ward");

        String camden = camdenNeighbourhood.get("/prevention/offender-tasks").body();
        assertThat(camden).contains("Confirm he still lives at the Bloomsbury flat").contains("Bloomsbury");
        // the highest-harm offenders living in the officer's wards: OFA1 547.50 above OFB 183.00
        assertThat(camden).containsPattern("OFA1 Alan Archer[\\s\\S]*547.50[\\s\\S]*OFB Bea Baker");
        assertThat(westminsterNeighbourhood.get("/prevention/offender-tasks").body())
                .doesNotContain("Bloomsbury flat").contains("OFD");

        long id = new IomStore(server.database().jdbi()).openTasks(CAMDEN, null).get(0).id();
        assertThat(westminsterNeighbourhood.post("/prevention/offender-tasks/" + id + "/complete",
                Map.of("result", "Seen him")).statusCode()).isEqualTo(403);
        HttpResponse<String> empty = camdenNeighbourhood.post("/prevention/offender-tasks/" + id + "/complete",
                Map.of("result", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(camdenNeighbourhood.post("/prevention/offender-tasks/" + id + "/complete",
                Map.of("result", "Lives there; spoke to him at the door")).statusCode()).isEqualTo(302);
        assertThat(audited("iom-task.complete")).isEqualTo("pc.camden success");
        assertThat(new IomStore(server.database().jdbi()).completion(CAMDEN))
                .containsExactly(new IomStore.Completion(CAMDEN, 1, 1, 1));
    }

    @Test
    @Order(5)
    @DisplayName("a case's deputy covers while its lead is absent; a case with no one is listed first")
    void cover() {
        camdenManager.get("/investigation/offenders/nominals/OFA1");
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFA1/case", Map.of("lead", "DC Lee",
                "deputy", "DC Lee", "partnerLead", "", "plan", "")).statusCode()).isEqualTo(400);
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFA1/case", Map.of("lead", "DC Lee",
                "deputy", "DC Kaur", "partnerLead", "Probation: J Smith", "plan", "Weekly visits")).statusCode())
                .isEqualTo(302);
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFB/case", Map.of("lead", "DC Lee",
                "deputy", "DC Patel", "partnerLead", "", "plan", "")).statusCode()).isEqualTo(302);
        camdenManager.get("/investigation/offenders/absent");
        assertThat(camdenManager.post("/investigation/offenders/absences", Map.of("officer", "DC Lee", "startsOn",
                "2024-12-30", "endsOn", "2025-01-01", "reason", "Leave")).statusCode()).isEqualTo(302);
        assertThat(camdenManager.post("/investigation/offenders/absences", Map.of("officer", "DC Patel", "startsOn",
                "2025-01-01", "endsOn", "2025-01-01", "reason", "Course")).statusCode()).isEqualTo(302);
        String absent = camdenManager.get("/investigation/offenders/absent").body();
        // OFB: lead and deputy both away on 2025-01-01, so first; OFA1: DC Kaur covers
        assertThat(absent).containsPattern("OFB[\\s\\S]*No one[\\s\\S]*OFA1[\\s\\S]*DC Kaur");
    }

    @Test
    @Order(6)
    @DisplayName("MAPPA cases list overdue visits first; a PDP past its review date is listed as lapsed, not included")
    void mappaAndPdp() {
        lead.get("/investigation/offenders/mappa");
        // level 2 without a meeting date is refused, naming the field
        HttpResponse<String> noMeeting = lead.post("/investigation/offenders/mappa", Map.of("offenderId", "OFD",
                "category", "2", "level", "2", "agency", "PROBATION", "risk", "HIGH", "plan", "Curfew and exclusion zone",
                "nextMeetingOn", ""));
        assertThat(noMeeting.statusCode()).isEqualTo(400);
        assertThat(noMeeting.body()).contains("href=\"#nextMeetingOn\"");
        // a meeting set before the day the case is registered (2025-01-01) is refused, with the rule's words
        HttpResponse<String> pastMeeting = lead.post("/investigation/offenders/mappa", Map.of("offenderId", "OFD",
                "category", "2", "level", "2", "agency", "PROBATION", "risk", "HIGH", "plan", "Curfew and exclusion zone",
                "nextMeetingOn", "2024-12-01"));
        assertThat(pastMeeting.statusCode()).isEqualTo(400);
        assertThat(pastMeeting.body()).contains("The next MAPP meeting cannot be before the case is registered (2025-01-01)");
        assertThat(lead.post("/investigation/offenders/mappa", Map.of("offenderId", "OFD", "category", "2", "level", "2",
                "agency", "PROBATION", "risk", "HIGH", "plan", "Curfew and exclusion zone", "nextMeetingOn",
                "2025-02-01")).statusCode()).isEqualTo(302);
        // registered 2025-01-01, high risk: first visit due 56 days later, 2025-02-26
        assertThat(lead.get("/investigation/offenders/mappa").body()).contains("registered 2025-01-01, so due 2025-02-26");
        // a person under MAPPA cannot also be a PDP; a review more than a year ahead is refused
        assertThat(lead.post("/investigation/offenders/pdp", Map.of("borough", CAMDEN, "subject", "Dee Dyer",
                "pdpOffenderId", "OFD", "reason", "Threats", "evidence", "Reports", "reviewOn", "2025-06-01"))
                .body()).contains("managed under MAPPA");
        assertThat(lead.post("/investigation/offenders/pdp", Map.of("borough", CAMDEN, "subject", "Eve Evans",
                "pdpOffenderId", "", "reason", "Threats", "evidence", "Reports", "reviewOn", "2026-01-02"))
                .statusCode()).isEqualTo(400);
        assertThat(lead.post("/investigation/offenders/pdp", Map.of("borough", CAMDEN, "subject", "Eve Evans",
                "pdpOffenderId", "", "reason", "Repeated abuse of three partners without a MAPPA-qualifying conviction",
                "evidence", "Three DA reports in 2024", "reviewOn", "2025-06-01")).statusCode()).isEqualTo(302);
        assertThat(audited("pdp.include")).isEqualTo("iom.lead success");
        // one whose review date passed without renewal lapses
        server.database().jdbi().useHandle(h -> h.execute("""
                insert into potentially_dangerous_person (borough_code, subject, reason, evidence, review_on, recorded_by,
                    recorded_at) values (?, 'Fay Fox', 'Stalking', 'Reports', '2024-12-31', 'x', now())""", CAMDEN));
        String page = lead.get("/investigation/offenders/mappa").body();
        assertThat(page).containsPattern("data-testid=\"pdp\"[\\s\\S]*Eve Evans[\\s\\S]*data-testid=\"pdp-lapsed\"[\\s\\S]*Fay Fox");
        assertThat(camdenNeighbourhood.get("/investigation/offenders/mappa").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    @DisplayName("an administrator assigns a neighbourhood officer to a ward; the officer then sees that ward's tasks and offenders")
    void wardOfficers() {
        WebClient admin = server.signedIn("admin", Role.ADMINISTRATOR, null);
        String page = "/administration/neighbourhood-wards";
        // the officer and the ward are chosen from lists: the neighbourhood officers, and their boroughs' wards
        String form = admin.get(page).body();
        assertThat(form).contains("<option value=\"pc.camden\"").doesNotContain("<option value=\"om.camden\"")
                .contains("<option value=\"" + IomTestData.CAMDEN_WARD + "\"")
                .contains("<option value=\"" + IomTestData.WESTMINSTER_WARD + "\"");
        // an offender manager's account is not assigned to wards; a ward in another borough is refused
        HttpResponse<String> manager = admin.post(page, Map.of("username", "om.camden", "ward", IomTestData.CAMDEN_WARD));
        assertThat(manager.statusCode()).isEqualTo(400);
        assertThat(manager.body()).contains("Only a neighbourhood officer");
        assertThat(admin.post(page, Map.of("username", "pc.camden", "ward", IomTestData.WESTMINSTER_WARD)).body())
                .contains("in another borough");
        // only an administrator assigns
        assertThat(camdenManager.post(page, Map.of("username", "pc.camden", "ward", IomTestData.CAMDEN_WARD))
                .statusCode()).isEqualTo(403);
        assertThat(admin.post(page, Map.of("username", "pc.camden", "ward", IomTestData.CAMDEN_WARD)).body())
                .contains("pc.camden is assigned to Bloomsbury");
        assertThat(audited("ward-officer.assign")).isEqualTo("admin success");
        // OFC moves to another Camden ward and is tasked there: pc.camden, assigned to Bloomsbury only, does not see it
        server.database().jdbi().useTransaction(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05000137', 'Camden Town', ?)"
                    + " on conflict do nothing", CAMDEN);
            h.execute("update offender set ward_code = 'E05000137' where id = 'OFC'");
        });
        camdenManager.get("/investigation/offenders/nominals/OFC");
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFC/tasks", Map.of("kind", "visit",
                "details", "Visit the new Camden Town address", "dueOn", "2025-01-09")).statusCode()).isEqualTo(302);
        camdenManager.get("/investigation/offenders/nominals/OFA1");
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFA1/tasks", Map.of("kind", "visit",
                "details", "Visit the Bloomsbury flat again", "dueOn", "2025-01-09")).statusCode()).isEqualTo(302);
        String own = camdenNeighbourhood.get("/prevention/offender-tasks").body();
        assertThat(own).contains("Your wards: Bloomsbury").contains("Visit the Bloomsbury flat again")
                .doesNotContain("Visit the new Camden Town address");
        // the highest-harm offenders listed are those living in Bloomsbury: OFA1, OFB; not OFC in Camden Town
        assertThat(own).contains("OFA1 Alan Archer").doesNotContain("OFC Cal Cooper");
        assertThat(camdenNeighbourhood.get("/prevention/offender-tasks?scope=borough").body())
                .contains("Visit the new Camden Town address");
        // ended: the officer sees the borough again
        long id = server.database().jdbi().withHandle(h -> h.createQuery(
                "select id from neighbourhood_ward_officer where ended_at is null").mapTo(Long.class).one());
        admin.get(page);
        assertThat(admin.post(page + "/" + id + "/end", Map.of()).statusCode()).isEqualTo(200);
        assertThat(camdenNeighbourhood.get("/prevention/offender-tasks").body()).doesNotContain("Your wards")
                .contains("Visit the new Camden Town address");
    }

    @Test
    @Order(8)
    @DisplayName("a new home address finds its ward from the postcode, and the next task goes to that ward's team")
    void address() {
        server.database().jdbi().useTransaction(h -> new org.peel.place.PlaceStore(server.database().jdbi())
                .addPostcode(h, "NW1 7AA", "E05000137", null, "test"));
        String nominal = "/investigation/offenders/nominals/OFB";
        camdenManager.get(nominal);
        HttpResponse<String> shapeless = camdenManager.post(nominal + "/address", Map.of("address", "4 Parkway",
                "postcode", "hello"));
        assertThat(shapeless.statusCode()).isEqualTo(400);
        assertThat(shapeless.body()).contains("href=\"#postcode\"");
        assertThat(camdenManager.post(nominal + "/address", Map.of("address", "4 Parkway", "postcode", "ZZ1 1ZZ"))
                .body()).contains("ZZ1 1ZZ is not in the force").contains("postcode directory");
        // the ward is chosen from a list of Camden's wards, not typed; a postcode the directory lacks takes it
        String form = camdenManager.get(nominal).body();
        assertThat(form).contains("<select class=\"govuk-select\" id=\"ward\" name=\"ward\"")
                .contains("<option value=\"E05000137\"").doesNotContain("<option value=\"" + IomTestData.WESTMINSTER_WARD);
        assertThat(camdenManager.post(nominal + "/address", Map.of("address", "9 Gower Street", "postcode", "ZZ1 1ZZ",
                "ward", IomTestData.CAMDEN_WARD)).statusCode()).isEqualTo(302);
        assertThat(camdenManager.get(nominal).body()).contains("9 Gower Street, ZZ1 1ZZ").contains("lives in Bloomsbury");
        // a ward of another borough is refused; so is a ward the directory's postcode does not lie in
        assertThat(camdenManager.post(nominal + "/address", Map.of("address", "9 Gower Street", "postcode", "ZZ1 1ZZ",
                "ward", IomTestData.WESTMINSTER_WARD)).body()).contains("Choose a ward of the offender");
        assertThat(camdenManager.post(nominal + "/address", Map.of("address", "4 Parkway", "postcode", "NW1 7AA",
                "ward", IomTestData.CAMDEN_WARD)).body()).contains("NW1 7AA lies in Camden Town");
        // a postcode withdrawn in June 2019 is not a current address's
        server.database().jdbi().useHandle(h -> h.execute("""
                insert into place_postcode (postcode, ward_code, source, terminated_on)
                values ('NW1 9ZZ', 'E05000137', 'test', '2019-06-01')"""));
        HttpResponse<String> withdrawn = camdenManager.post(nominal + "/address", Map.of("address", "4 Parkway",
                "postcode", "NW1 9ZZ"));
        assertThat(withdrawn.statusCode()).isEqualTo(400);
        assertThat(withdrawn.body()).contains("NW1 9ZZ was withdrawn in 2019-06");
        // any spacing and case: nw17aa is NW1 7AA, in Camden Town
        assertThat(camdenManager.post(nominal + "/address", Map.of("address", "4 Parkway", "postcode", "nw17aa"))
                .statusCode()).isEqualTo(302);
        // the address chosen by ward (9 Gower Street) and this one
        assertThat(audited("offender-address.record")).isEqualTo("om.camden success,om.camden success");
        assertThat(camdenManager.get(nominal).body()).contains("4 Parkway, NW1 7AA").contains("lives in Camden Town");
        assertThat(camdenManager.post(nominal + "/tasks", Map.of("kind", "check-address",
                "details", "Confirm she lives at 4 Parkway", "dueOn", "2025-01-09")).statusCode()).isEqualTo(302);
        assertThat(new IomStore(server.database().jdbi()).openTasks(CAMDEN, "E05000137"))
                .extracting(IomStore.Task::details).contains("Confirm she lives at 4 Parkway");
    }

    @Test
    @Order(9)
    @DisplayName("the read API answers cohort membership and tasks within the caller's borough, and audits the read")
    void api() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        // OFB: chosen by the rule (183, rank 2 of Camden's 2) but removed by Camden's exception in test 2
        HttpResponse<String> ofb = camdenManager.get("/api/v1/offenders/OFB/cohort");
        assertThat(ofb.statusCode()).isEqualTo(200);
        var m = json.readTree(ofb.body());
        assertThat(m.path("score").asDouble()).isEqualTo(183.0);
        assertThat(m.path("borough_rank").asInt()).isEqualTo(2);
        assertThat(m.path("chosen_by_rule").asBoolean()).isTrue();
        assertThat(m.path("exception").asText()).isEqualTo("remove");
        assertThat(m.path("in_cohort").asBoolean()).isFalse();
        // OFA2 answers as the resolved person, under OFA1, in the cohort
        var a2 = json.readTree(camdenManager.get("/api/v1/offenders/OFA2/cohort").body());
        assertThat(a2.path("offender_id").asText()).isEqualTo("OFA1");
        assertThat(a2.path("in_cohort").asBoolean()).isTrue();
        var tasks = json.readTree(camdenManager.get("/api/v1/offenders/OFB/tasks").body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("details").asText()).isEqualTo("Confirm she lives at 4 Parkway");
        assertThat(tasks.get(0).path("ward_code").asText()).isEqualTo("E05000137");
        assertThat(tasks.get(0).path("completed").asBoolean()).isFalse();
        // another borough's manager and a neighbourhood officer are refused; unknown offenders are 404
        assertThat(westminsterManager.get("/api/v1/offenders/OFB/cohort").statusCode()).isEqualTo(403);
        assertThat(camdenNeighbourhood.get("/api/v1/offenders/OFB/tasks").statusCode()).isEqualTo(403);
        assertThat(camdenManager.get("/api/v1/offenders/NOPE/cohort").statusCode()).isEqualTo(404);
        String reads = server.database().jdbi().withHandle(h -> h.createQuery(
                "select string_agg(distinct record_type, ',') from audit_event where record_type like 'offender-%'"
                        + " and username = 'om.camden'").mapTo(String.class).one());
        assertThat(reads).contains("offender-cohort").contains("offender-tasks");
    }
    @Test
    @Order(10)
    @DisplayName("the neighbourhood officer's home page names the highest-harm offenders in their wards, with score, reasons and a link; the read is audited")
    void homePage() {
        // Camden's rule cohort (capacity 2) is OFA1 (547.5) and OFB (183), both living in Bloomsbury
        String home = camdenNeighbourhood.get("/").body();
        assertThat(home).containsPattern("Alan Archer \\(OFA1\\), score 547\\.50[\\s\\S]*Bea Baker \\(OFB\\), score 183\\.00")
                .contains("Lives in Bloomsbury; ")
                .contains("gravest: Robbery, 365 days")
                .contains("/prevention/offender-tasks?ward=" + IomTestData.CAMDEN_WARD + "#offender-OFA1");
        assertThat(audited("iom-highest-harm.home")).contains("pc.camden success");
        // the link lands on the row of the task list
        assertThat(camdenNeighbourhood.get("/prevention/offender-tasks?ward=" + IomTestData.CAMDEN_WARD).body())
                .contains("id=\"offender-OFA1\"");
        // Westminster's officer is not shown Camden's offenders; an offender manager's home page has no such list
        assertThat(westminsterNeighbourhood.get("/").body()).doesNotContain("Alan Archer");
        assertThat(camdenManager.get("/").body()).doesNotContain("Highest harm in your wards");
    }

    static List<Map.Entry<String, String>> meeting(String heldOn, String level, List<String> attending) {
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>(List.of(Map.entry("heldOn", heldOn),
                Map.entry("level", level), Map.entry("chair", "Det Supt Rowe"), Map.entry("risk", "VERY_HIGH"),
                Map.entry("outcome", "Raised to level 3: approved premises needed on release"),
                Map.entry("action1Agency", "HOUSING"), Map.entry("action1Text", "Find a bed in approved premises"),
                Map.entry("action1Owner", "Housing options lead"), Map.entry("action1Due", "2025-01-15"),
                Map.entry("nextMeetingOn", "2025-02-26"), Map.entry("apologies", "HEALTH")));
        attending.forEach(a -> f.add(Map.entry("attending", a)));
        return f;
    }

    @Test
    @Order(11)
    @DisplayName("a MAPP meeting held is recorded on the case page under the rule's checks, audited, and moves the case's level, risk and next meeting")
    void mappMeeting() {
        // OFD (Westminster) was registered on 2025-01-01 at level 2, high risk, next meeting 2025-02-01 (test 6)
        String page = "/investigation/offenders/mappa/OFD";
        assertThat(camdenManager.get(page).statusCode()).isEqualTo(403);
        assertThat(westminsterManager.get(page).body()).contains("No meeting has been recorded");
        // tomorrow's meeting cannot have been held; one agency alone is not a level 3 meeting
        HttpResponse<String> future = westminsterManager.postRepeated(page + "/meetings",
                meeting("2025-01-02", "3", List.of("POLICE", "PROBATION")));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("href=\"#heldOn\"").contains("A meeting held cannot be in the future");
        HttpResponse<String> alone = westminsterManager.postRepeated(page + "/meetings",
                meeting("2025-01-01", "3", List.of("POLICE")));
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body()).contains("At level 3 the meeting is multi-agency: record at least 2 agencies attending");
        // Camden's manager may not record a meeting for Westminster's case
        camdenManager.get("/investigation/offenders");
        assertThat(camdenManager.postRepeated(page + "/meetings",
                meeting("2025-01-01", "3", List.of("POLICE", "PROBATION"))).statusCode()).isEqualTo(403);
        // held today with police, probation and housing attending, health's apologies: recorded
        westminsterManager.get(page);
        assertThat(westminsterManager.postRepeated(page + "/meetings",
                meeting("2025-01-01", "3", List.of("POLICE", "PROBATION", "HOUSING"))).statusCode()).isEqualTo(302);
        assertThat(audited("mappa-meeting.record")).isEqualTo("om.west success");
        String shown = westminsterManager.get(page).body();
        assertThat(shown).contains("2025-01-01: level 3, chaired by Det Supt Rowe")
                .contains("Find a bed in approved premises").contains("Housing options lead")
                .contains("Raised to level 3: approved premises needed on release");
        MappaStore.Stored c = server.database().jdbi().withHandle(h -> new MappaStore(server.database().jdbi())
                .caseOf(h, "OFD")).orElseThrow();
        assertThat(c.facts().level()).isEqualTo(Mappa.Level.THREE);
        assertThat(c.facts().risk()).isEqualTo(Mappa.RiskOfSeriousHarm.VERY_HIGH);
        assertThat(c.facts().nextMeetingOn()).hasToString("2025-02-26");
    }

    @Test
    @Order(12)
    @DisplayName("a level 2 case whose next meeting passed with none held is on the offender manager's home page, in their borough only")
    void overdueMeetingOnHomePage() {
        // OFB (Camden), registered 2024-10-01 at level 2 with a meeting set for 2024-12-01, which passed unheld
        server.database().jdbi().useHandle(h -> h.execute("""
                insert into mappa_case (offender_id, borough_code, category, level, lead_agency, risk, plan,
                    registered_on, next_meeting_on, updated_by, updated_at)
                values ('OFB', ?, 2, 2, 'PROBATION', 'HIGH', 'Curfew', '2024-10-01', '2024-12-01', 'x', now())""",
                CAMDEN));
        assertThat(camdenManager.get("/").body()).contains("1 MAPPA case is overdue for a MAPP meeting");
        assertThat(lead.get("/").body()).contains("1 MAPPA case is overdue for a MAPP meeting");
        assertThat(westminsterManager.get("/").body()).doesNotContain("overdue for a MAPP meeting");
        assertThat(camdenManager.get("/investigation/offenders/mappa/OFB").body())
                .contains("MAPP meeting overdue").contains("next MAPP meeting 2024-12-01, passed with no meeting held");
    }
}
