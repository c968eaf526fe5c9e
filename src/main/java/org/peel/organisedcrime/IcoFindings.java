package org.peel.organisedcrime;

import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.Capability;

import java.util.List;
import java.util.Map;

/**
 * The Information Commissioner's findings on the Metropolitan Police's gangs matrix (enforcement notice of 16 November
 * 2018, under s40 of the Data Protection Act 1998) and the Commissioner's checklist for forces, each with how Peel meets it, the live figure that shows it, and where in Peel the evidence is.
 */
public final class IcoFindings {

    /** One finding: what the Commissioner found, how Peel meets it, the figure now, and links to the evidence. */
    public record Finding(String number, String found, String met, String figure, boolean holds,
                          List<Capability> evidence) {

        /** The finding with only the evidence this user may open. */
        public Finding shownTo(User user) {
            return new Finding(number, found, met, figure, holds,
                    evidence.stream().filter(e -> e.opensFor(user)).toList());
        }
    }

    private static final Capability MATRIX = new Capability(Section.ORGANISED_CRIME, "The matrix", "",
            "/organised-crime/gangs").opening(GangRoutes.intelligence());

    private IcoFindings() {
    }

    public static List<Finding> findings(GangMatrix matrix, GangEquality equality) {
        GangStore store = matrix.store();
        Map<String, Long> counts = store.statusCounts(matrix.today());
        Map<String, Long> safeguards = store.safeguardFigures();
        String dpia = matrix.settings().dpia();
        long equalityCompared = equality.report(matrix.today()).stream()
                .filter(d -> !"not held".equals(d.populationSource())).count();
        return List.of(
                new Finding("1", "Victims and perpetrators were not clearly distinguished.",
                        "Each involvement is recorded with its role, perpetrator or victim, and shown apart on the"
                                + " person's page; the harm assessment gives a victim's involvement no points, so"
                                + " being a victim never puts anyone on the matrix.",
                        safeguards.get("victim involvements") + " victim involvements recorded apart; "
                                + safeguards.get("victims only, not included")
                                + " people recorded only as victims, none of them on the matrix",
                        true, List.of(MATRIX)),
                new Finding("2", "People with a harm score of zero were kept, and some boroughs kept informal"
                        + " lists of \"gang associates\" after people were removed from the matrix.",
                        "A review that scores zero takes the person off the matrix and records the removal with its"
                                + " date and reason; the row is kept (nothing is deleted) but shows only as removed.",
                        counts.get("zero on matrix") + " people on the matrix with a score of 0; "
                                + counts.get("removed for score 0") + " removals recorded for a score of 0",
                        counts.get("zero on matrix") == 0, List.of(MATRIX)),
                new Finding("3", "No retention period was set and there was no rule for review.",
                        "Every person has a review date (" + matrix.settings().reviewDays() + " days after each"
                                + " review, PEEL_GANGS_REVIEW_DAYS); when it passes the person is taken off until"
                                + " reviewed, the removal recorded.",
                        counts.get("lapsed") + " people on the matrix past their review date; "
                                + counts.get("removed for lapsed review") + " removals recorded for a lapsed review",
                        counts.get("lapsed") == 0, List.of(MATRIX)),
                new Finding("4", "The operating model was unclear and applied inconsistently across the 32 borough"
                        + " matrices; the checklist asks for scoring thresholds and consequences defined and applied"
                        + " consistently.",
                        "One harm assessment for every borough: points per kind of offending and the window are"
                                + " configuration, shown with every decision's reasons, and no one is included until"
                                + " what scores comes from at least " + matrix.settings().harm().minSources()
                                + " independent sources.",
                        safeguards.get("included on one source") + " people on the matrix on fewer than "
                                + matrix.settings().harm().minSources() + " sources; " + counts.get("included")
                                + " on the matrix, " + counts.get("not included") + " considered and not included",
                        safeguards.get("included on one source") == 0,
                        List.of(MATRIX)),
                new Finding("5", "The matrix was shared in full, unredacted, with public bodies and private"
                        + " organisations: blanket sharing beyond what was necessary.",
                        "One person's entry at a time goes out only through the force's share gate: an active"
                                + " information-sharing agreement naming the recipient, a stated purpose, and only"
                                + " the agreement's categories. Every request, allowed or refused, is in the"
                                + " recipient log on the person's page and in the force's share log.",
                        safeguards.get("shares") + " share requests logged: " + safeguards.get("shares allowed")
                                + " allowed, " + safeguards.get("shares refused") + " refused; "
                                + safeguards.get("shares without agreement allowed")
                                + " allowed without an agreement",
                        safeguards.get("shares without agreement allowed") == 0,
                        List.of(new Capability(Section.PARTNERSHIP,
                                "Information-sharing agreements and the share log", "", "/partners/agreements"))),
                new Finding("6", "No equality impact assessment was made (Equality Act 2010, s149).",
                        "The equality report sets the matrix's make-up by age, sex and ethnic group against the"
                                + " population where the public data sets hold it, ethnic group borough by borough as"
                                + " well as force-wide, each ratio with its 95% interval, and says where they do not.",
                        equalityCompared + " of 3 dimensions compared with population",
                        equalityCompared > 0,
                        List.of(new Capability(Section.ORGANISED_CRIME, "Equality report", "",
                                "/organised-crime/gangs/equality").opening(GangRoutes.intelligence()))),
                new Finding("7", "No data-protection impact assessment was made for the matrix.",
                        "The matrix is processed under a named DPIA: each person's record carries the reference it"
                                + " was recorded under, and no one is recorded without one.",
                        (dpia.isBlank() ? "no DPIA reference configured (PEEL_GANGS_DPIA)" : "DPIA " + dpia)
                                + "; " + safeguards.get("without DPIA reference") + " records without a reference",
                        safeguards.get("without DPIA reference") == 0,
                        List.of(MATRIX)),
                new Finding("8", "The checklist asks for appropriate security, encryption in transit and a full"
                        + " access log.",
                        "The matrix lives only in Peel: each view needs the intelligence sensitivity and a stated"
                                + " purpose, and is audited with it; every change is audited in the same"
                                + " transaction.",
                        "every view and change in the audit trail",
                        true, List.of(new Capability(Section.ADMINISTRATION, "Audit trail", "", "/admin/audit"))));
    }
}
