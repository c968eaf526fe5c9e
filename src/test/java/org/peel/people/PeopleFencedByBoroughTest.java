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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("People fenced by borough: a local role sees and changes a person only through its own borough's records")
class PeopleFencedByBoroughTest {

    private static TestServer server;
    private static Jdbi jdbi;
    /** Zara Quinton: seen only in two Camden crimes. */
    private static long camden;
    /** Yusuf Adeyemi: a victim in a Westminster crime and a suspect in a Camden one, at different addresses. */
    private static long both;
    /** Keira Lomax: seen only in a Westminster crime. */
    private static long westminster;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = server.database().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        LocalDate zaraBorn = LocalDate.of(1987, 4, 19);
        PeopleWebRecords.insert(jdbi, "cam-1", "crime", "CAM-1", Fixtures.CAMDEN, "victim", "Zara", "Quinton",
                zaraBorn, "NW1 7QT", "4 Quarry Mews");
        PeopleWebRecords.insert(jdbi, "cam-2", "crime", "CAM-2", Fixtures.CAMDEN, "witness", "Zara", "Quintonn",
                zaraBorn, "NW1 7QT", "4 Quarry Mews");
        PeopleWebRecords.insert(jdbi, "mix-w", "crime", "WES-9", Fixtures.WESTMINSTER, "victim", "Yusuf", "Adeyemi",
                LocalDate.of(1979, 2, 2), "SW1A 1AA", "9 Wharf Row");
        PeopleWebRecords.insert(jdbi, "mix-c", "crime", "CAM-9", Fixtures.CAMDEN, "suspect", "Yusuf", "Adeyemi",
                LocalDate.of(1979, 2, 2), "NW5 2HX", "77 Kiln Lane");
        PeopleWebRecords.insert(jdbi, "wes-1", "crime", "WES-1", Fixtures.WESTMINSTER, "victim", "Keira", "Lomax",
                LocalDate.of(1990, 8, 8), "SW1P 3BU", "2 Tufton Court");
        PeopleStore store = new PeopleStore(jdbi);
        camden = store.newPerson(List.of(seq("cam-1"), seq("cam-2")), Fixtures.intelligenceAnalyst(), "resolved");
        both = store.newPerson(List.of(seq("mix-w"), seq("mix-c")), Fixtures.intelligenceAnalyst(), "resolved");
        westminster = store.newPerson(List.of(seq("wes-1")), Fixtures.intelligenceAnalyst(), "resolved");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long seq(String recordId) {
        return PeopleWebRecords.seq(jdbi, recordId);
    }

    private static List<AuditTrail.Entry> refusals(String username) {
        return new AuditTrail(jdbi).search(new AuditTrail.Filter(username, "person", Long.toString(camden), null, null,
                "access-denied"), 10);
    }

