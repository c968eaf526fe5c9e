package org.peel.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Victims' Code deadlines a crime starts, in working days (England and Wales): at reporting, a needs
 * assessment and the offer of a victim personal statement; written confirmation within 5 working days; the
 * victim's details passed to victim services within 2 unless they decline (or, for victims whose referral needs
 * consent, with it: {@link VictimsCodeEntitlement#referral}); if the crime will not be investigated, the victim told
 * within 1 working day for enhanced service and 5 otherwise (the Code, October 2015, Chapter 2: the enhanced
 * entitlement to be told of decisions within 1 working day; standards §5.3). Each later case event (arrest, interview, charge, bail, no further
 * action, out-of-court disposal) starts an update due within 1 working day for enhanced service, 5 otherwise.
 */
public final class VictimsCodeDeadlines {

    public static final String RULE_VERSION = "victims-code-2015-deadlines-1";

    private VictimsCodeDeadlines() {
    }

    public enum Kind {
        NEEDS_ASSESSMENT("Needs assessment"),
        PERSONAL_STATEMENT_OFFER("Victim personal statement offered"),
        WRITTEN_CONFIRMATION("Written confirmation and crime reference"),
        REFERRAL_TO_VICTIM_SERVICES("Details passed to victim services"),
        NOT_INVESTIGATED_NOTICE("Told the crime will not be investigated"),
        UPDATE_ARREST("Update: arrest"),
        UPDATE_INTERVIEW("Update: interview under caution"),
        UPDATE_CHARGE("Update: charge"),
        UPDATE_BAIL("Update: bail or its conditions"),
        UPDATE_NO_FURTHER_ACTION("Update: released with no further action"),
        UPDATE_OUT_OF_COURT_DISPOSAL("Update: out-of-court disposal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A case event that the victim must be told about. */
    public enum CaseEvent {
        ARREST(Kind.UPDATE_ARREST), INTERVIEW(Kind.UPDATE_INTERVIEW), CHARGE(Kind.UPDATE_CHARGE), BAIL(Kind.UPDATE_BAIL),
        NO_FURTHER_ACTION(Kind.UPDATE_NO_FURTHER_ACTION), OUT_OF_COURT_DISPOSAL(Kind.UPDATE_OUT_OF_COURT_DISPOSAL);

        private final Kind update;

        CaseEvent(Kind update) {
            this.update = update;
        }

        public Kind update() {
            return update;
        }
    }

    /** One entitlement's deadline: due by the end of {@code due}, counted from {@code from}. */
    public record Deadline(Kind kind, LocalDate from, int workingDays, LocalDate due, String basis) {
    }

    /**
     * The deadlines that start when a crime is reported. {@code screenedOut} adds the notice that it will not be
     * investigated; {@code declinedReferral} drops the referral to victim services.
     */
    public static List<Deadline> atReport(LocalDate reportedOn, VictimsCodeEntitlement.Service service,
                                          boolean screenedOut, boolean declinedReferral) {
        return atReport(reportedOn, service, screenedOut, declinedReferral
                ? new VictimsCodeEntitlement.Referral(false, false, "declined")
                : new VictimsCodeEntitlement.Referral(true, false, "within 2 working days of reporting"));
    }

    /** The deadlines that start when a crime is reported, with the referral decided by the Code's consent rule. */
    public static List<Deadline> atReport(LocalDate reportedOn, VictimsCodeEntitlement.Service service,
                                          boolean screenedOut, VictimsCodeEntitlement.Referral referral) {
        List<Deadline> d = new ArrayList<>();
        if (service != VictimsCodeEntitlement.Service.BUSINESS) {
            d.add(of(Kind.NEEDS_ASSESSMENT, reportedOn, 0, "when the crime is reported"));
            d.add(of(Kind.PERSONAL_STATEMENT_OFFER, reportedOn, 0, "offered when the crime is reported"));
        }
        d.add(of(Kind.WRITTEN_CONFIRMATION, reportedOn, 5, "within 5 working days of reporting"));
        if (service != VictimsCodeEntitlement.Service.BUSINESS && referral.refer()) {
            d.add(of(Kind.REFERRAL_TO_VICTIM_SERVICES, reportedOn, 2, referral.needsConsent()
                    ? "within 2 working days of reporting, with the victim's consent" : "within 2 working days of reporting"));
        }
        if (screenedOut) {
            boolean enhanced = service == VictimsCodeEntitlement.Service.ENHANCED;
            d.add(of(Kind.NOT_INVESTIGATED_NOTICE, reportedOn, enhanced ? 1 : 5, enhanced
                    ? "within 1 working day of the decision (enhanced service)" : "within 5 working days of the decision"));
        }
        return List.copyOf(d);
    }

    /** The update a case event starts: 1 working day for enhanced service, 5 otherwise. */
    public static Deadline update(CaseEvent event, LocalDate on, VictimsCodeEntitlement.Service service) {
        int days = service == VictimsCodeEntitlement.Service.ENHANCED ? 1 : 5;
        return of(event.update(), on, days, "within " + days + " working day" + (days == 1 ? "" : "s")
                + (days == 1 ? " (enhanced service)" : " (standard service)"));
    }

    private static Deadline of(Kind kind, LocalDate from, int days, String basis) {
        return new Deadline(kind, from, days, WorkingDays.add(from, days), basis);
    }
}
