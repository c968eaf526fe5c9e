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
 * the ethnicity. Readers count it through {@code people_person_ethnicity_published}.
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
}
