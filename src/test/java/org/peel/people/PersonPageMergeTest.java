package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.Sensitivity;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The person page: records across Peel, merge and unmerge")
class PersonPageMergeTest {

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

    private static long personOf(String recordId) {
        return new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, recordId)).orElseThrow();
    }

    @Test
    @DisplayName("merging another person in from the page, then unmerging, puts every record back; both audited")
    void mergeThenUnmergeFromThePage() {
        long into = personOf("pr-7");
        long from = personOf("pr-8");
        PeopleStore store = new PeopleStore(jdbi);
        Map<Long, Long> before = store.currentLinks();
        WebClient investigator = server.signedIn("dc.merge", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        assertThat(investigator.get(PeopleWebRecords.page(jdbi, into)).body()).contains("data-testid=\"merge-form\"");

        HttpResponse<String> merged = investigator.post(PeopleWebRecords.page(jdbi, into) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, from), "reason", "same person, recorded twice"));

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
        assertThat(store.recordsOf(from)).isEmpty();
        HttpResponse<String> page = investigator.get(PeopleWebRecords.page(jdbi, into));
        assertThat(page.body()).contains("George Smith").contains("Ava Smith").contains("data-kind=\"merge\"")
                .contains("same person, recorded twice").doesNotContain("null");
        long decision = store.history(into).stream().filter(d -> d.kind() == LinkDecision.Kind.MERGE)
                .findFirst().orElseThrow().id();

        HttpResponse<String> unmerged = investigator.post(PeopleWebRecords.page(jdbi, into) + "/unmerge",
                Map.of("decision", Long.toString(decision), "reason", "not the same: different dates of birth"));

        assertThat(unmerged.statusCode()).as(unmerged.body()).isEqualTo(302);
        assertThat(store.currentLinks()).isEqualTo(before);
        AuditTrail audit = new AuditTrail(jdbi);
        for (String action : new String[]{"person.merge", "person.unmerge"}) {
            assertThat(audit.search(new AuditTrail.Filter("dc.merge", "person", Long.toString(into), null, null,
                    action), 10)).as(action).hasSize(1);
        }
        assertThat(investigator.get(PeopleWebRecords.page(jdbi, from)).body()).contains("Ava Smith").contains("data-kind=\"unmerge\"");
    }

    @Test
    @DisplayName("a merge with no such number or no reason is answered beside the field, and nothing moves")
    void mergeMistakesShownBesideTheField() {
        long into = personOf("pr-10");
        long from = personOf("pr-11");
        PeopleStore store = new PeopleStore(jdbi);
        WebClient investigator = server.signedIn("dc.mistake", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        investigator.get(PeopleWebRecords.page(jdbi, into));

        HttpResponse<String> notNumber = investigator.post(PeopleWebRecords.page(jdbi, into) + "/merge",
                Map.of("other", "Mia", "reason", "same"));
        HttpResponse<String> noReason = investigator.post(PeopleWebRecords.page(jdbi, into) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, from), "reason", ""));
        HttpResponse<String> itself = investigator.post(PeopleWebRecords.page(jdbi, into) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, into), "reason", "same"));

        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).contains("govuk-error-summary").contains("href=\"#other\"");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(store.recordsOf(from)).isNotEmpty();
    }

    @Test
    @DisplayName("unmerge names only a merge into this person; an unknown person is not found")
    void unmergeOnlyThisPersonsMerge() {
        long person = personOf("pr-13");
        WebClient investigator = server.signedIn("dc.wrong", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        investigator.get(PeopleWebRecords.page(jdbi, person));

        HttpResponse<String> r = investigator.post(PeopleWebRecords.page(jdbi, person) + "/unmerge",
                Map.of("decision", "1", "reason", "mistake"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(investigator.get("/people/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("an analyst states a purpose on the search page first; a read-only inspector sees no merge form")
    void purposeOnSearchAndNoMergeForReadOnly() {
        WebClient analyst = server.signedIn("ia.search", Role.INTELLIGENCE_ANALYST, null);
        HttpResponse<String> asked = analyst.get("/people/search");
        assertThat(asked.body()).contains("State your purpose").contains("action=\"/people/search\"");
        assertThat(analyst.get("/people/search?purpose=Operation+Heron").body())
                .contains("name=\"purpose\" value=\"Operation Heron\"").contains("hx-get=\"/people/search/results\"");

        long person = personOf("pr-14");
        WebClient inspector = server.signedIn("hmi.person", Role.INSPECTOR, null);
        HttpResponse<String> page = inspector.get(PeopleWebRecords.page(jdbi, person) + "?purpose=inspection");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-testid=\"merge-form\"");
        assertThat(inspector.post(PeopleWebRecords.page(jdbi, person) + "/merge", Map.of("other", "1", "reason", "x",
                "purpose", "inspection")).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("records of sensitive kinds carry the sensitivity a viewer's role must hold")
    void sensitiveKinds() {
        PeopleWebRecords.insert(jdbi, "pr-m-1", "missing_episode", "me-1", "missing person", "Isla", "Nowak",
                LocalDate.of(2012, 4, 2), "M1 1AB", "3 Mill Lane");
        PeopleWebRecords.insert(jdbi, "pr-o-1", "ocg", "ocg-1", "member", "Harry", "Wilson",
                LocalDate.of(1990, 4, 2), "M1 1AB", "4 Mill Lane");
        PersonRecordStore records = new PersonRecordStore(jdbi);
        var bySeq = records.bySeq(java.util.List.of(PeopleWebRecords.seq(jdbi, "pr-m-1"),
                PeopleWebRecords.seq(jdbi, "pr-o-1")));

        assertThat(bySeq.get(PeopleWebRecords.seq(jdbi, "pr-m-1")).sensitivities())
                .containsExactly(Sensitivity.CHILD_PROTECTION);
        assertThat(bySeq.get(PeopleWebRecords.seq(jdbi, "pr-o-1")).sensitivities())
                .containsExactly(Sensitivity.INTELLIGENCE);
        assertThat(PersonRecordStore.sensitivitiesOf("domestic-abuse", false, false))
                .containsExactly(Sensitivity.DOMESTIC_ABUSE);
        assertThat(PersonRecordStore.sensitivitiesOf("asb_incident", false, false)).isEmpty();
    }
}
