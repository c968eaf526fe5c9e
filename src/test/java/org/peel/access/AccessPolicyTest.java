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
        assertThat(Role.values()).hasSize(12);
        for (Role r : Role.values()) {
            assertThat(Role.fromSlug(r.slug())).isEqualTo(r);
        }
        assertThat(Role.fromSlug("Crime Management Supervisor")).isEqualTo(Role.CRIME_MANAGEMENT_SUPERVISOR);
    }

    private static User supervisorIn(String borough) {
        return new User(90, "ds.test", "DS Test", Role.CRIME_MANAGEMENT_SUPERVISOR, borough);
    }

    private static AccessRequest reallocation(String borough) {
        return AccessRequest.view(Section.INVESTIGATION).inBorough(borough).changing()
                .dutyOf("reallocating a crime", java.util.Set.of(Role.CRIME_MANAGEMENT_SUPERVISOR));
    }

    @Test
    @DisplayName("reallocating a crime is a supervisor's duty: the investigator is refused with the reason, the supervisor allowed")
    void dutyOfSupervisor() {
        // given an investigator and a supervisor of Westminster, and a Westminster crime to reallocate
        AccessDecision investigator = AccessPolicy.decide(investigatorIn(WESTMINSTER), reallocation(WESTMINSTER));
        AccessDecision supervisor = AccessPolicy.decide(supervisorIn(WESTMINSTER), reallocation(WESTMINSTER));

        // then only the supervisor may, and the refusal says whose duty it is and who asked
        assertThat(investigator.allowed()).isFalse();
        assertThat(investigator.summary())
                .isEqualTo("Reallocating a crime is for a crime management supervisor, not for an investigator");
        assertThat(supervisor.allowed()).isTrue();
        assertThat(supervisor.reasons()).contains("Crime management supervisor holds the duty of reallocating a crime");
    }

    @Test
    @DisplayName("a duty does not carry across boroughs: Westminster's supervisor is refused a Camden reallocation on the borough")
    void dutyStillInBorough() {
        AccessDecision d = AccessPolicy.decide(supervisorIn(WESTMINSTER), reallocation(CAMDEN));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).singleElement().asString().contains(CAMDEN).contains(WESTMINSTER);
    }

    @Test
    @DisplayName("a duty held by force-wide roles refuses a borough officer and allows an analyst; refusals list every role holding it")
    void forceWideDuty() {
        AccessRequest importing = AccessRequest.view(Section.PREVENTION).changing()
                .dutyOf("importing police.uk files", Role.forceWide());
        AccessDecision officer = AccessPolicy.decide(neighbourhoodOfficerIn(WESTMINSTER), importing);
        assertThat(officer.allowed()).isFalse();
        assertThat(officer.summary()).startsWith("Importing police.uk files is for a public protection officer, "
                + "an intelligence analyst, a performance analyst, an inspector (read-only), a records manager or an "
                + "administrator, "
                + "not for a neighbourhood officer");
        assertThat(AccessPolicy.decide(intelligenceAnalyst(), importing).allowed()).isTrue();
    }

    @Test
    @DisplayName("a read-only inspector is refused a duty's change twice over: read-only, and not holding the duty")
    void dutyAndReadOnly() {
        AccessDecision d = AccessPolicy.decide(inspector(), reallocation(WESTMINSTER));
        assertThat(d.reasons()).hasSize(2);
        assertThat(d.summary()).contains("read-only").contains("not for an inspector (read-only)");
    }

    @Test
    @DisplayName("a request with personal data and no change is a read; with a change it is not")
    void readsAreReadsOnly() {
        assertThat(AccessRequest.view(Section.INVESTIGATION).withPersonalData(null).read()).isTrue();
        assertThat(AccessRequest.view(Section.INVESTIGATION).withPersonalData("x").changing().read()).isFalse();
        assertThat(AccessRequest.view(Section.INVESTIGATION).read()).isFalse();
    }

    @Test
    @DisplayName("a list page shows a local role its own borough whatever it asks for, a force-wide role what it asks for")
    void boroughInView() {
        assertThat(AccessPolicy.boroughInView(investigatorIn(WESTMINSTER), CAMDEN)).isEqualTo(WESTMINSTER);
        assertThat(AccessPolicy.boroughInView(investigatorIn(WESTMINSTER), null)).isEqualTo(WESTMINSTER);
        assertThat(AccessPolicy.boroughInView(inspector(), CAMDEN)).isEqualTo(CAMDEN);
        assertThat(AccessPolicy.boroughInView(inspector(), " ")).isNull();
        assertThat(AccessPolicy.boroughInView(inspector(), null)).isNull();
    }
}
