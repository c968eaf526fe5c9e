package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rape: never screened out, owned only by a specialist, the enhanced Victims' Code service, no out-of-court"
        + " disposal, and the flag only on a sexual offence")
class RapeRulesTest {

    private static final Set<CrimeFlag> RAPE = Set.of(CrimeFlag.RAPE);

    /** An adult victim, no solvability factor, nothing else flagged. */
    private static Screening.Facts sexualOffence(Set<CrimeFlag> flags, boolean victimUnder18) {
        return new Screening.Facts(OffenceGroup.SEXUAL_OFFENCES, Set.of(), Set.of(), false, false, false, victimUnder18,
                flags);
    }

    /**
     * A force that weights sexual offences at 5 (below the investigate-whatever-the-evidence harm of 25 and the serious
     * offence harm of 60), with the default thresholds: solvability 2, high priority 50, medium 15.
     */
    private static Screening.Settings forceThatWeighsSexualOffencesLow() {
        Screening.Settings defaults = Screening.Settings.defaults();
        Map<OffenceGroup, Integer> harm = new EnumMap<>(defaults.harm());
        harm.put(OffenceGroup.SEXUAL_OFFENCES, 5);
        return new Screening.Settings(harm, defaults.solvabilityWeights(), 60, 25, 2, 50, 15);
    }

    @Nested
    @DisplayName("Screening")
    class ScreeningOfRape {

        @Test
        @DisplayName("with sexual offences weighted 5, a sexual offence with nothing to go on is screened out, but a rape is"
                + " screened in: high priority, PIP 2, sexual offences")
        void neverScreenedOut() {
            Screening.Settings low = forceThatWeighsSexualOffencesLow();
            // harm 5 < 25, solvability 0 < 2, adult, not vulnerable, no flag that screens in: out
            assertThat(Screening.screen(sexualOffence(Set.of(), false), low)).isInstanceOf(Screening.ScreenedOut.class);

            // the same facts recorded as rape
            Screening.Decision d = Screening.screen(sexualOffence(RAPE, false), low);
            assertThat(d).isInstanceOf(Screening.ScreenedIn.class);
            Screening.ScreenedIn in = (Screening.ScreenedIn) d;
            // harm 5 is below high (50) and serious (60): only the rape makes it high priority and PIP 2
            assertThat(in.harm()).isEqualTo(5);
            assertThat(in.priority()).isEqualTo(Priority.HIGH);
            assertThat(in.pipLevel()).isEqualTo(2);
            assertThat(in.specialism()).isEqualTo(Specialism.SEXUAL_OFFENCES);
            assertThat(in.reasons()).anyMatch(r -> r.contains("a rape is always investigated"))
                    .anyMatch(r -> r.startsWith("PIP 2") && r.contains("rape"))
                    .anyMatch(r -> r.startsWith("Specialism: Sexual offences") && r.contains("only by a specialist"));
            assertThat(in.ruleVersion()).isEqualTo("screening-4");
        }

        @Test
        @DisplayName("a rape of a child goes to the child abuse investigators, specialists too")
        void childVictim() {
            Screening.ScreenedIn in = (Screening.ScreenedIn) Screening.screen(sexualOffence(RAPE, true));
            assertThat(in.specialism()).isEqualTo(Specialism.CHILD_ABUSE);
            assertThat(in.priority()).isEqualTo(Priority.HIGH);
        }

        @Test
        @DisplayName("the rape flag on a burglary is a recording error: the burglary is screened as a burglary")
        void flagOnAnotherOffence() {
            Screening.Facts burglary = new Screening.Facts(OffenceGroup.RESIDENTIAL_BURGLARY, Set.of(), Set.of(), false,
                    false, false, false, RAPE);
            assertThat(burglary.rape()).isFalse();
            // harm 15 < 25 and solvability 0: out, as any burglary with nothing to go on
            assertThat(Screening.screen(burglary)).isInstanceOf(Screening.ScreenedOut.class);
        }
    }

