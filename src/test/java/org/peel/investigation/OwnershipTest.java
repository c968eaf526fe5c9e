package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The crime page says in plain words how the crime's owner was chosen")
class OwnershipTest {

    private static final LocalDateTime RECORDED = LocalDateTime.of(2026, 12, 5, 23, 10);

    private static Ownership.Owner owner(String route, LocalDateTime startsAt, boolean bySupervisor, String ownerBorough) {
        return new Ownership.Owner("DC A. Khan", 2, "Child abuse", "Camden child abuse", route, RECORDED, startsAt,
                bySupervisor ? "sgt.cole" : "peel:recording", bySupervisor, ownerBorough, "Westminster");
    }

    @Test
    @DisplayName("on duty: the investigator, and what they are accredited for")
    void onDuty() {
        assertThat(Ownership.sentence(owner("ON_DUTY", null, false, "Westminster")))
                .isEqualTo("Allocated at recording to DC A. Khan, on duty, accredited for PIP 2 child abuse.");
    }

    @Test
    @DisplayName("next shift: when work starts, with its day, because the page is read later")
    void nextShift() {
        assertThat(Ownership.sentence(owner("NEXT_SHIFT", LocalDateTime.of(2026, 12, 6, 7, 0), false, "Westminster")))
                .isEqualTo("Allocated at recording to DC A. Khan, accredited for PIP 2 child abuse, on the next shift, "
                        + "which starts at 07:00 on Sunday 6 December: nobody accredited was on duty.");
    }

    @Test
    @DisplayName("a neighbouring borough: which borough, and why not the crime's own")
    void neighbouringBorough() {
        assertThat(Ownership.sentence(owner("NEIGHBOURING_BOROUGH", null, false, "Camden")))
                .isEqualTo("Allocated at recording to DC A. Khan of the neighbouring borough Camden, accredited for "
                        + "PIP 2 child abuse, because nobody in Westminster could take it in time.");
    }

    @Test
    @DisplayName("the duty detective: named as such, with the reason an urgent crime did not wait")
    void dutyDetective() {
        assertThat(Ownership.sentence(owner("DUTY_DETECTIVE", null, false, "Westminster")))
                .isEqualTo("Allocated at recording to DC A. Khan, the duty detective in Westminster (accredited for "
                        + "PIP 2 child abuse), because the crime is urgent and no child abuse investigator was on duty.");
    }

    @Test
    @DisplayName("a supervisor's choice names the supervisor and the day")
    void bySupervisor() {
        assertThat(Ownership.sentence(owner(null, null, true, "Westminster")))
                .isEqualTo("Allocated by the supervisor sgt.cole on Saturday 5 December to DC A. Khan "
                        + "(Camden child abuse), accredited for PIP 2 child abuse.");
    }

    @Test
    @DisplayName("nobody accredited: the supervisor holds the crime, for the reason allocation gave")
    void queued() {
        assertThat(Ownership.queued("No investigator with the Child abuse specialism at PIP 2 or above in Westminster"))
                .isEqualTo("With the supervisor, because no investigator with the Child abuse specialism at PIP 2 or "
                        + "above in Westminster.");
    }
}
