package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.testing.Fixtures.CAMDEN;
import static org.peel.testing.Fixtures.WESTMINSTER;
import static org.peel.testing.Fixtures.intelligenceAnalyst;
import static org.peel.testing.Fixtures.investigatorIn;

@DisplayName("A request over a person's records in several boroughs")
class AccessPolicyRecordBoroughsTest {

    private static final AccessRequest VIEW = AccessRequest.view(Section.INVESTIGATION).withPersonalData(null);

    @Test
    @DisplayName("a local role sees a person with at least one record in its borough, and only through those")
    void anyRecordInTheBoroughToSee() {
        AccessDecision mixed = AccessPolicy.decideOverRecords(investigatorIn(WESTMINSTER), VIEW,
                List.of(WESTMINSTER, CAMDEN), AccessPolicy.Reach.ANY);
        AccessDecision elsewhere = AccessPolicy.decideOverRecords(investigatorIn(WESTMINSTER), VIEW,
                List.of(CAMDEN, CAMDEN), AccessPolicy.Reach.ANY);

        assertThat(mixed.allowed()).isTrue();
        assertThat(mixed.summary()).contains("1 of 2 records are in the user's borough");
        assertThat(elsewhere.allowed()).isFalse();
        assertThat(elsewhere.summary()).contains("none of the records is in the user's borough " + WESTMINSTER);
    }

    @Test
    @DisplayName("a local role changes a person only when every record involved is in its borough")
    void everyRecordInTheBoroughToChange() {
        AccessRequest change = VIEW.changing();

        AccessDecision mixed = AccessPolicy.decideOverRecords(investigatorIn(WESTMINSTER), change,
                List.of(WESTMINSTER, CAMDEN), AccessPolicy.Reach.EVERY);
        AccessDecision own = AccessPolicy.decideOverRecords(investigatorIn(WESTMINSTER), change,
                List.of(WESTMINSTER, WESTMINSTER), AccessPolicy.Reach.EVERY);

        assertThat(mixed.allowed()).isFalse();
        assertThat(mixed.summary()).contains("1 of 2 records are outside the user's borough");
        assertThat(own.allowed()).isTrue();
    }

    @Test
    @DisplayName("a record of no known borough is in no local role's reach, but in a force-wide role's")
    void unknownBoroughIsForceWideOnly() {
        List<String> unknown = Arrays.asList((String) null);

        assertThat(AccessPolicy.decideOverRecords(investigatorIn(WESTMINSTER), VIEW, unknown,
                AccessPolicy.Reach.ANY).allowed()).isFalse();
        assertThat(AccessPolicy.decideOverRecords(intelligenceAnalyst(), VIEW.withPersonalData("tasking"), unknown,
                AccessPolicy.Reach.EVERY).allowed()).isTrue();
    }

    @Test
    @DisplayName("the request itself is decided first: a role without the section is refused whatever the boroughs")
    void requestDecidedFirst() {
        AccessDecision d = AccessPolicy.decideOverRecords(Fixtures.neighbourhoodOfficerIn(WESTMINSTER), VIEW,
                List.of(WESTMINSTER), AccessPolicy.Reach.ANY);

        assertThat(d.allowed()).isFalse();
        assertThat(d.summary()).contains("no access to");
    }
}
