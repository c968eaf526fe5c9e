package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Persistently targeted from the victim's own history: 3 or more earlier crimes in the 12 months before")
class PersistentTargetingTest {

    /** Tuesday 26 March 2024, 10:00: the 12-month window opens at 10:00 on 26 March 2023. */
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 26, 10, 0);

    private static PersistentTargeting.EarlierCrime crime(String id, LocalDateTime at) {
        return new PersistentTargeting.EarlierCrime(id, at, "Criminal damage and arson", "name and date of birth");
    }

    @Test
    @DisplayName("Three earlier crimes inside the window (one on its first minute) are enough; one just before it is not counted")
    void threeInTwelveMonths() {
        List<PersistentTargeting.EarlierCrime> earlier = List.of(
                crime("A", LocalDateTime.of(2023, 3, 26, 9, 59)),   // one minute before the window: out
                crime("B", LocalDateTime.of(2023, 3, 26, 10, 0)),   // the window's first moment: in
                crime("C", LocalDateTime.of(2023, 11, 1, 12, 0)),   // in
                crime("D", LocalDateTime.of(2024, 3, 26, 9, 0)));   // an hour before this one: in
        PersistentTargeting.Decision d = PersistentTargeting.decide(earlier, NOW, PersistentTargeting.Policy.defaults());
        assertThat(d.persistentlyTargeted()).isTrue();
        assertThat(d.counted()).extracting(PersistentTargeting.EarlierCrime::crimeId).containsExactly("B", "C", "D");
        assertThat(d.reason()).isEqualTo("3 earlier crimes against this victim since 2023-03-26;"
                + " 3 or more in 12 months is persistent targeting (local practice)");
    }

    @Test
    @DisplayName("Two in the window are not enough, and a crime recorded at the same moment (another victim's of this report) is not earlier")
    void notEnough() {
        List<PersistentTargeting.EarlierCrime> earlier = List.of(
                crime("B", LocalDateTime.of(2023, 6, 1, 10, 0)),
                crime("C", LocalDateTime.of(2024, 1, 1, 10, 0)),
                crime("SAME", NOW));
        PersistentTargeting.Decision d = PersistentTargeting.decide(earlier, NOW, PersistentTargeting.Policy.defaults());
        assertThat(d.persistentlyTargeted()).isFalse();
        assertThat(d.reason()).isNull();
        assertThat(d.counted()).hasSize(2);
    }

    @Test
    @DisplayName("A force setting 2 in 6 months: the two crimes since 26 September 2023 are enough")
    void configured() {
        PersistentTargeting.Policy policy = PersistentTargeting.Policy.from(Map.of(
                "PEEL_PERSISTENT_TARGETING_CRIMES", "2", "PEEL_PERSISTENT_TARGETING_MONTHS", "6"));
        List<PersistentTargeting.EarlierCrime> earlier = List.of(
                crime("OLD", LocalDateTime.of(2023, 9, 25, 10, 0)),
                crime("B", LocalDateTime.of(2023, 10, 1, 10, 0)),
                crime("C", LocalDateTime.of(2024, 2, 1, 10, 0)));
        PersistentTargeting.Decision d = PersistentTargeting.decide(earlier, NOW, policy);
        assertThat(d.persistentlyTargeted()).isTrue();
        assertThat(d.reason()).startsWith("2 earlier crimes against this victim since 2023-09-26;");
        assertThatThrownBy(() -> PersistentTargeting.Policy.from(Map.of("PEEL_PERSISTENT_TARGETING_MONTHS", "a year")))
                .hasMessageContaining("PEEL_PERSISTENT_TARGETING_MONTHS must be a whole number");
    }

    @Test
    @DisplayName("The history's reason is the entitlement's: enhanced service as a persistently targeted victim")
    void entitlement() {
        VictimsCodeEntitlement.Decision d = VictimsCodeEntitlement.decide(new VictimsCodeEntitlement.Facts(
                OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, Set.of(), false, false, true, false, 40, false, false, false,
                Set.of(), "3 earlier crimes against this victim since 2023-03-26"));
        assertThat(d.enhanced()).isTrue();
        assertThat(d.groups()).containsExactly(VictimsCodeEntitlement.Group.PERSISTENTLY_TARGETED);
        assertThat(d.reasons()).contains("Persistently targeted victim: 3 earlier crimes against this victim since 2023-03-26");
    }
}
