package org.peel.investigation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Home Office offence groups as Peel records them, with the Counting Rules' split into victim-based crime,
 * other crimes against society, and fraud (reported apart). The label is the group's name in ONS tables
 * and in the {@code crime.offence_group} column.
 */
public enum OffenceGroup {
    HOMICIDE("Homicide", Kind.VICTIM_BASED),
    DEATH_OR_SERIOUS_INJURY_DRIVING("Death or serious injury caused by unlawful driving", Kind.VICTIM_BASED),
    VIOLENCE_WITH_INJURY("Violence with injury", Kind.VICTIM_BASED),
    VIOLENCE_WITHOUT_INJURY("Violence without injury", Kind.VICTIM_BASED),
    STALKING_AND_HARASSMENT("Stalking and harassment", Kind.VICTIM_BASED),
    SEXUAL_OFFENCES("Sexual offences", Kind.VICTIM_BASED),
    ROBBERY("Robbery", Kind.VICTIM_BASED),
    RESIDENTIAL_BURGLARY("Residential burglary", Kind.VICTIM_BASED),
    NON_RESIDENTIAL_BURGLARY("Non-residential burglary", Kind.VICTIM_BASED),
    VEHICLE_OFFENCES("Vehicle offences", Kind.VICTIM_BASED),
    THEFT_FROM_THE_PERSON("Theft from the person", Kind.VICTIM_BASED),
    BICYCLE_THEFT("Bicycle theft", Kind.VICTIM_BASED),
    SHOPLIFTING("Shoplifting", Kind.VICTIM_BASED),
    ALL_OTHER_THEFT("All other theft offences", Kind.VICTIM_BASED),
    CRIMINAL_DAMAGE_AND_ARSON("Criminal damage and arson", Kind.VICTIM_BASED),
    DRUG_OFFENCES("Drug offences", Kind.AGAINST_SOCIETY),
    POSSESSION_OF_WEAPONS("Possession of weapons offences", Kind.AGAINST_SOCIETY),
    PUBLIC_ORDER("Public order offences", Kind.AGAINST_SOCIETY),
    MISCELLANEOUS_AGAINST_SOCIETY("Miscellaneous crimes against society", Kind.AGAINST_SOCIETY),
    FRAUD("Fraud", Kind.FRAUD);

    /** The Counting Rules' top-level split. */
    public enum Kind { VICTIM_BASED, AGAINST_SOCIETY, FRAUD }

    private final String label;
    private final Kind kind;

    OffenceGroup(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** A victim-based crime is counted once per victim; crimes against society have no personal victim. */
    public boolean victimBased() {
        return kind == Kind.VICTIM_BASED;
    }

    /**
     * The group named by a label as the synthetic force and ONS tables spell it, case-insensitively; older names
     * ("domestic burglary", "burglary in a building other than a dwelling") map to today's groups.
     */
    public static Optional<OffenceGroup> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        Optional<OffenceGroup> exact = Arrays.stream(values())
                .filter(g -> g.label.toLowerCase(Locale.ROOT).equals(l) || g.name().equalsIgnoreCase(l)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        // a dwelling is a residence: "domestic burglary" (before 2017) and "burglary in a dwelling" (the Theft Act
        // 1968 s9 wording, and the Home Office offence codes 28A-28D) are residential burglary
        if (l.equals("domestic burglary") || l.contains("in a dwelling") || l.startsWith("burglary dwelling")
                || l.startsWith("burglary - dwelling") || l.startsWith("burglary – dwelling")) {
            return Optional.of(RESIDENTIAL_BURGLARY);
        }
        if (l.contains("burglary")) {
            return Optional.of(NON_RESIDENTIAL_BURGLARY);
        }
        if (l.startsWith("death or serious injury")) {
            return Optional.of(DEATH_OR_SERIOUS_INJURY_DRIVING);
        }
        if (l.startsWith("stalking")) {
            return Optional.of(STALKING_AND_HARASSMENT);
        }
        if (l.startsWith("sexual")) {
            return Optional.of(SEXUAL_OFFENCES);
        }
        if (l.startsWith("vehicle")) {
            return Optional.of(VEHICLE_OFFENCES);
        }
        if (l.startsWith("all other theft")) {
            return Optional.of(ALL_OTHER_THEFT);
        }
        if (l.startsWith("criminal damage")) {
            return Optional.of(CRIMINAL_DAMAGE_AND_ARSON);
        }
        if (l.startsWith("drug")) {
            return Optional.of(DRUG_OFFENCES);
        }
        if (l.startsWith("possession of weapons")) {
            return Optional.of(POSSESSION_OF_WEAPONS);
        }
        if (l.startsWith("public order")) {
            return Optional.of(PUBLIC_ORDER);
        }
        if (l.startsWith("miscellaneous")) {
            return Optional.of(MISCELLANEOUS_AGAINST_SOCIETY);
        }
        return Optional.empty();
    }
}
