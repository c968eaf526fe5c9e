package org.peel.prevention;

import java.time.LocalDateTime;

/**
 * An ASB incident as the call handler takes it: what, where, when, how it was reported, who called and who suffered.
 *
 * @param caller         who called; null when the victim called or the caller gave no details
 * @param callerIsVictim whether the victim made the call
 * @param victim         who suffered; null when no one in particular did (most environmental incidents)
 * @param answers        the risk questionnaire; required when there is a victim
 */
public record AsbReport(AsbCategory category, String subType, String description, AsbChannel channel,
                        LocalDateTime reportedAt, PersonDetails caller, boolean callerIsVictim, PersonDetails victim,
                        AsbQuestionnaire answers) {
}
