package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.testing.Fixtures.*;

@DisplayName("Need to know: who may see and change what")
class AccessPolicyTest {

    @Test
    @DisplayName("a neighbourhood officer may open prevention records in their own borough")
    void ownBorough() {
        AccessDecision d = AccessPolicy.decide(neighbourhoodOfficerIn(WESTMINSTER),
                AccessRequest.view(Section.PREVENTION).inBorough(WESTMINSTER));
        assertThat(d.allowed()).isTrue();
    }

    @Test
    @DisplayName("a neighbourhood officer is refused another borough's records, and the reason names both boroughs")
    void otherBorough() {
        AccessDecision d = AccessPolicy.decide(neighbourhoodOfficerIn(WESTMINSTER),
                AccessRequest.view(Section.PREVENTION).inBorough(CAMDEN));
        assertThat(d.allowed()).isFalse();
        assertThat(d.summary()).contains(CAMDEN).contains(WESTMINSTER);
    }

    @Test
    @DisplayName("a force-wide inspector may read any borough but may change nothing")
    void inspectorReadsButNeverWrites() {
        assertThat(AccessPolicy.decide(inspector(), AccessRequest.view(Section.PREVENTION).inBorough(CAMDEN)
                .withPersonalData("PEEL inspection fieldwork")).allowed()).isTrue();
        AccessDecision change = AccessPolicy.decide(inspector(), AccessRequest.view(Section.PREVENTION).changing());
        assertThat(change.allowed()).isFalse();
        assertThat(change.summary()).contains("read-only");
    }

    @Test
    @DisplayName("a role without the section is refused it")
    void sectionNotInRole() {
        AccessDecision d = AccessPolicy.decide(neighbourhoodOfficerIn(WESTMINSTER), AccessRequest.view(Section.ADMINISTRATION));
        assertThat(d.allowed()).isFalse();
        assertThat(d.summary()).contains("Administration");
    }

    @Test
    @DisplayName("sexual offence records are open to an investigator but not to a neighbourhood officer")
    void sensitivity() {
        AccessRequest rape = AccessRequest.view(Section.VULNERABILITY).inBorough(WESTMINSTER)
                .touching(Sensitivity.SEXUAL_OFFENCE);
        assertThat(AccessPolicy.decide(investigatorIn(WESTMINSTER), rape).allowed()).isTrue();
        AccessDecision refused = AccessPolicy.decide(neighbourhoodOfficerIn(WESTMINSTER), rape);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.summary()).contains("sexual offence");
    }

    @Test
    @DisplayName("an intelligence analyst must state a purpose before opening personal data, and may once they have")
    void purposeRequired() {
        AccessRequest noPurpose = AccessRequest.view(Section.INVESTIGATION).withPersonalData(null);
        assertThat(AccessPolicy.decide(intelligenceAnalyst(), noPurpose).allowed()).isFalse();
        assertThat(AccessPolicy.decide(intelligenceAnalyst(), noPurpose).summary()).contains("purpose");
        assertThat(AccessPolicy.decide(intelligenceAnalyst(),
                AccessRequest.view(Section.INVESTIGATION).withPersonalData("OCG network analysis, op 123")).allowed())
                .isTrue();
    }

    @Test
    @DisplayName("a local user with no borough set is refused borough records rather than given every borough")
    void localUserWithoutBorough() {
        AccessDecision d = AccessPolicy.decide(neighbourhoodOfficerIn(null),
                AccessRequest.view(Section.PREVENTION).inBorough(WESTMINSTER));
        assertThat(d.allowed()).isFalse();
    }

    @Test
    @DisplayName("every role named in the foundation exists, and role names round-trip from the command line")
    void roles() {
        assertThat(Role.values()).hasSize(11);
        for (Role r : Role.values()) {
            assertThat(Role.fromSlug(r.slug())).isEqualTo(r);
        }
        assertThat(Role.fromSlug("Crime Management Supervisor")).isEqualTo(Role.CRIME_MANAGEMENT_SUPERVISOR);
    }
}
