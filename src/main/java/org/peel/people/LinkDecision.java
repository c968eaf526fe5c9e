package org.peel.people;

import java.time.Instant;

/**
 * A decision about which person records belong to: resolving records into a person, merging two persons, or undoing
 * a merge. Kept for ever; undone by a later decision, never edited.
 *
 * @param intoPerson  the person the records went to
 * @param fromPerson  the person they came from (merge and unmerge), or null
 * @param undoes      the decision this one undoes, or null
 * @param probability the engine's match probability when it proposed the decision, or null when a person decided
 *                    unprompted
 */
public record LinkDecision(long id, Kind kind, String decidedBy, Instant decidedAt, String reason, Long intoPerson,
                           Long fromPerson, Long undoes, Double probability) {

    /** What was decided. */
    public enum Kind {
        RESOLVE, MERGE, UNMERGE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
