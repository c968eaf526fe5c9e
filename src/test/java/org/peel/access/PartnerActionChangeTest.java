package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A partner agency updates its own actions on a shared case, and nothing else")
class PartnerActionChangeTest {

    private static final String WESTMINSTER = "E09000033";
    private static final User HOUSING_USER = new User(7, "housing.officer", "Housing officer", Role.PARTNER, WESTMINSTER);
    private static final AccessRequest CASE = AccessRequest.view(Section.PARTNERSHIP).inBorough(WESTMINSTER);
    private static final Set<String> STATUS_NOTE_DATE = Set.of("status", "note", "completed_on");

    private static AccessPolicy.ActionChange change(String actionFor, List<String> parties, boolean active,
                                                    Set<String> fields) {
        return new AccessPolicy.ActionChange("HOUSING", actionFor, parties, active, fields);
    }

    @Test
    @DisplayName("given housing's own action on a case shared with housing under an active agreement, status, note and date are allowed")
    void ownAction() {
        AccessDecision d = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("HOUSING", List.of("HOUSING", "WCC-ASB"), true, STATUS_NOTE_DATE), true);
        assertThat(d.allowed()).as(d.summary()).isTrue();
        assertThat(d.reasons()).contains("the action is for the user's own organisation HOUSING on a case shared with it");
    }

    @Test
    @DisplayName("another agency's action, or the police's, is refused")
    void otherAgency() {
        AccessDecision council = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("WCC-ASB", List.of("HOUSING", "WCC-ASB"), true, STATUS_NOTE_DATE), true);
        assertThat(council.allowed()).isFalse();
        assertThat(council.reasons()).containsExactly("the action is for WCC-ASB, not for HOUSING");
        AccessDecision police = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change(null, List.of("HOUSING"), true, STATUS_NOTE_DATE), true);
        assertThat(police.reasons()).containsExactly("the action is for the police, not for HOUSING");
    }

    @Test
    @DisplayName("a case not shared with housing, or under a lapsed agreement, is refused")
    void unshared() {
        AccessDecision notParty = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("HOUSING", List.of("WCC-ASB"), false, STATUS_NOTE_DATE), true);
        assertThat(notParty.reasons()).containsExactly("the case is not shared with HOUSING");
        AccessDecision lapsed = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("HOUSING", List.of("HOUSING"), false, STATUS_NOTE_DATE), true);
        assertThat(lapsed.reasons()).containsExactly("the case's agreement is not active for HOUSING");
    }

    @Test
    @DisplayName("rewriting the action itself or its due date is refused even on housing's own action")
    void onlyStatusNoteAndDate() {
        AccessDecision d = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("HOUSING", List.of("HOUSING"), true, Set.of("status", "action", "due_on")), true);
        assertThat(d.reasons()).containsExactly(
                "a partner may change only an action's status, note and completed date, not action, due_on");
    }

    @Test
    @DisplayName("where the force turns the setting off, partners stay read-only; another borough's partner is refused")
    void settingAndBorough() {
        AccessDecision off = AccessPolicy.decideActionChange(HOUSING_USER, CASE,
                change("HOUSING", List.of("HOUSING"), true, STATUS_NOTE_DATE), false);
        assertThat(off.allowed()).isFalse();
        assertThat(off.summary()).contains("PEEL_PARTNER_UPDATES_OWN_ACTIONS");
        User camden = new User(8, "camden.housing", "Camden housing", Role.PARTNER, "E09000007");
        assertThat(AccessPolicy.decideActionChange(camden, CASE,
                change("HOUSING", List.of("HOUSING"), true, STATUS_NOTE_DATE), true).allowed()).isFalse();
    }

    @Test
    @DisplayName("staff are decided as for any change: an officer may, a read-only inspector may not")
    void staff() {
        User officer = new User(9, "pc", "PC", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER);
        User inspector = new User(10, "hmi", "Inspector", Role.INSPECTOR, null);
        AccessPolicy.ActionChange any = new AccessPolicy.ActionChange(null, "HOUSING", List.of("HOUSING"), true,
                Set.of("status", "action"));
        assertThat(AccessPolicy.decideActionChange(officer, CASE, any, true).allowed()).isTrue();
        assertThat(AccessPolicy.decideActionChange(inspector, CASE, any, true).allowed()).isFalse();
        // a partner's account tied to no organisation has no own actions: read-only, as everywhere else
        AccessDecision untied = AccessPolicy.decideActionChange(HOUSING_USER, CASE, any, true);
        assertThat(untied.reasons()).contains("Partner agency is read-only");
    }
}