    @Nested
    @DisplayName("Allocation")
    class AllocationOfRape {

        private static final String WESTMINSTER = "E09000033";
        private static final String CAMDEN = "E09000007";
        /** 02:00 on a Tuesday: nobody of the sexual offences team is on. */
        private static final LocalDateTime NIGHT = LocalDateTime.of(2026, 3, 3, 2, 0);
        private static final Allocation.Policy POLICY = Allocation.Policy.defaults();

        private Allocation.Candidate investigator(String id, String borough, Specialism s, boolean onDuty, int load,
                                                  LocalDateTime next) {
            return new Allocation.Candidate(id, "TM-" + borough + s.name(), borough, 2, s, onDuty, load, next);
        }

        private Allocation.Need need(boolean specialistOnly) {
            return new Allocation.Need(WESTMINSTER, 2, Specialism.SEXUAL_OFFENCES, Priority.HIGH, specialistOnly);
        }

        /** The sexual offences investigator's next shift at 07:00, five hours away; a volume crime detective on duty. */
        private Allocation.Pool pool(List<Allocation.Candidate> neighbours) {
            return new Allocation.Pool(
                    List.of(investigator("SO1", WESTMINSTER, Specialism.SEXUAL_OFFENCES, false, 0, NIGHT.withHour(7))),
                    neighbours,
                    List.of(investigator("DD1", WESTMINSTER, Specialism.VOLUME_CRIME, true, 0, null)));
        }

        @Test
        @DisplayName("another high-priority crime would go to the duty detective; a rape waits for the specialist's"
                + " 07:00 shift")
        void notTheDutyDetective() {
            // the next shift is 5 hours away, more than the 1-hour urgent wait: the duty detective covers other crimes
            Allocation.Allocated other = (Allocation.Allocated) Allocation.allocate(need(false), pool(List.of()), POLICY, NIGHT);
            assertThat(other.route()).isEqualTo(Allocation.Route.DUTY_DETECTIVE);
            assertThat(other.investigator().investigatorId()).isEqualTo("DD1");

            Allocation.Allocated rape = (Allocation.Allocated) Allocation.allocate(need(true), pool(List.of()), POLICY, NIGHT);
            assertThat(rape.route()).isEqualTo(Allocation.Route.NEXT_SHIFT);
            assertThat(rape.investigator().investigatorId()).isEqualTo("SO1");
            assertThat(rape.investigator().specialism()).isEqualTo(Specialism.SEXUAL_OFFENCES);
            assertThat(rape.startsAt()).isEqualTo(NIGHT.withHour(7));
            assertThat(rape.reasons()).anyMatch(r -> r.startsWith("Specialist only"));
            assertThat(rape.ruleVersion()).isEqualTo("allocation-3");
        }

        @Test
        @DisplayName("a neighbouring borough's sexual offences investigator on duty takes a rape at once")
        void neighbouringSpecialist() {
            Allocation.Allocated rape = (Allocation.Allocated) Allocation.allocate(need(true),
                    pool(List.of(investigator("SO9", CAMDEN, Specialism.SEXUAL_OFFENCES, true, 6, null))), POLICY, NIGHT);
            assertThat(rape.route()).isEqualTo(Allocation.Route.NEIGHBOURING_BOROUGH);
            assertThat(rape.investigator().investigatorId()).isEqualTo("SO9");
        }

        @Test
        @DisplayName("with no specialist on any shift, a rape goes to the supervisor's queue saying why, never to the"
                + " duty detective")
        void queued() {
            Allocation.Pool nobody = new Allocation.Pool(List.of(), List.of(),
                    List.of(investigator("DD1", WESTMINSTER, Specialism.VOLUME_CRIME, true, 0, null)));
            Allocation.Decision d = Allocation.allocate(need(true), nobody, POLICY, NIGHT);
            assertThat(d).isInstanceOf(Allocation.Queued.class);
            assertThat(((Allocation.Queued) d).reason())
                    .startsWith("No investigator with the Sexual offences specialism in borough E09000033")
                    .contains("a rape is not given to a duty detective of another specialism");
        }

