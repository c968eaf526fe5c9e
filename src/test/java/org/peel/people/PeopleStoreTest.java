package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Merging and unmerging persons")
class PeopleStoreTest {

    private TestDatabase.Fresh db;
    private Jdbi jdbi;
    private PeopleStore store;
    private long ann;
    private long annAgain;

    @BeforeEach
    void twoPersons() {
        // given person record ids 1 and 2 resolved as one person, 3, 4 and 5 as another
        db = TestDatabase.fresh();
        jdbi = db.jdbi();
        store = new PeopleStore(jdbi);
        ann = store.newPerson(List.of(1L, 2L), Fixtures.intelligenceAnalyst(), "batch resolution");
        annAgain = store.newPerson(List.of(3L, 4L, 5L), Fixtures.intelligenceAnalyst(), "batch resolution");
    }

    private Map<Long, Long> personOfEachRecord() {
        Map<Long, Long> m = new TreeMap<>();
        for (long r = 1; r <= 5; r++) {
            m.put(r, store.personOf(r).orElseThrow());
        }
        return m;
    }

    @Test
    @DisplayName("merge then unmerge returns every record to its previous person, and both are in the audit trail")
    void mergeThenUnmerge() {
        Map<Long, Long> before = personOfEachRecord();

        LinkDecision merge = store.merge(ann, annAgain, Fixtures.investigatorIn(Fixtures.CAMDEN),
                "same name, date of birth and address", 0.93);
        assertThat(store.recordsOf(ann)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.recordsOf(annAgain)).isEmpty();

        LinkDecision unmerge = store.unmerge(merge.id(), Fixtures.inspector(), "twins: different people");

        assertThat(personOfEachRecord()).isEqualTo(before);
        assertThat(unmerge.undoes()).isEqualTo(merge.id());
        assertThat(store.history(ann)).extracting(LinkDecision::kind)
                .containsExactly(LinkDecision.Kind.RESOLVE, LinkDecision.Kind.MERGE, LinkDecision.Kind.UNMERGE);
        List<AuditTrail.Entry> entries = new AuditTrail(jdbi).search(
                new AuditTrail.Filter(null, "person", Long.toString(ann), null, null, null), 10);
        assertThat(entries).extracting(AuditTrail.Entry::action).contains("person.merge", "person.unmerge");
        assertThat(new AuditTrail(jdbi).verify().intact()).isTrue();
    }

    @Test
    @DisplayName("a merge whose records have moved again since cannot be undone, nor one undone twice")
    void unmergeRefused() {
        LinkDecision merge = store.merge(ann, annAgain, Fixtures.intelligenceAnalyst(), "same person", null);
        long brother = store.newPerson(List.of(4L), Fixtures.intelligenceAnalyst(), "record 4 is the brother");

        assertThatThrownBy(() -> store.unmerge(merge.id(), Fixtures.inspector(), "undo"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("moved since");

        LinkDecision second = store.merge(ann, brother, Fixtures.intelligenceAnalyst(), "same person after all", null);
        store.unmerge(second.id(), Fixtures.inspector(), "undo");
        assertThat(store.personOf(4L)).contains(brother);
        assertThatThrownBy(() -> store.unmerge(second.id(), Fixtures.inspector(), "undo again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already been undone");
    }

    @Test
    @DisplayName("a decision without a reason is refused, and decisions cannot be edited afterwards")
    void reasonsAndHistoryKept() {
        assertThatThrownBy(() -> store.merge(ann, annAgain, Fixtures.intelligenceAnalyst(), " ", null))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update link_decision set reason = 'x'")))
                .hasMessageContaining("append-only");
        // the application's role may not delete at all; the trigger refuses even the schema's owner
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from person_link")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.ownerJdbi().useHandle(h -> h.execute("delete from person_link")))
                .hasMessageContaining("does not delete");
    }

    @Test
    @DisplayName("an uncertain pair waits in the review queue; 'same person' merges, 'different' keeps apart")
    void reviewQueue() {
        MatchExplanation why = new MatchExplanation("2", "3", -10,
                List.of(new FieldContribution("surname", "double-metaphone", "surnames sound the same", 0.1, 0.01,
                        3.32, 0)), MatchWeight.of(0.5));
        store.queueForReview(3L, 2L, why);
        store.queueForReview(2L, 3L, why);
        long other = store.newPerson(List.of(9L), Fixtures.intelligenceAnalyst(), "batch resolution");
        store.queueForReview(1L, 9L, why);

        List<PeopleStore.ReviewPair> open = store.openReviews(10);
        assertThat(open).hasSize(2);
        assertThat(open).filteredOn(p -> p.leftRecordId() == 2L).singleElement()
                .satisfies(p -> assertThat(p.explanation()).contains("double-metaphone"));

        long pairOf2And3 = open.stream().filter(p -> p.leftRecordId() == 2L).findFirst().orElseThrow().id();
        long pairOf1And9 = open.stream().filter(p -> p.leftRecordId() == 1L).findFirst().orElseThrow().id();
        store.decideReview(pairOf2And3, true, Fixtures.investigatorIn(Fixtures.CAMDEN), "confirmed with the caller");
        store.decideReview(pairOf1And9, false, Fixtures.investigatorIn(Fixtures.CAMDEN), "different dates of birth");

        assertThat(store.personOf(3L)).contains(ann);
        assertThat(store.personOf(9L)).contains(other);
        assertThat(store.openReviews(10)).isEmpty();
        assertThatThrownBy(() -> store.decideReview(pairOf2And3, false, Fixtures.inspector(), "again"))
                .hasMessageContaining("already decided");
        List<AuditTrail.Entry> reviews = new AuditTrail(jdbi).search(
                new AuditTrail.Filter(null, "review_pair", null, null, null, null), 10);
        assertThat(reviews).hasSize(2);
    }
}
