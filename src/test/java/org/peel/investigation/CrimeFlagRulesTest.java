package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.investigation.VictimsCodeEntitlement.Group.INTIMIDATED;
import static org.peel.investigation.VictimsCodeEntitlement.Group.MOST_SERIOUS_CRIME;
import static org.peel.investigation.VictimsCodeEntitlement.Group.VULNERABLE;

@DisplayName("Flags set at recording change screening and the Victims' Code entitlement where they should")
class CrimeFlagRulesTest {

    /** An adult victim, no solvability factor, no serious offence, no domestic abuse or hate: only the flags differ. */
    private static Screening.Decision screen(OffenceGroup offence, CrimeFlag... flags) {
        return Screening.screen(new Screening.Facts(offence, Set.of(), Set.of(), false, false, false, false, Set.of(flags)));
    }

    private static Screening.ScreenedIn in(Screening.Decision d) {
        assertThat(d).isInstanceOf(Screening.ScreenedIn.class);
        return (Screening.ScreenedIn) d;
    }

    private static VictimsCodeEntitlement.Decision entitlement(OffenceGroup offence, Integer age, CrimeFlag... flags) {
        return VictimsCodeEntitlement.decide(new VictimsCodeEntitlement.Facts(offence, Set.of(), false, false, true, false,
                age, false, false, false, Set.of(flags)));
    }

    @Test
    @DisplayName("Criminal damage (harm 4) with a child at risk: screened in, high priority, PIP 2, child abuse")
    void childAtRisk() {
        // without the flag: harm 4 < 25, solvability 0 < 2, no vulnerable victim, so screened out
        assertThat(screen(OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON)).isInstanceOf(Screening.ScreenedOut.class);
        Screening.ScreenedIn d = in(screen(OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, CrimeFlag.CHILD_AT_RISK));
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(d.pipLevel()).isEqualTo(2);
        assertThat(d.specialism()).isEqualTo(Specialism.CHILD_ABUSE);
        assertThat(d.harm()).isEqualTo(4);
        assertThat(d.reasons()).anyMatch(r -> r.contains("flagged: child at risk"));
    }

    @Test
    @DisplayName("A sexual offence with a CSE concern and no date of birth: child abuse, high; the victim is vulnerable and intimidated")
    void childSexualExploitation() {
        // harm 60 gives high priority and PIP 2 anyway; the flag moves it from sexual offences to child abuse
        Screening.ScreenedIn d = in(screen(OffenceGroup.SEXUAL_OFFENCES, CrimeFlag.CHILD_SEXUAL_EXPLOITATION));
        assertThat(d.specialism()).isEqualTo(Specialism.CHILD_ABUSE);
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(d.pipLevel()).isEqualTo(2);
        assertThat(d.reasons()).anyMatch(r -> r.contains("the victim is vulnerable"));

        VictimsCodeEntitlement.Decision e = entitlement(OffenceGroup.SEXUAL_OFFENCES, null, CrimeFlag.CHILD_SEXUAL_EXPLOITATION);
        assertThat(e.enhanced()).isTrue();
        assertThat(e.groups()).containsExactlyInAnyOrder(MOST_SERIOUS_CRIME, VULNERABLE, INTIMIDATED);
        assertThat(e.reasons()).contains("Vulnerable victim: a child sexual exploitation concern");
    }

    @Test
    @DisplayName("A common assault (harm 8) with a knife: harm 18, screened in, medium priority, PIP 1, volume crime")
    void weaponOnCommonAssault() {
        assertThat(screen(OffenceGroup.VIOLENCE_WITHOUT_INJURY)).isInstanceOf(Screening.ScreenedOut.class);
        Screening.ScreenedIn d = in(screen(OffenceGroup.VIOLENCE_WITHOUT_INJURY, CrimeFlag.WEAPON));
        // 8 + 10 = 18: at least 15 so medium; below 25 so PIP 1
        assertThat(d.harm()).isEqualTo(18);
        assertThat(d.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.VOLUME_CRIME);
        assertThat(d.reasons()).contains("Raised by 10 to 18 for a knife or offensive weapon (local practice)");
    }

    @Test
    @DisplayName("A robbery (harm 30) with a knife: harm 40, still medium (below 50), PIP 1 (volume crime), burglary and robbery")
    void weaponOnRobbery() {
        Screening.ScreenedIn d = in(screen(OffenceGroup.ROBBERY, CrimeFlag.WEAPON));
        assertThat(d.harm()).isEqualTo(40);
        assertThat(d.priority()).isEqualTo(Priority.MEDIUM);
        // robbery is non-complex volume crime however it was done; a weapon alone is no sign of complexity
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.BURGLARY_AND_ROBBERY);
    }

    @Test
    @DisplayName("Harassment (harm 12) flagged honour-based abuse: medium, PIP 1, domestic abuse team; enhanced as most serious crime and persistently targeted")
    void honourBasedAbuse() {
        Screening.ScreenedIn d = in(screen(OffenceGroup.STALKING_AND_HARASSMENT, CrimeFlag.HONOUR_BASED_ABUSE));
        assertThat(d.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.DOMESTIC_ABUSE);

        VictimsCodeEntitlement.Decision e = entitlement(OffenceGroup.STALKING_AND_HARASSMENT, 30, CrimeFlag.HONOUR_BASED_ABUSE);
        // harassment is a course of conduct, so its victim is persistently targeted as well
        assertThat(e.groups()).containsExactlyInAnyOrder(MOST_SERIOUS_CRIME, VictimsCodeEntitlement.Group.PERSISTENTLY_TARGETED);
        assertThat(e.reasons()).contains("Victim of the most serious crime: honour-based abuse (a form of domestic abuse)");
    }

    @Test
    @DisplayName("Modern slavery (harm 3): high priority, PIP 2; the victim is enhanced as most serious crime and intimidated")
    void modernSlavery() {
        Screening.ScreenedIn d = in(screen(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY, CrimeFlag.MODERN_SLAVERY));
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(d.pipLevel()).isEqualTo(2);

        VictimsCodeEntitlement.Decision e = entitlement(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY, 30, CrimeFlag.MODERN_SLAVERY);
        assertThat(e.groups()).containsExactlyInAnyOrder(MOST_SERIOUS_CRIME, INTIMIDATED);
    }

    @Test
    @DisplayName("A theft (harm 3) from a vulnerable adult: screened in at high priority, PIP 1")
    void vulnerableAdult() {
        Screening.ScreenedIn d = in(screen(OffenceGroup.ALL_OTHER_THEFT, CrimeFlag.VULNERABLE_ADULT));
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(d.pipLevel()).isEqualTo(1);
    }

    @Test
    @DisplayName("Drug- or alcohol-related and repeat location are recorded but change no decision")
    void recordedOnly() {
        assertThat(screen(OffenceGroup.SHOPLIFTING, CrimeFlag.DRUG_RELATED, CrimeFlag.ALCOHOL_RELATED, CrimeFlag.REPEAT_LOCATION))
                .isInstanceOf(Screening.ScreenedOut.class);
        assertThat(entitlement(OffenceGroup.SHOPLIFTING, 30, CrimeFlag.DRUG_RELATED).enhanced()).isFalse();
    }

    @Test
    @DisplayName("Flags are read by name or in kebab case; anything else is not a flag")
    void parse() {
        assertThat(CrimeFlag.parse("child-at-risk")).contains(CrimeFlag.CHILD_AT_RISK);
        assertThat(CrimeFlag.parse("WEAPON")).contains(CrimeFlag.WEAPON);
        assertThat(CrimeFlag.parse("jaywalking")).isEmpty();
    }
}
