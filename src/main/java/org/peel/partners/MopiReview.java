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
 * last review, and the subject's latest later offence (further offending restarts the clearance period). A reviewer who
 * kept a record may set its next review sooner than the period would (never later): that date then stands.
 *
 * <p>Records that are not crimes take their group from what they are: a domestic abuse incident group 2; an offender
 * managed under MAPPA group 1, any other offender the group of the most serious offence in its history; a gangs
 * matrix nominal on the matrix group 2, one considered and left off or removed group 3; a missing report, an ASB
 * incident and a multi-agency case group 3.
 */
public final class MopiReview {

    private static final Set<String> GROUP_1 = Set.of("homicide", "sexual offences");
    private static final Set<String> GROUP_2 = Set.of("violence with injury", "violence without injury",
            "stalking and harassment", "robbery", "possession of weapons offences",
            "death or serious injury caused by unlawful driving");

    private MopiReview() {
    }

    /**
     * The offence groups (lower case) that make a crime group 1, then those that make it group 2: what the review
     * queue's SQL compares with, so that it groups records as {@link #groupOf} does.
     */
    static List<List<String>> offenceGroupsByMopiGroup() {
        return List.of(GROUP_1.stream().sorted().toList(), GROUP_2.stream().sorted().toList());
    }

    /**
     * The facts of one record the review needs.
     *
     * @param offenceGroup        the Home Office offence group; null for information that is not a crime
     * @param recordedOn          when the record was made
     * @param lastReviewedOn      the last review that kept it, or null
     * @param subjectLaterOffence the latest offence recorded since with the same subject as suspect, or null
     * @param group               the group when the record's kind decides it (see {@link #kindGroup}); null for a
     *                            crime or ASB incident, whose group comes from its offence group
     * @param basis               what the group rests on, in words, when {@code group} is given
     * @param nextReviewOn        the next review date the last reviewer who kept the record set, or null
     */
    public record Facts(String recordType, String recordId, String offenceGroup, boolean domesticAbuse,
                        LocalDate recordedOn, LocalDate lastReviewedOn, LocalDate subjectLaterOffence,
                        MopiGroup group, String basis, LocalDate nextReviewOn) {

        public Facts(String recordType, String recordId, String offenceGroup, boolean domesticAbuse,
                     LocalDate recordedOn, LocalDate lastReviewedOn, LocalDate subjectLaterOffence) {
            this(recordType, recordId, offenceGroup, domesticAbuse, recordedOn, lastReviewedOn, subjectLaterOffence,
                    null, null, null);
        }

        /** The same facts with the next review date a reviewer set. */
        public Facts withNextReview(LocalDate next) {
            return new Facts(recordType, recordId, offenceGroup, domesticAbuse, recordedOn, lastReviewedOn,
                    subjectLaterOffence, group, basis, next);
        }
    }

    /** A record whose kind decides its group, with what the decision rests on. */
    public record KindGroup(MopiGroup group, String basis) {
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

    /** A domestic abuse incident: group 2, as a domestic abuse crime is. */
    public static KindGroup domesticAbuseIncident() {
        return new KindGroup(MopiGroup.SERIOUS, "domestic abuse incident");
    }

    /** A missing report, child or adult: other police information, group 3. */
    public static KindGroup missingReport(boolean child) {
        return new KindGroup(MopiGroup.OTHER, child ? "missing child report" : "missing adult report");
    }

    /**
     * An offender record: group 1 while managed under MAPPA (certain public protection matters); otherwise the group
     * of the most serious offence group in its history.
     */
    public static KindGroup offender(boolean mappa, List<String> offenceGroups) {
        if (mappa) {
            return new KindGroup(MopiGroup.PUBLIC_PROTECTION, "offender managed under MAPPA");
        }
        MopiGroup worst = MopiGroup.OTHER;
        String because = null;
        for (String g : offenceGroups) {
            MopiGroup each = groupOf(g, false);
            if (each.number() < worst.number()) {
                worst = each;
                because = g;
            }
        }
        return new KindGroup(worst, because == null ? "offender, no serious offence in history"
                : "offender with " + because.toLowerCase(Locale.ROOT) + " in history");
    }

    /** A gangs matrix nominal: group 2 while on the matrix (serious violence), group 3 once left off or removed. */
    public static KindGroup gangNominal(boolean included) {
        return included ? new KindGroup(MopiGroup.SERIOUS, "gangs matrix nominal on the matrix")
                : new KindGroup(MopiGroup.OTHER, "gangs matrix nominal not on the matrix");
    }

    /** A multi-agency case shared with partners: other police information, group 3. */
    public static KindGroup partnerCase() {
        return new KindGroup(MopiGroup.OTHER, "multi-agency case shared with partners");
    }

    /**
     * Why a next review date a reviewer sets is refused, or empty when it stands: it must come after today and no
     * later than the group's period from today (a reviewer may bring a review forward, not put it off).
     */
    public static List<String> nextReviewRefusals(MopiGroup group, LocalDate today, LocalDate next,
                                                  RetentionSettings settings) {
        List<String> out = new ArrayList<>();
        LocalDate latest = today.plusYears(settings.years(group));
        if (!next.isAfter(today)) {
            out.add("The next review must be after today, " + today);
        } else if (next.isAfter(latest)) {
            out.add("The next review of a group " + group.number() + " record must be no later than " + latest
                    + " (" + settings.years(group) + " years from today)");
        }
        return out;
    }

    public static Due due(Facts facts, RetentionSettings settings) {
        MopiGroup group = facts.group() != null ? facts.group() : groupOf(facts.offenceGroup(), facts.domesticAbuse());
        List<String> reasons = new ArrayList<>();
        reasons.add("group " + group.number() + ": " + (facts.group() != null ? facts.basis()
                : facts.offenceGroup() == null ? "not a crime"
                : facts.offenceGroup() + (facts.domesticAbuse() ? ", domestic abuse" : "")));
        if (facts.nextReviewOn() != null) {
            reasons.add("kept at review on " + facts.lastReviewedOn() + ", next review set for " + facts.nextReviewOn());
            return new Due(facts.recordType(), facts.recordId(), group, facts.nextReviewOn(), reasons);
        }
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
