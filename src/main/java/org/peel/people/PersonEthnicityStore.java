package org.peel.people;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

/**
 * Records a person record's ethnicity: as the person defines it ({@link Ethnicity}, "not stated" included) and as the
 * officer observed it (a broad group). The capability that holds the record calls this where it records people's
 * data (an ASB victim, an IOM offender), and the change is audited in the same transaction, naming the record, never
 * the ethnicity. Readers count it through {@code people_person_ethnicity_published}, and a page shows a record's
 * through {@link #recorded}.
 */
public final class PersonEthnicityStore {

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public PersonEthnicityStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** In its own transaction; false when there is no such record. */
    public boolean record(User by, String recordId, Ethnicity selfDefined, String observedGroup) {
        return jdbi.inTransaction(h -> record(h, by, recordId, selfDefined, observedGroup));
    }

    /**
     * Within the caller's transaction. Either may be null (not asked); an observed group must be one of
     * {@link Ethnicity#GROUPS}.
     */
    public boolean record(Handle h, User by, String recordId, Ethnicity selfDefined, String observedGroup) {
        if (observedGroup != null && !Ethnicity.GROUPS.contains(observedGroup)) {
            throw new IllegalArgumentException("observed ethnicity must be one of " + Ethnicity.GROUPS + ", not '"
                    + observedGroup + "'");
        }
        int n = h.createUpdate("""
                        update person_record set self_defined_ethnicity = :self, observed_ethnicity = :observed
                        where id = :id""")
                .bind("self", selfDefined == null ? null : selfDefined.name()).bind("observed", observedGroup)
                .bind("id", recordId).execute();
        if (n == 1) {
            audit.record(h, AuditEvent.by(by, "ethnicity-record", "person_record", recordId, AuditEvent.SUCCESS));
        }
        return n == 1;
    }

    /**
     * Within the caller's transaction, as a form answered it: a self-defined answer replaces the self-defined
     * ethnicity, an officer's observation the observed group; the other is kept. False when there is no such record.
     */
    public boolean record(Handle h, User by, String recordId, EthnicityAnswer answer) {
        String column = answer.definedBy() == EthnicityAnswer.DefinedBy.SELF ? "self_defined_ethnicity"
                : "observed_ethnicity";
        int n = h.createUpdate("update person_record set " + column + " = :value where id = :id")
                .bind("value", answer.definedBy() == EthnicityAnswer.DefinedBy.SELF ? answer.ethnicity().name()
                        : answer.observedGroup())
                .bind("id", recordId).execute();
        if (n == 1) {
            audit.record(h, AuditEvent.by(by, "ethnicity-record", "person_record", recordId, AuditEvent.SUCCESS)
                    .detail(answer.definedBy().code()));
        }
        return n == 1;
    }

    /**
     * A record's ethnicity as held: the self-defined category (null when not asked) and the officer-observed group
     * (null when not observed).
     */
    public record Recorded(Ethnicity selfDefined, String observedGroup) {

        /** Neither asked nor observed. */
        public boolean none() {
            return selfDefined == null && observedGroup == null;
        }

        /** Whether this already holds what the answer would record, so recording it again would change nothing. */
        public boolean holds(EthnicityAnswer answer) {
            return answer.definedBy() == EthnicityAnswer.DefinedBy.SELF ? answer.ethnicity() == selfDefined
                    : answer.observedGroup().equals(observedGroup);
        }

        /** The self-defined category in words with its group: "Indian (Asian)", or "Not stated". */
        public String selfDefinedText() {
            return selfDefined == null ? null : selfDefined.group() == null ? selfDefined.label()
                    : selfDefined.label() + " (" + selfDefined.group() + ")";
        }
    }

    /** The ethnicity held on each of these person records, read through the published view; unknown ids left out. */
    public java.util.Map<String, Recorded> recorded(java.util.Collection<String> recordIds) {
        java.util.Map<String, Recorded> out = new java.util.LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select record_id, self_defined_ethnicity, observed_group
                        from people_person_ethnicity_published where record_id = any(:ids) order by record_id""")
                .bind("ids", recordIds.toArray(String[]::new))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("record_id"), new Recorded(
                        Ethnicity.fromCode(rs.getString("self_defined_ethnicity")).orElse(null),
                        rs.getString("observed_group"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The person records a capability holds for one of its records (an offender's), oldest id first. */
    public java.util.List<String> recordsOf(String sourceType, String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select record_id from people_person_ethnicity_published
                        where source_type = :type and source_id = :id order by record_id""")
                .bind("type", sourceType).bind("id", sourceId).mapTo(String.class).list());
    }
}
