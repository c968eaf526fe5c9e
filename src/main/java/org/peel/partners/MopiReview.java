package org.peel.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a record is next due for MoPI review, from its group and its history, as a pure rule.
 *
 * <p>The group: homicide and sexual offences are group 1 (the offence groups hold the Criminal Justice Act 2003
 * schedule 15 serious specified offences, and a record cannot be split below its offence group, so the whole group
 * is held at the higher review group); other violence, robbery, weapons, stalking and harassment, causing death or
 * serious injury by driving, and any domestic abuse crime are group 2; every other crime, and other police
 * information such as an ASB incident, is group 3.
 *
 * <p>The date: a group 1 record is reviewed every {@code group1ReviewYears} after it was recorded or last reviewed.
 * A group 2 or 3 record is reviewed when its clearance period has run from the latest of: when it was recorded, its
 * last review, and the subject's latest later offence (further offending restarts the clearance period).
 */
public final class MopiReview {

    private static final Set<String> GROUP_1 = Set.of("homicide", "sexual offences");
    private static final Set<String> GROUP_2 = Set.of("violence with injury", "violence without injury",
            "stalking and harassment", "robbery", "possession of weapons offences",
            "death or serious injury caused by unlawful driving");

    private MopiReview() {
    }

    /**
     * The facts of one record the review needs.
     *
     * @param offenceGroup        the Home Office offence group; null for information that is not a crime
     * @param recordedOn          when the record was made
     * @param lastReviewedOn      the last review that kept it, or null
     * @param subjectLaterOffence the latest offence recorded since with the same subject as suspect, or null
     */
    public record Facts(String recordType, String recordId, String offenceGroup, boolean domesticAbuse,
                        LocalDate recordedOn, LocalDate lastReviewedOn, LocalDate subjectLaterOffence) {
    }

    /** The record's group and review date, with the reasons in words. */
    public record Due(String recordType, String recordId, MopiGroup group, LocalDate reviewDue, List<String> reasons) {
    }

    public static MopiGroup groupOf(String offenceGroup, boolean domesticAbuse) {
        if (offenceGroup == null) {
            return MopiGroup.OTHER;
        }
        String g = offenceGroup.trim().toLowerCase(Locale.ROOT);
        if (GROUP_1.contains(g)) {
            return MopiGroup.PUBLIC_PROTECTION;
        }
        if (GROUP_2.contains(g) || domesticAbuse) {
            return MopiGroup.SERIOUS;
        }
        return MopiGroup.OTHER;
    }

    public static Due due(Facts facts, RetentionSettings settings) {
        MopiGroup group = groupOf(facts.offenceGroup(), facts.domesticAbuse());
        List<String> reasons = new ArrayList<>();
        reasons.add("group " + group.number() + ": " + (facts.offenceGroup() == null ? "not a crime"
                : facts.offenceGroup() + (facts.domesticAbuse() ? ", domestic abuse" : "")));
        LocalDate from = facts.recordedOn();
        String why = "recorded " + from;
        if (facts.lastReviewedOn() != null && facts.lastReviewedOn().isAfter(from)) {
            from = facts.lastReviewedOn();
            why = "last reviewed " + from;
        }
        if (group != MopiGroup.PUBLIC_PROTECTION && facts.subjectLaterOffence() != null
                && facts.subjectLaterOffence().isAfter(from)) {
            from = facts.subjectLaterOffence();
            why = "subject's later offence " + from + " restarted the clearance period";
        }
        int years = settings.years(group);
        reasons.add(why + ", plus " + years + " years"
                + (group == MopiGroup.PUBLIC_PROTECTION ? " between reviews" : " clearance period"));
        return new Due(facts.recordType(), facts.recordId(), group, from.plusYears(years), reasons);
    }
}
