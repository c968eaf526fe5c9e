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

    private Jdbi jdbi;
    private PeopleStore store;
    private long ann;
    private long annAgain;

    @BeforeEach
    void twoPersons() {
        // given person record ids 1 and 2 resolved as one person, 3, 4 and 5 as another
        jdbi = TestDatabase.fresh().jdbi();
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
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from person_link")))
                .hasMessageContaining("does not delete");
    }
}
