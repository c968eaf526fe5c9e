package org.peel.prevention;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Whether a victim's complaints meet the ASB Case Review (Community Trigger) threshold, ASB, Crime and Policing Act
 * 2014 s104: at least {@link AsbRiskSettings#caseReviewComplaints()} complaints, this one included, in the
 * {@link AsbRiskSettings#caseReviewMonths()} months up to it. The threshold is set locally (commonly three in six
 * months, reference/standards.md §3.2), so it is configuration. A met threshold means the victim may apply for a case
 * review and should be told so; the partnership decides the application.
 * <p>
 * The statute's further condition, that each complaint was made within a month of the behaviour, is taken as met
 * for calls recorded as incidents: Peel records the call when the behaviour is reported.
 */
public final class CaseReviewTrigger {

    public static final String VERSION = "asb-case-review-1";

    private CaseReviewTrigger() {
    }

    /** The decision, with the complaints counted (this one included). */
    public record Decision(boolean met, int complaintsInWindow, LocalDateTime windowStart, List<String> reasons,
                           String ruleVersion) {
    }

    /**
     * @param now     when this complaint was made
     * @param earlier when the same person's earlier ASB complaints were made (as caller or victim)
     */
    public static Decision decide(LocalDateTime now, Collection<LocalDateTime> earlier, AsbRiskSettings settings) {
        LocalDateTime from = now.minusMonths(settings.caseReviewMonths());
        int count = 1 + (int) earlier.stream().filter(t -> !t.isBefore(from) && !t.isAfter(now)).count();
        boolean met = count >= settings.caseReviewComplaints();
        String reason = count + " complaint" + (count == 1 ? "" : "s") + " in the " + settings.caseReviewMonths()
                + " months to this one, this one included; case review threshold " + settings.caseReviewComplaints()
                + (met ? ": met, tell the victim they may ask for an ASB case review" : ": not met");
        return new Decision(met, count, from, List.of(reason), VERSION);
    }
}
