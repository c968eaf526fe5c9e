package org.peel.prevention;

import org.peel.people.EthnicityAnswer;

import java.util.List;

/**
 * What the call handler sees the moment an incident is saved: where it was placed, the victim's earlier incidents
 * and crimes, earlier incidents at the same place, the repeat and case review decisions, the risk grade with its
 * reasons, and the flags raised for the neighbourhood team. Without a victim only the place's history applies.
 * {@code victimHistory} is the history as shown to the user who recorded the call: the records in their reach, and
 * {@link AsbHistory.Victim#inOtherBoroughs()} the number of the others, which the rules counted all the same.
 * {@code victimEthnicity} is the victim's ethnicity as the call handler recorded it, null when it was not asked.
 */
public record AsbFirstCall(String incidentId, AsbLocation location, AsbHistory.Victim victimHistory,
                           List<AsbHistory.Incident> atLocation, RepeatVictimRule.Decision repeat,
                           CaseReviewTrigger.Decision caseReview, AsbRiskAssessment.Result risk, List<String> flags,
                           AsbRiskSettings settings, EthnicityAnswer victimEthnicity) {

    public boolean hasVictim() {
        return risk != null;
    }
}
