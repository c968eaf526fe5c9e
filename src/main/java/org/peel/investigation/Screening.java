package org.peel.investigation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screening at recording: harm, solvability and the victim's vulnerability decide whether a crime is
 * investigated further, how urgently, and what accreditation (PIP level) and specialism it needs. There is no
 * national screening matrix, so the weights and thresholds are {@link Settings} a force sets; the defaults are
 * Peel's, stated in the reasons of every decision.
 *
 * <p>The PIP level follows the Professionalising Investigation Programme (College of Policing, "Investigation" and
 * HMICFRS glossary; standards §9.1): PIP 1 is priority and volume crime, PIP 2 serious and complex investigations, PIP 3
 * major investigations led by a senior investigating officer. Burglary, robbery and assault are volume crime, so they
 * stay at PIP 1 however high their priority, and a victim's age alone does not make a crime complex. What lifts a crime
 * to PIP 2 is one of the College's signs of a serious and complex investigation that Peel records: a sexual offence or
 * death or serious injury on the roads (harm at least {@link Settings#seriousOffenceHarm()}), a serious offence
 * (wounding with intent, false imprisonment, arson endangering life, trafficking), a child at risk or child sexual
 * exploitation, modern slavery or female genital mutilation. The scarce detectives are kept for those.
 *
 * <p>A rape (a sexual offence with the {@link CrimeFlag#RAPE} flag) is never screened out, whatever a force's harm
 * weights and thresholds, and is high priority, PIP 2 at least, for a specialist: a sexual offences investigator, or a
 * child abuse investigator when the victim is a child. Screening is a force's choice (standards §9.2: no national
 * matrix), but no force screens out a rape: its victim is a victim of the most serious crime under the Victims' Code
 * (standards §5.2), and the College of Policing counts sexual assault among the signs of a serious and complex
 * investigation (standards §9.1).
 */
public final class Screening {

    public static final String RULE_VERSION = "screening-4";

    private Screening() {
    }

    /**
     * A knife or offensive weapon adds this to the harm weight: Peel's own weighting (local practice), enough to lift
     * a common assault (8) over the medium-priority threshold (15) without making every weapon crime high priority.
     */
    public static final int WEAPON_HARM_UPLIFT = 10;

    /** What is known about a crime when it is recorded, with the flags the officer set. */
    public record Facts(OffenceGroup offence, Set<SolvabilityFactor> solvability, Set<SeriousOffence> seriousOffences,
                        boolean domesticAbuse, boolean hate, boolean victimVulnerable, boolean victimUnder18,
                        Set<CrimeFlag> flags) {
        public Facts {
            solvability = solvability.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(solvability));
            seriousOffences = seriousOffences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seriousOffences));
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        /** Facts with no flags beyond domestic abuse and hate. */
        public Facts(OffenceGroup offence, Set<SolvabilityFactor> solvability, Set<SeriousOffence> seriousOffences,
                     boolean domesticAbuse, boolean hate, boolean victimVulnerable, boolean victimUnder18) {
            this(offence, solvability, seriousOffences, domesticAbuse, hate, victimVulnerable, victimUnder18, Set.of());
        }

        /** A child is at risk: flagged so, or a concern of child sexual exploitation (which puts a child at risk). */
        public boolean childAtRisk() {
            return flags.contains(CrimeFlag.CHILD_AT_RISK) || flags.contains(CrimeFlag.CHILD_SEXUAL_EXPLOITATION);
        }

        /** Vulnerable as screening counts it: from the needs assessment, a vulnerable adult, or exploitation of a child. */
        public boolean vulnerable() {
            return victimVulnerable || flags.contains(CrimeFlag.VULNERABLE_ADULT)
                    || flags.contains(CrimeFlag.CHILD_SEXUAL_EXPLOITATION);
        }

        /** A rape: a sexual offence recorded as rape. The flag on any other offence is a recording error, not a rape. */
        public boolean rape() {
            return offence == OffenceGroup.SEXUAL_OFFENCES && flags.contains(CrimeFlag.RAPE);
        }

        /** Flags that by themselves make a crime serious and complex (PIP 2) and high priority. */
        boolean seriousFlag() {
            return childAtRisk() || flags.contains(CrimeFlag.MODERN_SLAVERY)
                    || flags.contains(CrimeFlag.FEMALE_GENITAL_MUTILATION) || rape();
        }
    }

    /**
     * A force's screening configuration: harm weight per offence group (a crime-harm index on a 0–100 scale),
     * the weight of each solvability factor, and the thresholds.
     */
    public record Settings(Map<OffenceGroup, Integer> harm, Map<SolvabilityFactor, Integer> solvabilityWeights,
                           int seriousOffenceHarm, int investigateWhateverEvidenceHarm, int solvabilityThreshold,
                           int highPriorityHarm, int mediumPriorityHarm) {

        public Settings {
            harm = Map.copyOf(harm);
            solvabilityWeights = Map.copyOf(solvabilityWeights);
        }

        /** Peel's defaults: harm roughly in the order of the Cambridge Crime Harm Index, scaled to 0–100. */
        public static Settings defaults() {
            Map<OffenceGroup, Integer> harm = new EnumMap<>(OffenceGroup.class);
            harm.put(OffenceGroup.HOMICIDE, 100);
            harm.put(OffenceGroup.DEATH_OR_SERIOUS_INJURY_DRIVING, 80);
            harm.put(OffenceGroup.SEXUAL_OFFENCES, 60);
            harm.put(OffenceGroup.ROBBERY, 30);
            harm.put(OffenceGroup.VIOLENCE_WITH_INJURY, 25);
            harm.put(OffenceGroup.RESIDENTIAL_BURGLARY, 15);
            harm.put(OffenceGroup.STALKING_AND_HARASSMENT, 12);
            harm.put(OffenceGroup.POSSESSION_OF_WEAPONS, 12);
            harm.put(OffenceGroup.VIOLENCE_WITHOUT_INJURY, 8);
            harm.put(OffenceGroup.NON_RESIDENTIAL_BURGLARY, 6);
            harm.put(OffenceGroup.THEFT_FROM_THE_PERSON, 5);
            harm.put(OffenceGroup.VEHICLE_OFFENCES, 4);
            harm.put(OffenceGroup.DRUG_OFFENCES, 4);
            harm.put(OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, 4);
            harm.put(OffenceGroup.FRAUD, 4);
            harm.put(OffenceGroup.PUBLIC_ORDER, 3);
            harm.put(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY, 3);
            harm.put(OffenceGroup.ALL_OTHER_THEFT, 3);
            harm.put(OffenceGroup.BICYCLE_THEFT, 2);
            harm.put(OffenceGroup.SHOPLIFTING, 2);
            Map<SolvabilityFactor, Integer> weights = new EnumMap<>(SolvabilityFactor.class);
            weights.put(SolvabilityFactor.SUSPECT_NAMED, 3);
            weights.put(SolvabilityFactor.SUSPECT_DESCRIBED, 1);
            weights.put(SolvabilityFactor.CCTV, 2);
            weights.put(SolvabilityFactor.FORENSIC_OPPORTUNITY, 2);
            weights.put(SolvabilityFactor.WITNESS, 2);
            weights.put(SolvabilityFactor.VEHICLE_IDENTIFIED, 2);
            weights.put(SolvabilityFactor.PROPERTY_TRACEABLE, 1);
            weights.put(SolvabilityFactor.SIGNIFICANT_MODUS_OPERANDI, 1);
            return new Settings(harm, weights, 60, 25, 2, 50, 15);
        }

        public int harmOf(OffenceGroup offence) {
            return harm.getOrDefault(offence, 0);
        }
    }

    /** The screening decision, with the reasons and the rule version. */
    public sealed interface Decision permits ScreenedIn, ScreenedOut {
        int harm();

        int solvability();

        List<String> reasons();

        default String ruleVersion() {
            return RULE_VERSION;
        }
    }

    /** Investigate further, at this priority, by an investigator of at least this PIP level with this specialism. */
    public record ScreenedIn(Priority priority, int pipLevel, Specialism specialism, int harm, int solvability,
                             List<String> reasons) implements Decision {
    }

    /** Filed after the primary investigation; the reason goes to a supervisor's review list and the victim. */
    public record ScreenedOut(String reason, int harm, int solvability, List<String> reasons) implements Decision {
    }

    public static Decision screen(Facts facts) {
        return screen(facts, Settings.defaults());
    }

    public static Decision screen(Facts f, Settings s) {
        List<String> reasons = new ArrayList<>();
        int harm = s.harmOf(f.offence());
        reasons.add("Harm weight of " + f.offence().label().toLowerCase(java.util.Locale.ROOT) + " is " + harm);
        if (!f.seriousOffences().isEmpty() && harm < s.seriousOffenceHarm()) {
            harm = s.seriousOffenceHarm();
            reasons.add("Raised to " + harm + " for " + describe(f.seriousOffences()));
        }
        if (f.flags().contains(CrimeFlag.WEAPON)) {
            harm += WEAPON_HARM_UPLIFT;
            reasons.add("Raised by " + WEAPON_HARM_UPLIFT + " to " + harm + " for a knife or offensive weapon (local practice)");
        }
        int solvability = f.solvability().stream().mapToInt(x -> s.solvabilityWeights().getOrDefault(x, 0)).sum();
        reasons.add(f.solvability().isEmpty() ? "Solvability score 0: no solvability factors"
                : "Solvability score " + solvability + ": " + f.solvability().stream()
                .sorted().map(SolvabilityFactor::description).collect(Collectors.joining(", ")));

        List<String> screenIn = new ArrayList<>();
        if (f.rape()) {
            screenIn.add("a rape is always investigated (a victim of the most serious crime, Victims' Code; standards §5.2)");
        }
        if (harm >= s.investigateWhateverEvidenceHarm()) {
            screenIn.add("harm " + harm + " is at least " + s.investigateWhateverEvidenceHarm());
        }
        if (f.vulnerable()) {
            screenIn.add("the victim is vulnerable");
        }
        if (f.victimUnder18()) {
            screenIn.add("the victim is under 18");
        }
        if (f.domesticAbuse()) {
            screenIn.add("domestic abuse");
        }
        if (f.hate()) {
            screenIn.add("hate crime");
        }
        f.flags().stream().filter(flag -> switch (flag) {
            case DRUG_RELATED, ALCOHOL_RELATED, REPEAT_LOCATION, RAPE -> false;
            default -> true;
        }).sorted().forEach(flag -> screenIn.add("flagged: " + flag.label().toLowerCase(java.util.Locale.ROOT)));
        if (!f.seriousOffences().isEmpty()) {
            screenIn.add(describe(f.seriousOffences()));
        }
        if (solvability >= s.solvabilityThreshold()) {
            screenIn.add("solvability " + solvability + " is at least " + s.solvabilityThreshold());
        }
        if (screenIn.isEmpty()) {
            String reason = "Screened out: harm " + harm + " is below " + s.investigateWhateverEvidenceHarm()
                    + ", solvability " + solvability + " is below " + s.solvabilityThreshold()
                    + ", and the victim is not vulnerable; no domestic abuse or hate flag";
            reasons.add(reason);
            return new ScreenedOut(reason, harm, solvability, List.copyOf(reasons));
        }
        reasons.add("Screened in: " + String.join("; ", screenIn));

        Priority priority;
        if (harm >= s.highPriorityHarm() || f.vulnerable() || f.victimUnder18() || !f.seriousOffences().isEmpty()
                || f.seriousFlag()) {
            priority = Priority.HIGH;
            reasons.add("High priority: harm at least " + s.highPriorityHarm() + ", a serious offence, a rape, a vulnerable"
                    + " or child victim, a child at risk, modern slavery or female genital mutilation");
        } else if (harm >= s.mediumPriorityHarm() || f.domesticAbuse() || f.hate()
                || f.flags().contains(CrimeFlag.HONOUR_BASED_ABUSE) || f.flags().contains(CrimeFlag.WEAPON)) {
            priority = Priority.MEDIUM;
            reasons.add("Medium priority: harm at least " + s.mediumPriorityHarm() + ", domestic or honour-based abuse,"
                    + " hate crime, or a weapon");
        } else {
            priority = Priority.ROUTINE;
            reasons.add("Routine priority");
        }

        boolean major = f.offence() == OffenceGroup.HOMICIDE
                || f.seriousOffences().stream().anyMatch(SeriousOffence::majorInvestigation);
        int pip;
        if (major) {
            pip = 3;
            reasons.add("PIP 3: a major investigation led by a senior investigating officer");
        } else if (s.harmOf(f.offence()) >= s.seriousOffenceHarm() || !f.seriousOffences().isEmpty() || f.seriousFlag()) {
            pip = 2;
            reasons.add("PIP 2: serious and complex (" + complexity(f, s) + ")");
        } else {
            pip = 1;
            reasons.add("PIP 1: priority and volume crime; no sign of a serious and complex investigation");
        }

        Specialism specialism = specialism(f, major);
        reasons.add("Specialism: " + specialism.label() + (f.rape()
                ? " (a rape is investigated only by a specialist, never by a duty detective of another specialism)" : ""));
        return new ScreenedIn(priority, pip, specialism, harm, solvability, List.copyOf(reasons));
    }

    private static String complexity(Facts f, Settings s) {
        List<String> why = new ArrayList<>();
        if (s.harmOf(f.offence()) >= s.seriousOffenceHarm()) {
            why.add(f.offence().label().toLowerCase(java.util.Locale.ROOT) + ", harm weight at least " + s.seriousOffenceHarm());
        }
        if (!f.seriousOffences().isEmpty()) {
            why.add(describe(f.seriousOffences()));
        }
        if (f.childAtRisk()) {
            why.add("a child at risk");
        }
        if (f.flags().contains(CrimeFlag.MODERN_SLAVERY)) {
            why.add("modern slavery");
        }
        if (f.flags().contains(CrimeFlag.FEMALE_GENITAL_MUTILATION)) {
            why.add("female genital mutilation");
        }
        if (f.rape()) {
            why.add("rape");
        }
        return String.join(", ", why);
    }

    private static Specialism specialism(Facts f, boolean major) {
        if (major || f.offence() == OffenceGroup.DEATH_OR_SERIOUS_INJURY_DRIVING) {
            return Specialism.MAJOR_CRIME;
        }
        // child abuse investigators take abuse of children: a child at risk, or a sexual, domestic or FGM offence
        // against a child; a teenager robbed or assaulted in the street is the volume team's
        if (f.childAtRisk() || f.victimUnder18() && (f.offence() == OffenceGroup.SEXUAL_OFFENCES || f.domesticAbuse()
                || f.flags().contains(CrimeFlag.FEMALE_GENITAL_MUTILATION))) {
            return Specialism.CHILD_ABUSE;
        }
        // a sexual offence, rape included, goes to the sexual offences investigators even when it is domestic abuse:
        // the specialist skill (the victim's interview, forensic medical evidence) is what the offence needs
        if (f.offence() == OffenceGroup.SEXUAL_OFFENCES) {
            return Specialism.SEXUAL_OFFENCES;
        }
        if (f.domesticAbuse() || f.flags().contains(CrimeFlag.HONOUR_BASED_ABUSE)) {
            return Specialism.DOMESTIC_ABUSE;
        }
        return switch (f.offence()) {
            case FRAUD -> Specialism.FRAUD;
            case ROBBERY, RESIDENTIAL_BURGLARY, NON_RESIDENTIAL_BURGLARY -> Specialism.BURGLARY_AND_ROBBERY;
            default -> Specialism.VOLUME_CRIME;
        };
    }

    private static String describe(Set<SeriousOffence> offences) {
        return offences.stream().sorted().map(SeriousOffence::description).collect(Collectors.joining(", "));
    }
}
