package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("MoPI review dates come from the record's group and its history")
class MopiReviewTest {

    private static final RetentionSettings DEFAULTS = RetentionSettings.defaults();

    private static MopiReview.Due due(String group, boolean da, String recorded, String reviewed, String later) {
        return MopiReview.due(new MopiReview.Facts("crime", "C1", group, da, LocalDate.parse(recorded),
                reviewed == null ? null : LocalDate.parse(reviewed), later == null ? null : LocalDate.parse(later)),
                DEFAULTS);
    }

    @Test
    @DisplayName("groups: sexual offences and homicide 1; violence, robbery and domestic abuse 2; others and ASB 3")
    void groups() {
        assertThat(MopiReview.groupOf("Sexual offences", false)).isEqualTo(MopiGroup.PUBLIC_PROTECTION);
        assertThat(MopiReview.groupOf("Homicide", false)).isEqualTo(MopiGroup.PUBLIC_PROTECTION);
        assertThat(MopiReview.groupOf("Violence with injury", false)).isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.groupOf("Robbery", false)).isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.groupOf("Criminal damage and arson", true)).as("domestic abuse").isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.groupOf("Shoplifting", false)).isEqualTo(MopiGroup.OTHER);
        assertThat(MopiReview.groupOf(null, false)).as("an ASB incident").isEqualTo(MopiGroup.OTHER);
    }

    @Test
    @DisplayName("group 3: six years from recording; group 2: ten; group 1: ten years between reviews")
    void byGroup() {
        // shoplifting recorded 14 March 2019 + 6 years = 14 March 2025
        assertThat(due("Shoplifting", false, "2019-03-14", null, null).reviewDue()).isEqualTo("2025-03-14");
        // violence with injury recorded 14 March 2019 + 10 years = 14 March 2029
        assertThat(due("Violence with injury", false, "2019-03-14", null, null).reviewDue()).isEqualTo("2029-03-14");
        // a sexual offence recorded 29 February 2016 + 10 years: 28 February 2026 (no 29th in 2026)
        MopiReview.Due sexual = due("Sexual offences", false, "2016-02-29", null, null);
        assertThat(sexual.group()).isEqualTo(MopiGroup.PUBLIC_PROTECTION);
        assertThat(sexual.reviewDue()).isEqualTo("2026-02-28");
    }

    @Test
    @DisplayName("a review that kept the record, or the subject's later offence, restarts the period")
    void history() {
        // shoplifting 2019-03-14, kept at review on 2025-04-02: next 2031-04-02
        assertThat(due("Shoplifting", false, "2019-03-14", "2025-04-02", null).reviewDue()).isEqualTo("2031-04-02");
        // shoplifting 2019-03-14, same suspect's later offence 2022-07-01: clearance restarts, 2028-07-01
        MopiReview.Due later = due("Shoplifting", false, "2019-03-14", null, "2022-07-01");
        assertThat(later.reviewDue()).isEqualTo("2028-07-01");
        assertThat(later.reasons()).anyMatch(r -> r.contains("later offence 2022-07-01 restarted"));
        // group 1 is reviewed every ten years whatever the subject does later: 2016-05-01 + 10 = 2026-05-01
        assertThat(due("Homicide", false, "2016-05-01", null, "2020-01-01").reviewDue()).isEqualTo("2026-05-01");
        // an earlier 'later offence' changes nothing: 2019-03-14 + 6
        assertThat(due("Shoplifting", false, "2019-03-14", null, "2018-01-01").reviewDue()).isEqualTo("2025-03-14");
    }

    @Test
    @DisplayName("periods are configuration, but never below the six-year minimum for group 3")
    void settings() {
        RetentionSettings s = RetentionSettings.from(java.util.Map.of("PEEL_MOPI_GROUP3_CLEARANCE_YEARS", "7"));
        assertThat(s.years(MopiGroup.OTHER)).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetentionSettings(10, 10, 5))
                .hasMessageContaining("six-year minimum");
    }

    @Test
    @DisplayName("kinds that are not crimes: MAPPA offenders group 1, others by their worst offence; gang nominals on the matrix 2")
    void kinds() {
        assertThat(MopiReview.offender(true, java.util.List.of("Shoplifting")).group())
                .isEqualTo(MopiGroup.PUBLIC_PROTECTION);
        assertThat(MopiReview.offender(false, java.util.List.of("Shoplifting", "Robbery", "Burglary")).group())
                .as("robbery is the most serious").isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.offender(false, java.util.List.of("Shoplifting")).group()).isEqualTo(MopiGroup.OTHER);
        assertThat(MopiReview.gangNominal(true).group()).isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.gangNominal(false).group()).isEqualTo(MopiGroup.OTHER);
        assertThat(MopiReview.domesticAbuseIncident().group()).isEqualTo(MopiGroup.SERIOUS);
        assertThat(MopiReview.missingReport(true).group()).isEqualTo(MopiGroup.OTHER);
        // an offender managed under MAPPA, last active 2014-01-01: reviewed every ten years, 2024-01-01
        MopiReview.KindGroup mappa = MopiReview.offender(true, java.util.List.of());
        MopiReview.Due d = MopiReview.due(new MopiReview.Facts("offender", "O1", null, false,
                LocalDate.parse("2014-01-01"), null, null, mappa.group(), mappa.basis(), null), DEFAULTS);
        assertThat(d.reviewDue()).isEqualTo("2024-01-01");
        assertThat(d.reasons().get(0)).isEqualTo("group 1: offender managed under MAPPA");
    }

    @Test
    @DisplayName("a reviewer may set the next review sooner than the period, after today, never later")
    void nextReview() {
        LocalDate today = LocalDate.parse("2025-07-01");
        // group 3: no later than 2025-07-01 + 6 years = 2031-07-01
        assertThat(MopiReview.nextReviewRefusals(MopiGroup.OTHER, today, LocalDate.parse("2031-07-01"), DEFAULTS))
                .isEmpty();
        assertThat(MopiReview.nextReviewRefusals(MopiGroup.OTHER, today, LocalDate.parse("2031-07-02"), DEFAULTS))
                .containsExactly("The next review of a group 3 record must be no later than 2031-07-01 (6 years from today)");
        assertThat(MopiReview.nextReviewRefusals(MopiGroup.OTHER, today, today, DEFAULTS))
                .containsExactly("The next review must be after today, 2025-07-01");
        // the date set stands over the period: kept 2025-07-01 with next review 2027-01-01, not 2031-07-01
        MopiReview.Due d = MopiReview.due(new MopiReview.Facts("crime", "C1", "Shoplifting", false,
                LocalDate.parse("2018-01-01"), today, null).withNextReview(LocalDate.parse("2027-01-01")), DEFAULTS);
        assertThat(d.reviewDue()).isEqualTo("2027-01-01");
    }
}
