package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.investigation.ForensicTriage.Decision;
import org.peel.investigation.ForensicTriage.Facts;
import org.peel.investigation.ForensicTriage.ItemType;
import org.peel.investigation.ForensicTriage.Needs;
import org.peel.investigation.ForensicTriage.Route;
import org.peel.investigation.ForensicTriage.Settings;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Forensic triage: kiosk, local hub or central unit, with reasons and the route's target")
class ForensicTriageTest {

    private static Decision triage(ItemType type, Priority priority, Needs needs) {
        return ForensicTriage.triage(new Facts(type, priority, needs));
    }

    @Test
    @DisplayName("A phone on a medium-priority crime, logical download only: the kiosk, target 2 days")
    void phoneToKiosk() {
        Decision d = triage(ItemType.MOBILE_PHONE, Priority.MEDIUM, Needs.NONE);
        assertThat(d.route()).isEqualTo(Route.KIOSK);
        assertThat(d.targetDays()).isEqualTo(2);
        assertThat(d.ruleVersion()).isEqualTo("forensic-triage-2");
        assertThat(d.reasons()).containsExactly(
                "Self-service kiosk: a logical download of a mobile phone on a medium priority crime",
                "Target turnaround 2 days");
    }

    @Test
    @DisplayName("A tablet on a routine crime goes to the kiosk too")
    void tabletRoutineToKiosk() {
        assertThat(triage(ItemType.TABLET, Priority.ROUTINE, Needs.NONE).route()).isEqualTo(Route.KIOSK);
    }

    @Test
    @DisplayName("A screened-out crime counts as routine, and says so")
    void screenedOutCountsAsRoutine() {
        Decision d = triage(ItemType.MOBILE_PHONE, null, null);
        assertThat(d.route()).isEqualTo(Route.KIOSK);
        assertThat(d.reasons().get(0)).isEqualTo("The crime was screened out, so the request counts as routine priority");
        assertThat(d.reasons().get(1)).contains("routine priority crime");
    }

    @Test
    @DisplayName("A full extraction of a phone is beyond a kiosk: the local hub, target 14 days")
    void fullExtractionToHub() {
        Decision d = triage(ItemType.MOBILE_PHONE, Priority.ROUTINE, new Needs(true, false, false));
        assertThat(d.route()).isEqualTo(Route.LOCAL_HUB);
        assertThat(d.targetDays()).isEqualTo(14);
        assertThat(d.reasons()).containsExactly("Local hub: a full extraction of a mobile phone is beyond a kiosk",
                "Target turnaround 14 days");
    }

    @Test
    @DisplayName("CCTV, storage media, telematics and other exhibits on a medium crime go to the local hub")
    void otherDigitalToHub() {
        for (ItemType t : new ItemType[]{ItemType.CCTV, ItemType.STORAGE_MEDIA, ItemType.VEHICLE_TELEMATICS, ItemType.OTHER_EXHIBIT}) {
            assertThat(triage(t, Priority.MEDIUM, Needs.NONE).route()).as(t.name()).isEqualTo(Route.LOCAL_HUB);
        }
        assertThat(triage(ItemType.CCTV, Priority.ROUTINE, Needs.NONE).reasons().get(0))
                .isEqualTo("Local hub: CCTV on a routine priority crime");
    }

    @Test
    @DisplayName("A computer goes to the central unit whatever the priority, target 30 days")
    void computerToCentral() {
        Decision d = triage(ItemType.COMPUTER, Priority.ROUTINE, Needs.NONE);
        assertThat(d.route()).isEqualTo(Route.CENTRAL_UNIT);
        assertThat(d.targetDays()).isEqualTo(30);
        assertThat(d.reasons().get(0)).isEqualTo("Central unit: computers are examined by the central unit");
    }

    @Test
    @DisplayName("DNA swabs and fingerprint lifts go to the central laboratory")
    void labToCentral() {
        assertThat(triage(ItemType.DNA_SWAB, Priority.ROUTINE, Needs.NONE).reasons().get(0))
                .isEqualTo("Central unit: DNA swab goes to the central laboratory");
        assertThat(triage(ItemType.FINGERPRINT_LIFT, Priority.MEDIUM, Needs.NONE).route()).isEqualTo(Route.CENTRAL_UNIT);
    }

