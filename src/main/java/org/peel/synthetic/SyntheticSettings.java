package org.peel.synthetic;

/**
 * The rates that shape a synthetic force. Defaults are chosen so that the records behave like a real force's
 * and identity resolution is genuinely hard; none is a national standard, so all are settings.
 *
 * @param variedShare           share of person records that differ from the true person's details in at least one field
 * @param extraVariationShare   chance that a varied record has one more variation (and so on)
 * @param asbRepeatVictimShare  share of ASB incidents with a victim whose victim had an ASB incident in the previous 12 months
 * @param crimeRepeatVictimShare share of crime victims drawn from earlier victims
 * @param nearRepeatShare       share of domestic burglaries near an earlier burglary of the last {@code nearRepeatDays}
 * @param nearRepeatDays        how long a burglary raises the risk nearby
 * @param reoffendShare         share of suspects who are earlier suspects (reoffending)
 * @param missingRepeatShare    share of missing episodes by someone already missing before
 * @param investigatorShortfall investigators in post short of establishment (0.15 = 15% vacancies)
 * @param areaConcentration     spread (log-normal sigma) of a fixed per-area crime attractiveness; 0 places by population only
 * @param peoplePerResident     true people in the pool per resident of the force, at scale 1
 */
public record SyntheticSettings(double variedShare, double extraVariationShare, double asbRepeatVictimShare,
                                double crimeRepeatVictimShare, double nearRepeatShare, int nearRepeatDays,
                                double reoffendShare, double missingRepeatShare, double investigatorShortfall,
                                double areaConcentration, double peoplePerResident) {

    public SyntheticSettings {
        for (double share : new double[]{variedShare, extraVariationShare, asbRepeatVictimShare, crimeRepeatVictimShare,
                nearRepeatShare, reoffendShare, missingRepeatShare, investigatorShortfall}) {
            if (share < 0 || share >= 1) {
                throw new IllegalArgumentException("shares must be at least 0 and below 1, not " + share);
            }
        }
        if (nearRepeatDays < 1 || areaConcentration < 0 || !(peoplePerResident > 0)) {
            throw new IllegalArgumentException("nearRepeatDays, areaConcentration or peoplePerResident out of range");
        }
    }

    public static SyntheticSettings defaults() {
        return new SyntheticSettings(0.45, 0.35, 0.30, 0.12, 0.12, 28, 0.45, 0.55, 0.15, 0.6, 0.15);
    }

    public SyntheticSettings withVariedShare(double share) {
        return new SyntheticSettings(share, extraVariationShare, asbRepeatVictimShare, crimeRepeatVictimShare,
                nearRepeatShare, nearRepeatDays, reoffendShare, missingRepeatShare, investigatorShortfall,
                areaConcentration, peoplePerResident);
    }

    public SyntheticSettings withAsbRepeatVictimShare(double share) {
        return new SyntheticSettings(variedShare, extraVariationShare, share, crimeRepeatVictimShare,
                nearRepeatShare, nearRepeatDays, reoffendShare, missingRepeatShare, investigatorShortfall,
                areaConcentration, peoplePerResident);
    }

    public SyntheticSettings withInvestigatorShortfall(double shortfall) {
        return new SyntheticSettings(variedShare, extraVariationShare, asbRepeatVictimShare, crimeRepeatVictimShare,
                nearRepeatShare, nearRepeatDays, reoffendShare, missingRepeatShare, shortfall,
                areaConcentration, peoplePerResident);
    }
}
