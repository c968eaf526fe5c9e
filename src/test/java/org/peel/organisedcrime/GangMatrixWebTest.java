package org.peel.organisedcrime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The gangs matrix within the Information Commissioner's safeguards: pages, removal, sharing and findings")
class GangMatrixWebTest {

    private static final String PURPOSE = "?purpose=Gangs%20review";
    private static final LocalDate TODAY = LocalDate.now();
    private static TestServer server;
    private static WebClient analyst;
    private static GangStore store;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.user("gang.analyst", Role.INTELLIGENCE_ANALYST, null);
        analyst = server.anonymous();
        analyst.signIn("gang.analyst", TestServer.PASSWORD);
        store = new GangStore(server.database().jdbi());
        SharingStore sharing = new SharingStore(server.database().jdbi(), new AuditTrail(server.database().jdbi()),
                Clock.systemDefaultZone());
        sharing.addOrganisation(null, new SharingStore.Organisation("yot-w", "Westminster youth offending team",
                OrganisationKind.values()[0], Fixtures.WESTMINSTER));
        sharing.addAgreement(null, new SharingAgreement("ISA-GANGS", "Gangs partnership", List.of("yot-w"),
                "Safeguarding young people linked to gangs", "Article 6(1)(e)", Set.of(DataCategory.IDENTITY),
                "2 years", TODAY.minusYears(1), TODAY.plusYears(1), "DCI Test", null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> person(String surname, String kind, String role, String source) {
        Map<String, String> form = new HashMap<>(Map.of("forenames", "Test", "surname", surname,
                "dateOfBirth", TODAY.minusYears(19).toString(), "sex", "M", "ethnicity", "Not stated",
                "gangName", "Test Boys", "borough", Fixtures.WESTMINSTER, "dpia", "DPIA-T-1"));
        form.putAll(Map.of("kind", kind, "role", role, "occurredOn", TODAY.minusMonths(2).toString(), "source", source));
        return form;
    }

    private static String considered(String surname, String kind, String role, String source) {
        HttpResponse<String> r = analyst.post("/organised-crime/gangs" + PURPOSE, person(surname, kind, role, source));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring("/organised-crime/gangs/".length(), location.indexOf('?'));
    }

    @Test
    @DisplayName("a victim of a weapons offence is recorded apart, scores 0 and is not on the matrix")
    void victimNotIncluded() {
        String id = considered("Victimone", "weapons", "victim", "crime V1");
        GangStore.Nominal n = store.find(id).orElseThrow();
        assertThat(n.status()).isEqualTo("not included");
        assertThat(n.score()).isZero();
        String page = analyst.get("/organised-crime/gangs/" + id + PURPOSE).body();
        assertThat(page).contains("As a victim (recorded apart, never scores)", "crime V1");
        assertThat(analyst.get("/organised-crime/gangs" + PURPOSE).body()).doesNotContain("Victimone");
    }

    @Test
    @DisplayName("violence (5) then drugs supply (3) from a second source includes the person at 8, due for review"
            + " in 91 days; a share under an agreement naming the recipient goes out and is logged; one without is refused")
    void corroboratedThenShared() {
        String id = considered("Perpone", "violence", "perpetrator", "crime P1");
        assertThat(store.find(id).orElseThrow().status()).as("one source only").isEqualTo("not included");
        HttpResponse<String> added = analyst.post("/organised-crime/gangs/" + id + "/involvements" + PURPOSE,
                Map.of("kind", "drugs supply", "role", "perpetrator", "occurredOn", TODAY.minusMonths(1).toString(),
                        "source", "intelligence P2"));
        assertThat(added.statusCode()).isEqualTo(302);
        GangStore.Nominal n = store.find(id).orElseThrow();
        assertThat(n.status()).isEqualTo("included");
        assertThat(n.score()).isEqualTo(8);
        assertThat(n.sources()).isEqualTo(2);
        assertThat(n.reviewDue()).isEqualTo(TODAY.plusDays(91));
        assertThat(analyst.get("/organised-crime/gangs" + PURPOSE).body()).contains("Perpone");

        HttpResponse<String> ok = analyst.post("/organised-crime/gangs/" + id + "/shares" + PURPOSE,
                Map.of("recipient", "yot-w", "agreement", "ISA-GANGS", "sharePurpose", "Safeguarding referral"));
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = analyst.post("/organised-crime/gangs/" + id + "/shares" + PURPOSE,
                Map.of("recipient", "housing-w", "agreement", "ISA-GANGS", "sharePurpose", "Tenancy check"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not a party to agreement ISA-GANGS");
        List<GangStore.Share> log = store.shares(id);
        assertThat(log).extracting(GangStore.Share::recipientId).containsExactly("housing-w", "yot-w");
        assertThat(log).extracting(GangStore.Share::allowed).containsExactly(false, true);
        assertThat(new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter("gang.analyst", "gang_nominal", id, null, null, null), 20))
                .anyMatch(e -> e.action().equals("gang.share"));
    }

    @Test
    @DisplayName("someone whose review date has passed is taken off the matrix, the removal kept with its reason")
    void lapsedReviewRemoved() {
        String id = considered("Lapsed", "weapons", "perpetrator", "crime L1");
        analyst.post("/organised-crime/gangs/" + id + "/involvements" + PURPOSE, Map.of("kind", "weapons",
                "role", "perpetrator", "occurredOn", TODAY.minusMonths(3).toString(), "source", "crime L2"));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("included");
        server.database().jdbi().useHandle(h -> h.execute(
                "update gang_nominal set review_due = ? where id = ?", TODAY.minusDays(1), id));
        HttpResponse<String> r = analyst.post("/organised-crime/gangs/removals" + PURPOSE, Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        GangStore.Nominal n = store.find(id).orElseThrow();
        assertThat(n.status()).isEqualTo("removed");
        assertThat(n.removedOn()).isEqualTo(TODAY);
        assertThat(n.removalReason()).startsWith("review was due on " + TODAY.minusDays(1));
        assertThat(analyst.get("/organised-crime/gangs" + PURPOSE).body()).doesNotContain("data-gang=\"" + id + "\"");
    }

    @Test
    @DisplayName("an involvement with no role and no source is refused naming both fields, and nothing is recorded")
    void badInvolvement() {
        String id = considered("Formcheck", "violence", "perpetrator", "crime F1");
        HttpResponse<String> r = analyst.post("/organised-crime/gangs/" + id + "/involvements" + PURPOSE,
                Map.of("kind", "violence", "occurredOn", TODAY.toString()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Choose whether the person was the perpetrator or the victim", "Name the source");
        assertThat(store.involvements(id)).hasSize(1);
    }

    @Test
    @DisplayName("the findings page lists the Commissioner's eight findings with a live figure and a link to the evidence"
            + " the reader may open; the equality report says that sex by borough is not held")
    void findingsAndEquality() {
        String findings = analyst.get("/organised-crime/gangs/safeguards").body();
        assertThat(findings).contains("data-finding=\"1\"", "data-finding=\"8\"", "victim involvements recorded apart",
                "href=\"/organised-crime/gangs/equality\"");
        // an intelligence analyst has no part in partnership or administration: the share log and the audit trail
        // would refuse them, so they are not offered
        assertThat(findings).doesNotContain("href=\"/partners/agreements\"", "href=\"/admin/audit\"");
        assertThat(analyst.get("/partners/agreements").statusCode()).isEqualTo(403);
        String equality = analyst.get("/organised-crime/gangs/equality").body();
        assertThat(equality).contains("Neither public data set Peel holds gives residents by sex");
    }

    @Test
    @DisplayName("the home page tells an analyst of a group never scored under the register's model, and a"
            + " neighbourhood officer (who may not see the register) of nothing")
    void homeAttention() {
        OcgFixtures.group(server.database().jdbi(), "H-1", "Home Crew", Fixtures.WESTMINSTER, "drugs supply", false,
                "none", false, false, "local", TODAY.minusMonths(1), 3, 1);
        assertThat(analyst.get("/").body()).contains("1 organised crime group due for reassessment",
                "/organised-crime/groups?due=1");
        WebClient pc = server.signedIn("pc.home", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get("/").body()).doesNotContain("due for reassessment");
    }

    @Test
    @DisplayName("a neighbourhood officer is refused the matrix")
    void refused() {
        WebClient pc = server.signedIn("pc.gangs", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get("/organised-crime/gangs" + PURPOSE).statusCode()).isEqualTo(403);
    }
}
