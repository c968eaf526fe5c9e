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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Reviewing a likely duplicate on the web: merge, then unmerge")
class ReviewMergeUnmergeWebTest {

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

    private static long queue(String leftId, String rightId) {
        PeopleStore store = new PeopleStore(jdbi);
        long left = PeopleWebRecords.seq(jdbi, leftId);
        long right = PeopleWebRecords.seq(jdbi, rightId);
        MatchExplanation why = new MatchExplanation(Long.toString(left), Long.toString(right), -6.0,
                List.of(new FieldContribution("surname", "exact", "exact match", 0.9, 0.01, 6.5, 0.5),
                        new FieldContribution("dob", "different", "different dates", 0.05, 0.9, -4.2, 0)),
                MatchWeight.of(-3.2));
        store.queueForReview(left, right, why);
        return jdbi.withHandle(h -> h.createQuery("""
                        select id from review_pair where left_record_id = :l and right_record_id = :r""")
                .bind("l", Math.min(left, right)).bind("r", Math.max(left, right)).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("merging a reviewed pair and then unmerging returns every record to its person, both audited")
    void mergeThenUnmerge() {
        long review = queue("pr-1", "pr-2");
        PeopleStore store = new PeopleStore(jdbi);
        Map<Long, Long> before = store.currentLinks();
        long into = before.get(Math.min(PeopleWebRecords.seq(jdbi, "pr-1"), PeopleWebRecords.seq(jdbi, "pr-2")));
        long from = before.get(Math.max(PeopleWebRecords.seq(jdbi, "pr-1"), PeopleWebRecords.seq(jdbi, "pr-2")));
        assertThat(into).isNotEqualTo(from);
        WebClient investigator = server.signedIn("dc.review", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> queue = investigator.get("/people/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("data-review=\"" + review + "\"").contains("James Smith")
                .contains("Mary Smith").contains("Same person — merge").contains("Different people — keep apart")
                .contains("govuk-tag--green").contains("govuk-tag--red").doesNotContain("null");

        HttpResponse<String> merged = investigator.post("/people/review/" + review,
                Map.of("decision", "same", "reason", "same address and surname, date of birth mistyped"));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
        assertThat(store.recordsOf(from)).isEmpty();
        long mergeDecision = store.history(into).stream()
                .filter(d -> d.kind() == LinkDecision.Kind.MERGE).findFirst().orElseThrow().id();

        HttpResponse<String> page = investigator.get(PeopleWebRecords.page(jdbi, into));
        assertThat(page.body()).contains("name=\"decision\" value=\"" + mergeDecision + "\"").contains("Unmerge");

        HttpResponse<String> unmerged = investigator.post(PeopleWebRecords.page(jdbi, into) + "/unmerge",
                Map.of("decision", Long.toString(mergeDecision), "reason", "different people: twins"));
        assertThat(unmerged.statusCode()).as(unmerged.body()).isEqualTo(302);

        assertThat(store.currentLinks()).isEqualTo(before);
        AuditTrail audit = new AuditTrail(jdbi);
        assertThat(audit.search(new AuditTrail.Filter("dc.review", "person", Long.toString(into), null, null,
                "person.merge"), 10)).hasSize(1);
        assertThat(audit.search(new AuditTrail.Filter("dc.review", "person", Long.toString(into), null, null,
                "person.unmerge"), 10)).hasSize(1);
        assertThat(investigator.get(PeopleWebRecords.page(jdbi, into)).body()).contains("data-kind=\"unmerge\"")
                .contains("different people: twins").doesNotContain("value=\"" + mergeDecision + "\"");
    }

    @Test
    @DisplayName("a pair decided as different people leaves the queue and the records where they were")
    void keepApart() {
        long review = queue("pr-3", "pr-4");
        PeopleStore store = new PeopleStore(jdbi);
        Map<Long, Long> before = store.currentLinks();
        WebClient analyst = server.signedIn("ia.review", Role.INTELLIGENCE_ANALYST, null);
        analyst.get("/people/review?purpose=duplicate+review");

        HttpResponse<String> r = analyst.post("/people/review/" + review,
                Map.of("decision", "different", "reason", "different dates of birth", "purpose", "duplicate review"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(store.currentLinks()).isEqualTo(before);
        assertThat(analyst.get("/people/review?purpose=duplicate+review").body())
                .doesNotContain("data-review=\"" + review + "\"");
    }

    @Test
    @DisplayName("a decision without a reason is refused beside the field; a read-only inspector may not decide")
    void reasonRequiredAndReadOnlyRefused() {
        long review = queue("pr-5", "pr-6");
        WebClient investigator = server.signedIn("dc.noreason", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        investigator.get("/people/review");

        HttpResponse<String> noReason = investigator.post("/people/review/" + review,
                Map.of("decision", "same", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("govuk-error-summary").contains("#reason-" + review);

        WebClient inspector = server.signedIn("hmi.review", Role.INSPECTOR, null);
        HttpResponse<String> page = inspector.get("/people/review?purpose=inspection");
        assertThat(page.body()).contains("data-review=\"" + review + "\"").doesNotContain("Same person — merge");
        HttpResponse<String> refused = inspector.post("/people/review/" + review,
                Map.of("decision", "same", "reason", "looks the same", "purpose", "inspection"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
