package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.investigation.VictimsCodeEntitlement.Group.INTIMIDATED;
import static org.peel.investigation.VictimsCodeEntitlement.Group.MOST_SERIOUS_CRIME;
import static org.peel.investigation.VictimsCodeEntitlement.Group.PERSISTENTLY_TARGETED;
import static org.peel.investigation.VictimsCodeEntitlement.Group.VULNERABLE;
import static org.peel.investigation.VictimsCodeEntitlement.Service.BUSINESS;
import static org.peel.investigation.VictimsCodeEntitlement.Service.ENHANCED;
import static org.peel.investigation.VictimsCodeEntitlement.Service.STANDARD;

@DisplayName("Victims' Code (2015) entitlements decided at recording")
class VictimsCodeEntitlementTest {

    /** An adult burglary victim with nothing else known: the standard case each test changes one fact of. */
    private static VictimsCodeEntitlement.Facts burglary() {
        return new VictimsCodeEntitlement.Facts(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), false, false, true, false,
                40, false, false, false);
    }

    private static VictimsCodeEntitlement.Facts with(OffenceGroup g, Set<SeriousOffence> serious, boolean da, boolean hate,
                                                     boolean person, boolean bereaved, Integer age, boolean evidence,
                                                     boolean fear, boolean persistent) {
        return new VictimsCodeEntitlement.Facts(g, serious, da, hate, person, bereaved, age, evidence, fear, persistent);
    }

    @Test
    @DisplayName("An adult burglary victim gets the standard service, and is told why")
    void standard() {
        VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(burglary());
        assertThat(d.service()).isEqualTo(STANDARD);
        assertThat(d.groups()).isEmpty();
        assertThat(d.reasons()).containsExactly("Standard service: not in any enhanced group");
        assertThat(d.ruleVersion()).isEqualTo(VictimsCodeEntitlement.RULE_VERSION);
    }

    @Test
    @DisplayName("A business is served under Chapter 4, not as a victim")
    void business() {
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.SHOPLIFTING, Set.of(), false, false, false, false,
                null, false, false, false)).service()).isEqualTo(BUSINESS);
    }

    @Test
    @DisplayName("Most serious crime: domestic abuse, hate, bereaved relatives, wounding with intent")
    void mostSerious() {
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(), true, false, true,
                false, 30, false, false, false)).groups()).containsExactly(MOST_SERIOUS_CRIME);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.PUBLIC_ORDER, Set.of(), false, true, true,
                false, 30, false, false, false)).service()).isEqualTo(ENHANCED);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.HOMICIDE, Set.of(), false, false, true,
                true, 50, false, false, false)).reasons()).anyMatch(r -> r.contains("bereaved"));
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.VIOLENCE_WITH_INJURY,
                Set.of(SeriousOffence.WOUNDING_WITH_INTENT), false, false, true, false, 30, false, false, false)).service())
                .isEqualTo(ENHANCED);
    }

    @Test
    @DisplayName("Sexual offences and trafficking are most serious and their victims treated as intimidated")
    void sexualAndTrafficking() {
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.SEXUAL_OFFENCES, Set.of(), false, false, true, false,
                30, false, false, false)).groups()).containsExactlyInAnyOrder(MOST_SERIOUS_CRIME, INTIMIDATED);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY,
                Set.of(SeriousOffence.HUMAN_TRAFFICKING), false, false, true, false, 30, false, false, false)).groups())
                .containsExactlyInAnyOrder(MOST_SERIOUS_CRIME, INTIMIDATED);
    }

    @Test
    @DisplayName("Vulnerable: under 18 (17 yes, 18 no, unknown no), or evidence affected by disorder or disability")
    void vulnerable() {
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), false, false, true,
                false, 17, false, false, false)).groups()).containsExactly(VULNERABLE);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), false, false, true,
                false, 18, false, false, false)).service()).isEqualTo(STANDARD);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), false, false, true,
                false, null, false, false, false)).service()).isEqualTo(STANDARD);
        assertThat(VictimsCodeEntitlement.decide(with(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), false, false, true,
                false, 70, true, false, false)).groups()).containsExactly(VULNERABLE);
    }

    @Test
    @DisplayName("Intimidated by fear of testifying; persistently targeted; each named in the reasons")
    void intimidatedAndPersistent() {
        VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(with(OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON,
                Set.of(), false, false, true, false, 45, false, true, true));
        assertThat(d.groups()).containsExactlyInAnyOrder(INTIMIDATED, PERSISTENTLY_TARGETED);
        assertThat(d.reasons().get(0)).isEqualTo("Enhanced service (persistently targeted, intimidated)");
    }

    @Test
    @DisplayName("A stalking or harassment victim is persistently targeted: a course of conduct by definition")
    void stalkingIsPersistentTargeting() {
        VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(with(OffenceGroup.STALKING_AND_HARASSMENT, Set.of(),
                false, false, true, false, 40, false, false, false));
        assertThat(d.service()).isEqualTo(ENHANCED);
        assertThat(d.groups()).containsExactly(PERSISTENTLY_TARGETED);
    }

    @Test
    @DisplayName("Age counts at the offence: 17 when assaulted, 18 when reporting, is a vulnerable victim")
    void ageAtOffence() {
        // the caller passes the age on the day of the offence; 17 is under 18, so vulnerable
        VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(with(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(),
                false, false, true, false, 17, false, false, false));
        assertThat(d.groups()).containsExactly(VULNERABLE);
        assertThat(d.reasons()).contains("Vulnerable victim: under 18");
    }

    @Test
    @DisplayName("Referral to victim services: opt-out for a burglary victim; explicit consent for sexual offences, domestic abuse and the bereaved")
    void referralConsent() {
        assertThat(VictimsCodeEntitlement.referral(burglary(), false, null))
                .isEqualTo(new VictimsCodeEntitlement.Referral(true, false, "Referred unless the victim declines"));
        assertThat(VictimsCodeEntitlement.referral(burglary(), true, null).refer()).isFalse();
        VictimsCodeEntitlement.Facts domestic = with(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(), true, false, true, false,
                30, false, false, false);
        assertThat(VictimsCodeEntitlement.referral(domestic, false, Boolean.FALSE).refer()).isFalse();
        assertThat(VictimsCodeEntitlement.referral(domestic, false, Boolean.TRUE))
                .isEqualTo(new VictimsCodeEntitlement.Referral(true, true, "Referred with the victim's consent"));
        assertThat(VictimsCodeEntitlement.referral(domestic, false, null).needsConsent()).isTrue();
        VictimsCodeEntitlement.Facts sexual = with(OffenceGroup.SEXUAL_OFFENCES, Set.of(), false, false, true, false, 30,
                false, false, false);
        assertThat(VictimsCodeEntitlement.referral(sexual, false, null).needsConsent()).isTrue();
        VictimsCodeEntitlement.Facts bereaved = with(OffenceGroup.HOMICIDE, Set.of(), false, false, true, true, 50,
                false, false, false);
        assertThat(VictimsCodeEntitlement.referral(bereaved, true, Boolean.TRUE).refer()).isFalse();
    }
}
