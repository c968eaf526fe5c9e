package org.peel.people;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.User;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why someone new was recorded with no detail that tells them apart from their namesakes
 * ({@link SharedName.WithoutDetail}): kept beside the person record, written by the capability that recorded it in
 * its own transaction, through the access policy and audited there, naming the record and the reason, never the
 * name. The person's page shows it, and the review page counts such records by reason.
 */
public final class PersonNotGivenStore {

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public PersonNotGivenStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Keeps the reason for the person record {@code recordId} just written, inside the caller's transaction.
     *
     * @param section the section of the recording form, whose change the user must be allowed
     * @param at      when the record was written
     * @throws IllegalStateException when the access policy refuses the user the change (audited as refused)
     */
    public void record(Handle h, User by, Section section, String recordId, SharedName.WithoutDetail note,
                       LocalDateTime at) {
        AccessDecision decision = AccessPolicy.decide(by, AccessRequest.view(section).changing());
        if (!decision.allowed()) {
            // on a connection of its own (Jdbi would lend this thread's handle to a nested transaction): the
            // refusal rolls back the recording transaction, and the audit of it must stay
            try (Handle own = jdbi.open()) {
                own.useTransaction(t -> audit.record(t, AuditEvent.by(by, "access-denied", "person_record", recordId,
                        AuditEvent.DENIED).detail("reason for no date of birth, age or postcode: "
                        + decision.summary())));
            }
            throw new IllegalStateException("the access policy refuses " + by.username() + " a change in " + section);
        }
        SharedName.Namesakes n = note.namesakes();
        h.createUpdate("""
                        insert into person_record_not_given (person_record_id, reason, namesakes, born_from, born_to,
                                                             namesakes_in_years, recorded_by, recorded_at)
                        values (:id, :reason, :namesakes, :from, :to, :inYears, :by, :at)""")
                .bind("id", recordId).bind("reason", note.reason().name()).bind("namesakes", n.byName())
                .bind("from", n.years() == null ? null : n.years().from())
                .bind("to", n.years() == null ? null : n.years().to())
                .bind("inYears", n.years() == null ? null : n.inYears())
                .bind("by", by.username()).bind("at", at).execute();
        // the reason and the counts only: the audit trail never holds names
        audit.record(h, AuditEvent.by(by, "person-record.not-given", "person_record", recordId, AuditEvent.SUCCESS)
                .detail(note.reason().name() + ", " + n.byName() + " namesakes"
                        + (n.years() == null ? "" : ", " + n.inYears() + " born " + n.years().span())));
    }

    /** What each of these person records was recorded without, and why, by record sequence; others left out. */
    public Map<Long, SharedName.WithoutDetail> notes(Collection<Long> seqs) {
        Map<Long, SharedName.WithoutDetail> out = new LinkedHashMap<>();
        if (seqs.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select r.seq, g.reason, g.namesakes, g.born_from, g.born_to, g.namesakes_in_years
                        from person_record_not_given g join person_record r on r.id = g.person_record_id
                        where r.seq = any(:seqs) order by r.seq""")
                .bind("seqs", seqs.toArray(Long[]::new))
                .map((rs, ctx) -> {
                    Integer from = (Integer) rs.getObject("born_from");
                    SharedName.Namesakes n = from == null ? SharedName.Namesakes.byName(rs.getInt("namesakes"))
                            : new SharedName.Namesakes(rs.getInt("namesakes"),
                            new BirthYears(from, rs.getInt("born_to")), rs.getInt("namesakes_in_years"));
                    return Map.entry(rs.getLong("seq"), new SharedName.WithoutDetail(
                            SharedName.NotGiven.valueOf(rs.getString("reason")), n));
                })
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /**
     * How many person records were recorded from {@code from} (inclusive) to {@code to} (exclusive) from a name more
     * records shared than the panel shows, without a detail that told them apart, by reason (every reason present,
     * 0 when none); in {@code boroughCode} only, or the whole force when null.
     */
    public Map<SharedName.NotGiven, Integer> countByReason(LocalDateTime from, LocalDateTime to, String boroughCode) {
        Map<SharedName.NotGiven, Integer> out = new EnumMap<>(SharedName.NotGiven.class);
        for (SharedName.NotGiven reason : SharedName.NotGiven.values()) {
            out.put(reason, 0);
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select g.reason, count(*) as n
                        from person_record_not_given g join person_record r on r.id = g.person_record_id
                        where g.recorded_at >= :from and g.recorded_at < :to and g.namesakes > :shown
                          and (cast(:borough as text) is null or r.borough_code = :borough)
                        group by g.reason""")
                .bind("from", from).bind("to", to).bind("shown", SharedName.SHOWN).bind("borough", boroughCode)
                .map((rs, ctx) -> Map.entry(SharedName.NotGiven.valueOf(rs.getString("reason")), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
