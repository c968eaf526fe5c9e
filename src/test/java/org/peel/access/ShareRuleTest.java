package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every outbound share is checked against an active information-sharing agreement")
class ShareRuleTest {

    // An ASB agreement with Westminster council's ASB team: incident and identity data only, from 1 April 2025,
    // reviewed (and so lapsing unless renewed) on 1 April 2026.
    private static final SharingAgreement ASB = new SharingAgreement("ISA-7", "Westminster ASB case sharing",
            List.of("WCC-ASB"), "Tackling anti-social behaviour", "Crime and Disorder Act 1998 s115",
            EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY), "12 months after the case closes",
            LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 1), "Supt. Neighbourhoods", null);

    private static final SharedRecord CASE = SharedRecord.of("problem_case", "PC-1")
            .with(DataCategory.INCIDENT, Map.of("ward", "E05013806", "category", "nuisance"))
            .with(DataCategory.IDENTITY, Map.of("name", "Dana Flint"))
            .with(DataCategory.HEALTH, Map.of("injury", "none"))
            .with(DataCategory.INTELLIGENCE, Map.of("gang_score", 12));

    private static ShareRequest request(String agreement, String recipient, String purpose) {
        return new ShareRequest(recipient, agreement, purpose, "partner view", List.of(CASE));
    }

    @Test
    @DisplayName("a share that names no agreement is refused, and says so")
    void noAgreement() {
        ShareDecision d = ShareRule.decide(request(null, "WCC-ASB", "case review"), Optional.empty(),
                LocalDate.of(2025, 6, 1));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).containsExactly("no information-sharing agreement was named");
        assertThat(d.records()).isEmpty();
    }

    @Test
    @DisplayName("a share under an agreement that does not exist is refused")
    void unknownAgreement() {
        ShareDecision d = ShareRule.decide(request("ISA-99", "WCC-ASB", "case review"), Optional.empty(),
                LocalDate.of(2025, 6, 1));
        assertThat(d.allowed()).isFalse();
        assertThat(d.summary()).isEqualTo("there is no information-sharing agreement ISA-99");
    }

    @Test
    @DisplayName("an allowed share carries only the agreement's categories: health and intelligence are withheld")
    void reducedToCategories() {
        // given a share on 1 June 2025 (inside 1 April 2025 .. 31 March 2026) to a party
        ShareDecision d = ShareRule.decide(request("ISA-7", "WCC-ASB", "case review"), Optional.of(ASB),
                LocalDate.of(2025, 6, 1));

        // then incident and identity pass, health and intelligence do not
        assertThat(d.allowed()).isTrue();
        assertThat(d.shared()).containsExactlyInAnyOrder(DataCategory.INCIDENT, DataCategory.IDENTITY);
        assertThat(d.withheld()).containsExactlyInAnyOrder(DataCategory.HEALTH, DataCategory.INTELLIGENCE);
        assertThat(d.records()).hasSize(1);
        assertThat(d.records().get(0).flat()).containsOnlyKeys("record_type", "record_id", "ward", "category", "name");
        assertThat(d.summary()).contains("active until 31 March 2026").contains("withheld as outside the agreement: health, intelligence");
    }

    @Test
    @DisplayName("an agreement is active the day before its review date and lapsed on it, unless renewed")
    void lapseAtReview() {
        // 31 March 2026 is the last active day; on 1 April 2026 (the review date) it has lapsed
        assertThat(ShareRule.decide(request("ISA-7", "WCC-ASB", "case review"), Optional.of(ASB),
                LocalDate.of(2026, 3, 31)).allowed()).isTrue();
        ShareDecision lapsed = ShareRule.decide(request("ISA-7", "WCC-ASB", "case review"), Optional.of(ASB),
                LocalDate.of(2026, 4, 1));
        assertThat(lapsed.allowed()).isFalse();
        assertThat(lapsed.summary()).isEqualTo("agreement ISA-7 lapsed at its review date 1 April 2026 and has not been renewed");

        // renewed to 1 April 2027: the same day is inside it again
        SharingAgreement renewed = new SharingAgreement(ASB.id(), ASB.title(), ASB.parties(), ASB.purpose(),
                ASB.lawfulBasis(), ASB.categories(), ASB.retention(), ASB.startsOn(), LocalDate.of(2027, 4, 1),
                ASB.owner(), null);
        assertThat(ShareRule.decide(request("ISA-7", "WCC-ASB", "case review"), Optional.of(renewed),
                LocalDate.of(2026, 4, 1)).allowed()).isTrue();
    }

    @Test
    @DisplayName("the owner is warned within the warning days before the review date, not before")
    void renewalAlert() {
        // 1 April 2026 less 60 days is 31 January 2026 (Feb 28 + Mar 31 + 1 = 60 days from 31 Jan)
        assertThat(ASB.daysToLapse(LocalDate.of(2026, 1, 31))).isEqualTo(60);
        assertThat(ASB.renewalDue(LocalDate.of(2026, 1, 31), 60)).isTrue();
        assertThat(ASB.renewalDue(LocalDate.of(2026, 1, 30), 60)).isFalse();
        assertThat(ASB.renewalDue(LocalDate.of(2026, 4, 1), 60)).as("lapsed, no longer a warning").isFalse();
    }

    @Test
    @DisplayName("a recipient not party to the agreement, or a share without a purpose, is refused with each reason")
    void wrongRecipientAndNoPurpose() {
        ShareDecision d = ShareRule.decide(request("ISA-7", "PROBATION-LDN", " "), Optional.of(ASB),
                LocalDate.of(2025, 6, 1));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).containsExactly("recipient PROBATION-LDN is not a party to agreement ISA-7",
                "a purpose must be stated for every share");
    }

    @Test
    @DisplayName("a withdrawn agreement shares nothing from the day it was withdrawn")
    void withdrawn() {
        SharingAgreement w = new SharingAgreement(ASB.id(), ASB.title(), ASB.parties(), ASB.purpose(),
                ASB.lawfulBasis(), ASB.categories(), ASB.retention(), ASB.startsOn(), ASB.reviewOn(), ASB.owner(),
                LocalDate.of(2025, 9, 1));
        assertThat(w.statusOn(LocalDate.of(2025, 8, 31))).isEqualTo(SharingAgreement.Status.ACTIVE);
        assertThat(ShareRule.decide(request("ISA-7", "WCC-ASB", "case review"), Optional.of(w),
                LocalDate.of(2025, 9, 1)).summary()).isEqualTo("agreement ISA-7 was withdrawn on 1 September 2025");
    }
}
