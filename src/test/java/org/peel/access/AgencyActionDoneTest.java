package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A MAPP meeting's action is marked done by its own agency, as any change to the case is decided")
class AgencyActionDoneTest {

    private static final String WESTMINSTER = "E09000033";
    private static final String CAMDEN = "E09000007";
    private static final User MANAGER = new User(1, "om.west", "OM West", Role.OFFENDER_MANAGER, WESTMINSTER);
    private static final AccessRequest CASE = AccessRequest.view(Section.INVESTIGATION)
            .touching(Sensitivity.OFFENDER_MANAGEMENT).inBorough(WESTMINSTER)
            .dutyOf("marking a MAPP meeting's action done", Set.of(Role.OFFENDER_MANAGER));

    @Test
    @DisplayName("given a police action on a case in the manager's borough, a police account may mark it done")
    void ownAgency() {
        AccessDecision d = AccessPolicy.decideAgencyActionDone(MANAGER, CASE, AccessPolicy.POLICE, "POLICE", "Police");
        assertThat(d.allowed()).isTrue();
        assertThat(d.reasons()).contains("the action is for the user's own agency, Police");
    }

    @Test
    @DisplayName("probation's action is recorded done by the police on probation's word, and the reasons say so")
    void otherAgency() {
        AccessDecision d = AccessPolicy.decideAgencyActionDone(MANAGER, CASE, AccessPolicy.POLICE, "PROBATION",
                "Probation");
        assertThat(d.allowed()).isTrue();
        assertThat(d.reasons())
                .contains("the action is Probation's, recorded done on its word by the meeting's record keeper");
    }

    @Test
    @DisplayName("the change itself is decided first: another borough, a role without the duty and a read-only role are refused")
    void asAnyChange() {
        User camden = new User(2, "om.camden", "OM Camden", Role.OFFENDER_MANAGER, CAMDEN);
        assertThat(AccessPolicy.decideAgencyActionDone(camden, CASE, AccessPolicy.POLICE, "POLICE", "Police")
                .reasons()).containsExactly("record is in borough " + WESTMINSTER + ", user works in " + CAMDEN);
        User lead = new User(3, "ppo", "PPO", Role.PUBLIC_PROTECTION_OFFICER, null);
        assertThat(AccessPolicy.decideAgencyActionDone(lead, CASE, AccessPolicy.POLICE, "POLICE", "Police")
                .allowed()).isFalse();
        User inspector = new User(4, "hmi", "HMI", Role.INSPECTOR, null);
        assertThat(AccessPolicy.decideAgencyActionDone(inspector, CASE, AccessPolicy.POLICE, "POLICE", "Police")
                .reasons()).contains("Inspector (read-only) is read-only");
        // a partner's account is no police account, and partners are read-only on police records
        User partner = new User(5, "probation.officer", "PO", Role.PARTNER, WESTMINSTER);
        assertThat(AccessPolicy.agencyOf(partner)).isNull();
        assertThat(AccessPolicy.agencyOf(MANAGER)).isEqualTo(AccessPolicy.POLICE);
        assertThat(AccessPolicy.decideAgencyActionDone(partner, CASE, AccessPolicy.agencyOf(partner), "PROBATION",
                "Probation").allowed()).isFalse();
    }
}
