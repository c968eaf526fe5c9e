package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.testing.Fixtures.CAMDEN;
import static org.peel.testing.Fixtures.WESTMINSTER;

@DisplayName("Access to organised crime: the front line's picture of its area, and the rights of a lead officer")
class AccessPolicyOrganisedCrimeTest {

    private static User user(String username, Role role, String borough) {
        return new User(1, username, username, role, borough);
    }

    /** Seeing the groups and gangs of a borough from the prevention section, as a neighbourhood officer does. */
    private static AccessRequest picture(String borough) {
        return AccessRequest.view(Section.PREVENTION).inBorough(borough).touching(Sensitivity.ORGANISED_CRIME_PICTURE);
    }

    /** Tasking for a group of Westminster: a change to intelligence held in organised crime. */
    private static AccessRequest taskingWestminster() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE).inBorough(WESTMINSTER)
                .changing();
    }

    @Test
    @DisplayName("a neighbourhood officer sees the picture of their own borough, not another's; a response officer,"
            + " without the picture, sees none")
    void picture() {
        assertThat(AccessPolicy.decide(user("pc", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER), picture(WESTMINSTER))
                .allowed()).isTrue();
        assertThat(AccessPolicy.decide(user("pc", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER), picture(CAMDEN))
                .reasons()).containsExactly("record is in borough " + CAMDEN + ", user works in " + WESTMINSTER);
        assertThat(AccessPolicy.decide(user("rt", Role.RESPONSE_OFFICER, WESTMINSTER), picture(WESTMINSTER))
                .reasons()).containsExactly("role may not see organised crime picture records");
    }

    @Test
    @DisplayName("the picture is not intelligence: a neighbourhood officer holding it is still refused a group's"
            + " intelligence")
    void pictureIsNotIntelligence() {
        AccessRequest intelligence = AccessRequest.view(Section.PREVENTION).inBorough(WESTMINSTER)
                .touching(Sensitivity.INTELLIGENCE);
        assertThat(AccessPolicy.decide(user("pc", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER), intelligence).reasons())
                .containsExactly("role may not see intelligence records");
    }

    @Test
    @DisplayName("an investigator of Camden named lead officer of a Westminster group may task for it; the same"
            + " investigator is refused for a group led by someone else")
    void leadOfficerTasks() {
        User di = user("di.camden", Role.INVESTIGATOR, CAMDEN);
        AccessDecision led = AccessPolicy.decide(di, taskingWestminster().ledBy("di.camden"));
        assertThat(led.allowed()).isTrue();
        assertThat(led.reasons()).containsExactly("user is the lead responsible officer");
        // not the lead: the investigator's role has no organised crime section, no intelligence and another borough
        assertThat(AccessPolicy.decide(di, taskingWestminster().ledBy("di.other")).reasons()).containsExactly(
                "Investigator has no access to Organised crime",
                "record is in borough " + WESTMINSTER + ", user works in " + CAMDEN,
                "role may not see intelligence records");
    }

    @Test
    @DisplayName("the lead officer holds a duty reserved to other roles, such as completing a neighbourhood task")
    void leadOfficerHoldsDuty() {
        AccessRequest completing = AccessRequest.view(Section.PREVENTION).inBorough(WESTMINSTER).changing()
                .dutyOf("completing an organised crime task", java.util.Set.of(Role.NEIGHBOURHOOD_OFFICER));
        User di = user("di.w", Role.INVESTIGATOR, WESTMINSTER);
        assertThat(AccessPolicy.decide(di, completing).reasons()).containsExactly(
                "Completing an organised crime task is for a neighbourhood officer, not for an investigator");
        assertThat(AccessPolicy.decide(di, completing.ledBy("di.w")).allowed()).isTrue();
    }

    @Test
    @DisplayName("naming gives no rights to a role that may not lead: an inspector stays read-only and a partner has"
            + " no organised crime section")
    void mayNotLead() {
        assertThat(AccessPolicy.mayLead(Role.INSPECTOR)).isFalse();
        assertThat(AccessPolicy.mayLead(Role.PARTNER)).isFalse();
        assertThat(AccessPolicy.mayLead(Role.ADMINISTRATOR)).isFalse();
        assertThat(AccessPolicy.mayLead(Role.INVESTIGATOR)).isTrue();
        assertThat(AccessPolicy.decide(user("insp", Role.INSPECTOR, null), taskingWestminster().ledBy("insp"))
                .reasons()).containsExactly("Inspector (read-only) is read-only");
        assertThat(AccessPolicy.decide(user("p", Role.PARTNER, WESTMINSTER), taskingWestminster().ledBy("p"))
                .allowed()).isFalse();
    }

    @Test
    @DisplayName("a lead officer whose role states a purpose must still state one before opening personal data")
    void leadOfficerStatesPurpose() {
        User analyst = user("an", Role.INTELLIGENCE_ANALYST, null);
        AccessRequest read = AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE)
                .ledBy("an").withPersonalData(null);
        assertThat(AccessPolicy.decide(analyst, read).reasons())
                .containsExactly("a purpose must be stated before opening personal data");
        assertThat(AccessPolicy.decide(analyst, read.withPersonalData("Operation Kestrel")).allowed()).isTrue();
    }
}
