package org.peel.access;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The audit trail is append-only and shows any tampering")
class AuditTrailTest {

    private Jdbi jdbi;
    private Jdbi owner;
    private AuditTrail trail;

    @BeforeEach
    void fiveEntries() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        jdbi = db.jdbi();
        owner = db.ownerJdbi();
        trail = new AuditTrail(jdbi);
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditEvent.by(Fixtures.administrator(), "view", "person", "P" + i, AuditEvent.SUCCESS)
                    .from("10.0.0." + i));
        }
    }

    @Test
    @DisplayName("an untouched trail verifies, numbered 1 to 5 without gaps")
    void intact() {
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        String numbers = jdbi.withHandle(h -> h.createQuery("select string_agg(seq::text, ',' order by seq) from audit_event")
                .mapTo(String.class).one());
        assertThat(numbers).isEqualTo("1,2,3,4,5");
    }

    @Test
    @DisplayName("ordinary SQL cannot update or delete an entry")
    void appendOnly() {
        assertThatThrownBy(() -> owner.useHandle(h -> h.execute("update audit_event set record_id = 'X' where seq = 2")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.useHandle(h -> h.execute("delete from audit_event where seq = 2")))
                .hasMessageContaining("append-only");
    }

    @Test
    @DisplayName("an entry altered behind the trigger's back is named as the first bad entry")
    void altered() {
        tamper("update audit_event set record_id = 'P99' where seq = 3");
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    @DisplayName("a removed entry in the middle is found")
    void removedInMiddle() {
        tamper("delete from audit_event where seq = 2");
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    @Test
    @DisplayName("a removed last entry is found through the trail's head")
    void removedAtEnd() {
        tamper("delete from audit_event where seq = 5");
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(5);
    }

    @Test
    @DisplayName("a forged entry with a recomputed own hash still breaks the chain at the next entry")
    void forgedHash() {
        // the forger rewrites entry 2's content and its hash, but cannot fix entry 3's link without rewriting all after it
        tamper("update audit_event set record_id = 'P77', hash = encode(sha256('forged'::bytea), 'hex') where seq = 2");
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    @Test
    @DisplayName("the filter finds a user's entries and a record's entries, newest first")
    void search() {
        var byRecord = trail.search(new AuditTrail.Filter(null, "person", "P4", null, null, null), 10);
        assertThat(byRecord).singleElement().satisfies(e -> assertThat(e.clientAddress()).isEqualTo("10.0.0.4"));
        var byUser = trail.search(new AuditTrail.Filter("admin", null, null, null, null, null), 10);
        assertThat(byUser).extracting(AuditTrail.Entry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    /** Tampering as the schema's owner would: the application's role cannot touch the triggers. */
    private void tamper(String sql) {
        owner.useHandle(h -> {
            h.execute("alter table audit_event disable trigger audit_event_append_only");
            h.execute(sql);
            h.execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }
}
