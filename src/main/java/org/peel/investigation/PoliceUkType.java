package org.peel.investigation;

/** The police.uk street-level crime type each offence group is published under. */
final class PoliceUkType {

    private PoliceUkType() {
    }

    static String of(OffenceGroup g) {
        return switch (g) {
            case HOMICIDE, DEATH_OR_SERIOUS_INJURY_DRIVING, VIOLENCE_WITH_INJURY, VIOLENCE_WITHOUT_INJURY,
                    STALKING_AND_HARASSMENT, SEXUAL_OFFENCES -> "Violence and sexual offences";
            case ROBBERY -> "Robbery";
            case RESIDENTIAL_BURGLARY, NON_RESIDENTIAL_BURGLARY -> "Burglary";
            case VEHICLE_OFFENCES -> "Vehicle crime";
            case THEFT_FROM_THE_PERSON -> "Theft from the person";
            case BICYCLE_THEFT -> "Bicycle theft";
            case SHOPLIFTING -> "Shoplifting";
            case ALL_OTHER_THEFT -> "Other theft";
            case CRIMINAL_DAMAGE_AND_ARSON -> "Criminal damage and arson";
            case DRUG_OFFENCES -> "Drugs";
            case POSSESSION_OF_WEAPONS -> "Possession of weapons";
            case PUBLIC_ORDER -> "Public order";
            case MISCELLANEOUS_AGAINST_SOCIETY -> "Other crime";
            case FRAUD -> "Other crime";
        };
    }
}