    @Test
    @DisplayName("Deleted data or specialist analysis sends even a phone on a routine crime to the central unit")
    void needsToCentral() {
        assertThat(triage(ItemType.MOBILE_PHONE, Priority.ROUTINE, new Needs(false, true, false)).reasons().get(0))
                .isEqualTo("Central unit: recovering deleted data needs the central unit");
        assertThat(triage(ItemType.CCTV, Priority.ROUTINE, new Needs(false, false, true)).reasons().get(0))
                .isEqualTo("Central unit: specialist analysis is done by the central unit");
    }

    @Test
    @DisplayName("A high-priority crime's phone goes to the kiosk, the fastest route that can do it, expedited to 1 day")
    void highPriorityExpeditedNotCentral() {
        Decision phone = triage(ItemType.MOBILE_PHONE, Priority.HIGH, Needs.NONE);
        assertThat(phone.route()).isEqualTo(Route.KIOSK);
        assertThat(phone.expedited()).isTrue();
        assertThat(phone.targetDays()).isEqualTo(1);
        assertThat(phone.reasons()).contains("Expedited: the crime is high priority", "Urgent target turnaround 1 day");
        // a computer still needs the central unit; high priority makes it 7 days, not 30
        Decision computer = triage(ItemType.COMPUTER, Priority.HIGH, new Needs(false, true, false));
        assertThat(computer.route()).isEqualTo(Route.CENTRAL_UNIT);
        assertThat(computer.reasons().get(0))
                .isEqualTo("Central unit: computers are examined by the central unit; recovering deleted data needs the central unit");
        assertThat(computer.targetDays()).isEqualTo(7);
    }

    @Test
    @DisplayName("A suspect in custody or on bail awaiting charge expedites even a routine crime's exhibit")
    void suspectClockExpedites() {
        Decision custody = ForensicTriage.triage(new Facts(ItemType.CCTV, Priority.ROUTINE, Needs.NONE,
                ForensicTriage.SuspectStatus.IN_CUSTODY));
        // CCTV goes to the local hub: 14 days ordinarily, 2 when expedited
        assertThat(custody.route()).isEqualTo(Route.LOCAL_HUB);
        assertThat(custody.targetDays()).isEqualTo(2);
        assertThat(custody.reasons()).contains("Expedited: the suspect is in custody (PACE detention limit 24 hours)");
        Decision bail = ForensicTriage.triage(new Facts(ItemType.DNA_SWAB, Priority.MEDIUM, Needs.NONE,
                ForensicTriage.SuspectStatus.ON_BAIL_AWAITING_CHARGE));
        assertThat(bail.route()).isEqualTo(Route.CENTRAL_UNIT);
        assertThat(bail.targetDays()).isEqualTo(7);
        Decision released = ForensicTriage.triage(new Facts(ItemType.CCTV, Priority.ROUTINE, Needs.NONE,
                ForensicTriage.SuspectStatus.RELEASED_UNDER_INVESTIGATION));
        assertThat(released.expedited()).isFalse();
        assertThat(released.targetDays()).isEqualTo(14);
    }

    @Test
    @DisplayName("A force's targets replace the defaults; a bad one is refused by name")
    void settings() {
        Settings s = Settings.from(Map.of("PEEL_FORENSIC_KIOSK_DAYS", "1", "PEEL_FORENSIC_CENTRAL_UNIT_DAYS", "45"));
        assertThat(s.target(Route.KIOSK)).isEqualTo(1);
        assertThat(s.target(Route.LOCAL_HUB)).isEqualTo(14);
        assertThat(s.target(Route.CENTRAL_UNIT)).isEqualTo(45);
        Decision d = ForensicTriage.triage(new Facts(ItemType.MOBILE_PHONE, Priority.ROUTINE, Needs.NONE), s);
        assertThat(d.targetDays()).isEqualTo(1);
        assertThat(d.reasons()).contains("Target turnaround 1 day");
        assertThatThrownBy(() -> Settings.from(Map.of("PEEL_FORENSIC_LOCAL_HUB_DAYS", "soon")))
                .hasMessageContaining("PEEL_FORENSIC_LOCAL_HUB_DAYS");
        assertThatThrownBy(() -> Settings.from(Map.of("PEEL_FORENSIC_LOCAL_HUB_DAYS", "0")))
                .hasMessageContaining("LOCAL_HUB");
    }
}
