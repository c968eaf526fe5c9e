package org.peel.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an outcome type may close a crime: the type must fit the suspect (a charge needs one identified; "no
 * suspect identified" cannot have one), the suspect's age, the offence, the victim and the date; and an out-of-court
 * disposal must be one the law and national guidance allow for this offence and this offender.
 *
 * <ul>
 * <li><b>Cautions for indictable-only offences.</b> Criminal Justice and Courts Act 2015 s17(2): a simple caution may
 * not be given for an offence triable only on indictment except in exceptional circumstances with the agreement of a
 * Crown prosecutor. Outcome codes 2 and 3 do not separate simple from conditional cautions (Home Office outcomes
 * framework, standards §1.2), and a conditional caution for an indictable-only offence likewise needs the Director of
 * Public Prosecutions' consent; Peel therefore refuses a caution for an offence it knows is indictable-only (robbery,
 * homicide, and the recorded serious offences triable only on indictment: attempted murder, kidnap, false
 * imprisonment, arson with intent to endanger life, wounding or GBH with intent), and says that exceptional cases go
 * through the CPS.</li>
 * <li><b>Caution type by age when it is given.</b> A youth caution is for a person under 18 (Crime and Disorder Act
 * 1998 s66ZA, inserted by LASPO 2012 s135); an adult caution for a person of 18 or over. The age that counts is the
 * age on the day of the disposal, not at the offence.</li>
 * <li><b>Cannabis or khat warning</b> (outcome 7): a street warning for an adult found in simple possession of cannabis
 * or khat (ACPO/NPCC cannabis and khat warning guidance; Home Office Counting Rules outcome 7): a drug offence and a
 * suspect aged 18 or over on the day of the warning.</li>
 * <li><b>Penalty notice for disorder</b> (outcome 6): only for a person aged 16 or over (Criminal Justice and Police
 * Act 2001 s2(1), as amended by the Anti-social Behaviour Act 2003 s87) and only for an offence listed in s1 of that
 * Act (retail theft, criminal damage, disorderly behaviour and drunkenness, possession of cannabis or khat, wasting
 * police time, hoax calls and similar): at offence-group level, shoplifting and other theft, criminal damage, public
 * order, drug offences and miscellaneous crimes against society.</li>
 * <li><b>Community resolution</b> (outcome 8): not for domestic abuse between intimate partners (College of Policing
 * APP on domestic abuse and ACPO/NPCC community resolution guidance: an informal resolution does not protect the victim
 * of an abusive relationship).</li>
 * <li><b>Rape</b> (a sexual offence recorded as rape, Home Office classes 19C to 19H) is triable only on indictment
 * (Sexual Offences Act 2003 s1(4)), so the caution rule above refuses outcomes 2 and 3 for it. No other out-of-court
 * disposal fits it either: a penalty notice (6) and a cannabis or khat warning (7) are for the offences their Acts list,
 * and a community resolution (8) and a diversionary activity (22) are for low-level offending where the victim's
 * wishes allow an informal end (ACPO/NPCC community resolution guidance), never for a victim of the most serious crime
 * (the Victims' Code's enhanced service, standards §5.2). The decision that a prosecution is not in the public
 * interest is for a Crown prosecutor in an indictable-only case (the Director's Guidance on Charging), so the police's
 * own public-interest outcomes (10 and 21) are refused as well; outcome 9 (the CPS's decision) remains.</li>
 * <li><b>Outcomes 14 and 16</b> turn on the victim's support for action (Home Office Counting Rules, outcomes 14 and
 * 16; standards §1.2), so they need a victim: a victim-based crime with a victim recorded.</li>
 * </ul>
 */
public final class OutcomeValidation {

    public static final String RULE_VERSION = "outcome-3";
    /** The age of criminal responsibility in England and Wales. */
    static final int AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
    /** The youngest age a penalty notice for disorder may be given at (CJPA 2001 s2(1)). */
    static final int PENALTY_NOTICE_MINIMUM_AGE = 16;

    /** Offence groups holding offences listed for penalty notices in CJPA 2001 s1. */
    static final Set<OffenceGroup> PENALTY_NOTICE_GROUPS = EnumSet.of(OffenceGroup.SHOPLIFTING,
            OffenceGroup.ALL_OTHER_THEFT, OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, OffenceGroup.PUBLIC_ORDER,
            OffenceGroup.DRUG_OFFENCES, OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY);

    /** Outcome types that never close a rape, each with the reason (see the class description). */
    static final Map<OutcomeType, String> NEVER_FOR_RAPE = rapeRefusals();

    /** Recorded serious offences that are triable only on indictment. */
    static final Set<SeriousOffence> INDICTABLE_ONLY_OFFENCES = EnumSet.of(SeriousOffence.ATTEMPTED_MURDER,
            SeriousOffence.KIDNAP, SeriousOffence.FALSE_IMPRISONMENT, SeriousOffence.ARSON_ENDANGERING_LIFE,
            SeriousOffence.WOUNDING_WITH_INTENT);

    private OutcomeValidation() {
    }

    /**
     * The facts an outcome is checked against. Ages are {@code null} when there is no identified suspect or their date
     * of birth is not known; {@code intimatePartnerAbuse} is domestic abuse between (former) partners; {@code victimRecorded}
     * whether the crime has a victim.
     */
    public record Facts(OutcomeType type, OffenceGroup offence, Set<SeriousOffence> seriousOffences,
                        boolean suspectIdentified, Integer suspectAgeAtOffence, Integer suspectAgeAtOutcome,
                        boolean intimatePartnerAbuse, boolean victimRecorded, LocalDate recordedOn, LocalDate outcomeOn,
                        boolean rape) {
        public Facts {
            seriousOffences = seriousOffences == null || seriousOffences.isEmpty() ? Set.of() : Set.copyOf(seriousOffences);
            // the rape flag counts only on a sexual offence, as investigation publishes it
            rape = rape && offence == OffenceGroup.SEXUAL_OFFENCES;
        }

        /** Facts of a crime that is not a rape. */
        public Facts(OutcomeType type, OffenceGroup offence, Set<SeriousOffence> seriousOffences,
                     boolean suspectIdentified, Integer suspectAgeAtOffence, Integer suspectAgeAtOutcome,
                     boolean intimatePartnerAbuse, boolean victimRecorded, LocalDate recordedOn, LocalDate outcomeOn) {
            this(type, offence, seriousOffences, suspectIdentified, suspectAgeAtOffence, suspectAgeAtOutcome,
                    intimatePartnerAbuse, victimRecorded, recordedOn, outcomeOn, false);
        }

        /** Facts with no serious offence, no domestic abuse, the age unchanged since the offence, and a victim where the group has one. */
        public Facts(OutcomeType type, OffenceGroup offence, boolean suspectIdentified, Integer suspectAgeAtOffence,
                     LocalDate recordedOn, LocalDate outcomeOn) {
            this(type, offence, Set.of(), suspectIdentified, suspectAgeAtOffence, suspectAgeAtOffence, false,
                    offence.victimBased(), recordedOn, outcomeOn, false);
        }

        /** Whether the offence is known to be triable only on indictment. */
        public boolean indictableOnly() {
            return offence == OffenceGroup.HOMICIDE || offence == OffenceGroup.ROBBERY || rape
                    || seriousOffences.stream().anyMatch(INDICTABLE_ONLY_OFFENCES::contains);
        }
    }

    /** Valid (the crime may close) with no problems, or invalid with every problem found. */
    public record Result(boolean valid, List<String> problems, String ruleVersion) {
    }

    public static Result validate(Facts f) {
        List<String> problems = new ArrayList<>();
        OutcomeType t = f.type();
        String name = "Outcome " + t.code() + " (" + t.label() + ")";
        if (t.suspect() == OutcomeType.Suspect.REQUIRED && !f.suspectIdentified()) {
            problems.add(name + " needs an identified suspect");
        }
        if (t.suspect() == OutcomeType.Suspect.FORBIDDEN && f.suspectIdentified()) {
            problems.add(name + " cannot be given when a suspect has been identified");
        }
        Integer age = f.suspectAgeAtOffence();
        Integer ageNow = f.suspectAgeAtOutcome() != null ? f.suspectAgeAtOutcome() : age;
        if (f.suspectIdentified()) {
            switch (t) {
                case YOUTH_CAUTION -> {
                    if (ageNow == null || ageNow < AGE_OF_CRIMINAL_RESPONSIBILITY || ageNow >= 18) {
                        problems.add(name + " needs a suspect aged 10 to 17 on the day of the caution");
                    }
                }
                case ADULT_CAUTION -> {
                    if (ageNow == null || ageNow < 18) {
                        problems.add(name + " needs a suspect aged 18 or over on the day of the caution");
                    }
                }
                case SUSPECT_BELOW_AGE_OF_RESPONSIBILITY -> {
                    if (age == null || age >= AGE_OF_CRIMINAL_RESPONSIBILITY) {
                        problems.add(name + " needs a suspect under 10 at the offence");
                    }
                }
                case CANNABIS_KHAT_WARNING -> {
                    if (ageNow == null || ageNow < 18) {
                        problems.add(name + " is for adults only: the suspect must be 18 or over on the day of the warning");
                    }
                }
                case PENALTY_NOTICE_FOR_DISORDER -> {
                    if (ageNow == null || ageNow < PENALTY_NOTICE_MINIMUM_AGE) {
                        problems.add(name + " needs a suspect aged 16 or over on the day of the notice");
                    }
                }
                default -> {
                }
            }
            if (t != OutcomeType.SUSPECT_BELOW_AGE_OF_RESPONSIBILITY && age != null && age < AGE_OF_CRIMINAL_RESPONSIBILITY) {
                problems.add(name + " cannot be given for a suspect under 10; use outcome 11");
            }
        }
        if ((t == OutcomeType.YOUTH_CAUTION || t == OutcomeType.ADULT_CAUTION) && f.indictableOnly()) {
            problems.add(name + " cannot be given for an offence triable only on indictment (Criminal Justice and"
                    + " Courts Act 2015 s17); an exceptional case goes to the CPS for a charging decision");
        }
        if (f.rape() && NEVER_FOR_RAPE.containsKey(t)) {
            problems.add(name + " cannot close a rape: " + NEVER_FOR_RAPE.get(t));
        }
        if (t == OutcomeType.CANNABIS_KHAT_WARNING && f.offence() != OffenceGroup.DRUG_OFFENCES) {
            problems.add(name + " is only for possession of cannabis or khat, a drug offence");
        }
        if (t == OutcomeType.PENALTY_NOTICE_FOR_DISORDER && !PENALTY_NOTICE_GROUPS.contains(f.offence())) {
            problems.add(name + " cannot be given for " + f.offence().label().toLowerCase(java.util.Locale.ROOT)
                    + ": it is not a penalty offence (Criminal Justice and Police Act 2001 s1)");
        }
        if (t == OutcomeType.COMMUNITY_RESOLUTION && f.intimatePartnerAbuse()) {
            problems.add(name + " is not used for domestic abuse between partners");
        }
        if ((t == OutcomeType.EVIDENTIAL_DIFFICULTIES_NO_SUSPECT_VICTIM_DECLINES
                || t == OutcomeType.EVIDENTIAL_DIFFICULTIES_VICTIM_DOES_NOT_SUPPORT)
                && (!f.offence().victimBased() || !f.victimRecorded())) {
            problems.add(name + " turns on the victim's support, so it needs a crime with a victim");
        }
        if (t == OutcomeType.NATIONAL_FRAUD_INTELLIGENCE_BUREAU && f.offence() != OffenceGroup.FRAUD) {
            problems.add(name + " applies only to fraud");
        }
        if (t.inForceFrom() != null && f.outcomeOn().isBefore(t.inForceFrom())) {
            problems.add(name + " was not in use before " + t.inForceFrom());
        }
        if (f.outcomeOn().isBefore(f.recordedOn())) {
            problems.add("The outcome date " + f.outcomeOn() + " is before the crime was recorded on " + f.recordedOn());
        }
        return new Result(problems.isEmpty(), List.copyOf(problems), RULE_VERSION);
    }

    private static Map<OutcomeType, String> rapeRefusals() {
        String informal = "an informal disposal is for low-level offending, never for a victim of the most serious crime"
                + " (Victims' Code enhanced service)";
        String cps = "in a case triable only on indictment the public-interest decision is a Crown prosecutor's"
                + " (outcome 9), not the police's (Director's Guidance on Charging)";
        Map<OutcomeType, String> m = new EnumMap<>(OutcomeType.class);
        m.put(OutcomeType.PENALTY_NOTICE_FOR_DISORDER, "a penalty notice is only for the minor offences the Criminal"
                + " Justice and Police Act 2001 lists");
        m.put(OutcomeType.CANNABIS_KHAT_WARNING, "a cannabis or khat warning is only for possession of cannabis or khat");
        m.put(OutcomeType.COMMUNITY_RESOLUTION, informal);
        m.put(OutcomeType.DIVERSIONARY_ACTIVITY, informal);
        m.put(OutcomeType.FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST_POLICE, cps);
        m.put(OutcomeType.INVESTIGATION_NOT_IN_PUBLIC_INTEREST, cps);
        return java.util.Collections.unmodifiableMap(m);
    }
}
