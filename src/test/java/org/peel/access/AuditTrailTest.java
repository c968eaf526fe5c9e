package org.peel.access;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The audit trail is append-only, keyed, sealed without serialising writers, and shows any tampering")
class AuditTrailTest {

    private Jdbi jdbi;
    private Jdbi appJdbi;
    private AuditTrail trail;

    @BeforeEach
    void fiveEntries() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        // the trail runs as the application's role; the tampering below needs the schema's owner
        jdbi = db.ownerJdbi();
        appJdbi = db.jdbi();
        trail = new AuditTrail(appJdbi);
        for (int i = 1; i <= 5; i++) {
            trail.record(view("P" + i).from("10.0.0." + i));
        }
        trail.seal();
    }

    private static AuditEvent view(String recordId) {
        return AuditEvent.by(Fixtures.administrator(), "view", "person", recordId, AuditEvent.SUCCESS);
    }

    @Test
    @DisplayName("an untouched trail verifies, numbered 1 to 5 without gaps")
    void intact() {
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(v.legacyEntries()).isZero();
        assertThat(v.unsealedEntries()).isZero();
        assertThat(seqs()).isEqualTo("1,2,3,4,5");
    }

    @Nested
    @DisplayName("the database refuses")
    class Refusals {

        @Test
        @DisplayName("ordinary SQL that updates or deletes an entry")
        void appendOnly() {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update audit_event set record_id = 'X' where " + entry(2))))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from audit_event where " + entry(2))))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from audit_seal where seq = 2")))
                    .hasMessageContaining("append-only");
        }

        @Test
        @DisplayName("TRUNCATE of the trail or of its head")
        void truncate() {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate audit_event")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate audit_head")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate audit_seal")))
                    .hasMessageContaining("append-only");
            assertThat(count("true")).isEqualTo(5);
        }

        @Test
        @DisplayName("changing a seal, or changing an unsealed entry before it is sealed")
        void sealOnlyOnce() {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                    "update audit_seal set seq = 99, prev_hash = 'x', hash = 'y' where seq = 5")))
                    .hasMessageContaining("append-only");
            trail.record(view("P6"));
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update audit_event set record_id = 'P60' where "
                    + UNSEALED)))
                    .hasMessageContaining("append-only");
        }
    }

    @Nested
    @DisplayName("verify names the first bad entry when")
    class Tampering {

        @Test
        @DisplayName("an entry was altered behind the trigger's back")
        void altered() {
            tamper("update audit_event set record_id = 'P99' where " + entry(3));
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(3);
            assertThat(v.problem()).contains("altered");
        }

        @Test
        @DisplayName("a removed entry in the middle is found")
        void removedInMiddle() {
            tamper("delete from audit_event where " + entry(2));
            tamper("delete from audit_seal where seq = 2");
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(2);
        }

        @Test
        @DisplayName("a removed last entry is found through the trail's head")
        void removedAtEnd() {
            tamper("delete from audit_event where " + entry(5));
            tamper("delete from audit_seal where seq = 5");
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(5);
        }

        @Test
        @DisplayName("an entry removed while its seal is left behind is found")
        void removedEntryKeptSeal() {
            tamper("delete from audit_event where " + entry(3));
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(3);
            assertThat(v.problem()).contains("gone");
        }

        @Test
        @DisplayName("a forged entry with a recomputed own hash still breaks the chain")
        void forgedHash() {
            tamper("update audit_event set record_id = 'P77' where " + entry(2));
            tamper("update audit_seal set hash = encode(sha256('forged'::bytea), 'hex') where seq = 2");
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(2);
        }

        @Test
        @DisplayName("a middle entry is rewritten and every later hash and the head recomputed without the key")
        void rewrittenWithoutKey() {
            // given a forger who changes entry 3 and recomputes the chain from there the only way they can: unkeyed
            rewriteFrom(3, "P33", false);
            // then the rewritten entry is named
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(3);
            assertThat(v.problem()).contains("altered");
        }

        @Test
        @DisplayName("rewritten entries claim to be unkeyed legacy entries after keyed ones")
        void rewrittenAsLegacy() {
            rewriteFrom(3, "P33", true);
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(3);
            assertThat(v.problem()).contains("legacy");
        }

        @Test
        @DisplayName("a NULL field is replaced by the text 'null' (NULL and \"null\" hash differently)")
        void nullIsNotTheTextNull() {
            // entry 4's purpose is NULL; the text 'null' encoded alike would pass unnoticed
            tamper("update audit_event set purpose = 'null' where " + entry(4));
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(4);
        }

        @Test
        @DisplayName("text is moved across a field boundary")
        void fieldBoundary() {
            // record_type 'person' and record_id 'P2' become 'perso' and 'nP2': the same characters in a row
            tamper("update audit_event set record_type = 'perso', record_id = 'nP2' where " + entry(2));
            assertThat(trail.verify().firstBadSeq()).isEqualTo(2);
        }

        @Test
        @DisplayName("the last entries were deleted and the head rewound to the entry before them (no signature)")
        void rewoundHead() {
            tamper("delete from audit_event where id in (select event_id from audit_seal where seq > 3)");
            tamper("delete from audit_seal where seq > 3");
            tamper("update audit_head set seq = 3, hash = (select hash from audit_seal where seq = 3)");
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("head");
        }
    }

    @Nested
    @DisplayName("a signed checkpoint kept outside the database")
    class Checkpoints {

        @Test
        @DisplayName("is extended by an intact trail that has grown since")
        void extended() {
            AuditTrail.Checkpoint cp = trail.checkpoint();
            assertThat(cp.sequence()).isEqualTo(5);
            trail.record(view("P6"));
            AuditTrail.Verification v = trail.verify(cp);
            assertThat(v.intact()).as(v.problem()).isTrue();
            assertThat(v.entriesChecked()).isEqualTo(6);
        }

        @Test
        @DisplayName("catches the last rows deleted and the head rewound to a state saved earlier")
        void truncatedTail() {
            // given a new trail whose signed head was copied when it held three entries
            TestDatabase.Fresh db = TestDatabase.fresh();
            jdbi = db.ownerJdbi();
            trail = new AuditTrail(db.jdbi());
            for (int i = 1; i <= 3; i++) {
                trail.record(view("Q" + i));
            }
            trail.seal();
            Map<String, Object> headAtThree = jdbi.withHandle(h -> h.createQuery("select seq, hash, mac from audit_head")
                    .mapToMap().one());
            trail.record(view("Q4"));
            trail.record(view("Q5"));
            AuditTrail.Checkpoint cp = trail.checkpoint();

            // when entries 4 and 5 are deleted and the copied head put back
            tamper("delete from audit_event where id in (select event_id from audit_seal where seq > 3)");
            tamper("delete from audit_seal where seq > 3");
            jdbi.useHandle(h -> h.createUpdate("update audit_head set seq = :seq, hash = :hash, mac = :mac")
                    .bindMap(headAtThree).execute());

            // then the trail alone looks intact, but it no longer extends the checkpoint
            assertThat(trail.verify().intact()).isTrue();
            AuditTrail.Verification v = trail.verify(cp);
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(4);
            assertThat(v.problem()).contains("ends at entry 3").contains("recorded entry 5");
        }

        @Test
        @DisplayName("catches a trail wiped and started again")
        void wipedAndReset() {
            AuditTrail.Checkpoint cp = trail.checkpoint();
            jdbi.useHandle(h -> {
                h.execute("alter table audit_event disable trigger user");
                h.execute("alter table audit_head disable trigger user");
                h.execute("alter table audit_seal disable trigger user");
                h.execute("truncate audit_event, audit_seal");
                h.execute("update audit_head set seq = 0, hash = 'genesis', mac = null, legacy_entries = 0,"
                        + " sealed_below = '0'");
                h.execute("alter table audit_seal enable trigger user");
                h.execute("alter table audit_event enable trigger user");
                h.execute("alter table audit_head enable trigger user");
            });
            for (int i = 1; i <= 7; i++) {
                trail.record(view("R" + i));
            }
            assertThat(trail.verify().intact()).isTrue();
            AuditTrail.Verification v = trail.verify(cp);
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(5);
            assertThat(v.problem()).contains("rewritten or replaced");
        }

        @Test
        @DisplayName("refuses a checkpoint whose signature does not match")
        void forgedCheckpoint() {
            AuditTrail.Checkpoint cp = trail.checkpoint();
            AuditTrail.Checkpoint forged = new AuditTrail.Checkpoint(3, cp.hash(), cp.at(), cp.keyId(), cp.signature());
            AuditTrail.Verification v = trail.verify(forged);
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("signature");
        }
    }

    @Nested
    @DisplayName("sealing")
    class Sealing {

        @Test
        @DisplayName("two audited transactions both stay open after recording, and neither waits for the other")
        void noLockAcrossBusinessLogic() throws Exception {
            try (Handle a = jdbi.open(); Handle b = jdbi.open()) {
                a.execute("set lock_timeout = '2s'");
                b.execute("set lock_timeout = '2s'");
                a.begin();
                b.begin();
                trail.record(a, view("A"));
                trail.record(b, view("B")); // with a lock held to commit, this would wait for a and time out
                // and the sealer does not wait for them either: it seals what has committed
                assertThat(trail.seal()).isZero();
                b.commit();
                a.commit();
            }
            assertThat(trail.seal()).isEqualTo(2);
            assertThat(seqs()).isEqualTo("1,2,3,4,5,6,7");
            assertThat(trail.verify().intact()).isTrue();
        }

        @Test
        @DisplayName("an entry whose transaction began before others were sealed is sealed when it commits")
        void lateCommitIsSealed() {
            try (Handle a = jdbi.open()) {
                a.begin();
                trail.record(a, view("EARLY"));
                // given later entries committed and sealed while the earlier transaction is still open
                trail.record(view("LATER"));
                assertThat(trail.seal()).isEqualTo(1);
                a.commit();
            }
            // then the earlier entry is not passed over: it is sealed next, as number 7
            assertThat(trail.seal()).isEqualTo(1);
            assertThat(seqs()).isEqualTo("1,2,3,4,5,6,7");
            assertThat(count(UNSEALED)).isZero();
            assertThat(trail.verify().intact()).isTrue();
        }

        @Test
        @DisplayName("many concurrent writers and sealers give numbers without gaps and an intact chain")
        void gapless() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    int writer = w;
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 40; i++) {
                            trail.record(view("W" + writer + "-" + i));
                        }
                        return null;
                    }));
                }
                for (int s = 0; s < 2; s++) {
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 30; i++) {
                            trail.seal();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : work) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            trail.seal();
            assertThat(count(UNSEALED)).isZero();
            long n = count("true");
            assertThat(n).isEqualTo(5 + 8 * 40);
            boolean noGaps = jdbi.withHandle(h -> h.createQuery(
                    "select max(seq) = count(*) and min(seq) = 1 from audit_seal").mapTo(Boolean.class).one());
            assertThat(noGaps).isTrue();
            assertThat(trail.verify().intact()).isTrue();
        }

        @Test
        @DisplayName("a rolled-back transaction leaves no entry and no gap")
        void rolledBack() {
            jdbi.useHandle(h -> {
                h.begin();
                trail.record(h, AuditEvent.by(Fixtures.administrator(), "rolled-back", "person", "P1", AuditEvent.SUCCESS));
                h.rollback();
            });
            trail.record(view("P6"));
            trail.seal();
            assertThat(count("action = 'rolled-back'")).isZero();
            assertThat(seqs()).isEqualTo("1,2,3,4,5,6");
        }

        @Test
        @DisplayName("readers see an entry the moment its transaction commits, before it is sealed")
        void readersSeeUnsealed() {
            trail.record(view("P42"));
            var found = trail.search(new AuditTrail.Filter(null, "person", "P42", null, null, null), 10);
            assertThat(found).singleElement().satisfies(e -> assertThat(e.seq()).isZero());
            assertThat(trail.search(new AuditTrail.Filter("admin", null, null, null, null, null), 10))
                    .extracting(AuditTrail.Entry::recordId).startsWith("P42", "P5");
            assertThat(trail.countSince("view", Instant.EPOCH)).isEqualTo(6);
            // verify seals it first, so nothing committed is left unchecked
            AuditTrail.Verification v = trail.verify();
            assertThat(v.entriesChecked()).isEqualTo(6);
            assertThat(v.unsealedEntries()).isZero();
        }

        @Test
        @DisplayName("the sealer will not extend a chain whose head was rewound, and leaves new entries unsealed")
        void refusesTamperedHead() {
            tamper("delete from audit_event where id in (select event_id from audit_seal where seq > 3)");
            tamper("delete from audit_seal where seq > 3");
            tamper("update audit_head set seq = 3, hash = (select hash from audit_seal where seq = 3)");
            trail.record(view("P6"));
            assertThatThrownBy(trail::seal).isInstanceOf(AuditTrail.TamperedException.class);
            assertThat(count(UNSEALED)).isEqualTo(1);
            assertThat(trail.verify().unsealedEntries()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("the filter finds a user's entries and a record's entries, newest first")
    void search() {
        var byRecord = trail.search(new AuditTrail.Filter(null, "person", "P4", null, null, null), 10);
        assertThat(byRecord).singleElement().satisfies(e -> assertThat(e.clientAddress()).isEqualTo("10.0.0.4"));
        var byUser = trail.search(new AuditTrail.Filter("admin", null, null, null, null, null), 10);
        assertThat(byUser).extracting(AuditTrail.Entry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    @DisplayName("an entry is timed by the trail's clock, and a checkpoint too: a fixed clock gives a fixed time")
    void timedByTheGivenClock() {
        Instant fixed = Instant.parse("2026-01-05T09:00:00Z");
        AuditTrail timed = new AuditTrail(appJdbi, Clock.fixed(fixed, ZoneOffset.UTC));
        timed.record(view("P6"));
        timed.seal();
        var entry = timed.search(new AuditTrail.Filter(null, "person", "P6", null, null, null), 1);
        assertThat(entry).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(fixed));
        assertThat(timed.checkpoint().at()).isEqualTo(fixed);
    }

    @Test
    @DisplayName("the keyed encoding tells NULL from \"null\" and cannot shift a field boundary")
    void encoding() {
        assertThat(AuditTrail.encode((String) null)).isNotEqualTo(AuditTrail.encode("null"));
        assertThat(AuditTrail.encode("ab", "c")).isNotEqualTo(AuditTrail.encode("a", "bc"));
        assertThat(AuditTrail.encode("", null)).isNotEqualTo(AuditTrail.encode(null, ""));
        // the legacy encoding could not: that is why it is kept only to check old entries
        AuditEvent withNull = view("P1").timed(Instant.parse("2026-01-05T09:00:00Z"));
        AuditEvent withText = withNull.because("null");
        assertThat(AuditTrail.legacyHash(1, withNull.at(), withNull, "genesis"))
                .isEqualTo(AuditTrail.legacyHash(1, withText.at(), withText, "genesis"));
        assertThat(AuditTrail.keyedHash(TestDatabase.AUDIT_KEY, 1, withNull, "genesis"))
                .isNotEqualTo(AuditTrail.keyedHash(TestDatabase.AUDIT_KEY, 1, withText, "genesis"));
        assertThat(new String(AuditTrail.encode("é"), StandardCharsets.ISO_8859_1)).hasSize(1 + 4 + 2);
    }

    /** Rewrites entry {@code from} and recomputes every later link and the head with unkeyed SHA-256. */
    private void rewriteFrom(long from, String recordId, boolean markLegacy) {
        jdbi.useHandle(h -> {
            h.execute("alter table audit_event disable trigger audit_event_append_only");
            h.execute("alter table audit_seal disable trigger audit_seal_append_only");
            // with the database's own powers, a forger can drop a constraint that is in the way
            h.execute("alter table audit_event drop constraint audit_event_new_is_keyed");
            h.createUpdate("update audit_event set record_id = :r where " + entry(from)).bind("r", recordId).execute();
            String prev = h.createQuery("select hash from audit_seal where seq = :s").bind("s", from - 1)
                    .mapTo(String.class).one();
            List<Map<String, Object>> rows = h.createQuery("""
                            select s.seq, e.at, e.user_id, e.username, e.role, e.action, e.record_type, e.record_id,
                                   e.purpose, e.outcome, e.client_address, e.detail
                            from audit_seal s join audit_event e on e.id = s.event_id where s.seq >= :s order by s.seq""")
                    .bind("s", from).mapToMap().list();
            for (Map<String, Object> r : rows) {
                long seq = ((Number) r.get("seq")).longValue();
                Instant at = ((java.sql.Timestamp) r.get("at")).toInstant();
                AuditEvent e = new AuditEvent(at, r.get("user_id") == null ? null : ((Number) r.get("user_id")).longValue(),
                        (String) r.get("username"), (String) r.get("role"), (String) r.get("action"),
                        (String) r.get("record_type"), (String) r.get("record_id"), (String) r.get("purpose"),
                        (String) r.get("outcome"), (String) r.get("client_address"), (String) r.get("detail"));
                String hash = AuditTrail.legacyHash(seq, at, e, prev);
                h.createUpdate("update audit_seal set prev_hash = :p, hash = :h where seq = :s")
                        .bind("p", prev).bind("h", hash).bind("s", seq).execute();
                h.createUpdate("update audit_event set hash_version = :v where " + entry(seq))
                        .bind("v", markLegacy ? 1 : 2).execute();
                prev = hash;
            }
            h.createUpdate("update audit_head set hash = :h").bind("h", prev).execute();
            h.execute("alter table audit_seal enable trigger audit_seal_append_only");
            h.execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }

    /** The entry sealed as number {@code seq}, as a condition on {@code audit_event}. */
    private static String entry(long seq) {
        return "id = (select event_id from audit_seal where seq = " + seq + ")";
    }

    private static final String UNSEALED = "not exists (select 1 from audit_seal s where s.event_id = audit_event.id)";

    private String seqs() {
        return jdbi.withHandle(h -> h.createQuery("select string_agg(seq::text, ',' order by seq) from audit_seal")
                .mapTo(String.class).one());
    }

    private long count(String where) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event where " + where)
                .mapTo(Long.class).one());
    }

    private void tamper(String sql) {
        jdbi.useHandle(h -> {
            h.execute("alter table audit_event disable trigger audit_event_append_only");
            h.execute("alter table audit_seal disable trigger audit_seal_append_only");
            h.execute(sql);
            h.execute("alter table audit_seal enable trigger audit_seal_append_only");
            h.execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }
}
