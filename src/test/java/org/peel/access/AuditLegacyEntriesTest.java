package org.peel.access;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A data directory from before keying keeps its unkeyed entries verifiable as the trail's legacy prefix")
class AuditLegacyEntriesTest {

    private Jdbi jdbi;
    private String url;

    @BeforeEach
    void trailWrittenBeforeKeying() {
        // given a database at the schema before keyed sealing (V103 here), with three entries written as Peel wrote them then
        url = TestDatabase.emptyDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("103").load().migrate();
        jdbi = Jdbi.create(url);
        for (int i = 1; i <= 3; i++) {
            recordTheOldWay(AuditEvent.by(Fixtures.administrator(), "view", "person", "P" + i, AuditEvent.SUCCESS));
        }
        // when Peel is upgraded and goes on recording
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        AuditKey.install(jdbi, TestDatabase.AUDIT_KEY);
    }

    @Test
    @DisplayName("the old entries verify, counted as legacy, and the keyed entries chain on from them")
    void legacyPrefix() {
        AuditTrail trail = new AuditTrail(jdbi);
        trail.record(AuditEvent.by(Fixtures.administrator(), "view", "person", "P4", AuditEvent.SUCCESS));
        trail.record(AuditEvent.by(Fixtures.administrator(), "view", "person", "P5", AuditEvent.SUCCESS));

        AuditTrail.Verification v = trail.verify();

        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(v.legacyEntries()).isEqualTo(3);
        String versions = jdbi.withHandle(h -> h.createQuery(
                "select string_agg(e.hash_version::text, ',' order by s.seq) from audit_seal s join audit_event e on e.id = s.event_id").mapTo(String.class).one());
        assertThat(versions).isEqualTo("1,1,1,2,2");
    }

    @Test
    @DisplayName("an altered legacy entry is still found")
    void alteredLegacy() {
        AuditTrail trail = new AuditTrail(jdbi);
        trail.record(AuditEvent.by(Fixtures.administrator(), "view", "person", "P4", AuditEvent.SUCCESS));
        jdbi.useHandle(h -> {
            h.execute("alter table audit_event disable trigger audit_event_append_only");
            h.execute("update audit_event set record_id = 'P9' where seq = 2");
            h.execute("alter table audit_event enable trigger audit_event_append_only");
        });
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    /** What AuditTrail.record did before keying: the next number and hash under a lock on the head. */
    private void recordTheOldWay(AuditEvent event) {
        Instant at = (event.at() == null ? Instant.now() : event.at()).truncatedTo(ChronoUnit.MICROS);
        jdbi.useTransaction(h -> {
            var head = h.createQuery("select seq, hash from audit_head where id = 1 for update").mapToMap().one();
            long seq = ((Number) head.get("seq")).longValue() + 1;
            String prev = (String) head.get("hash");
            String hash = AuditTrail.legacyHash(seq, at, event, prev);
            h.createUpdate("""
                            insert into audit_event (seq, at, user_id, username, role, action, record_type, record_id,
                                                     purpose, outcome, client_address, detail, prev_hash, hash)
                            values (:seq, :at, :userId, :username, :role, :action, :recordType, :recordId,
                                    :purpose, :outcome, :clientAddress, :detail, :prevHash, :hash)""")
                    .bind("seq", seq).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .bind("userId", event.userId()).bind("username", event.username()).bind("role", event.role())
                    .bind("action", event.action()).bind("recordType", event.recordType())
                    .bind("recordId", event.recordId()).bind("purpose", event.purpose())
                    .bind("outcome", event.outcome()).bind("clientAddress", event.clientAddress())
                    .bind("detail", event.detail()).bind("prevHash", prev).bind("hash", hash).execute();
            h.createUpdate("update audit_head set seq = :seq, hash = :hash where id = 1")
                    .bind("seq", seq).bind("hash", hash).execute();
        });
    }
}
