package org.peel.prevention;

import org.jdbi.v3.core.Handle;
import org.peel.common.Adapter;

/**
 * Finds a victim's earlier ASB incidents and crimes. Behind an interface because the way Peel decides two person
 * records are the same person will change: today exact details, later the resolved identities of the people
 * capability, without the caller of this interface noticing.
 */
@Adapter
public interface VictimHistory {

    /** The earlier records of the person described, newest first; runs inside the caller's transaction. */
    AsbHistory.Victim earlierRecords(Handle h, PersonDetails victim);

    /**
     * The same, where the call handler has said which known person the victim is (from the likely persons offered
     * as they typed): that person's records are the victim's too, whatever details they were recorded under.
     * A history that knows nothing of persons ignores the choice.
     */
    default AsbHistory.Victim earlierRecords(Handle h, PersonDetails victim, long identifiedPerson) {
        return earlierRecords(h, victim);
    }
}
