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
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.offenders.IomTestData.CAMDEN;
import static org.peel.offenders.IomTestData.WESTMINSTER;

/**
 * The offender's ethnicity on the IOM case form, and a MAPP meeting's actions marked done by their agency, on a force
 * whose clock stands at 2025-01-01 12:00.
 */
@DisplayName("An offender's ethnicity on the IOM case form, and MAPP meeting actions marked done by their own agency")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffenderFormsRoutesTest {

    static TestServer server;
    static WebClient lead;
    static WebClient camdenManager;
    static WebClient westminsterManager;
    static WebClient westminsterNeighbourhood;
    static WebClient analyst;
    static long policeAction;
    static long probationAction;

    /**
     * OFD (Westminster) is a level 2 MAPPA case whose meeting of 2024-12-01 set a police action due 2024-12-20 (so
     * overdue on 2025-01-01) and a probation action due 2025-01-20 (open); OFB (Camden) has a meeting of 2024-11-15
     * whose police action was due 2024-12-10 (overdue).
     */
    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), IomTestData.NEW_YEAR_2025);
        IomTestData.seed(server.database().jdbi());
        server.database().jdbi().useHandle(h -> {
            for (String[] c : new String[][]{{"OFD", WESTMINSTER}, {"OFB", CAMDEN}}) {
                h.execute("""
                        insert into mappa_case (offender_id, borough_code, category, level, lead_agency, risk, plan,
                            registered_on, next_meeting_on, updated_by, updated_at)
                        values (?, ?, 2, 2, 'PROBATION', 'HIGH', 'Curfew and exclusion zone', '2024-10-01',
                            '2025-02-01', 'x', now())""", c[0], c[1]);
            }
            long ofd = meeting(h, "OFD", "2024-12-01");
            policeAction = action(h, ofd, "POLICE", "Visit the home address unannounced", "DC Lane", "2024-12-20");
            probationAction = action(h, ofd, "PROBATION", "Review the licence conditions", "PO Marsh", "2025-01-20");
            action(h, meeting(h, "OFB", "2024-11-15"), "POLICE", "Check the exclusion zone", "PC Hale", "2024-12-10");
        });
        lead = server.signedIn("iom.lead", Role.PUBLIC_PROTECTION_OFFICER, null);
        camdenManager = server.signedIn("om.camden", Role.OFFENDER_MANAGER, CAMDEN);
        westminsterManager = server.signedIn("om.west", Role.OFFENDER_MANAGER, WESTMINSTER);
        westminsterNeighbourhood = server.signedIn("pc.west", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
        analyst = server.signedIn("analyst", Role.INTELLIGENCE_ANALYST, null);
    }

    private static long meeting(org.jdbi.v3.core.Handle h, String offender, String held) {
        return h.createUpdate("""
                        insert into mappa_meeting (offender_id, held_on, level, chair, attending, apologies,
                            risk_reviewed, outcome, next_meeting_on, recorded_by, recorded_at)
                        values (:o, cast(:held as date), 2, 'DI Ross', array['POLICE', 'PROBATION'], array[]::text[],
                            'HIGH', 'Kept at level 2', '2025-02-01', 'x', now())""")
                .bind("o", offender).bind("held", held).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long action(org.jdbi.v3.core.Handle h, long meeting, String agency, String text, String owner,
                               String due) {
        return h.createUpdate("""
                        insert into mappa_meeting_action (meeting_id, agency, action, owner, due_on)
                        values (:m, :a, :t, :o, cast(:due as date))""")
                .bind("m", meeting).bind("a", agency).bind("t", text).bind("o", owner).bind("due", due)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String audited(String action) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select string_agg(username || ' ' || outcome, ',' order by seq) from audit_event where action = :a")
                .bind("a", action).mapTo(String.class).one());
    }

    private static String deniedDetail(String recordType, String username) {
        return server.database().jdbi().withHandle(h -> h.createQuery("""
                        select string_agg(detail, ' | ') from audit_event
                        where action = 'access-denied' and record_type = :t and username = :u""")
                .bind("t", recordType).bind("u", username).mapTo(String.class).one());
    }

    private static String ethnicityOf(String recordId) {
        return server.database().jdbi().withHandle(h -> h.createQuery("""
                        select coalesce(self_defined_ethnicity, '-') || ' ' || coalesce(observed_group, '-')
                        from people_person_ethnicity_published where record_id = :r""")
                .bind("r", recordId).mapTo(String.class).one());
    }

    /** The case page's table row of one action. */
    private static String row(String page, long action) {
        int at = page.indexOf("data-testid=\"action-" + action + "\"");
        assertThat(at).as("action " + action + " is listed").isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static Map<String, String> caseForm(String ethnicity, String definedBy) {
        Map<String, String> f = new HashMap<>(Map.of("lead", "DC Lane", "deputy", "DC Moss", "partnerLead", "PO Marsh",
                "plan", "Weekly contact"));
        f.put("ethnicity", ethnicity);
        f.put("ethnicityDefinedBy", definedBy);
        return f;
    }

    // ---- ethnicity on the IOM case form ---------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("a wrong ethnicity answer is an error beside its field, and nothing is recorded")
    void ethnicityErrors() {
        String page = "/investigation/offenders/nominals/OFD";
        assertThat(westminsterManager.get(page).body()).contains("Ethnicity, self-defined").contains("Not asked");
        HttpResponse<String> unknown = westminsterManager.post(page + "/case", caseForm("Z9", "self-defined"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("href=\"#ethnicity\"").contains("Choose the ethnicity from the list");
        HttpResponse<String> observedNotStated = westminsterManager.post(page + "/case",
                caseForm("NS", "officer-observed"));
        assertThat(observedNotStated.statusCode()).isEqualTo(400);
        assertThat(observedNotStated.body()).contains("an officer records the group they observed");
        HttpResponse<String> nobody = westminsterManager.post(page + "/case", caseForm("A1", "neighbour"));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("href=\"#ethnicityDefinedBy\"").contains("Say who defined the ethnicity");
        assertThat(ethnicityOf("PR-OFD")).isEqualTo("- -");
        assertThat(audited("iom-case.save")).isNull();
    }

    @Test
    @Order(2)
    @DisplayName("the case form records the offender's self-defined ethnicity, then an officer's observation beside it, each audited with the case")
    void ethnicitySaved() {
        String page = "/investigation/offenders/nominals/OFD";
        westminsterManager.get(page);
        assertThat(westminsterManager.post(page + "/case", caseForm("B2", "self-defined")).statusCode())
                .isEqualTo(302);
        assertThat(ethnicityOf("PR-OFD")).isEqualTo("B2 -");
        assertThat(audited("iom-case.save")).isEqualTo("om.west success");
        assertThat(audited("ethnicity-record")).isEqualTo("om.west success");
        assertThat(westminsterManager.get(page).body()).contains("African (Black)");
        // an officer's observation is kept to the group of the category chosen, and leaves the person's own answer
        assertThat(westminsterManager.post(page + "/case", caseForm("W1", "officer-observed")).statusCode())
                .isEqualTo(302);
        assertThat(ethnicityOf("PR-OFD")).isEqualTo("B2 White");
        // saving the case again with the answer the form shows records no new ethnicity
        assertThat(westminsterManager.post(page + "/case", caseForm("B2", "self-defined")).statusCode())
                .isEqualTo(302);
        assertThat(audited("ethnicity-record")).isEqualTo("om.west success,om.west success");
        assertThat(server.database().jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select string_agg(coalesce(detail, ''), ' ') from audit_event").mapTo(String.class).one()))
                .as("the audit trail names the record, never the ethnicity").doesNotContain("B2", "African");
    }

    @Test
    @Order(3)
    @DisplayName("another borough's manager is refused and audited, nothing is recorded; a neighbourhood officer never sees the offender's ethnicity")
    void ethnicityRefused() {
        camdenManager.get("/investigation/offenders");
        assertThat(camdenManager.post("/investigation/offenders/nominals/OFD/case", caseForm("A1", "self-defined"))
                .statusCode()).isEqualTo(403);
        assertThat(deniedDetail("iom-case", "om.camden")).contains("user works in " + CAMDEN);
        assertThat(ethnicityOf("PR-OFD")).isEqualTo("B2 White");
        HttpResponse<String> page = westminsterNeighbourhood.get("/investigation/offenders/nominals/OFD");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("African");
    }

    // ---- MAPP meeting actions -------------------------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("the case page shows each action open or overdue; overdue open actions are on the home page in the manager's reach")
    void overdueActions() {
        String page = westminsterManager.get("/investigation/offenders/mappa/OFD").body();
        assertThat(row(page, policeAction)).contains("Overdue").doesNotContain("Open");
        assertThat(row(page, probationAction)).contains(">Open<").doesNotContain("Overdue");
        // the police close their own action, and record probation's done on probation's word
        assertThat(page).contains("mark-done-" + policeAction).contains("mark-done-" + probationAction);
        assertThat(westminsterManager.get("/").body()).contains("1 MAPP meeting action is overdue")
                .contains("/investigation/offenders/mappa/OFD");
        assertThat(camdenManager.get("/").body()).contains("1 MAPP meeting action is overdue")
                .contains("/investigation/offenders/mappa/OFB");
        // the force's public protection unit sees both boroughs': OFD's police action and OFB's
        assertThat(lead.get("/").body()).contains("2 MAPP meeting actions are overdue");
    }

    @Test
    @Order(5)
    @DisplayName("marking done another borough's action or without the MAPPA duty is refused and audited")
    void markDoneRefused() {
        Map<String, String> done = Map.of("doneOn", "2024-12-28", "doneNote", "Visited; no concerns");
        camdenManager.get("/investigation/offenders");
        assertThat(camdenManager.post("/investigation/offenders/mappa/OFD/actions/" + policeAction + "/done", done)
                .statusCode()).isEqualTo(403);
        assertThat(deniedDetail("mappa-action", "om.camden")).contains("user works in " + CAMDEN);
        analyst.get("/investigation/offenders/mappa?purpose=review");
        assertThat(analyst.post("/investigation/offenders/mappa/OFD/actions/" + policeAction + "/done?purpose=review",
                done).statusCode()).isEqualTo(403);
        assertThat(deniedDetail("mappa-action", "analyst")).contains("not for an intelligence analyst");
        // an action of another case is not this case's
        assertThat(westminsterManager.post("/investigation/offenders/mappa/OFB/actions/" + policeAction + "/done",
                done).statusCode()).isEqualTo(404);
        assertThat(server.database().jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from mappa_meeting_action where done_on is not null").mapTo(Integer.class).one()))
                .isZero();
        assertThat(audited("mappa-action.done")).isNull();
    }

    @Test
    @Order(6)
    @DisplayName("the police action is marked done with a day and a note under the checks, audited with the change, and leaves the home page")
    void markDone() {
        String path = "/investigation/offenders/mappa/OFD/actions/" + policeAction + "/done";
        westminsterManager.get("/investigation/offenders/mappa/OFD");
        HttpResponse<String> future = westminsterManager.post(path, Map.of("doneOn", "2025-01-02",
                "doneNote", "Visited"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("href=\"#action" + policeAction + "DoneOn\"")
                .contains("cannot be in the future");
        // the meeting that set it was held on 2024-12-01
        HttpResponse<String> early = westminsterManager.post(path, Map.of("doneOn", "2024-11-30",
                "doneNote", "Visited"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("The action was set at the meeting of 2024-12-01");
        HttpResponse<String> silent = westminsterManager.post(path, Map.of("doneOn", "2024-12-28", "doneNote", " "));
        assertThat(silent.statusCode()).isEqualTo(400);
        assertThat(silent.body()).contains("href=\"#action" + policeAction + "DoneNote\"").contains("Say what was done");

        assertThat(westminsterManager.post(path, Map.of("doneOn", "2024-12-28",
                "doneNote", "Visited unannounced; living at the approved address")).statusCode()).isEqualTo(302);
        assertThat(server.database().jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select done_on || ' ' || done_by from mappa_meeting_action where id = :id")
                .bind("id", policeAction).mapTo(String.class).one())).isEqualTo("2024-12-28 om.west");
        assertThat(audited("mappa-action.done")).isEqualTo("om.west success");
        String page = westminsterManager.get("/investigation/offenders/mappa/OFD").body();
        assertThat(row(page, policeAction)).contains("Done").contains("2024-12-28, marked by om.west")
                .contains("Visited unannounced; living at the approved address").doesNotContain("Overdue")
                .doesNotContain("mark-done-" + policeAction);
        // marked once: a second time is refused beside the field
        HttpResponse<String> again = westminsterManager.post(path, Map.of("doneOn", "2024-12-29", "doneNote", "Again"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This action was marked done on 2024-12-28");
        assertThat(westminsterManager.get("/").body()).doesNotContain("MAPP meeting action");
        assertThat(lead.get("/").body()).contains("1 MAPP meeting action is overdue");
    }

    @Test
    @Order(7)
    @DisplayName("probation's action is recorded done by the police on probation's word, with who confirmed it, and the audit says so")
    void markDoneOnAnotherAgencysWord() {
        String path = "/investigation/offenders/mappa/OFD/actions/" + probationAction + "/done";
        westminsterManager.get("/investigation/offenders/mappa/OFD");
        assertThat(westminsterManager.post(path, Map.of("doneOn", "2024-12-28",
                "doneNote", "Probation (J. Okafor) confirmed the licence conditions were varied")).statusCode())
                .isEqualTo(302);
        assertThat(server.database().jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select done_on || ' ' || done_by from mappa_meeting_action where id = :id")
                .bind("id", probationAction).mapTo(String.class).one())).isEqualTo("2024-12-28 om.west");
        assertThat(server.database().jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select detail from audit_event where action = 'mappa-action.done' and record_id = :id")
                .bind("id", Long.toString(probationAction)).mapTo(String.class).one()))
                .contains("PROBATION action done 2024-12-28").contains("recorded done on its word");
    }
}
