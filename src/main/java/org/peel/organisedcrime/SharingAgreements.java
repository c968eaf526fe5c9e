package org.peel.organisedcrime;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether an information-sharing agreement with a recipient is in force on a date. Gang and OCG data go to a partner
 * only under an active agreement, never as blanket sharing; where the agreements are held is another capability's
 * business, so this is the one question organised crime asks of it. Until it is wired, {@link #NONE} knows of no
 * agreement, and every share is refused.
 */
public interface SharingAgreements {

    /** The reference of the agreement with this recipient in force on the date, or null when there is none. */
    String activeAgreement(String recipient, LocalDate on);

    SharingAgreements NONE = (recipient, on) -> null;

    /** The decision on one share, with its reasons; an allowed share names its agreement for the recipient log. */
    record Decision(boolean allowed, String agreement, List<String> reasons) {
    }

    static Decision decide(SharingAgreements agreements, String recipient, String purpose, LocalDate on) {
        if (purpose == null || purpose.isBlank()) {
            return new Decision(false, null, List.of("a share must state its purpose"));
        }
        String agreement = agreements.activeAgreement(recipient, on);
        if (agreement == null) {
            return new Decision(false, null, List.of("no information-sharing agreement with " + recipient
                    + " is in force on " + on + ": nothing is shared"));
        }
        return new Decision(true, agreement, List.of("shared under agreement " + agreement + " for: " + purpose));
    }
}
