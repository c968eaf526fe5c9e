package org.peel.people;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which person each person record belongs to, and the decisions that put it there. Every change is a decision with
 * who, when and why, written with its audit event in one transaction; a merge can be undone by an unmerge that puts
 * every record back with the person it had before. Record details themselves are never touched here.
 */
public final class PeopleStore {

    private static final com.fasterxml.jackson.databind.ObjectMapper EXPLANATIONS =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Jdbi jdbi;
    private final AuditTrail audit;

    /** People over the database, auditing on a trail of its own (timed by the system clock). */
    public PeopleStore(Jdbi jdbi) {
        this(jdbi, new AuditTrail(jdbi));
    }

    /** People over the database, auditing on the trail given (timed by the clock Peel is given). */
    public PeopleStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Makes a new person of the given records. A record already linked to a person leaves it (so this also splits
     * records off a person); the person it leaves keeps its other records.
     */
    public long newPerson(Collection<Long> recordIds, User by, String reason) {
        requireReason(reason);
        if (recordIds.isEmpty()) {
            throw new IllegalArgumentException("a person needs at least one record");
        }
        return jdbi.inTransaction(h -> newPerson(h, recordIds, by, reason));
    }

    /**
     * The same, inside the caller's transaction: a recording form that makes a new person of the record it has just
     * written keeps the record, the person and both audit entries in one transaction.
     */
    public long newPerson(Handle h, Collection<Long> recordIds, User by, String reason) {
        requireReason(reason);
        if (recordIds.isEmpty()) {
            throw new IllegalArgumentException("a person needs at least one record");
        }
        long person = h.createUpdate("insert into person (created_by) values (:by)")
                .bind("by", by.username()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long decision = decide(h, LinkDecision.Kind.RESOLVE, by, reason, person, null, null, null);
        for (long record : recordIds) {
            endCurrentLink(h, record, decision);
            link(h, record, person, decision);
        }
        audit.record(h, AuditEvent.by(by, "person.resolve", "person", Long.toString(person), AuditEvent.SUCCESS)
                .because(reason).detail("decision " + decision + ": records " + ids(recordIds)));
        return person;
    }

    /**
     * Links a record just written to the known person the user identified it as while recording (from the likely
     * persons offered as they typed), inside the caller's transaction, as a decision with its reason and an audit
     * entry. This is how a duplicate is never made in the first place.
     *
     * @throws org.peel.common.BadInput naming {@code field} when there is no such person
     */
    public LinkDecision linkAtEntry(Handle h, String personRecordId, long personId, User by, String reason,
                                    String field) {
        requireReason(reason);
        boolean known = h.createQuery("select exists (select 1 from person where id = :p)").bind("p", personId)
                .mapTo(Boolean.class).one();
        if (!known) {
            throw org.peel.common.BadInput.field(field, "There is no person " + personId + " to link to");
        }
        long record = h.createQuery("select seq from person_record where id = :id").bind("id", personRecordId)
                .mapTo(Long.class).one();
        long decision = decide(h, LinkDecision.Kind.RESOLVE, by, reason, personId, null, null, null);
        endCurrentLink(h, record, decision);
        link(h, record, personId, decision);
        audit.record(h, AuditEvent.by(by, "person.link-at-entry", "person", Long.toString(personId),
                AuditEvent.SUCCESS).because(reason).detail("decision " + decision + ": record " + record));
        return decision(h, decision);
    }

    /** Moves every record of {@code fromPerson} to {@code intoPerson}. */
    public LinkDecision merge(long intoPerson, long fromPerson, User by, String reason, Double probability) {
        requireReason(reason);
        return jdbi.inTransaction(h -> decision(h, merge(h, intoPerson, fromPerson, by, reason, probability)));
    }

    private long merge(Handle h, long intoPerson, long fromPerson, User by, String reason, Double probability) {
        if (intoPerson == fromPerson) {
            throw new IllegalArgumentException("a person cannot be merged with itself");
        }
        List<Long> moving = h.createQuery("""
                        select person_record_id from person_link
                        where person_id = :from and ended_at is null order by person_record_id for update""")
                .bind("from", fromPerson).mapTo(Long.class).list();
        if (moving.isEmpty()) {
            throw new IllegalArgumentException("person " + fromPerson + " has no records to merge");
        }
        if (recordsOf(h, intoPerson).isEmpty()) {
            throw new IllegalArgumentException("person " + intoPerson + " has no records to merge into");
        }
        long decision = decide(h, LinkDecision.Kind.MERGE, by, reason, intoPerson, fromPerson, null, probability);
        for (long record : moving) {
            endCurrentLink(h, record, decision);
            link(h, record, intoPerson, decision);
        }
        audit.record(h, AuditEvent.by(by, "person.merge", "person", Long.toString(intoPerson), AuditEvent.SUCCESS)
                .because(reason).detail("decision " + decision + ": person " + fromPerson + " merged in, records "
                        + ids(moving)));
        return decision;
    }

    /** A pair the engine was unsure of, waiting for a person to decide. */
    public record ReviewPair(long id, long leftRecordId, long rightRecordId, double probability, String explanation,
                             String status) {
    }

    /**
     * Puts a pair between the review thresholds in the queue, with the engine's explanation (levels and weights
     * only, no details). A pair already queued keeps its place and its earlier decision.
     */
    public void queueForReview(long leftRecordId, long rightRecordId, MatchExplanation why) {
        long left = Math.min(leftRecordId, rightRecordId);
        long right = Math.max(leftRecordId, rightRecordId);
        String json;
        try {
            json = EXPLANATIONS.writeValueAsString(Map.of("prior", why.priorWeight(), "weight", why.match().weight(),
                    "contributions", why.contributions()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("explanation could not be written", ex);
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into review_pair (left_record_id, right_record_id, probability, explanation)
                        values (:l, :r, :p, cast(:e as jsonb)) on conflict (left_record_id, right_record_id) do nothing""")
                .bind("l", left).bind("r", right).bind("p", why.match().probability()).bind("e", json).execute());
    }

    /** Open pairs, most likely matches first. */
    public List<ReviewPair> openReviews(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, left_record_id, right_record_id, probability, explanation::text as explanation, status
                        from review_pair where status = 'open' order by probability desc, id limit :n""")
                .bind("n", limit)
                .map((rs, ctx) -> new ReviewPair(rs.getLong("id"), rs.getLong("left_record_id"),
                        rs.getLong("right_record_id"), rs.getDouble("probability"), rs.getString("explanation"),
                        rs.getString("status")))
                .list());
    }

    /**
     * A reviewer's answer to a queued pair: the same person (their persons are merged, the right record's person
     * into the left's) or different people (kept apart). Audited either way.
     */
    public void decideReview(long reviewId, boolean samePerson, User by, String reason) {
        requireReason(reason);
        jdbi.useTransaction(h -> {
            ReviewPair pair = h.createQuery("""
                            select id, left_record_id, right_record_id, probability, explanation::text as explanation,
                                   status from review_pair where id = :id for update""")
                    .bind("id", reviewId)
                    .map((rs, ctx) -> new ReviewPair(rs.getLong("id"), rs.getLong("left_record_id"),
                            rs.getLong("right_record_id"), rs.getDouble("probability"), rs.getString("explanation"),
                            rs.getString("status")))
                    .findOne().orElseThrow(() -> new IllegalArgumentException("no review pair " + reviewId));
            if (!pair.status().equals("open")) {
                throw new IllegalStateException("review pair " + reviewId + " was already decided: " + pair.status());
            }
            Long decision = null;
            if (samePerson) {
                long into = currentPerson(h, pair.leftRecordId());
                long from = currentPerson(h, pair.rightRecordId());
                if (into != from) {
                    decision = merge(h, into, from, by, reason, pair.probability());
                }
            }
            h.createUpdate("""
                            update review_pair set status = :s, decided_by = :by, decided_at = now(), decision_id = :d
                            where id = :id""")
                    .bind("s", samePerson ? "merged" : "kept-apart").bind("by", by.username()).bind("d", decision)
                    .bind("id", reviewId).execute();
            audit.record(h, AuditEvent.by(by, "person.review", "review_pair", Long.toString(reviewId),
                    AuditEvent.SUCCESS).because(reason).detail((samePerson ? "same person" : "different people")
                    + ": records " + pair.leftRecordId() + "," + pair.rightRecordId()
                    + (decision == null ? "" : "; decision " + decision)));
        });
    }

    private static long currentPerson(Handle h, long record) {
        return h.createQuery("select person_id from person_link where person_record_id = :r and ended_at is null")
                .bind("r", record).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("record " + record + " belongs to no person yet"));
    }

    /**
     * Undoes a merge: every record the merge moved goes back to the person it had before. Refused when any of
     * those records has been moved again since, because putting it back would silently undo that later decision too.
     */
    public LinkDecision unmerge(long mergeDecision, User by, String reason) {
        requireReason(reason);
        return jdbi.inTransaction(h -> {
            LinkDecision merge = h.createQuery("select * from link_decision where id = :id for update")
                    .bind("id", mergeDecision).map(PeopleStore::decisionRow).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no decision " + mergeDecision));
            if (merge.kind() != LinkDecision.Kind.MERGE) {
                throw new IllegalArgumentException("decision " + mergeDecision + " is a " + merge.kind().code()
                        + ", not a merge");
            }
            boolean undone = h.createQuery("select exists (select 1 from link_decision where undoes = :id)")
                    .bind("id", mergeDecision).mapTo(Boolean.class).one();
            if (undone) {
                throw new IllegalStateException("merge " + mergeDecision + " has already been undone");
            }
            Map<Long, Long> before = h.createQuery("""
                            select person_record_id, person_id from person_link where ended_by = :d""")
                    .bind("d", mergeDecision)
                    .reduceRows(new java.util.TreeMap<Long, Long>(), (m, row) -> {
                        m.put(row.getColumn("person_record_id", Long.class), row.getColumn("person_id", Long.class));
                        return m;
                    });
            long stillThere = h.createQuery("""
                            select count(*) from person_link where decision_id = :d and ended_at is null""")
                    .bind("d", mergeDecision).mapTo(Long.class).one();
            if (stillThere != before.size()) {
                throw new IllegalStateException("records merged by decision " + mergeDecision
                        + " have been moved since; undo the later decision first");
            }
            long decision = decide(h, LinkDecision.Kind.UNMERGE, by, reason, merge.fromPerson(), merge.intoPerson(),
                    mergeDecision, null);
            for (Map.Entry<Long, Long> e : before.entrySet()) {
                endCurrentLink(h, e.getKey(), decision);
                link(h, e.getKey(), e.getValue(), decision);
            }
            audit.record(h, AuditEvent.by(by, "person.unmerge", "person", Long.toString(merge.intoPerson()),
                    AuditEvent.SUCCESS).because(reason).detail("decision " + decision + " undoes merge "
                    + mergeDecision + ": records " + ids(before.keySet()) + " back to person " + merge.fromPerson()));
            return decision(h, decision);
        });
    }

    /** Every record's current person, by record id. */
    public Map<Long, Long> currentLinks() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select person_record_id, person_id from person_link where ended_at is null")
                .reduceRows(new java.util.HashMap<Long, Long>(), (m, row) -> {
                    m.put(row.getColumn("person_record_id", Long.class), row.getColumn("person_id", Long.class));
                    return m;
                }));
    }

    /**
     * Writes a batch run in one transaction under one decision: records joining existing persons, and records
     * forming new persons (one person per distinct number in {@code toNewPerson}). Returns the persons created.
     */
    public int applyRun(Map<Long, Long> toExistingPerson, Map<Long, Integer> toNewPerson, String actor,
                        String reason) {
        requireReason(reason);
        if (toExistingPerson.isEmpty() && toNewPerson.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            long decision = h.createUpdate("""
                            insert into link_decision (kind, decided_by, reason) values ('resolve', :by, :reason)""")
                    .bind("by", actor).bind("reason", reason)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Map<Integer, Long> created = new java.util.TreeMap<>();
            for (int n : new java.util.TreeSet<>(toNewPerson.values())) {
                created.put(n, h.createUpdate("insert into person (created_by) values (:by)").bind("by", actor)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            var batch = h.prepareBatch("""
                    insert into person_link (person_record_id, person_id, decision_id) values (:r, :p, :d)""");
            toExistingPerson.forEach((record, person) -> batch.bind("r", record).bind("p", person)
                    .bind("d", decision).add());
            toNewPerson.forEach((record, n) -> batch.bind("r", record).bind("p", created.get(n))
                    .bind("d", decision).add());
            batch.execute();
            audit.record(h, AuditEvent.by(null, "person.link-run", "link_decision", Long.toString(decision),
                    AuditEvent.SUCCESS).asUser(actor).because(reason).detail("decision " + decision + ": "
                    + toExistingPerson.size() + " records joined existing persons, "
                    + toNewPerson.size() + " records formed " + created.size() + " new persons"));
            return created.size();
        });
    }

    /** The person a record currently belongs to. */
    public Optional<Long> personOf(long recordId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select person_id from person_link where person_record_id = :r and ended_at is null")
                .bind("r", recordId).mapTo(Long.class).findOne());
    }

    /** A person's current records, in id order. */
    public List<Long> recordsOf(long personId) {
        return jdbi.withHandle(h -> recordsOf(h, personId));
    }

    /** The person with this public reference; empty when there is none (or the text is not a reference). */
    public Optional<Long> personByRef(String reference) {
        java.util.UUID ref = parseRef(reference);
        if (ref == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("select id from person where public_ref = :ref")
                .bind("ref", ref).mapTo(Long.class).findOne());
    }

    /** Whether a person with this number exists. */
    public boolean exists(long personId) {
        return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from person where id = :p)")
                .bind("p", personId).mapTo(Boolean.class).one());
    }

    /** The public references of these persons, by person number; numbers with no person are left out. */
    public Map<Long, String> refsOf(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select id, public_ref::text as ref from person where id = any(:ids)")
                .bind("ids", personIds.stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new))
                .reduceRows(new java.util.HashMap<Long, String>(), (m, row) -> {
                    m.put(row.getColumn("id", Long.class), row.getColumn("ref", String.class));
                    return m;
                }));
    }

    /** The public reference of a person. */
    public String refOf(long personId) {
        return refsOf(List.of(personId)).get(personId);
    }

    /** A person's reference as a UUID, or null when the text is not one. */
    static java.util.UUID parseRef(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return java.util.UUID.fromString(text);
    }

    /**
     * Open pairs whose two records are both in {@code boroughCode} (every open pair when null), most likely first:
     * the queue a local role works through.
     */
    public List<ReviewPair> openReviews(int limit, String boroughCode) {
        if (boroughCode == null) {
            return openReviews(limit);
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.id, p.left_record_id, p.right_record_id, p.probability,
                               p.explanation::text as explanation, p.status
                        from review_pair p
                        join person_record l on l.seq = p.left_record_id
                        join person_record r on r.seq = p.right_record_id
                        where p.status = 'open' and l.borough_code = :b and r.borough_code = :b
                        order by p.probability desc, p.id limit :n""")
                .bind("n", limit).bind("b", boroughCode)
                .map((rs, ctx) -> new ReviewPair(rs.getLong("id"), rs.getLong("left_record_id"),
                        rs.getLong("right_record_id"), rs.getDouble("probability"), rs.getString("explanation"),
                        rs.getString("status")))
                .list());
    }

    /** Every decision that moved records into or out of a person, oldest first. */
    public List<LinkDecision> history(long personId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from link_decision where into_person = :p or from_person = :p
                           or id in (select decision_id from person_link where person_id = :p)
                        order by id""")
                .bind("p", personId).map(PeopleStore::decisionRow).list());
    }

    private static List<Long> recordsOf(Handle h, long personId) {
        return h.createQuery("""
                        select person_record_id from person_link where person_id = :p and ended_at is null
                        order by person_record_id""")
                .bind("p", personId).mapTo(Long.class).list();
    }

    private static long decide(Handle h, LinkDecision.Kind kind, User by, String reason, Long into, Long from,
                               Long undoes, Double probability) {
        return h.createUpdate("""
                        insert into link_decision (kind, decided_by, reason, into_person, from_person, undoes, probability)
                        values (:kind, :by, :reason, :into, :from, :undoes, :p)""")
                .bind("kind", kind.code()).bind("by", by.username()).bind("reason", reason.trim())
                .bind("into", into).bind("from", from).bind("undoes", undoes).bind("p", probability)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void endCurrentLink(Handle h, long record, long decision) {
        h.createUpdate("""
                        update person_link set ended_at = now(), ended_by = :d
                        where person_record_id = :r and ended_at is null""")
                .bind("d", decision).bind("r", record).execute();
    }

    private static void link(Handle h, long record, long person, long decision) {
        h.createUpdate("insert into person_link (person_record_id, person_id, decision_id) values (:r, :p, :d)")
                .bind("r", record).bind("p", person).bind("d", decision).execute();
    }

    private static LinkDecision decision(Handle h, long id) {
        return h.createQuery("select * from link_decision where id = :id").bind("id", id)
                .map(PeopleStore::decisionRow).one();
    }

    private static LinkDecision decisionRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new LinkDecision(rs.getLong("id"), LinkDecision.Kind.of(rs.getString("kind")),
                rs.getString("decided_by"), rs.getObject("decided_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("reason"), nullableLong(rs, "into_person"), nullableLong(rs, "from_person"),
                nullableLong(rs, "undoes"), rs.getObject("probability") == null ? null : rs.getDouble("probability"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw org.peel.common.BadInput.field("reason", "say why: every link decision keeps its reason");
        }
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
