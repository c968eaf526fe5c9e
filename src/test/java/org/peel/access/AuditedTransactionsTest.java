package org.peel.access;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("An audited change's entries are written with its commit, and share its fate")
class AuditedTransactionsTest {

    private Jdbi app;
    private Jdbi owner;
    private AuditTrail trail;

    @BeforeEach
    void scratchTable() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        app = db.jdbi();
        owner = db.ownerJdbi();
        trail = new AuditTrail(app);
        // the owner's default privileges let the application's role write to a table the owner makes
        owner.useHandle(h -> h.execute("create table change_probe (id int primary key)"));
    }

    private AuditEvent change(String id) {
        return AuditEvent.by(Fixtures.administrator(), "change", "probe", id, AuditEvent.SUCCESS);
    }

    private List<String> entries() {
        return owner.withHandle(h -> h.createQuery("select record_id from audit_event where action = 'change' order by id")
                .mapTo(String.class).list());
    }

    private List<Integer> changes() {
        return owner.withHandle(h -> h.createQuery("select id from change_probe order by id").mapTo(Integer.class).list());
    }

    @Test
    @DisplayName("given a change and two entries in one transaction, when it commits, then the change and both entries are there, in order")
    void commitsTogether() {
        app.useTransaction(h -> {
            h.execute("insert into change_probe values (1)");
            trail.record(h, change("1"));
            trail.record(h, change("1b"));
        });

        assertThat(changes()).containsExactly(1);
        assertThat(entries()).containsExactly("1", "1b");
    }

    @Test
    @DisplayName("given a change and its entry, when the transaction fails after recording, then neither is kept")
    void rolledBackTogether() {
        assertThatThrownBy(() -> app.useTransaction(h -> {
            h.execute("insert into change_probe values (2)");
            trail.record(h, change("2"));
            throw new IllegalStateException("the change is refused after all");
        })).hasMessageContaining("refused after all");

        assertThat(changes()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    @DisplayName("given an entry the database refuses to store, when the change commits, then the change is rolled back too")
    void entryRefusedMeansNoChange() {
        owner.useHandle(h -> h.execute("""
                create function probe_refuse() returns trigger language plpgsql as $$
                begin raise exception 'no entry today'; end $$;
                create trigger probe_refuse before insert on audit_event for each row execute function probe_refuse();
                """));

        assertThatThrownBy(() -> app.useTransaction(h -> {
            h.execute("insert into change_probe values (3)");
            trail.record(h, change("3"));
        })).hasStackTraceContaining("no entry today");

        assertThat(changes()).isEmpty();
        // and the connection is usable again afterwards, outside any transaction
        owner.useHandle(h -> h.execute("drop trigger probe_refuse on audit_event"));
        app.useTransaction(h -> {
            h.execute("insert into change_probe values (4)");
            trail.record(h, change("4"));
        });
        assertThat(changes()).containsExactly(4);
        assertThat(entries()).containsExactly("4");
    }

    @Test
    @DisplayName("given an entry recorded after a savepoint, when the transaction rolls back to it, then only the earlier entry is kept")
    void savepoint() {
        app.useTransaction(h -> {
            h.execute("insert into change_probe values (5)");
            trail.record(h, change("5"));
            h.savepoint("before-second");
            h.execute("insert into change_probe values (6)");
            trail.record(h, change("6"));
            h.rollbackToSavepoint("before-second");
        });

        assertThat(changes()).containsExactly(5);
        assertThat(entries()).containsExactly("5");
    }

    @Test
    @DisplayName("given 2,500 entries in one transaction (more than one statement may carry), when it commits, then all are kept")
    void manyEntries() {
        app.useTransaction(h -> {
            for (int i = 0; i < 2_500; i++) {
                trail.record(h, change("bulk-" + i));
            }
        });

        List<String> kept = entries();
        assertThat(kept).hasSize(2_500);
        assertThat(kept.get(0)).isEqualTo("bulk-0");
        assertThat(kept.get(2_499)).isEqualTo("bulk-2499");
    }

    @Test
    @DisplayName("given a handle outside any transaction, when an entry is recorded, then it is written at once")
    void outsideTransaction() {
        app.useHandle(h -> {
            trail.record(h, change("7"));
            assertThat(entries()).containsExactly("7");
        });
    }

    @Test
    @DisplayName("given entries recorded with the commit, when the trail is sealed and verified, then it is intact")
    void sealsAndVerifies() {
        for (int i = 10; i < 15; i++) {
            int n = i;
            app.useTransaction(h -> {
                h.execute("insert into change_probe values (" + n + ")");
                trail.record(h, change(String.valueOf(n)));
            });
        }

        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
    }
}
