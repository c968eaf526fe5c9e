package org.peel.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The ASB case review (community trigger) threshold decision on an application, ASB, Crime and Policing Act 2014
 * s104 (reference/standards.md §21.1): the threshold is met when at least {@code complaints} qualifying complaints
 * about the behaviour were made, whoever they came from and whichever relevant body received them (police, council,
 * housing provider). A complaint qualifies when it was made within {@code complaintWithinMonths} of the behaviour and
 * the application within {@code applicationWithinMonths} of the complaint. The statute caps the threshold at three
 * (a local procedure may set fewer, never more), so settings above three are refused.
 */
public final class CaseReviewThreshold {

    public static final String VERSION = "asb-case-review-application-1";

    private CaseReviewThreshold() {
    }

    /** The body a complaint was made to. */
    public enum Body { POLICE, COUNCIL, HOUSING }

    /** One complaint about the behaviour: when the behaviour happened, when complained of, and to whom. */
    public record Complaint(LocalDate behaviourOn, LocalDate complainedOn, Body to) {
    }

    /** The local threshold: default three complaints, within a month of the behaviour, applied for within six. */
    public record Settings(int complaints, int complaintWithinMonths, int applicationWithinMonths) {
        public Settings {
            if (complaints < 1 || complaints > 3) {
                throw new IllegalArgumentException("the case review threshold must be 1 to 3 complaints: the 2014 Act "
                        + "caps it at three");
            }
        }

        public static Settings defaults() {
            return new Settings(3, 1, 6);
        }

        /** {@code PEEL_CASE_REVIEW_COMPLAINTS} replaces the default three. */
        public static Settings from(java.util.Map<String, String> environment) {
            String text = environment.get("PEEL_CASE_REVIEW_COMPLAINTS");
            if (text == null || text.isBlank()) {
                return defaults();
            }
            try {
                return new Settings(Integer.parseInt(text.trim()), 1, 6);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("PEEL_CASE_REVIEW_COMPLAINTS must be a whole number, not '" + text + "'");
            }
        }
    }

    public record Decision(boolean met, int qualifying, List<String> reasons, String ruleVersion) {
    }

    public static Decision decide(LocalDate appliedOn, Collection<Complaint> complaints, Settings settings) {
        List<String> reasons = new ArrayList<>();
        int qualifying = 0;
        int[] byBody = new int[Body.values().length];
        for (Complaint c : complaints) {
            if (c.complainedOn().isAfter(c.behaviourOn().plusMonths(settings.complaintWithinMonths()))) {
                reasons.add("complaint of " + c.complainedOn() + " to the " + name(c.to()) + " was made more than "
                        + settings.complaintWithinMonths() + " month(s) after the behaviour of " + c.behaviourOn());
            } else if (appliedOn.isAfter(c.complainedOn().plusMonths(settings.applicationWithinMonths()))) {
                reasons.add("complaint of " + c.complainedOn() + " to the " + name(c.to()) + " is more than "
                        + settings.applicationWithinMonths() + " months before the application");
            } else if (c.complainedOn().isAfter(appliedOn)) {
                reasons.add("complaint of " + c.complainedOn() + " comes after the application");
            } else {
                qualifying++;
                byBody[c.to().ordinal()]++;
            }
        }
        boolean met = qualifying >= settings.complaints();
        List<String> parts = new ArrayList<>();
        for (Body b : Body.values()) {
            if (byBody[b.ordinal()] > 0) {
                parts.add(byBody[b.ordinal()] + " to the " + name(b));
            }
        }
        reasons.add(0, qualifying + " qualifying complaint" + (qualifying == 1 ? "" : "s")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + "; threshold "
                + settings.complaints() + (met ? ": met, the case review must be held"
                : ": not met, the partnership decides on persistence, harm and the response so far"));
        return new Decision(met, qualifying, reasons, VERSION);
    }

    private static String name(Body b) {
        return b == Body.HOUSING ? "housing provider" : b.name().toLowerCase(Locale.ROOT);
    }
}
