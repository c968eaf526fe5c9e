package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Outcome validation: Home Office outcome types against suspect, age, offence and date")
class OutcomeValidationTest {

    private static final LocalDate RECORDED = LocalDate.of(2020, 3, 2);
    private static final LocalDate CLOSED = LocalDate.of(2020, 6, 1);

    private static OutcomeValidation.Result check(OutcomeType t, OffenceGroup g, boolean suspect, Integer age, LocalDate on) {
        return OutcomeValidation.validate(new OutcomeValidation.Facts(t, g, suspect, age, RECORDED, on));
    }

    @Test
    @DisplayName("Charge needs an identified suspect")
    void chargeNeedsSuspect() {
        OutcomeValidation.Result r = check(OutcomeType.CHARGED_OR_SUMMONSED, OffenceGroup.ROBBERY, false, null, CLOSED);
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).containsExactly("Outcome 1 (Charged or summonsed) needs an identified suspect");
        assertThat(check(OutcomeType.CHARGED_OR_SUMMONSED, OffenceGroup.ROBBERY, true, 30, CLOSED).valid()).isTrue();
    }

    @Test
    @DisplayName("'Investigation complete, no suspect identified' cannot have a suspect; 14 likewise")
    void noSuspectMeansNone() {
        assertThat(check(OutcomeType.NO_SUSPECT_IDENTIFIED, OffenceGroup.SHOPLIFTING, true, 30, CLOSED).problems())
                .containsExactly("Outcome 18 (Investigation complete, no suspect identified) cannot be given when a suspect has been identified");
        assertThat(check(OutcomeType.NO_SUSPECT_IDENTIFIED, OffenceGroup.SHOPLIFTING, false, null, CLOSED).valid()).isTrue();
        assertThat(check(OutcomeType.EVIDENTIAL_DIFFICULTIES_NO_SUSPECT_VICTIM_DECLINES, OffenceGroup.SHOPLIFTING, true, 30, CLOSED)
                .valid()).isFalse();
    }

    @Test
    @DisplayName("Cautions by age: youth 10 to 17, adult 18 and over; outcome 11 only under 10, and nothing else under 10")
    void ages() {
        assertThat(check(OutcomeType.YOUTH_CAUTION, OffenceGroup.SHOPLIFTING, true, 15, CLOSED).valid()).isTrue();
        assertThat(check(OutcomeType.YOUTH_CAUTION, OffenceGroup.SHOPLIFTING, true, 19, CLOSED).valid()).isFalse();
        assertThat(check(OutcomeType.ADULT_CAUTION, OffenceGroup.SHOPLIFTING, true, 17, CLOSED).valid()).isFalse();
        assertThat(check(OutcomeType.ADULT_CAUTION, OffenceGroup.SHOPLIFTING, true, null, CLOSED).valid()).isFalse();
        assertThat(check(OutcomeType.SUSPECT_BELOW_AGE_OF_RESPONSIBILITY, OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, true, 9, CLOSED)
                .valid()).isTrue();
        assertThat(check(OutcomeType.CHARGED_OR_SUMMONSED, OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, true, 9, CLOSED).problems())
                .containsExactly("Outcome 1 (Charged or summonsed) cannot be given for a suspect under 10; use outcome 11");
    }

    @Test
    @DisplayName("NFIB outcome 19 is for fraud only")
    void nfib() {
        assertThat(check(OutcomeType.NATIONAL_FRAUD_INTELLIGENCE_BUREAU, OffenceGroup.FRAUD, false, null, CLOSED).valid()).isTrue();
        assertThat(check(OutcomeType.NATIONAL_FRAUD_INTELLIGENCE_BUREAU, OffenceGroup.RESIDENTIAL_BURGLARY, false, null, CLOSED)
                .problems()).containsExactly("Outcome 19 (National Fraud Intelligence Bureau case) applies only to fraud");
    }

    @Test
    @DisplayName("Outcome 22 is in use from 1 April 2019; no outcome may predate the crime's recording")
    void dates() {
        OutcomeValidation.Result early = OutcomeValidation.validate(new OutcomeValidation.Facts(OutcomeType.DIVERSIONARY_ACTIVITY,
                OffenceGroup.DRUG_OFFENCES, true, 20, LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31)));
        assertThat(early.problems()).containsExactly("Outcome 22 (Diversionary, educational or intervention activity) was not in use before 2019-04-01");
        assertThat(OutcomeValidation.validate(new OutcomeValidation.Facts(OutcomeType.DIVERSIONARY_ACTIVITY,
                OffenceGroup.DRUG_OFFENCES, true, 20, LocalDate.of(2019, 3, 1), LocalDate.of(2019, 4, 1))).valid()).isTrue();
        assertThat(check(OutcomeType.CHARGED_OR_SUMMONSED, OffenceGroup.ROBBERY, true, 30, LocalDate.of(2020, 3, 1)).problems())
                .containsExactly("The outcome date 2020-03-01 is before the crime was recorded on 2020-03-02");
    }

    @Test
    @DisplayName("Every problem is listed at once")
    void allProblems() {
        assertThat(check(OutcomeType.ADULT_CAUTION, OffenceGroup.SHOPLIFTING, false, null, LocalDate.of(2020, 1, 1)).problems())
                .hasSize(2);
    }

    private static OutcomeValidation.Result disposal(OutcomeType t, OffenceGroup g, java.util.Set<SeriousOffence> serious,
                                                     Integer ageAtOffence, Integer ageOnTheDay, boolean partnerAbuse,
                                                     boolean victim) {
        return OutcomeValidation.validate(new OutcomeValidation.Facts(t, g, serious, true, ageAtOffence, ageOnTheDay,
                partnerAbuse, victim, RECORDED, CLOSED));
    }

    @Test
    @DisplayName("No caution for an indictable-only offence (CJCA 2015 s17): robbery, or wounding with intent inside violence with injury")
    void noCautionForIndictableOnly() {
        // robbery is triable only on indictment: an adult of 30 may be charged but not cautioned
        assertThat(disposal(OutcomeType.ADULT_CAUTION, OffenceGroup.ROBBERY, java.util.Set.of(), 30, 30, false, true).problems())
                .containsExactly("Outcome 3 (Caution, adult) cannot be given for an offence triable only on indictment"
                        + " (Criminal Justice and Courts Act 2015 s17); an exceptional case goes to the CPS for a charging decision");
        // violence with injury is usually either-way (ABH, s20), so a caution stands; s18 wounding with intent is not
        assertThat(disposal(OutcomeType.ADULT_CAUTION, OffenceGroup.VIOLENCE_WITH_INJURY, java.util.Set.of(), 30, 30, false, true)
                .valid()).isTrue();
        assertThat(disposal(OutcomeType.ADULT_CAUTION, OffenceGroup.VIOLENCE_WITH_INJURY,
                java.util.Set.of(SeriousOffence.WOUNDING_WITH_INTENT), 30, 30, false, true).valid()).isFalse();
        assertThat(disposal(OutcomeType.YOUTH_CAUTION, OffenceGroup.ROBBERY, java.util.Set.of(), 15, 15, false, true).valid()).isFalse();
    }

    @Test
    @DisplayName("The caution's type follows the age on the day it is given: 17 at the offence and 18 at the caution is an adult caution")
    void cautionTypeByAgeAtDisposal() {
        assertThat(disposal(OutcomeType.YOUTH_CAUTION, OffenceGroup.SHOPLIFTING, java.util.Set.of(), 17, 18, false, true).problems())
                .containsExactly("Outcome 2 (Caution, youth) needs a suspect aged 10 to 17 on the day of the caution");
        assertThat(disposal(OutcomeType.ADULT_CAUTION, OffenceGroup.SHOPLIFTING, java.util.Set.of(), 17, 18, false, true).valid())
                .isTrue();
    }

    @Test
    @DisplayName("A cannabis or khat warning is for an adult's drug possession only")
    void cannabisWarning() {
        assertThat(disposal(OutcomeType.CANNABIS_KHAT_WARNING, OffenceGroup.DRUG_OFFENCES, java.util.Set.of(), 19, 19, false, false)
                .valid()).isTrue();
        assertThat(disposal(OutcomeType.CANNABIS_KHAT_WARNING, OffenceGroup.DRUG_OFFENCES, java.util.Set.of(), 17, 17, false, false)
                .problems()).containsExactly("Outcome 7 (Cannabis or khat warning) is for adults only: the suspect must be 18"
                + " or over on the day of the warning");
        assertThat(disposal(OutcomeType.CANNABIS_KHAT_WARNING, OffenceGroup.SHOPLIFTING, java.util.Set.of(), 30, 30, false, true)
                .problems()).containsExactly("Outcome 7 (Cannabis or khat warning) is only for possession of cannabis or khat, a drug offence");
    }

    @Test
    @DisplayName("A penalty notice for disorder needs a person of 16 or over and a penalty offence (CJPA 2001 ss1-2)")
    void penaltyNotices() {
        assertThat(disposal(OutcomeType.PENALTY_NOTICE_FOR_DISORDER, OffenceGroup.SHOPLIFTING, java.util.Set.of(), 16, 16, false, true)
                .valid()).isTrue();
        assertThat(disposal(OutcomeType.PENALTY_NOTICE_FOR_DISORDER, OffenceGroup.SHOPLIFTING, java.util.Set.of(), 15, 15, false, true)
                .problems()).containsExactly("Outcome 6 (Penalty Notice for Disorder) needs a suspect aged 16 or over on the day of the notice");
        assertThat(disposal(OutcomeType.PENALTY_NOTICE_FOR_DISORDER, OffenceGroup.VIOLENCE_WITH_INJURY, java.util.Set.of(), 30, 30, false, true)
                .problems()).containsExactly("Outcome 6 (Penalty Notice for Disorder) cannot be given for violence with injury:"
                + " it is not a penalty offence (Criminal Justice and Police Act 2001 s1)");
    }

    @Test
    @DisplayName("No community resolution for domestic abuse between partners")
    void noCommunityResolutionForPartnerAbuse() {
        assertThat(disposal(OutcomeType.COMMUNITY_RESOLUTION, OffenceGroup.VIOLENCE_WITHOUT_INJURY, java.util.Set.of(), 30, 30, true, true)
                .problems()).containsExactly("Outcome 8 (Community resolution) is not used for domestic abuse between partners");
        assertThat(disposal(OutcomeType.COMMUNITY_RESOLUTION, OffenceGroup.VIOLENCE_WITHOUT_INJURY, java.util.Set.of(), 30, 30, false, true)
                .valid()).isTrue();
    }

    @Test
    @DisplayName("Outcomes 14 and 16 turn on the victim's support, so a crime without a victim cannot have them")
    void outcomesNeedingAVictim() {
        OutcomeValidation.Result drugs = OutcomeValidation.validate(new OutcomeValidation.Facts(
                OutcomeType.EVIDENTIAL_DIFFICULTIES_VICTIM_DOES_NOT_SUPPORT, OffenceGroup.DRUG_OFFENCES, java.util.Set.of(),
                true, 30, 30, false, false, RECORDED, CLOSED));
        assertThat(drugs.problems()).containsExactly("Outcome 16 (Evidential difficulties: suspect identified; the victim does"
                + " not support action) turns on the victim's support, so it needs a crime with a victim");
        OutcomeValidation.Result noVictimRecorded = OutcomeValidation.validate(new OutcomeValidation.Facts(
                OutcomeType.EVIDENTIAL_DIFFICULTIES_NO_SUSPECT_VICTIM_DECLINES, OffenceGroup.ALL_OTHER_THEFT, java.util.Set.of(),
                false, null, null, false, false, RECORDED, CLOSED));
        assertThat(noVictimRecorded.valid()).isFalse();
        OutcomeValidation.Result withVictim = OutcomeValidation.validate(new OutcomeValidation.Facts(
                OutcomeType.EVIDENTIAL_DIFFICULTIES_NO_SUSPECT_VICTIM_DECLINES, OffenceGroup.ALL_OTHER_THEFT, java.util.Set.of(),
                false, null, null, false, true, RECORDED, CLOSED));
        assertThat(withVictim.valid()).isTrue();
    }
}
