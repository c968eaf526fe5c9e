package org.peel.access;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The append-only, hash-chained audit trail. Each entry's hash covers its own fields and the previous
 * entry's hash, so changing or removing any row breaks the chain from that row on; {@link #verify()} finds
 * the first break. Entries are numbered without gaps under a row lock on {@code audit_head}.
 */
public final class AuditTrail {

    private final Jdbi jdbi;

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records an event in its own transaction (reads, sign-ins, refusals). */
    public void record(AuditEvent event) {
        jdbi.useTransaction(h -> record(h, event));
    }

    /** Records an event inside the caller's transaction, so a change and its audit entry commit together. */
    public void record(Handle h, AuditEvent event) {
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
        var head = h.createQuery("select seq, hash from audit_head where id = 1 for update")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
        long seq = head.seq() + 1;
        String hash = hashOf(seq, at, event, head.hash());
        h.createUpdate("""
                        insert into audit_event (seq, at, user_id, username, role, action, record_type, record_id,
                                                 purpose, outcome, client_address, detail, prev_hash, hash)
                        values (:seq, :at, :userId, :username, :role, :action, :recordType, :recordId,
                                :purpose, :outcome, :clientAddress, :detail, :prevHash, :hash)""")
                .bind("seq", seq)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .bind("userId", event.userId())
                .bind("username", event.username())
                .bind("role", event.role())
                .bind("action", event.action())
                .bind("recordType", event.recordType())
                .bind("recordId", event.recordId())
                .bind("purpose", event.purpose())
                .bind("outcome", event.outcome())
                .bind("clientAddress", event.clientAddress())
                .bind("detail", event.detail())
                .bind("prevHash", head.hash())
                .bind("hash", hash)
                .execute();
        h.createUpdate("update audit_head set seq = :seq, hash = :hash where id = 1")
                .bind("seq", seq).bind("hash", hash).execute();
    }

    private record Head(long seq, String hash) {
    }

    static String hashOf(long seq, Instant at, AuditEvent e, String prevHash) {
        String canonical = String.join("\u001f", String.valueOf(seq), at.toString(), String.valueOf(e.userId()),
                String.valueOf(e.username()), String.valueOf(e.role()), e.action(), String.valueOf(e.recordType()),
                String.valueOf(e.recordId()), String.valueOf(e.purpose()), e.outcome(),
                String.valueOf(e.clientAddress()), String.valueOf(e.detail()), prevHash);
        return Passwords.sha256(canonical);
    }

    /** The result of checking the whole chain. {@code firstBadSeq} is 0 when the chain is intact. */
    public record Verification(boolean intact, long entriesChecked, long firstBadSeq, String problem) {
    }

    public Verification verify() {
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read");
            AtomicReference<Verification> broken = new AtomicReference<>();
            long[] expected = {1};
            String[] prev = {"genesis"};
            h.createQuery("select * from audit_event order by seq").setFetchSize(5_000)
                    .map((rs, ctx) -> {
                        if (broken.get() == null) {
                            check(rs, expected, prev, broken);
                        }
                        return 0;
                    }).forEach(x -> { });
            if (broken.get() != null) {
                return broken.get();
            }
            long lastSeq = expected[0] - 1;
            var head = h.createQuery("select seq, hash from audit_head where id = 1")
                    .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
            if (head.seq() != lastSeq || !head.hash().equals(prev[0])) {
                return new Verification(false, lastSeq, lastSeq + 1,
                        "the trail ends at entry " + lastSeq + " but its head records entry " + head.seq()
                                + ": entries at the end were removed or the head was altered");
            }
            return new Verification(true, lastSeq, 0, null);
        });
    }

    private static void check(ResultSet rs, long[] expected, String[] prev, AtomicReference<Verification> broken)
            throws SQLException {
        long seq = rs.getLong("seq");
        if (seq != expected[0]) {
            broken.set(new Verification(false, expected[0] - 1, expected[0],
                    "entry " + expected[0] + " is missing (next present entry is " + seq + ")"));
            return;
        }
        Long userId = rs.getObject("user_id") == null ? null : rs.getLong("user_id");
        AuditEvent e = new AuditEvent(rs.getObject("at", OffsetDateTime.class).toInstant(), userId,
                rs.getString("username"), rs.getString("role"), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("purpose"), rs.getString("outcome"),
                rs.getString("client_address"), rs.getString("detail"));
        String prevHash = rs.getString("prev_hash");
        if (!Objects.equals(prevHash, prev[0])) {
            broken.set(new Verification(false, seq - 1, seq,
                    "entry " + seq + " does not follow entry " + (seq - 1) + " (previous-hash mismatch)"));
            return;
        }
        String recomputed = hashOf(seq, e.at(), e, prevHash);
        if (!recomputed.equals(rs.getString("hash"))) {
            broken.set(new Verification(false, seq - 1, seq, "entry " + seq + " was altered (its hash does not match its contents)"));
            return;
        }
        prev[0] = recomputed;
        expected[0] = seq + 1;
    }

    /** A page of the trail for the administrator's audit page, newest first. */
    public record Entry(long seq, Instant at, String username, String role, String action, String recordType,
                        String recordId, String purpose, String outcome, String clientAddress, String detail) {
    }

    /** Filters: any may be null. {@code to} is exclusive. */
    public record Filter(String username, String recordType, String recordId, Instant from, Instant to,
                         String action) {
    }

    public List<Entry> search(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        if (f.username() != null) sql.append(" and username = :username");
        if (f.recordType() != null) sql.append(" and record_type = :recordType");
        if (f.recordId() != null) sql.append(" and record_id = :recordId");
        if (f.from() != null) sql.append(" and at >= :from");
        if (f.to() != null) sql.append(" and at < :to");
        if (f.action() != null) sql.append(" and action = :action");
        sql.append(" order by seq desc limit :limit");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit);
            if (f.username() != null) q.bind("username", f.username());
            if (f.recordType() != null) q.bind("recordType", f.recordType());
            if (f.recordId() != null) q.bind("recordId", f.recordId());
            if (f.from() != null) q.bind("from", OffsetDateTime.ofInstant(f.from(), java.time.ZoneOffset.UTC));
            if (f.to() != null) q.bind("to", OffsetDateTime.ofInstant(f.to(), java.time.ZoneOffset.UTC));
            if (f.action() != null) q.bind("action", f.action());
            return q.map((rs, ctx) -> new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("username"), rs.getString("role"), rs.getString("action"),
                    rs.getString("record_type"), rs.getString("record_id"), rs.getString("purpose"),
                    rs.getString("outcome"), rs.getString("client_address"), rs.getString("detail"))).list();
        });
    }

    public long countSince(String action, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event where action = :a and at >= :s")
                .bind("a", action).bind("s", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .mapTo(Long.class).one());
    }

    /** Used only to tell the administrator nothing is hidden: entries are never removed. */
    public List<String> actions() {
        return new ArrayList<>(jdbi.withHandle(h -> h.createQuery("select distinct action from audit_event order by 1")
                .mapTo(String.class).list()));
    }
}