        @Test
        @DisplayName("recording a rape asks allocation for a specialist only; recording another sexual offence does not")
        void atRecording() {
            AtRecording.Investigators none = (borough, specialism, central) -> List.of();
            AtRecording.Crime rape = new AtRecording.Crime(OffenceGroup.SEXUAL_OFFENCES, WESTMINSTER, false, false,
                    Set.of(), Set.of(), null, null, RAPE, null);
            AtRecording.Crime other = new AtRecording.Crime(OffenceGroup.SEXUAL_OFFENCES, WESTMINSTER, false, false,
                    Set.of(), Set.of(), null, null);
            assertThat(AtRecording.decide(rape, NIGHT, Screening.Settings.defaults(), POLICY, none).need().specialistOnly())
                    .isTrue();
            assertThat(AtRecording.decide(other, NIGHT, Screening.Settings.defaults(), POLICY, none).need().specialistOnly())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("Victims' Code")
    class VictimsCodeOfRape {

        @Test
        @DisplayName("an adult victim of rape who answered no to every question is owed the enhanced service, as a victim"
                + " of the most serious crime and an intimidated victim, the reasons naming the rape")
        void enhanced() {
            VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(new VictimsCodeEntitlement.Facts(
                    OffenceGroup.SEXUAL_OFFENCES, Set.of(), false, false, true, false, 34, false, false, false, RAPE));
            assertThat(d.service()).isEqualTo(VictimsCodeEntitlement.Service.ENHANCED);
            assertThat(d.groups()).containsExactlyInAnyOrder(VictimsCodeEntitlement.Group.MOST_SERIOUS_CRIME,
                    VictimsCodeEntitlement.Group.INTIMIDATED);
            assertThat(d.reasons()).contains("Victim of the most serious crime: rape, a sexual offence")
                    .anyMatch(r -> r.startsWith("Intimidated victim: a victim of rape"));
            assertThat(d.ruleVersion()).isEqualTo("victims-code-2015-4");
        }

        @Test
        @DisplayName("so each update is due within 1 working day: an arrest on Friday 6 March 2026 is due Monday 9 March")
        void updatesWithinOneWorkingDay() {
            VictimsCodeDeadlines.Deadline d = VictimsCodeDeadlines.update(VictimsCodeDeadlines.CaseEvent.ARREST,
                    LocalDate.of(2026, 3, 6), VictimsCodeEntitlement.Service.ENHANCED);
            // Friday + 1 working day, over the weekend = Monday
            assertThat(d.due()).isEqualTo(LocalDate.of(2026, 3, 9));
        }
    }

    @Nested
    @DisplayName("Outcomes")
    class OutcomesOfRape {

        private static final LocalDate RECORDED = LocalDate.of(2026, 1, 5);
        private static final LocalDate CLOSED = LocalDate.of(2026, 3, 2);

        /** A rape with an identified suspect aged 30 and its victim recorded. */
        private OutcomeValidation.Result rape(OutcomeType t) {
            return OutcomeValidation.validate(new OutcomeValidation.Facts(t, OffenceGroup.SEXUAL_OFFENCES, Set.of(), true,
                    30, 30, false, true, RECORDED, CLOSED, true));
        }

        private OutcomeValidation.Result sexualOffence(OutcomeType t) {
            return OutcomeValidation.validate(new OutcomeValidation.Facts(t, OffenceGroup.SEXUAL_OFFENCES, Set.of(), true,
                    30, 30, false, true, RECORDED, CLOSED));
        }

        @Test
        @DisplayName("a community resolution closes another sexual offence but not a rape, with the reason")
        void communityResolution() {
            assertThat(sexualOffence(OutcomeType.COMMUNITY_RESOLUTION).valid()).isTrue();
            OutcomeValidation.Result r = rape(OutcomeType.COMMUNITY_RESOLUTION);
            assertThat(r.valid()).isFalse();
            assertThat(r.problems()).containsExactly("Outcome 8 (Community resolution) cannot close a rape: an informal"
                    + " disposal is for low-level offending, never for a victim of the most serious crime (Victims' Code"
                    + " enhanced service)");
            assertThat(r.ruleVersion()).isEqualTo("outcome-3");
        }

        @Test
        @DisplayName("cautions are refused because rape is triable only on indictment; a penalty notice, a cannabis or khat"
                + " warning, a diversionary activity and the police's public-interest outcomes are refused as well")
        void otherDisposals() {
            assertThat(rape(OutcomeType.ADULT_CAUTION).problems()).anyMatch(p -> p.contains("triable only on indictment"));
            assertThat(rape(OutcomeType.PENALTY_NOTICE_FOR_DISORDER).problems())
                    .anyMatch(p -> p.startsWith("Outcome 6 (Penalty Notice for Disorder) cannot close a rape"));
            assertThat(rape(OutcomeType.CANNABIS_KHAT_WARNING).problems())
                    .anyMatch(p -> p.startsWith("Outcome 7 (Cannabis or khat warning) cannot close a rape"));
            assertThat(rape(OutcomeType.DIVERSIONARY_ACTIVITY).problems())
                    .anyMatch(p -> p.startsWith("Outcome 22") && p.contains("cannot close a rape"));
            assertThat(rape(OutcomeType.FORMAL_ACTION_NOT_IN_PUBLIC_INTEREST_POLICE).problems())
                    .containsExactly("Outcome 10 (Formal action not in the public interest (police decision)) cannot"
                            + " close a rape: in a case triable only on indictment the public-interest decision is a"
                            + " Crown prosecutor's (outcome 9), not the police's (Director's Guidance on Charging)");
            assertThat(rape(OutcomeType.INVESTIGATION_NOT_IN_PUBLIC_INTEREST).valid()).isFalse();
        }

        @Test
        @DisplayName("a charge, the CPS's public-interest decision and the evidential outcomes still close a rape")
        void stillAllowed() {
            for (OutcomeType t : List.of(OutcomeType.CHARGED_OR_SUMMONSED, OutcomeType.PROSECUTION_NOT_IN_PUBLIC_INTEREST_CPS,
                    OutcomeType.EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS,
                    OutcomeType.EVIDENTIAL_DIFFICULTIES_VICTIM_DOES_NOT_SUPPORT)) {
                assertThat(rape(t).valid()).as(t.name()).isTrue();
            }
        }

        @Test
        @DisplayName("the rape flag on a drug offence is no rape: a cannabis warning still closes it")
        void flagOnAnotherOffence() {
            assertThat(OutcomeValidation.validate(new OutcomeValidation.Facts(OutcomeType.CANNABIS_KHAT_WARNING,
                    OffenceGroup.DRUG_OFFENCES, Set.of(), true, 30, 30, false, false, RECORDED, CLOSED, true)).valid())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("Recording")
    class RecordingRape {

        private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 3, 12, 0);

        private CrimeReport report(OffenceGroup offence) {
            return new CrimeReport(offence, NOW.minusHours(5), "E09000033", null, null, null, null, false, false,
                    Set.of(), Set.of(), List.of(new CrimeReport.Victim(new CrimeReport.Party("Ann", "Example", null),
                    false, false, false, false, false, false, null)), List.of(), List.of(), RAPE);
        }

        @Test
        @DisplayName("the rape flag on a sexual offence is accepted")
        void onASexualOffence() {
            assertThat(report(OffenceGroup.SEXUAL_OFFENCES).problems(NOW)).isEmpty();
        }

        @Test
        @DisplayName("the rape flag on violence with injury is refused, naming the rape checkbox")
        void onAnotherOffence() {
            assertThat(report(OffenceGroup.VIOLENCE_WITH_INJURY).problems(NOW)).containsOnlyKeys("flag-RAPE")
                    .containsValue("Rape can only be set on a sexual offence: choose Sexual offences as the offence"
                            + " group, or untick Rape");
        }
    }
}
