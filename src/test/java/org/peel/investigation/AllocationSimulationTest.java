package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The allocation simulation: Peel's engine against a daily batch, on crimes worked by hand")
class AllocationSimulationTest {

    private static final LocalDateTime DAY0 = LocalDateTime.of(2015, 6, 1, 0, 0);
    /** Investigator index 0 works the early shift (07:00–15:00) on days 0 to 4. */
    private static final List<AllocationSimulation.SimInvestigator> ONE_DC = List.of(
            new AllocationSimulation.SimInvestigator("DC1", "T1", "B1", 1, Specialism.VOLUME_CRIME));

    private static AllocationSimulation.SimCrime shoplifting(String id, LocalDateTime at, LocalDateTime closes) {
        return new AllocationSimulation.SimCrime(id, at, OffenceGroup.SHOPLIFTING, "B1", false, false, true, true, closes);
    }

    private static AllocationSimulation.Settings settings(Allocation.Policy policy) {
        return new AllocationSimulation.Settings(3, 24, 7, Screening.Settings.defaults(), policy);
    }

    @Test
    @DisplayName("Recorded at 10:00 it is allocated and worked at once; at 23:00 it is allocated at once to the 07:00 shift, worked 8 h later")
    void dutyDecidesTheWait() {
        AllocationSimulation.Result r = AllocationSimulation.run(List.of(
                shoplifting("A", DAY0.withHour(10), null), shoplifting("B", DAY0.withHour(23), null),
                new AllocationSimulation.SimCrime("not-investigated", DAY0.withHour(11), OffenceGroup.SHOPLIFTING, "B1",
                        false, false, false, false, null)), ONE_DC, settings(Allocation.Policy.defaults()));
        assertThat(r.peel().crimes()).isEqualTo(2);
        assertThat(r.peel().medianHoursToAllocation()).isEqualTo(0.0);
        assertThat(r.peel().p90HoursToAllocation()).isEqualTo(0.0);
        // first action: A at 10:00 (0 h); B when DC1's early shift starts at 07:00 next day (23:00 + 8 h)
        assertThat(r.peel().medianHoursToFirstAction()).isEqualTo(0.0);
        assertThat(r.peel().p90HoursToFirstAction()).isEqualTo(8.0);
        assertThat(r.peel().targetBreachPct()).isZero();
        // the batch runs at 09:00 one to three days later: 23, 47 or 71 hours for A, 10, 34 or 58 for B
        assertThat(r.baseline().p90HoursToAllocation()).isIn(23.0, 47.0, 71.0, 34.0, 58.0);
        assertThat(r.baseline().medianHoursToAllocation()).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    @DisplayName("At the cap, the next crime waits until the first closes at noon, then is allocated on the hour (3 h)")
    void capacityFreesOnClosure() {
        Allocation.Policy capOne = new Allocation.Policy(1, Map.of(), Set.of());
        AllocationSimulation.Result r = AllocationSimulation.run(List.of(
                shoplifting("A", DAY0.withHour(8), DAY0.withHour(12)), shoplifting("B", DAY0.withHour(9), null)),
                ONE_DC, settings(capOne));
        assertThat(r.peel().allocated()).isEqualTo(2);
        assertThat(r.peel().p90HoursToAllocation()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("A crime no team can take is still waiting at the end and counts its whole wait in both arms")
    void noTeam() {
        AllocationSimulation.SimCrime robbery = new AllocationSimulation.SimCrime("R", DAY0.withHour(12), OffenceGroup.ROBBERY,
                "B1", false, false, true, true, null);
        AllocationSimulation.Result r = AllocationSimulation.run(List.of(robbery), ONE_DC, settings(Allocation.Policy.defaults()));
        assertThat(r.peel().stillWaiting()).isEqualTo(1);
        assertThat(r.peel().medianHoursToAllocation()).isEqualTo(60.0);
        assertThat(r.peel().targetBreachPct()).isEqualTo(100.0);
        assertThat(r.baseline().stillWaiting()).isEqualTo(1);
    }

    @Test
    @DisplayName("With no sexual-offences investigator free, a sexual offence goes to the borough's duty detective but a rape waits for a specialist")
    void rapeWaitsForASpecialist() {
        // given a borough with one detective (PIP 2, volume crime, on the early shift at 10:00) and no sexual-offences
        // team, and two high-priority sexual offences recorded at 10:00, the second recorded as rape
        List<AllocationSimulation.SimInvestigator> dutyDetective = List.of(
                new AllocationSimulation.SimInvestigator("DC2", "T1", "B1", 2, Specialism.VOLUME_CRIME));
        AllocationSimulation.SimCrime sexualAssault = new AllocationSimulation.SimCrime("S", DAY0.withHour(10),
                OffenceGroup.SEXUAL_OFFENCES, "B1", false, false, true, true, null, false);
        AllocationSimulation.SimCrime rape = new AllocationSimulation.SimCrime("R", DAY0.withHour(10),
                OffenceGroup.SEXUAL_OFFENCES, "B1", false, false, true, true, null, true);
        // when Peel allocates them over three days
        AllocationSimulation.Result r = AllocationSimulation.run(List.of(sexualAssault, rape), dutyDetective,
                settings(Allocation.Policy.defaults()));
        // then the duty detective takes the sexual assault at once and the rape is still waiting at the end,
        // 62 hours after it was recorded (10:00 on day 0 to midnight after day 2)
        assertThat(r.peel().allocated()).isEqualTo(1);
        assertThat(r.peel().stillWaiting()).isEqualTo(1);
        assertThat(r.peel().p90HoursToAllocation()).isEqualTo(62.0);
    }

    @Test
    @DisplayName("Nearest-rank percentiles")
    void percentiles() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(AllocationSimulation.percentile(v, 0.5)).isEqualTo(5.0);
        assertThat(AllocationSimulation.percentile(v, 0.9)).isEqualTo(9.0);
        assertThat(AllocationSimulation.percentile(new double[0], 0.9)).isZero();
    }
}
