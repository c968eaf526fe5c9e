package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Allocation: accreditation, specialism, borough, duty, capacity and ties, worked by hand")
class AllocationTest {

    /** Domestic abuse, PIP 2, borough B1, medium priority: weight 2 against a cap of 24. */
    private static final Allocation.Need NEED = new Allocation.Need("B1", 2, Specialism.DOMESTIC_ABUSE, Priority.MEDIUM);
    private static final Allocation.Policy POLICY = Allocation.Policy.defaults();

    private static Allocation.Candidate c(String id, String borough, int pip, Specialism s, boolean onDuty, int load) {
        return new Allocation.Candidate(id, "T-" + borough, borough, pip, s, onDuty, load);
    }

    private static final Allocation.Candidate WRONG_BOROUGH = c("C", "B2", 2, Specialism.DOMESTIC_ABUSE, true, 0);
    private static final Allocation.Candidate UNDER_ACCREDITED = c("D", "B1", 1, Specialism.DOMESTIC_ABUSE, true, 0);
    private static final Allocation.Candidate WRONG_SPECIALISM = c("E", "B1", 2, Specialism.VOLUME_CRIME, true, 0);
    private static final Allocation.Candidate OFF_DUTY = c("F", "B1", 2, Specialism.DOMESTIC_ABUSE, false, 0);
    private static final Allocation.Candidate AT_CAP = c("G", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 23);

    private static Allocation.Allocated allocated(Allocation.Decision d) {
        assertThat(d).isInstanceOf(Allocation.Allocated.class);
        return (Allocation.Allocated) d;
    }

    private static Allocation.Queued queued(Allocation.Decision d) {
        assertThat(d).isInstanceOf(Allocation.Queued.class);
        return (Allocation.Queued) d;
    }

    @Test
    @DisplayName("Of seven, only A (load 10) and B (PIP 3, load 8) qualify; B has the lower caseload and takes it")
    void lowestCaseloadAmongTheQualified() {
        Allocation.Allocated a = allocated(Allocation.allocate(NEED, List.of(
                c("A", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 10), c("B", "B1", 3, Specialism.DOMESTIC_ABUSE, true, 8),
                WRONG_BOROUGH, UNDER_ACCREDITED, WRONG_SPECIALISM, OFF_DUTY, AT_CAP), POLICY));
        assertThat(a.investigator().investigatorId()).isEqualTo("B");
        assertThat(a.weight()).isEqualTo(2);
        assertThat(a.reasons()).contains("2 investigators qualify");
        assertThat(a.ruleVersion()).isEqualTo(Allocation.RULE_VERSION);
    }

    @Test
    @DisplayName("A caseload of 22 plus this crime's 2 reaches the cap of 24 exactly, and still qualifies")
    void capIsInclusive() {
        Allocation.Allocated a = allocated(Allocation.allocate(NEED,
                List.of(c("H", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 22), AT_CAP), POLICY));
        assertThat(a.investigator().investigatorId()).isEqualTo("H");
    }

    @Test
    @DisplayName("Equal caseloads: the lower PIP level wins, keeping the PIP 3 free; then the lower id")
    void ties() {
        Allocation.Allocated byPip = allocated(Allocation.allocate(NEED, List.of(
                c("A", "B1", 3, Specialism.DOMESTIC_ABUSE, true, 8), c("Z", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 8)), POLICY));
        assertThat(byPip.investigator().investigatorId()).isEqualTo("Z");
        assertThat(byPip.reasons()).anyMatch(r -> r.contains("broken by the lower PIP level"));
        Allocation.Allocated byId = allocated(Allocation.allocate(NEED, List.of(
                c("A7", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 8), c("A3", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 8)), POLICY));
        assertThat(byId.investigator().investigatorId()).isEqualTo("A3");
        assertThat(byId.reasons()).anyMatch(r -> r.contains("broken by investigator id"));
    }

    @Test
    @DisplayName("When nobody qualifies the queue reason names the test that left nobody: place, PIP, duty, cap")
    void queueReasons() {
        assertThat(queued(Allocation.allocate(NEED, List.of(WRONG_BOROUGH, WRONG_SPECIALISM), POLICY)).reason())
                .isEqualTo("No investigator with the Domestic abuse specialism in borough B1");
        assertThat(queued(Allocation.allocate(NEED, List.of(UNDER_ACCREDITED), POLICY)).reason())
                .contains("accredited to PIP 2 or above");
        assertThat(queued(Allocation.allocate(NEED, List.of(UNDER_ACCREDITED, OFF_DUTY), POLICY)).reason())
                .contains("is on duty");
        assertThat(queued(Allocation.allocate(NEED, List.of(OFF_DUTY, AT_CAP), POLICY)).reason())
                .contains("at the caseload cap of 24");
        assertThat(queued(Allocation.allocate(NEED, List.of(), POLICY)).reason()).startsWith("No investigator");
    }

    @Test
    @DisplayName("A centrally run specialism goes to the central unit, never to a borough investigator")
    void centralUnit() {
        Allocation.Policy central = new Allocation.Policy(24, Map.of(), Set.of(Specialism.FRAUD));
        Allocation.Need fraud = new Allocation.Need("B1", 1, Specialism.FRAUD, Priority.ROUTINE);
        Allocation.Allocated a = allocated(Allocation.allocate(fraud, List.of(
                c("LOCAL", "B1", 2, Specialism.FRAUD, true, 0),
                new Allocation.Candidate("CENTRAL", "T-fraud", null, 1, Specialism.FRAUD, true, 5)), central));
        assertThat(a.investigator().investigatorId()).isEqualTo("CENTRAL");
        assertThat(queued(Allocation.allocate(fraud, List.of(c("LOCAL", "B1", 2, Specialism.FRAUD, true, 0)), central))
                .reason()).contains("a central unit");
    }

    @Test
    @DisplayName("A high-priority crime weighs 3: a load of 22 is then over the cap")
    void priorityWeights() {
        Allocation.Need high = new Allocation.Need("B1", 2, Specialism.DOMESTIC_ABUSE, Priority.HIGH);
        assertThat(Allocation.allocate(high, List.of(c("H", "B1", 2, Specialism.DOMESTIC_ABUSE, true, 22)), POLICY))
                .isInstanceOf(Allocation.Queued.class);
    }
}