    @Test
    @DisplayName("a Westminster investigator opening a person seen only in Camden crimes is told there is no such person, and the refusal is audited")
    void camdenPersonIsNotFoundInWestminster() {
        // given an investigator working in Westminster
        WebClient dc = server.signedIn("dc.fence.page", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        // when they open the page of a person whose records are all Camden crimes
        HttpResponse<String> page = dc.get(PeopleWebRecords.page(jdbi, camden));

        // then the person is not there for them: no name, no date of birth, no address
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Quinton").doesNotContain("1987-04-19").doesNotContain("Quarry Mews");
        // and the refusal is in the audit trail
        assertThat(refusals("dc.fence.page")).hasSize(1);
    }

    @Test
    @DisplayName("a Camden investigator and a force-wide analyst see the Camden person's records")
    void camdenAndForceWideSeeThem() {
        HttpResponse<String> local = server.signedIn("dc.fence.camden", Role.INVESTIGATOR, Fixtures.CAMDEN)
                .get(PeopleWebRecords.page(jdbi, camden));
        HttpResponse<String> analyst = server.signedIn("ia.fence.page", Role.INTELLIGENCE_ANALYST, null)
                .get(PeopleWebRecords.page(jdbi, camden) + "?purpose=tasking");

        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("Zara Quinton").contains("Quarry Mews");
        assertThat(analyst.statusCode()).isEqualTo(200);
        assertThat(analyst.body()).contains("Zara Quinton");
    }

    @Test
    @DisplayName("a person seen in both boroughs is shown to Westminster through the Westminster record only")
    void mixedPersonShowsOnlyTheOwnBoroughsRecords() {
        WebClient dc = server.signedIn("dc.fence.mixed", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> page = dc.get(PeopleWebRecords.page(jdbi, both));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Yusuf Adeyemi").contains("9 Wharf Row").contains("WES-9")
                .doesNotContain("Kiln Lane").doesNotContain("CAM-9").doesNotContain("NW5 2HX");
    }

    @Test
    @DisplayName("a person's number in the URL is not accepted; only their random reference is")
    void numbersAreNotReferences() {
        WebClient dc = server.signedIn("dc.fence.number", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> byNumber = dc.get("/people/" + westminster);
        HttpResponse<String> byRef = dc.get(PeopleWebRecords.page(jdbi, westminster));

        assertThat(byNumber.statusCode()).isEqualTo(404);
        assertThat(byNumber.body()).doesNotContain("Lomax");
        assertThat(byRef.statusCode()).isEqualTo(200);
        assertThat(PeopleWebRecords.ref(jdbi, westminster))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    @DisplayName("search results leave out persons Westminster may not see, but not for a force-wide analyst")
    void searchIsFenced() {
        String query = "/people/search/results?forename=Zara&surname=Quinton&dob=1987-04-19";

        HttpResponse<String> local = server.signedIn("dc.fence.search", Role.INVESTIGATOR, Fixtures.WESTMINSTER)
                .get(query);
        HttpResponse<String> analyst = server.signedIn("ia.fence.search", Role.INTELLIGENCE_ANALYST, null)
                .get(query + "&purpose=tasking");

        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).doesNotContain("Quinton").doesNotContain("data-testid=\"candidate\"");
        assertThat(analyst.body()).contains("Quinton").contains("data-testid=\"candidate\"");
    }

    @Test
    @DisplayName("the likely persons offered in a Westminster crime form leave out the Camden person")
    void likelyPersonsAreFenced() {
        String query = "/people/likely?as=victim&for=crime&victim_forenames=Zara&victim_surname=Quinton"
                + "&victim_dob=1987-04-19";

        HttpResponse<String> local = server.signedIn("pc.fence.likely", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER)
                .get(query);
        HttpResponse<String> camdenOfficer = server.signedIn("pc.fence.likely.c", Role.RESPONSE_OFFICER,
                Fixtures.CAMDEN).get(query);

        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).doesNotContain("Quinton").doesNotContain("data-testid=\"victim-candidate\"");
        assertThat(camdenOfficer.body()).contains("Quinton")
                .contains("value=\"" + PeopleWebRecords.ref(jdbi, camden) + "\"");
    }

    @Test
    @DisplayName("the duplicate-review queue holds for Westminster no pair of Camden records, nor may Westminster decide one")
    void reviewIsFenced() {
        // given an uncertain pair of the two Camden records in the queue
        PeopleStore store = new PeopleStore(jdbi);
        long review = queue(store, "cam-1", "cam-2");
        WebClient dc = server.signedIn("dc.fence.review", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        // when a Westminster investigator opens the queue and tries to decide the pair
        HttpResponse<String> queue = dc.get("/people/review");
        HttpResponse<String> decided = dc.post("/people/review/" + review,
                Map.of("decision", "different", "reason", "not the same"));

        // then the pair is not shown, the decision is refused and audited, and the pair is still open
        assertThat(queue.body()).doesNotContain("data-review=\"" + review + "\"").doesNotContain("Quinton");
        assertThat(decided.statusCode()).isEqualTo(403);
        assertThat(new AuditTrail(jdbi).search(new AuditTrail.Filter("dc.fence.review", "review_pair",
                Long.toString(review), null, null, "access-denied"), 10)).hasSize(1);
        assertThat(store.openReviews(500)).extracting(PeopleStore.ReviewPair::id).contains(review);
        // while Camden's queue holds it
        assertThat(server.signedIn("dc.fence.review.c", Role.INVESTIGATOR, Fixtures.CAMDEN).get("/people/review")
                .body()).contains("data-review=\"" + review + "\"");
    }

    @Test
    @DisplayName("a Westminster investigator may not merge a Camden person in, nor merge into or unmerge a Camden person")
    void mergeAndUnmergeAreFenced() {
        PeopleStore store = new PeopleStore(jdbi);
        Map<Long, Long> before = store.currentLinks();
        WebClient dc = server.signedIn("dc.fence.merge", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        dc.get(PeopleWebRecords.page(jdbi, westminster));

        HttpResponse<String> pullIn = dc.post(PeopleWebRecords.page(jdbi, westminster) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, camden), "reason", "same person"));
        HttpResponse<String> into = dc.post(PeopleWebRecords.page(jdbi, camden) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, westminster), "reason", "same person"));
        HttpResponse<String> undo = dc.post(PeopleWebRecords.page(jdbi, camden) + "/unmerge",
                Map.of("decision", "1", "reason", "wrong"));

        assertThat(pullIn.statusCode()).isIn(400, 403, 404);
        assertThat(pullIn.body()).doesNotContain("Quinton");
        assertThat(into.statusCode()).isEqualTo(404);
        assertThat(undo.statusCode()).isEqualTo(404);
        assertThat(store.currentLinks()).isEqualTo(before);
        assertThat(refusals("dc.fence.merge")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("a person with a Camden record may be merged by Westminster only when every record involved is Westminster's")
    void mergeNeedsEveryRecordInTheBorough() {
        PeopleStore store = new PeopleStore(jdbi);
        Map<Long, Long> before = store.currentLinks();
        WebClient dc = server.signedIn("dc.fence.every", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        dc.get(PeopleWebRecords.page(jdbi, both));

        HttpResponse<String> merged = dc.post(PeopleWebRecords.page(jdbi, both) + "/merge",
                Map.of("other", PeopleWebRecords.ref(jdbi, westminster), "reason", "same person"));

        assertThat(merged.statusCode()).isEqualTo(403);
        assertThat(store.currentLinks()).isEqualTo(before);
        assertThat(new AuditTrail(jdbi).search(new AuditTrail.Filter("dc.fence.every", "person",
                Long.toString(both), null, null, "access-denied"), 10)).hasSize(1);
    }

    @Test
    @DisplayName("GET /api/v1/people/{ref} gives the records the caller may see, each with its borough_code")
    void apiGivesVisibleRecordsWithBorough() {
        WebClient dc = server.signedIn("dc.fence.api", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        WebClient analyst = server.signedIn("ia.fence.api", Role.INTELLIGENCE_ANALYST, null);
        String path = "/api/v1/people/" + PeopleWebRecords.ref(jdbi, both);

        HttpResponse<String> local = dc.get(path);
        HttpResponse<String> hidden = dc.get("/api/v1/people/" + PeopleWebRecords.ref(jdbi, camden));
        HttpResponse<String> noPurpose = analyst.get(path);
        HttpResponse<String> withPurpose = analyst.getWithHeader(path, "X-Peel-Purpose", "Operation Kestrel");

        assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
        assertThat(local.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(local.body()).contains("\"person_ref\":\"" + PeopleWebRecords.ref(jdbi, both) + "\"")
                .contains("\"borough_code\":\"" + Fixtures.WESTMINSTER + "\"").contains("\"source_id\":\"WES-9\"")
                .doesNotContain(Fixtures.CAMDEN).doesNotContain("Kiln Lane");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Quinton");
        assertThat(refusals("dc.fence.api")).hasSize(1);
        assertThat(noPurpose.statusCode()).isEqualTo(403);
        assertThat(withPurpose.statusCode()).isEqualTo(200);
        assertThat(withPurpose.body()).contains("\"borough_code\":\"" + Fixtures.CAMDEN + "\"").contains("Kiln Lane");
        assertThat(new AuditTrail(jdbi).search(new AuditTrail.Filter("ia.fence.api", "person", Long.toString(both),
                null, null, "view"), 10)).extracting(AuditTrail.Entry::purpose).containsExactly("Operation Kestrel");
    }

    @Test
    @DisplayName("a sexual offence record is withheld by the mark it was stored with, without the crime being read")
    void sensitivityIsTheRecordsOwn() {
        // given a Westminster person with an ordinary record and one stored as a sexual offence record (its crime
        // is not in this database: the people pages must not need it)
        PeopleWebRecords.insert(jdbi, "nv-1", "crime", "WES-21", Fixtures.WESTMINSTER, "victim", "Nadia", "Voss",
                LocalDate.of(1995, 5, 5), "SW1E 5HX", "3 Ashley Place");
        PeopleWebRecords.insert(jdbi, "nv-2", "crime", "WES-22", Fixtures.WESTMINSTER, "victim", "Nadia", "Voss",
                LocalDate.of(1995, 5, 5), "SW1E 5HX", "3 Ashley Place");
        jdbi.useHandle(h -> h.execute("update person_record set sensitivities = '{SEXUAL_OFFENCE}' where id = 'nv-2'"));
        long nadia = new PeopleStore(jdbi).newPerson(List.of(seq("nv-1"), seq("nv-2")),
                Fixtures.intelligenceAnalyst(), "resolved");

        // when a response officer (who may not see sexual offences) and an investigator (who may) open her page
        HttpResponse<String> officer = server.signedIn("pc.fence.sx", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER)
                .get(PeopleWebRecords.page(jdbi, nadia));
        HttpResponse<String> dc = server.signedIn("dc.fence.sx", Role.INVESTIGATOR, Fixtures.WESTMINSTER)
                .get(PeopleWebRecords.page(jdbi, nadia));

        // then the officer is shown the ordinary record and told one more is withheld; the investigator sees both
        assertThat(officer.body()).contains("WES-21").doesNotContain("WES-22").contains("data-testid=\"withheld\"");
        assertThat(dc.body()).contains("WES-21").contains("WES-22");
    }

    private static long queue(PeopleStore store, String leftId, String rightId) {
        long left = seq(leftId);
        long right = seq(rightId);
        store.queueForReview(left, right, new MatchExplanation(Long.toString(left), Long.toString(right), -6.0,
                List.of(new FieldContribution("surname", "similar", "similar", 0.9, 0.01, 3.0, 0.5)),
                MatchWeight.of(-1.0)));
        return jdbi.withHandle(h -> h.createQuery("""
                        select id from review_pair where left_record_id = :l and right_record_id = :r""")
                .bind("l", Math.min(left, right)).bind("r", Math.max(left, right)).mapTo(Long.class).one());
    }
}
