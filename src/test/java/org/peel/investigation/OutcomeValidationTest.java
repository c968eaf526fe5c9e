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
        assertThat(check(OutcomeType.ADULT_CAUTION, OffenceGroup.ROBBERY, false, null, LocalDate.of(2020, 1, 1)).problems())
                .hasSize(2);
    }
}
