package org.peel.investigation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which service a victim is entitled to under the Code of Practice for Victims of Crime (October 2015), decided
 * at recording. Enhanced entitlements go to victims of the most serious crime, persistently targeted victims,
 * and vulnerable or intimidated victims (YJCEA 1999 s16 and s17); everyone else receives the standard service.
 * A business is not a victim under the Code and is served under its Chapter 4.
 *
 * <p>Sources (standards §5): the Code (October 2015), Chapter 1 (enhanced entitlements) and Chapter 2 part A (police).
 * A victim is vulnerable when <em>under 18 at the time of the offence</em> (the Code's definition, following YJCEA 1999
 * s16), so the age here is the age on the day the crime was committed, not the day it was reported. Stalking and
 * harassment are a course of conduct by definition (Protection from Harassment Act 1997 ss1, 2A and 7: conduct on at
 * least two occasions), so their victims are persistently targeted. Victims' details go to victim services unless
 * they decline, except that victims of sexual offences and domestic abuse and bereaved close relatives are referred
 * only with their explicit consent (the Code, Chapter 2, the police's duty to refer) — see {@link #referral}.
 *
 * <p>A victim of rape (a sexual offence recorded with the {@link CrimeFlag#RAPE} flag) is owed the enhanced service on two
 * counts, whatever their age or answers: a victim of the most serious crime (sexual offences, standards §5.2 group 1)
 * and an intimidated victim (victims of sexual offences are treated as intimidated, §5.2 group 3); the reasons name
 * the rape, so the officer and the victim see why.
 */
public final class VictimsCodeEntitlement {

    public static final String RULE_VERSION = "victims-code-2015-4";

    private VictimsCodeEntitlement() {
    }

    public enum Service { ENHANCED, STANDARD, BUSINESS }

    /** The three groups that earn enhanced entitlements (vulnerable and intimidated counted apart, to show which). */
    public enum Group { MOST_SERIOUS_CRIME, PERSISTENTLY_TARGETED, VULNERABLE, INTIMIDATED }

    /**
     * What is known at recording. {@code ageAtOffence} (the victim's age on the day of the offence) is {@code null}
     * when not known; {@code evidenceAffected}
     * means the quality of the victim's evidence is likely to be affected by a mental disorder, a significant
     * impairment of intelligence and social functioning, or a physical disability or disorder;
     * {@code inFearOfTestifying} means by fear or distress about testifying. {@code persistentlyTargeted} is the
     * officer's answer; {@code targetedBecause}, when not null, is why the victim's own history shows it.
     */
    public record Facts(OffenceGroup offence, Set<SeriousOffence> seriousOffences, boolean domesticAbuse, boolean hate,
                        boolean naturalPerson, boolean bereavedCloseRelative, Integer ageAtOffence,
                        boolean evidenceAffected, boolean inFearOfTestifying, boolean persistentlyTargeted,
                        Set<CrimeFlag> flags, String targetedBecause) {
        public Facts {
            seriousOffences = seriousOffences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seriousOffences));
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        /** Facts where persistent targeting is only what the officer recorded. */
        public Facts(OffenceGroup offence, Set<SeriousOffence> seriousOffences, boolean domesticAbuse, boolean hate,
                     boolean naturalPerson, boolean bereavedCloseRelative, Integer ageAtOffence,
                     boolean evidenceAffected, boolean inFearOfTestifying, boolean persistentlyTargeted, Set<CrimeFlag> flags) {
            this(offence, seriousOffences, domesticAbuse, hate, naturalPerson, bereavedCloseRelative, ageAtOffence,
                    evidenceAffected, inFearOfTestifying, persistentlyTargeted, flags, null);
        }

        /** Facts with no flags beyond domestic abuse and hate. */
        public Facts(OffenceGroup offence, Set<SeriousOffence> seriousOffences, boolean domesticAbuse, boolean hate,
                     boolean naturalPerson, boolean bereavedCloseRelative, Integer ageAtOffence,
                     boolean evidenceAffected, boolean inFearOfTestifying, boolean persistentlyTargeted) {
            this(offence, seriousOffences, domesticAbuse, hate, naturalPerson, bereavedCloseRelative, ageAtOffence,
                    evidenceAffected, inFearOfTestifying, persistentlyTargeted, Set.of());
        }

        /** A rape: a sexual offence recorded as rape; the flag on another offence is a recording error. */
        public boolean rape() {
            return offence == OffenceGroup.SEXUAL_OFFENCES && flags.contains(CrimeFlag.RAPE);
        }

        /** Trafficked, or held in slavery or servitude: the Code names human trafficking. */
        boolean trafficked() {
            return seriousOffences.contains(SeriousOffence.HUMAN_TRAFFICKING) || flags.contains(CrimeFlag.MODERN_SLAVERY);
        }
    }

    public record Decision(Service service, Set<Group> groups, List<String> reasons, String ruleVersion) {
        public boolean enhanced() {
            return service == Service.ENHANCED;
        }
    }

    /**
     * Whether the victim's details go to victim services, and on what basis. {@code declines} is the victim saying no;
     * {@code consents} their explicit yes ({@code null} when not yet asked). Opt-out for most victims; explicit consent
     * for victims of sexual offences and domestic abuse (honour-based abuse included) and bereaved close relatives.
     */
    public record Referral(boolean refer, boolean needsConsent, String basis) {
    }

    public static Referral referral(Facts f, boolean declines, Boolean consents) {
        if (!f.naturalPerson()) {
            return new Referral(false, false, "A business is not referred to victim services");
        }
        boolean consentGroup = f.offence() == OffenceGroup.SEXUAL_OFFENCES || f.domesticAbuse()
                || f.flags().contains(CrimeFlag.HONOUR_BASED_ABUSE) || f.bereavedCloseRelative();
        if (!consentGroup) {
            return declines ? new Referral(false, false, "The victim declined referral to victim services")
                    : new Referral(true, false, "Referred unless the victim declines");
        }
        if (declines || Boolean.FALSE.equals(consents)) {
            return new Referral(false, true, "The victim did not consent to referral to victim services");
        }
        return Boolean.TRUE.equals(consents)
                ? new Referral(true, true, "Referred with the victim's consent")
                : new Referral(true, true, "Only with the victim's explicit consent (sexual offence, domestic abuse or"
                + " bereavement): ask them, and refer if they agree");
    }

    public static Decision decide(Facts f) {
        if (!f.naturalPerson()) {
            return new Decision(Service.BUSINESS, Set.of(), List.of(
                    "A business is not a victim under the Code; it receives the Chapter 4 service"), RULE_VERSION);
        }
        EnumSet<Group> groups = EnumSet.noneOf(Group.class);
        List<String> reasons = new ArrayList<>();

        List<String> serious = new ArrayList<>();
        if (f.bereavedCloseRelative()) {
            serious.add("a close relative bereaved by crime");
        }
        if (f.domesticAbuse()) {
            serious.add("domestic abuse");
        } else if (f.flags().contains(CrimeFlag.HONOUR_BASED_ABUSE)) {
            serious.add("honour-based abuse (a form of domestic abuse)");
        }
        if (f.hate()) {
            serious.add("hate crime");
        }
        if (f.offence() == OffenceGroup.SEXUAL_OFFENCES) {
            serious.add(f.rape() ? "rape, a sexual offence" : "a sexual offence");
        }
        f.seriousOffences().stream().sorted().map(SeriousOffence::description).forEach(serious::add);
        if (f.flags().contains(CrimeFlag.MODERN_SLAVERY) && !f.seriousOffences().contains(SeriousOffence.HUMAN_TRAFFICKING)) {
            serious.add("modern slavery or human trafficking");
        }
        if (!serious.isEmpty()) {
            groups.add(Group.MOST_SERIOUS_CRIME);
            reasons.add("Victim of the most serious crime: " + String.join(", ", serious));
        }
        if (f.persistentlyTargeted() || f.targetedBecause() != null) {
            groups.add(Group.PERSISTENTLY_TARGETED);
            reasons.add("Persistently targeted victim" + (f.targetedBecause() == null ? "" : ": " + f.targetedBecause()));
        } else if (f.offence() == OffenceGroup.STALKING_AND_HARASSMENT) {
            groups.add(Group.PERSISTENTLY_TARGETED);
            reasons.add("Persistently targeted victim: stalking and harassment are a course of conduct, on at least two"
                    + " occasions (Protection from Harassment Act 1997)");
        }
        List<String> vulnerable = new ArrayList<>();
        if (f.ageAtOffence() != null && f.ageAtOffence() < 18) {
            vulnerable.add("under 18");
        } else if (f.flags().contains(CrimeFlag.CHILD_SEXUAL_EXPLOITATION)) {
            // the victim of exploitation is a child even when the date of birth is not yet known
            vulnerable.add("a child sexual exploitation concern");
        }
        if (f.evidenceAffected()) {
            vulnerable.add("evidence likely to be affected by a mental disorder, impairment or physical disability");
        }
        if (!vulnerable.isEmpty()) {
            groups.add(Group.VULNERABLE);
            reasons.add("Vulnerable victim: " + String.join("; ", vulnerable));
        }
        List<String> intimidated = new ArrayList<>();
        if (f.inFearOfTestifying()) {
            intimidated.add("fear or distress about testifying");
        }
        if (f.offence() == OffenceGroup.SEXUAL_OFFENCES || f.trafficked()) {
            intimidated.add(f.rape() ? "a victim of rape, like every victim of a sexual offence, is treated as intimidated"
                    : "victims of sexual offences and human trafficking are treated as intimidated");
        }
        if (!intimidated.isEmpty()) {
            groups.add(Group.INTIMIDATED);
            reasons.add("Intimidated victim: " + String.join("; ", intimidated));
        }
        if (groups.isEmpty()) {
            reasons.add("Standard service: not in any enhanced group");
            return new Decision(Service.STANDARD, Set.of(), List.copyOf(reasons), RULE_VERSION);
        }
        reasons.add(0, "Enhanced service (" + groups.stream().map(g -> g.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).collect(Collectors.joining(", ")) + ")");
        return new Decision(Service.ENHANCED, Set.copyOf(groups), List.copyOf(reasons), RULE_VERSION);
    }
}
