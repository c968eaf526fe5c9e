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
}
