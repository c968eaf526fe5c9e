package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Allocation at recording: on duty, next shift, neighbouring borough or duty detective, else the supervisor")
class AllocationPathsTest {

    private static final String WESTMINSTER = "E09000033";
    private static final String CAMDEN = "E09000007";
    /** Recorded at 02:00 on a Tuesday, when the rota has nobody on. */
    private static final LocalDateTime NIGHT = LocalDateTime.of(2026, 3, 3, 2, 0);
    private static final Allocation.Policy POLICY = Allocation.Policy.defaults();

    private static Allocation.Candidate investigator(String id, String borough, int pip, Specialism s, boolean onDuty,
                                                     int load, LocalDateTime next) {
        return new Allocation.Candidate(id, "TM-" + borough + s.name(), borough, pip, s, onDuty, load, next);
    }

    private static Allocation.Need need(int pip, Specialism s, Priority p) {
        return new Allocation.Need(WESTMINSTER, pip, s, p);
    }

    @Test
    @DisplayName("On duty: the accredited investigator with the lighter caseload takes it now")
    void onDuty() {
        Allocation.Decision d = Allocation.allocate(need(1, Specialism.BURGLARY_AND_ROBBERY, Priority.MEDIUM),
                Allocation.Pool.of(List.of(
                        investigator("INV1", WESTMINSTER, 1, Specialism.BURGLARY_AND_ROBBERY, true, 10, null),
                        investigator("INV2", WESTMINSTER, 1, Specialism.BURGLARY_AND_ROBBERY, true, 4, null))),
                POLICY, NIGHT);
        Allocation.Allocated a = (Allocation.Allocated) d;
        assertThat(a.investigator().investigatorId()).isEqualTo("INV2");
        assertThat(a.route()).isEqualTo(Allocation.Route.ON_DUTY);
        assertThat(a.startsAt()).isNull();
    }

    @Test
    @DisplayName("Nobody on duty: a routine crime goes to the first on the next shift, with the time work starts")
    void nextShift() {
        LocalDateTime seven = NIGHT.withHour(7);
        LocalDateTime two = NIGHT.withHour(14);
        Allocation.Decision d = Allocation.allocate(need(1, Specialism.VOLUME_CRIME, Priority.ROUTINE),
                Allocation.Pool.of(List.of(
                        investigator("INV1", WESTMINSTER, 1, Specialism.VOLUME_CRIME, false, 0, two),
                        investigator("INV2", WESTMINSTER, 1, Specialism.VOLUME_CRIME, false, 12, seven))),
                POLICY, NIGHT);
        Allocation.Allocated a = (Allocation.Allocated) d;
        // INV2 starts at 07:00, five hours before INV1's 14:00, so INV2 despite the heavier caseload
        assertThat(a.investigator().investigatorId()).isEqualTo("INV2");
        assertThat(a.route()).isEqualTo(Allocation.Route.NEXT_SHIFT);
        assertThat(a.startsAt()).isEqualTo(seven);
        assertThat(a.reasons()).anyMatch(r -> r.startsWith("Next shift: INV2 starts at 07:00 today"));
    }

    @Test
    @DisplayName("A high-priority crime at 02:00 goes to the neighbouring borough's team on duty, not the 07:00 shift")
    void neighbouringBorough() {
        Allocation.Pool pool = new Allocation.Pool(
                List.of(investigator("INV1", WESTMINSTER, 1, Specialism.BURGLARY_AND_ROBBERY, false, 0, NIGHT.withHour(7))),
                List.of(investigator("INV9", CAMDEN, 1, Specialism.BURGLARY_AND_ROBBERY, true, 6, null)),
                List.of());
        Allocation.Allocated a = (Allocation.Allocated) Allocation.allocate(
                need(1, Specialism.BURGLARY_AND_ROBBERY, Priority.HIGH), pool, POLICY, NIGHT);
        // the next shift is 5 hours away, more than the 1-hour urgent wait
        assertThat(a.route()).isEqualTo(Allocation.Route.NEIGHBOURING_BOROUGH);
        assertThat(a.investigator().investigatorId()).isEqualTo("INV9");
    }

    @Test
    @DisplayName("With no neighbour free, the duty detective (PIP 2) takes a high-priority crime; a PIP 1 officer of another team does not")
    void dutyDetective() {
        Allocation.Pool pool = new Allocation.Pool(
                List.of(investigator("INV1", WESTMINSTER, 1, Specialism.DOMESTIC_ABUSE, false, 0, null)),
                List.of(),
                List.of(investigator("INV5", WESTMINSTER, 1, Specialism.VOLUME_CRIME, true, 0, null),
                        investigator("INV6", WESTMINSTER, 2, Specialism.MAJOR_CRIME, true, 8, null)));
        Allocation.Allocated a = (Allocation.Allocated) Allocation.allocate(
                need(1, Specialism.DOMESTIC_ABUSE, Priority.HIGH), pool, POLICY, NIGHT);
        assertThat(a.route()).isEqualTo(Allocation.Route.DUTY_DETECTIVE);
        assertThat(a.investigator().investigatorId()).isEqualTo("INV6");
    }

    @Test
    @DisplayName("Nobody accredited anywhere: the supervisor's queue, with the reason; nobody below accreditation")
    void supervisor() {
        Allocation.Pool pool = new Allocation.Pool(
                List.of(investigator("INV1", WESTMINSTER, 1, Specialism.SEXUAL_OFFENCES, true, 0, null)),
                List.of(investigator("INV9", CAMDEN, 1, Specialism.SEXUAL_OFFENCES, true, 0, null)),
                List.of(investigator("INV5", WESTMINSTER, 1, Specialism.VOLUME_CRIME, true, 0, null)));
        Allocation.Decision d = Allocation.allocate(need(2, Specialism.SEXUAL_OFFENCES, Priority.HIGH), pool, POLICY, NIGHT);
        assertThat(d).isInstanceOf(Allocation.Queued.class);
        assertThat(((Allocation.Queued) d).reason()).isEqualTo("No Sexual offences investigator in borough E09000033 is"
                + " accredited to PIP 2 or above; no neighbouring borough's team or duty detective is free either");
    }

    @Test
    @DisplayName("A routine crime whose own team is full goes to a neighbouring borough's investigator on duty with room")
    void neighbourWhenTheTeamIsFull() {
        // cap 24: INV1 already carries 24, so any crime (routine weighs at least 1) would take them over it
        Allocation.Pool pool = new Allocation.Pool(
                List.of(investigator("INV1", WESTMINSTER, 1, Specialism.VOLUME_CRIME, true, 24, null)),
                List.of(investigator("INV9", CAMDEN, 1, Specialism.VOLUME_CRIME, true, 3, null)),
                List.of());
        Allocation.Allocated a = (Allocation.Allocated) Allocation.allocate(
                need(1, Specialism.VOLUME_CRIME, Priority.ROUTINE), pool, POLICY, NIGHT.withHour(10));
        assertThat(a.route()).isEqualTo(Allocation.Route.NEIGHBOURING_BOROUGH);
        assertThat(a.investigator().investigatorId()).isEqualTo("INV9");
    }
}
