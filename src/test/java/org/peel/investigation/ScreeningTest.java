package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Screening: harm, solvability and vulnerability worked by hand with the default settings")
class ScreeningTest {

    private static Screening.Facts facts(OffenceGroup offence, Set<SolvabilityFactor> factors) {
        return new Screening.Facts(offence, factors, Set.of(), false, false, false, false);
    }

    private static Screening.ScreenedIn in(Screening.Decision d) {
        assertThat(d).isInstanceOf(Screening.ScreenedIn.class);
        return (Screening.ScreenedIn) d;
    }

    @Test
    @DisplayName("Shoplifting with nothing to go on is screened out with the reason, for the supervisor's review")
    void shopliftingNoFactors() {
        Screening.Decision d = Screening.screen(facts(OffenceGroup.SHOPLIFTING, Set.of()));
        assertThat(d).isInstanceOf(Screening.ScreenedOut.class);
        Screening.ScreenedOut out = (Screening.ScreenedOut) d;
        assertThat(out.harm()).isEqualTo(2);
        assertThat(out.solvability()).isZero();
        assertThat(out.reason()).contains("harm 2 is below 25").contains("solvability 0 is below 2");
        assertThat(out.ruleVersion()).isEqualTo("screening-4");
    }

    @Test
    @DisplayName("Shoplifting on CCTV (weight 2) is screened in: routine, PIP 1, volume crime")
    void shopliftingOnCctv() {
        Screening.ScreenedIn d = in(Screening.screen(facts(OffenceGroup.SHOPLIFTING, Set.of(SolvabilityFactor.CCTV))));
        assertThat(d.solvability()).isEqualTo(2);
        assertThat(d.priority()).isEqualTo(Priority.ROUTINE);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.VOLUME_CRIME);
    }

    @Test
    @DisplayName("Burglary with only a described suspect (1) is out; add a forensic opportunity (3) and it is in, medium")
    void burglary() {
        assertThat(Screening.screen(facts(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(SolvabilityFactor.SUSPECT_DESCRIBED))))
                .isInstanceOf(Screening.ScreenedOut.class);
        Screening.ScreenedIn d = in(Screening.screen(facts(OffenceGroup.RESIDENTIAL_BURGLARY,
                Set.of(SolvabilityFactor.SUSPECT_DESCRIBED, SolvabilityFactor.FORENSIC_OPPORTUNITY))));
        assertThat(d.solvability()).isEqualTo(3);
        assertThat(d.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.BURGLARY_AND_ROBBERY);
    }

    @Test
    @DisplayName("Domestic assault with injury and a named suspect: medium, PIP 1 (assault is volume crime), domestic abuse")
    void domesticAssault() {
        Screening.ScreenedIn d = in(Screening.screen(new Screening.Facts(OffenceGroup.VIOLENCE_WITH_INJURY,
                Set.of(SolvabilityFactor.SUSPECT_NAMED), Set.of(), true, false, false, false)));
        assertThat(d.harm()).isEqualTo(25);
        assertThat(d.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.specialism()).isEqualTo(Specialism.DOMESTIC_ABUSE);
        assertThat(d.reasons()).anyMatch(r -> r.contains("domestic abuse"));
    }

    @Test
    @DisplayName("A sexual offence is high priority at PIP 2 by the sexual offences team; a child victim's by child abuse")
    void sexualOffences() {
        Screening.ScreenedIn adult = in(Screening.screen(facts(OffenceGroup.SEXUAL_OFFENCES, Set.of())));
        assertThat(adult.priority()).isEqualTo(Priority.HIGH);
        assertThat(adult.pipLevel()).isEqualTo(2);
        assertThat(adult.specialism()).isEqualTo(Specialism.SEXUAL_OFFENCES);
        Screening.ScreenedIn child = in(Screening.screen(new Screening.Facts(OffenceGroup.SEXUAL_OFFENCES, Set.of(),
                Set.of(), false, false, false, true)));
        assertThat(child.specialism()).isEqualTo(Specialism.CHILD_ABUSE);
    }

    @Test
    @DisplayName("Homicide, and attempted murder recorded as violence without injury, need PIP 3 and major crime")
    void majorInvestigations() {
        Screening.ScreenedIn homicide = in(Screening.screen(facts(OffenceGroup.HOMICIDE, Set.of())));
        assertThat(homicide.pipLevel()).isEqualTo(3);
        assertThat(homicide.specialism()).isEqualTo(Specialism.MAJOR_CRIME);
        Screening.ScreenedIn attempt = in(Screening.screen(new Screening.Facts(OffenceGroup.VIOLENCE_WITHOUT_INJURY,
                Set.of(), Set.of(SeriousOffence.ATTEMPTED_MURDER), false, false, false, false)));
        assertThat(attempt.harm()).isEqualTo(60);
        assertThat(attempt.priority()).isEqualTo(Priority.HIGH);
        assertThat(attempt.pipLevel()).isEqualTo(3);
        assertThat(attempt.specialism()).isEqualTo(Specialism.MAJOR_CRIME);
    }

    @Test
    @DisplayName("A theft from a vulnerable victim with no leads is still screened in, high priority")
    void vulnerableVictim() {
        Screening.ScreenedIn d = in(Screening.screen(new Screening.Facts(OffenceGroup.ALL_OTHER_THEFT, Set.of(),
                Set.of(), false, false, true, false)));
        assertThat(d.priority()).isEqualTo(Priority.HIGH);
        assertThat(d.pipLevel()).isEqualTo(1);
        assertThat(d.reasons()).anyMatch(r -> r.contains("the victim is vulnerable"));
    }

    @Test
    @DisplayName("Harm weights are configuration: bicycle theft weighted 60 is screened in without leads, at PIP 2")
    void configuredHarm() {
        Screening.Settings d = Screening.Settings.defaults();
        EnumMap<OffenceGroup, Integer> harm = new EnumMap<>(d.harm());
        harm.put(OffenceGroup.BICYCLE_THEFT, 60);
        Screening.Settings local = new Screening.Settings(harm, d.solvabilityWeights(), d.seriousOffenceHarm(),
                d.investigateWhateverEvidenceHarm(), d.solvabilityThreshold(), d.highPriorityHarm(), d.mediumPriorityHarm());
        Screening.ScreenedIn in = in(Screening.screen(facts(OffenceGroup.BICYCLE_THEFT, Set.of()), local));
        // 60 reaches the serious-offence harm (60), so PIP 2; and the high-priority harm (50), so high
        assertThat(in.pipLevel()).isEqualTo(2);
        assertThat(in.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    @DisplayName("Robbery (harm 30), violence with injury (25) and a burglary of a 17-year-old's home are volume crime: PIP 1")
    void volumeCrimeStaysAtPip1() {
        // robbery: harm 30 >= 25 screens it in; 30 < 50, so medium; 30 < 60 and no complexity sign, so PIP 1
        Screening.ScreenedIn robbery = in(Screening.screen(facts(OffenceGroup.ROBBERY, Set.of())));
        assertThat(robbery.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(robbery.pipLevel()).isEqualTo(1);
        assertThat(robbery.specialism()).isEqualTo(Specialism.BURGLARY_AND_ROBBERY);
        // violence with injury with a knife: 25 + 10 = 35, medium; still PIP 1
        Screening.ScreenedIn stabbing = in(Screening.screen(new Screening.Facts(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(),
                Set.of(), false, false, false, false, Set.of(CrimeFlag.WEAPON))));
        assertThat(stabbing.harm()).isEqualTo(35);
        assertThat(stabbing.pipLevel()).isEqualTo(1);
        // a 17-year-old robbed in the street: high priority (a child victim), but PIP 1 and the robbery team, not child abuse
        Screening.ScreenedIn teenager = in(Screening.screen(new Screening.Facts(OffenceGroup.ROBBERY, Set.of(), Set.of(),
                false, false, false, true)));
        assertThat(teenager.priority()).isEqualTo(Priority.HIGH);
        assertThat(teenager.pipLevel()).isEqualTo(1);
        assertThat(teenager.specialism()).isEqualTo(Specialism.BURGLARY_AND_ROBBERY);
    }

    @Test
    @DisplayName("A complexity sign lifts volume crime to PIP 2: wounding with intent, or a child at risk")
    void complexityLiftsToPip2() {
        Screening.ScreenedIn gbh = in(Screening.screen(new Screening.Facts(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(),
                Set.of(SeriousOffence.WOUNDING_WITH_INTENT), false, false, false, false)));
        assertThat(gbh.pipLevel()).isEqualTo(2);
        assertThat(gbh.reasons()).contains("PIP 2: serious and complex (wounding or GBH with intent)");
        Screening.ScreenedIn childAtRisk = in(Screening.screen(new Screening.Facts(OffenceGroup.VIOLENCE_WITH_INJURY, Set.of(),
                Set.of(), false, false, false, true, Set.of(CrimeFlag.CHILD_AT_RISK))));
        assertThat(childAtRisk.pipLevel()).isEqualTo(2);
        assertThat(childAtRisk.specialism()).isEqualTo(Specialism.CHILD_ABUSE);
    }
}
