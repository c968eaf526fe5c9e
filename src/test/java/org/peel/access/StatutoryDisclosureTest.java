package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A disclosure the law requires goes through the share gate naming its statute instead of an agreement")
class StatutoryDisclosureTest {

    // Amy Rowe's own answer: her details as identity, the crime's facts as incident
    private static final SharedRecord ANSWER = SharedRecord.of("crime", "CR-1")
            .with(DataCategory.IDENTITY, Map.of("your_details", "Amy Rowe, 4 Elm Row"))
            .with(DataCategory.INCIDENT, Map.of("offence_group", "Robbery"));

    @Test
    @DisplayName("a subject access answer to the data subject, with a purpose, passes whole and names s45")
    void subjectAccessPasses() {
        ShareDecision d = ShareRule.decideStatutory(StatutoryBasis.SUBJECT_ACCESS, new ShareRequest(
                "data subject P-1", null, "subject access request received 2025-01-31", "subject access export",
                List.of(ANSWER)));

        assertThat(d.allowed()).isTrue();
        assertThat(d.records()).containsExactly(ANSWER);
        assertThat(d.shared()).containsExactlyInAnyOrder(DataCategory.IDENTITY, DataCategory.INCIDENT);
        assertThat(d.withheld()).isEmpty();
        assertThat(d.summary()).isEqualTo("disclosed to data subject P-1 under Data Protection Act 2018 s45"
                + " (right of access by the data subject); no agreement is needed");
    }

    @Test
    @DisplayName("without a statute, recipient or purpose it is refused with each reason; an agreement cannot ride along")
    void refusals() {
        ShareDecision none = ShareRule.decideStatutory(null, new ShareRequest(" ", null, "", "export",
                List.of(ANSWER)));
        assertThat(none.allowed()).isFalse();
        assertThat(none.records()).isEmpty();
        assertThat(none.reasons()).containsExactly("no statute was named for a disclosure without an agreement",
                "a disclosure must name its recipient", "a purpose must be stated for every share");

        ShareDecision mixed = ShareRule.decideStatutory(StatutoryBasis.SUBJECT_ACCESS, new ShareRequest("WCC-ASB",
                "ISA-7", "case review", "export", List.of(ANSWER)));
        assertThat(mixed.allowed()).isFalse();
        assertThat(mixed.reasons()).containsExactly(
                "a disclosure under statute names no agreement; share under agreement ISA-7 instead");
    }

    @Test
    @DisplayName("a partner account can no longer open a missing person report or safeguarding summary outside the gate")
    void partnerRefusedVulnerability() {
        User partner = new User(9, "asb.officer", "ASB Officer", Role.PARTNER, "E09000033");
        AccessDecision d = AccessPolicy.decide(partner, AccessRequest.view(Section.VULNERABILITY)
                .inBorough("E09000033").withPersonalData("case review"));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).containsExactly("Partner agency has no access to " + Section.VULNERABILITY.title());
    }
}
