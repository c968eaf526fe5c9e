package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Linking a partner's assault to the police's recorded violence by place, time and person")
class HarmLinkageTest {

    // 500 m and 3 hours either side, victims' ages within 5 years
    private static final HarmLinkage.Settings RULE = new HarmLinkage.Settings(500, Duration.ofHours(3), 5);
    private static final Instant CALL = Instant.parse("2025-06-14T23:40:00Z");
    // Leicester Square; 0.001 degrees of latitude is 111.2 m on the Earth's mean radius
    private static final double LAT = 51.5103;
    private static final double LON = -0.1302;

    private static HarmLinkage.PartnerIncident callOut(Integer age, String sex) {
        return new HarmLinkage.PartnerIncident(1, CALL, LAT, LON, "E05000649", age, sex);
    }

    private static HarmLinkage.PoliceViolence crime(String id, String committed, double lat, double lon,
                                                    HarmLinkage.Victim... victims) {
        return new HarmLinkage.PoliceViolence(id, Instant.parse(committed), lat, lon, "E05000649", List.of(victims));
    }

    @Test
    @DisplayName("0.001 degrees of latitude apart is 111 m")
    void distance() {
        assertThat(HarmLinkage.metresBetween(LAT, LON, LAT + 0.001, LON)).isCloseTo(111.2, within(0.1));
    }

    @Test
    @DisplayName("a crime 333 m away, 1 h 25 min earlier, with a man of 27 as victim, is the reported record of a call-out to a man of about 25")
    void reported() {
        // given a crime 0.003 degrees north (333.6 m) at 22:15, victim born 1998-03-01 (27 on 14 June 2025)
        var c = crime("CR-1", "2025-06-14T22:15:00Z", LAT + 0.003, LON,
                new HarmLinkage.Victim("M", LocalDate.of(1998, 3, 1)));
        // when the ambulance's call-out to a man estimated 25 is decided
        var d = HarmLinkage.decide(callOut(25, "M"), List.of(c), RULE);
        // then it is reported, matched to that crime, 85 minutes and 334 m apart
        assertThat(d.reported()).isTrue();
        assertThat(d.crimeId()).isEqualTo("CR-1");
        assertThat(d.reasons().get(0)).isEqualTo("crime CR-1 committed 85 minutes apart, 334 m apart");
    }

    @Test
    @DisplayName("a crime 556 m away is too far; one 3 h 5 min away is too late: both likely unreported")
    void outsideDistanceOrWindow() {
        var far = crime("CR-FAR", "2025-06-14T23:30:00Z", LAT + 0.005, LON);
        var late = crime("CR-LATE", "2025-06-15T02:45:00Z", LAT, LON);
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(far), RULE).reported()).isFalse();
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(late), RULE).reported()).isFalse();
        // exactly 3 hours is still within the window
        var edge = crime("CR-EDGE", "2025-06-15T02:40:00Z", LAT, LON);
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(edge), RULE).crimeId()).isEqualTo("CR-EDGE");
    }

    @Test
    @DisplayName("the same place and time but a woman of 60 as victim is another person: the call-out to a man of 25 is likely unreported")
    void otherPerson() {
        var woman = crime("CR-W", "2025-06-14T23:30:00Z", LAT, LON,
                new HarmLinkage.Victim("F", LocalDate.of(1965, 1, 1)));
        var man60 = crime("CR-M60", "2025-06-14T23:30:00Z", LAT, LON,
                new HarmLinkage.Victim("M", LocalDate.of(1965, 1, 1)));
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(woman, man60), RULE).reported()).isFalse();
        // age 31 against an estimate of 25 is 6 years off, beyond 5; age 30 is within
        var man31 = crime("CR-31", "2025-06-14T23:30:00Z", LAT, LON,
                new HarmLinkage.Victim("M", LocalDate.of(1994, 6, 1)));
        var man30 = crime("CR-30", "2025-06-14T23:30:00Z", LAT, LON,
                new HarmLinkage.Victim("M", LocalDate.of(1995, 6, 14)));
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(man31), RULE).reported()).isFalse();
        assertThat(HarmLinkage.decide(callOut(25, "M"), List.of(man30), RULE).crimeId()).isEqualTo("CR-30");
    }

    @Test
    @DisplayName("a crime with no victim recorded does not contradict; of two that agree, the nearer in time is the match")
    void nearestInTime() {
        var earlier = crime("CR-A", "2025-06-14T21:40:00Z", LAT, LON);
        var nearer = crime("CR-B", "2025-06-14T23:55:00Z", LAT + 0.001, LON);
        var d = HarmLinkage.decide(callOut(null, null), List.of(earlier, nearer), RULE);
        assertThat(d.crimeId()).isEqualTo("CR-B");
        assertThat(d.reasons()).containsExactly("crime CR-B committed 15 minutes apart, 111 m apart",
                "no victim recorded on the crime to compare");
    }

    @Test
    @DisplayName("a partner row given by postcode only matches a crime in the same ward, not one in the next ward")
    void postcodeOnly() {
        var byPostcode = new HarmLinkage.PartnerIncident(2, CALL, null, null, "E05000649", 25, "M");
        var sameWard = new HarmLinkage.PoliceViolence("CR-S", CALL, LAT, LON, "E05000649", List.of());
        var nextWard = new HarmLinkage.PoliceViolence("CR-N", CALL, LAT, LON, "E05000650", List.of());
        assertThat(HarmLinkage.decide(byPostcode, List.of(nextWard), RULE).reported()).isFalse();
        assertThat(HarmLinkage.decide(byPostcode, List.of(nextWard, sameWard), RULE).crimeId()).isEqualTo("CR-S");
    }
}
