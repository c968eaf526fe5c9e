package org.peel.access;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only, keyed, hash-chained audit trail.
 *
 * <p>{@link #record(Handle, AuditEvent)} only inserts the entry in the caller's transaction, so audited
 * transactions never wait for one another, and an entry is never changed after. {@link #seal()} later takes the
 * committed entries not yet sealed, in insertion order and under a short advisory lock, and gives each, in a seal
 * row of its own ({@code audit_seal}), the next number without gaps and an HMAC-SHA256 hash over the entry's fields
 * and the previous entry's hash, with a key held outside the database ({@link AuditKey}). Changing, removing or inserting any sealed entry therefore breaks the chain, and nobody
 * without the key can recompute it; {@link #verify()} finds the first break. Removing the newest entries
 * together with the head is caught against a signed {@link Checkpoint} kept elsewhere.
 *
 * <p>Entries written before keying (hash version 1, unkeyed SHA-256) remain verifiable as a legacy prefix.
 */
public final class AuditTrail {

    /** The advisory lock that makes one sealer at a time extend the chain, across processes. */
    private static final long SEAL_LOCK = 0x7065656c5f617564L;
    private static final int SEAL_BATCH = 5_000;
    static final int LEGACY = 1;
    static final int KEYED = 2;

    private final Jdbi jdbi;
    private final Clock clock;

    /** A trail whose entries and checkpoints are timed by the given clock (the one Peel is given). */
    public AuditTrail(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * A trail timed by the system clock in UTC: for readers of the trail (verifying, sealing) and tools that record
     * nothing of their own; whatever records events on Peel's behalf is handed Peel's clock instead.
     */
    public AuditTrail(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    /** Records an event in its own transaction (reads, sign-ins, refusals). */
    public void record(AuditEvent event) {
        jdbi.useTransaction(h -> record(h, event));
    }

    /**
     * Records an event inside the caller's transaction, so a change and its audit entry commit together (or
     * not at all). Takes no lock: the entry is numbered and chained by the sealer after it commits. In a transaction
     * of Peel's ({@link AuditedTransactions}) the entry is held to the end and written with the commit, in the same
     * message to the server; on a handle outside a transaction it is written at once.
     */
    public void record(Handle h, AuditEvent event) {
        Instant at = (event.at() == null ? clock.instant() : event.at()).truncatedTo(ChronoUnit.MICROS);
        Row row = new Row(event.timed(at));
        if (!AuditedTransactions.hold(h, row)) {
            insert(h, List.of(row), false);
        }
    }

    /** An entry about to be written: the event, its time already stamped. */
    record Row(AuditEvent event) {
    }

    private static final String COLUMNS = "at, user_id, username, role, action, record_type, record_id, purpose,"
            + " outcome, client_address, detail";
    private static final int FIELDS = 11;

    /** The most entries in one insert: PostgreSQL takes at most 32,767 parameters in a statement. */
    private static final int ROWS_PER_INSERT = 1_000;

    /** Writes the entries, then commits the handle's transaction, the last (or only) insert with the commit. */
    static void insertAndCommit(Handle h, List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(rows.size(), from + ROWS_PER_INSERT);
            insert(h, rows.subList(from, to), to == rows.size());
        }
    }

    /** One multi-row insert of the entries, followed by {@code commit} in the same statement when asked. */
    private static void insert(Handle h, List<Row> rows, boolean commit) {
        StringBuilder sql = new StringBuilder("insert into audit_event (").append(COLUMNS).append(") values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int f = 0; f < FIELDS; f++) {
                sql.append(f == 0 ? "?" : ", ?");
            }
            sql.append(')');
        }
        if (commit) {
            // sent with the insert, so the entries cost no round trip of their own; should the insert fail, the
            // server skips the commit and the whole transaction is rolled back
            sql.append("; commit");
        }
        var update = h.createUpdate(sql.toString());
        int p = 0;
        for (Row row : rows) {
            AuditEvent e = row.event();
            update.bind(p++, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                    .bind(p++, e.userId())
                    .bind(p++, e.username())
                    .bind(p++, e.role())
                    .bind(p++, e.action())
                    .bind(p++, e.recordType())
                    .bind(p++, e.recordId())
                    .bind(p++, e.purpose())
                    .bind(p++, e.outcome())
                    .bind(p++, e.clientAddress())
                    .bind(p++, e.detail());
        }
        update.execute();
    }

    // ---------------------------------------------------------------------------------------------- sealing

    /** Thrown when the sealer refuses to extend a chain whose head has been tampered with. */
    public static final class TamperedException extends IllegalStateException {
        TamperedException(String message) {
            super(message);
        }
    }

    private record Head(long seq, String hash, long legacyEntries, String mac, String sealedBelow) {
    }

    /**
     * Seals every committed entry not yet sealed, waiting for any other sealer. Returns how many it sealed.
     *
     * @throws TamperedException when the head no longer matches the trail: the sealer will not extend it
     */
    public long seal() {
        return seal(true);
    }

    /** Seals like {@link #seal()}, but returns 0 at once when another process or thread is sealing. */
    public long sealIfFree() {
        return seal(false);
    }

    private long seal(boolean wait) {
        AuditKey key = AuditKey.installedOn(jdbi);
        long total = 0;
        while (true) {
            long sealed = jdbi.inTransaction(h -> sealBatch(h, key, wait));
            if (sealed < 0) {
                return total;
            }
            total += sealed;
            if (sealed < SEAL_BATCH) {
                return total;
            }
        }
    }

    /**
     * One short transaction: lock, read the head, chain a batch, write it and the head. -1: lock was busy.
     * <p>
     * The background pass ({@code wait} false) commits without waiting for the disk: the entries themselves are
     * already durable with the changes they record, and a seal lost in a crash is simply made again on start. A
     * waiting pass (verify, checkpoint, close) always writes the head and commits durably, which also flushes every
     * earlier background seal, so a checkpoint never names a seal the disk does not hold.
     */
    private static long sealBatch(Handle h, AuditKey key, boolean wait) {
        if (!wait) {
            h.execute("set local synchronous_commit = off");
        }
        if (wait) {
            h.execute("select pg_advisory_xact_lock(?)", SEAL_LOCK);
        } else if (!h.createQuery("select pg_try_advisory_xact_lock(:k)").bind("k", SEAL_LOCK)
                .mapTo(Boolean.class).one()) {
            return -1;
        }
        Head head = head(h);
        checkHeadBeforeSealing(h, key, head);
        // every transaction older than this has finished: its entries are visible to the query below, or never will be
        String finishedBelow = h.createQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .mapTo(String.class).one();
        List<Long> ids = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<String> prevs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        long[] seq = {head.seq()};
        String[] prev = {head.hash()};
        h.createQuery("""
                        select e.* from audit_event e
                        where e.txid >= cast(:watermark as xid8)
                          and not exists (select 1 from audit_seal s where s.event_id = e.id)
                        order by e.id limit :n""")
                .bind("watermark", head.sealedBelow()).bind("n", SEAL_BATCH)
                .map((rs, ctx) -> {
                    seq[0]++;
                    String hash = keyedHash(key, seq[0], eventOf(rs), prev[0]);
                    ids.add(rs.getLong("id"));
                    seqs.add(seq[0]);
                    prevs.add(prev[0]);
                    hashes.add(hash);
                    prev[0] = hash;
                    return 0;
                }).forEach(x -> { });
        if (!ids.isEmpty()) {
            h.createUpdate("""
                            insert into audit_seal (seq, event_id, prev_hash, hash)
                            select * from unnest(:seqs, :ids, :prevs, :hashes)""")
                    .bindArray("seqs", Long.class, seqs).bindArray("ids", Long.class, ids)
                    .bindArray("prevs", String.class, prevs).bindArray("hashes", String.class, hashes)
                    .execute();
        }
        // the watermark moves only when this pass sealed everything it could see
        String watermark = ids.size() < SEAL_BATCH ? finishedBelow : head.sealedBelow();
        if (!ids.isEmpty() || head.mac() == null || wait || !watermark.equals(head.sealedBelow())) {
            h.createUpdate("""
                            update audit_head set seq = :seq, hash = :hash, mac = :mac,
                                                  sealed_below = cast(:watermark as xid8)
                            where id = 1""")
                    .bind("seq", seq[0]).bind("hash", prev[0]).bind("watermark", watermark)
                    .bind("mac", headMac(key, seq[0], prev[0], head.legacyEntries())).execute();
        }
        return ids.size();
    }

    /**
     * The sealer must not paper over tampering by chaining new entries onto a rewound or forged head: the head
     * must carry a valid signature (or none yet, only while the trail is all legacy) and match the last entry.
     */
    private static void checkHeadBeforeSealing(Handle h, AuditKey key, Head head) {
        if (head.mac() == null ? head.seq() != head.legacyEntries()
                : !head.mac().equals(headMac(key, head.seq(), head.hash(), head.legacyEntries()))) {
            throw new TamperedException("the audit trail's head does not carry a valid signature (it was altered,"
                    + " or the audit key is not the one it was sealed with); new entries are kept but not sealed until"
                    + " it is examined: run 'peel audit verify'");
        }
        var last = h.createQuery("select seq, hash from audit_seal order by seq desc limit 1")
                .map((rs, ctx) -> new Object[]{rs.getLong("seq"), rs.getString("hash")}).findOne();
        long lastSeq = last.map(r -> (Long) r[0]).orElse(0L);
        String lastHash = last.map(r -> (String) r[1]).orElse(GENESIS);
        if (lastSeq != head.seq() || !lastHash.equals(head.hash())) {
            throw new TamperedException("the audit trail ends at entry " + lastSeq + " but its head records entry "
                    + head.seq() + "; new entries are kept but not sealed until it is examined: run 'peel audit verify'");
        }
    }

    private static Head head(Handle h) {
        return h.createQuery("select seq, hash, legacy_entries, mac, sealed_below::text from audit_head where id = 1")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"), rs.getLong("legacy_entries"),
                        rs.getString("mac"), rs.getString("sealed_below"))).one();
    }

    // ---------------------------------------------------------------------------------------------- hashing

    static final String GENESIS = "genesis";

    /**
     * The keyed hash of an entry: HMAC-SHA256 over its fields, each length-prefixed, with a distinct marker for
     * NULL, so no two different entries (NULL against "null", or text moved across a field boundary) encode alike.
     */
    static String keyedHash(AuditKey key, long seq, AuditEvent e, String prevHash) {
        return key.mac(encode("peel-audit-entry-v2", String.valueOf(seq), e.at().toString(),
                e.userId() == null ? null : e.userId().toString(), e.username(), e.role(), e.action(),
                e.recordType(), e.recordId(), e.purpose(), e.outcome(), e.clientAddress(), e.detail(), prevHash));
    }

    static String headMac(AuditKey key, long seq, String hash, long legacyEntries) {
        return key.mac(encode("peel-audit-head-v2", String.valueOf(seq), hash, String.valueOf(legacyEntries)));
    }

    static String checkpointMac(AuditKey key, long seq, String hash, Instant at) {
        return key.mac(encode("peel-audit-checkpoint-v2", String.valueOf(seq), hash, at.toString()));
    }

    /** Each field: 0x00 for NULL, or 0x01, its UTF-8 length as four bytes, and its UTF-8 bytes. */
    static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String f : fields) {
            if (f == null) {
                out.write(0);
            } else {
                byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
                out.write(1);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** Hash version 1, kept only to verify entries written before keying: NULL and "null" hash alike there. */
    static String legacyHash(long seq, Instant at, AuditEvent e, String prevHash) {
        String canonical = String.join("\u001f", String.valueOf(seq), at.toString(), String.valueOf(e.userId()),
                String.valueOf(e.username()), String.valueOf(e.role()), e.action(), String.valueOf(e.recordType()),
                String.valueOf(e.recordId()), String.valueOf(e.purpose()), e.outcome(),
                String.valueOf(e.clientAddress()), String.valueOf(e.detail()), prevHash);
        return Passwords.sha256(canonical);
    }

    private static AuditEvent eventOf(ResultSet rs) throws SQLException {
        Long userId = rs.getObject("user_id") == null ? null : rs.getLong("user_id");
        return new AuditEvent(rs.getObject("at", OffsetDateTime.class).toInstant(), userId,
                rs.getString("username"), rs.getString("role"), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("purpose"), rs.getString("outcome"),
                rs.getString("client_address"), rs.getString("detail"));
    }

    // ---------------------------------------------------------------------------------------------- verifying

    /**
     * The result of checking the whole chain. {@code firstBadSeq} is 0 when the chain is intact;
     * {@code legacyEntries} counts unkeyed entries from before keying at the start of the trail, and
     * {@code unsealedEntries} entries committed but not yet sealed when it was checked.
     */
    public record Verification(boolean intact, long entriesChecked, long firstBadSeq, String problem,
                               long legacyEntries, long unsealedEntries) {
    }

    /** Seals what it can, then checks every sealed entry and the head. */
    public Verification verify() {
        try {
            seal();
        } catch (TamperedException ex) {
            // the check below names what is wrong
        }
        AuditKey key = AuditKey.installedOn(jdbi);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read");
            Walk walk = new Walk(key);
            h.createQuery("""
                            select s.seq, s.prev_hash, s.hash, e.id, e.hash_version, e.at, e.user_id, e.username, e.role,
                                   e.action, e.record_type, e.record_id, e.purpose, e.outcome, e.client_address, e.detail
                            from audit_seal s left join audit_event e on e.id = s.event_id
                            order by s.seq""").setFetchSize(5_000)
                    .map((rs, ctx) -> {
                        if (walk.broken == null) {
                            walk.check(rs);
                        }
                        return 0;
                    }).forEach(x -> { });
            long unsealed = h.createQuery("""
                    select count(*) from audit_event e
                    where not exists (select 1 from audit_seal s where s.event_id = e.id)""").mapTo(Long.class).one();
            if (walk.broken != null) {
                return walk.broken.withCounts(walk.legacy, unsealed);
            }
            long lastSeq = walk.expected - 1;
            Head head = head(h);
            if (head.seq() != lastSeq || !head.hash().equals(walk.prev)) {
                return new Verification(false, lastSeq, lastSeq + 1,
                        "the trail ends at entry " + lastSeq + " but its head records entry " + head.seq()
                                + ": entries at the end were removed or the head was altered", walk.legacy, unsealed);
            }
            boolean allLegacy = walk.legacy == lastSeq;
            if (head.legacyEntries() != walk.legacy
                    || (head.mac() == null ? !allLegacy
                    : !head.mac().equals(headMac(key, head.seq(), head.hash(), head.legacyEntries())))) {
                return new Verification(false, lastSeq, lastSeq + 1, "the trail's head does not carry a valid"
                        + " signature: entries at the end were removed or rewritten (or this is not the audit key"
                        + " the trail was sealed with)", walk.legacy, unsealed);
            }
            return new Verification(true, lastSeq, 0, null, walk.legacy, unsealed);
        });
    }

    private record Break(long checked, long seq, String problem) {
        Verification withCounts(long legacy, long unsealed) {
            return new Verification(false, checked, seq, problem, legacy, unsealed);
        }
    }

    /** Walks the sealed entries in order, keeping the expected number and the previous hash. */
    private static final class Walk {
        private final AuditKey key;
        long expected = 1;
        String prev = GENESIS;
        long legacy;
        Break broken;

        Walk(AuditKey key) {
            this.key = key;
        }

        void check(ResultSet rs) throws SQLException {
            long seq = rs.getLong("seq");
            if (seq != expected) {
                broken = new Break(expected - 1, expected,
                        "entry " + expected + " is missing (next present entry is " + seq + ")");
                return;
            }
            if (rs.getObject("id") == null) {
                broken = new Break(seq - 1, seq, "entry " + seq + " is sealed but the entry itself is gone");
                return;
            }
            int version = rs.getInt("hash_version");
            if (version == LEGACY && legacy != seq - 1) {
                broken = new Break(seq - 1, seq, "entry " + seq + " claims to be an unkeyed legacy entry but follows"
                        + " keyed entries: it was altered");
                return;
            }
            if (version != LEGACY && version != KEYED) {
                broken = new Break(seq - 1, seq, "entry " + seq + " has an unknown hash version " + version);
                return;
            }
            if (!Objects.equals(rs.getString("prev_hash"), prev)) {
                broken = new Break(seq - 1, seq,
                        "entry " + seq + " does not follow entry " + (seq - 1) + " (previous-hash mismatch)");
                return;
            }
            AuditEvent e = eventOf(rs);
            String recomputed = version == LEGACY ? legacyHash(seq, e.at(), e, prev) : keyedHash(key, seq, e, prev);
            if (!recomputed.equals(rs.getString("hash"))) {
                broken = new Break(seq - 1, seq, "entry " + seq + " was altered (its hash does not match its contents)"
                        + (version == KEYED && legacy == seq - 1
                        ? "; if no keyed entry verifies, the audit key is not the one the trail was sealed with" : ""));
                return;
            }
            if (version == LEGACY) {
                legacy++;
            }
            prev = recomputed;
            expected = seq + 1;
        }
    }

    // ---------------------------------------------------------------------------------------------- checkpoints

    /**
     * A signed head of the trail, to keep outside the database: the trail must always extend it. {@code keyId}
     * names the key that signed it (not the key itself).
     */
    public record Checkpoint(long sequence, String hash, Instant at, String keyId, String signature) {
    }

    /**
     * Seals, verifies, and signs the head.
     *
     * @throws IllegalStateException when the trail is not intact: a checkpoint of a broken trail would vouch for it
     */
    public Checkpoint checkpoint() {
        Verification v = verify();
        if (!v.intact()) {
            throw new IllegalStateException("The audit trail is broken at entry " + v.firstBadSeq() + ": " + v.problem());
        }
        AuditKey key = AuditKey.installedOn(jdbi);
        Head head = jdbi.withHandle(AuditTrail::head);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Checkpoint(head.seq(), head.hash(), at, key.id(), checkpointMac(key, head.seq(), head.hash(), at));
    }

    /**
     * Verifies the trail and that it still extends the checkpoint: the checkpoint's entry is still there with
     * the same hash. Entries truncated, a wiped and restarted trail, or a rewritten one all fail here.
     */
    public Verification verify(Checkpoint cp) {
        Verification v = verify();
        AuditKey key = AuditKey.installedOn(jdbi);
        if (!checkpointMac(key, cp.sequence(), cp.hash(), cp.at()).equals(cp.signature())) {
            return new Verification(false, v.entriesChecked(), cp.sequence(), "the checkpoint of " + cp.at()
                    + " does not carry a valid signature under this trail's key (key " + key.id() + ", checkpoint "
                    + cp.keyId() + "): it was altered or made for another trail", v.legacyEntries(), v.unsealedEntries());
        }
        if (!v.intact()) {
            return v;
        }
        long last = v.entriesChecked();
        if (last < cp.sequence()) {
            return new Verification(false, last, last + 1, "the trail ends at entry " + last + " but the checkpoint of "
                    + cp.at() + " recorded entry " + cp.sequence() + ": entries were removed or the trail was wiped",
                    v.legacyEntries(), v.unsealedEntries());
        }
        String hash = cp.sequence() == 0 ? GENESIS : jdbi.withHandle(h -> h.createQuery(
                "select hash from audit_seal where seq = :s").bind("s", cp.sequence()).mapTo(String.class).one());
        if (!hash.equals(cp.hash())) {
            return new Verification(false, last, cp.sequence(), "entry " + cp.sequence() + " is not the one the"
                    + " checkpoint of " + cp.at() + " recorded: the trail up to it was rewritten or replaced",
                    v.legacyEntries(), v.unsealedEntries());
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * A page of the trail for the administrator's audit page, newest first. {@code seq} is 0 for an entry
     * committed moments ago and not yet sealed.
     */
    public record Entry(long seq, Instant at, String username, String role, String action, String recordType,
                        String recordId, String purpose, String outcome, String clientAddress, String detail) {
    }

    /** Filters: any may be null. {@code to} is exclusive. */
    public record Filter(String username, String recordType, String recordId, Instant from, Instant to,
                         String action) {
    }

    public List<Entry> search(Filter f, int limit) {
        return search(f, 0, limit);
    }

    /** How many entries match the filter. */
    public long count(Filter f) {
        StringBuilder sql = new StringBuilder("select count(*) from audit_event e where true");
        where(sql, f);
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString());
            if (f.username() != null) q.bind("username", f.username());
            if (f.recordType() != null) q.bind("recordType", f.recordType());
            if (f.recordId() != null) q.bind("recordId", f.recordId());
            if (f.from() != null) q.bind("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
            if (f.to() != null) q.bind("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
            if (f.action() != null) q.bind("action", f.action());
            return q.mapTo(Long.class).one();
        });
    }

    private static void where(StringBuilder sql, Filter f) {
        if (f.username() != null) sql.append(" and username = :username");
        if (f.recordType() != null) sql.append(" and record_type = :recordType");
        if (f.recordId() != null) sql.append(" and record_id = :recordId");
        if (f.from() != null) sql.append(" and at >= :from");
        if (f.to() != null) sql.append(" and at < :to");
        if (f.action() != null) sql.append(" and action = :action");
    }

    /** The entries matching the filter, newest first, skipping {@code offset}. */
    public List<Entry> search(Filter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder(
                "select e.*, s.seq as sealed_seq from audit_event e left join audit_seal s on s.event_id = e.id where true");
        where(sql, f);
        sql.append(" order by e.id desc offset :offset limit :limit");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            if (f.username() != null) q.bind("username", f.username());
            if (f.recordType() != null) q.bind("recordType", f.recordType());
            if (f.recordId() != null) q.bind("recordId", f.recordId());
            if (f.from() != null) q.bind("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
            if (f.to() != null) q.bind("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
            if (f.action() != null) q.bind("action", f.action());
            return q.map((rs, ctx) -> new Entry(rs.getLong("sealed_seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("username"), rs.getString("role"), rs.getString("action"),
                    rs.getString("record_type"), rs.getString("record_id"), rs.getString("purpose"),
                    rs.getString("outcome"), rs.getString("client_address"), rs.getString("detail"))).list();
        });
    }

    public long countSince(String action, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event where action = :a and at >= :s")
                .bind("a", action).bind("s", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .mapTo(Long.class).one());
    }

    /** Used only to tell the administrator nothing is hidden: entries are never removed. */
    public List<String> actions() {
        return new ArrayList<>(jdbi.withHandle(h -> h.createQuery("select distinct action from audit_event order by 1")
                .mapTo(String.class).list()));
    }
}
