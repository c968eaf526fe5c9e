package org.peel.people;

import org.jdbi.v3.core.Jdbi;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The people pages: search before create and who may open them")
class PeopleWebSearchTest {

    private static TestServer server;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = server.database().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("typed details, misspelt, find the existing person first, with the probability and each field's bits")
    void searchFindsThePersonWithWhy() {
        // Oliver Okafor is person number 22 (index 22): given "Oliver", surname "Okafor"
        long person = new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, "pr-23")).orElseThrow();
        WebClient investigator = server.signedIn("dc.search", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> r = investigator.get("/people/search/results?forename=Oliver&surname=Okafr&dob="
                + PeopleWebRecords.dob(22) + "&postcode=" + PeopleWebRecords.postcode(22).replace(' ', '+'));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String body = r.body();
        int first = body.indexOf("data-testid=\"candidate\"");
        assertThat(first).as(body).isPositive();
        assertThat(body.substring(first, first + 80)).contains("data-person=\"" + PeopleWebRecords.ref(jdbi, person) + "\"");
        assertThat(body).contains("likely").contains("data-testid=\"explanation\"").contains("data-field=\"dob\"")
                .contains("govuk-tag--green").contains("href=\"" + PeopleWebRecords.page(jdbi, person) + "\"");
        assertThat(body).doesNotContain("<html");
    }

    @Test
    @DisplayName("the search page offers the form that asks for candidates as the user types")
    void searchPageTypesAhead() {
        WebClient investigator = server.signedIn("dc.page", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> r = investigator.get("/people/search");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("hx-get=\"/people/search/results\"")
                .contains("hx-trigger=\"keyup changed delay:300ms, change\"").contains("id=\"search-results\"");
    }

    @Test
    @DisplayName("a neighbourhood officer, without the investigation section, is refused, and the refusal audited")
    void neighbourhoodOfficerRefused() {
        long person = new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, "pr-1")).orElseThrow();
        WebClient officer = server.signedIn("pc.people", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

        assertThat(officer.get("/people/search").statusCode()).isEqualTo(403);
        assertThat(officer.get("/people/search/results?surname=Smith").statusCode()).isEqualTo(403);
        assertThat(officer.get(PeopleWebRecords.page(jdbi, person)).statusCode()).isEqualTo(403);
        assertThat(officer.get("/people/review").statusCode()).isEqualTo(403);
        List<AuditTrail.Entry> denied = new AuditTrail(jdbi).search(
                new AuditTrail.Filter("pc.people", null, null, null, null, "access-denied"), 10);
        assertThat(denied).hasSize(4);
    }

    @Test
    @DisplayName("an intelligence analyst is asked for a purpose before a person is shown, and it is audited")
    void analystStatesPurposeFirst() {
        long person = new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, "pr-23")).orElseThrow();
        WebClient analyst = server.signedIn("ia.people", Role.INTELLIGENCE_ANALYST, null);

        HttpResponse<String> asked = analyst.get(PeopleWebRecords.page(jdbi, person));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("State your purpose").contains("name=\"purpose\"")
                .contains("action=\"" + PeopleWebRecords.page(jdbi, person) + "\"").doesNotContain("Okafor");

        HttpResponse<String> shown = analyst.get(PeopleWebRecords.page(jdbi, person) + "?purpose=Operation+Kestrel+tasking");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Oliver Okafor").contains("data-testid=\"records\"")
                .contains("name=\"purpose\" value=\"Operation Kestrel tasking\"");
        List<AuditTrail.Entry> views = new AuditTrail(jdbi).search(
                new AuditTrail.Filter("ia.people", "person", Long.toString(person), null, null, "view"), 10);
        assertThat(views).extracting(AuditTrail.Entry::purpose).containsExactly("Operation Kestrel tasking");
    }

    @Test
    @DisplayName("a record of a kind the viewer's role may not see is left off the person page, only counted")
    void sensitiveRecordWithheld() {
        PeopleWebRecords.insert(jdbi, "pr-da-1", "domestic_abuse_incident", "dai-1", "victim", "Mary", "Jones",
                PeopleWebRecords.dob(11), PeopleWebRecords.postcode(11), "12 High Street");
        long record = PeopleWebRecords.seq(jdbi, "pr-da-1");
        PeopleStore store = new PeopleStore(jdbi);
        long person = store.personOf(PeopleWebRecords.seq(jdbi, "pr-12")).orElseThrow();
        long alone = store.newPerson(List.of(record), Fixtures.investigatorIn(Fixtures.WESTMINSTER), "test record");
        store.merge(person, alone, Fixtures.investigatorIn(Fixtures.WESTMINSTER), "same victim", null);

        HttpResponse<String> analyst = server.signedIn("ia.withheld", Role.INTELLIGENCE_ANALYST, null)
                .get(PeopleWebRecords.page(jdbi, person) + "?purpose=tasking");
        HttpResponse<String> investigator = server.signedIn("dc.withheld", Role.INVESTIGATOR, Fixtures.WESTMINSTER)
                .get(PeopleWebRecords.page(jdbi, person));

        assertThat(analyst.body()).doesNotContain("dai-1").contains("data-testid=\"withheld\"");
        assertThat(investigator.body()).contains("dai-1").contains("Domestic abuse incident")
                .doesNotContain("data-testid=\"withheld\"");
    }
}
