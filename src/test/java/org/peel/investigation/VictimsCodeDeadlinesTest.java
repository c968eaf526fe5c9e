package org.peel.investigation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.investigation.VictimsCodeDeadlines.Kind.NEEDS_ASSESSMENT;
import static org.peel.investigation.VictimsCodeDeadlines.Kind.NOT_INVESTIGATED_NOTICE;
import static org.peel.investigation.VictimsCodeDeadlines.Kind.PERSONAL_STATEMENT_OFFER;
import static org.peel.investigation.VictimsCodeDeadlines.Kind.REFERRAL_TO_VICTIM_SERVICES;
import static org.peel.investigation.VictimsCodeDeadlines.Kind.WRITTEN_CONFIRMATION;
import static org.peel.investigation.VictimsCodeEntitlement.Service.BUSINESS;
import static org.peel.investigation.VictimsCodeEntitlement.Service.ENHANCED;
import static org.peel.investigation.VictimsCodeEntitlement.Service.STANDARD;

@DisplayName("Victims' Code deadlines in working days, across Christmas and Easter")
class VictimsCodeDeadlinesTest {

    private static Map<VictimsCodeDeadlines.Kind, LocalDate> due(List<VictimsCodeDeadlines.Deadline> d) {
        return d.stream().collect(Collectors.toMap(VictimsCodeDeadlines.Deadline::kind, VictimsCodeDeadlines.Deadline::due));
    }

    @Test
    @DisplayName("Reported Christmas Eve 2015: assessment and VPS offer that day; referral Wed 30 Dec; confirmation Tue 5 Jan")
    void christmasEve() {
        Map<VictimsCodeDeadlines.Kind, LocalDate> d = due(VictimsCodeDeadlines.atReport(LocalDate.of(2015, 12, 24),
                ENHANCED, false, false));
        // 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) are holidays: 29th is day 1, 30th day 2
        assertThat(d).containsEntry(NEEDS_ASSESSMENT, LocalDate.of(2015, 12, 24))
                .containsEntry(PERSONAL_STATEMENT_OFFER, LocalDate.of(2015, 12, 24))
                .containsEntry(REFERRAL_TO_VICTIM_SERVICES, LocalDate.of(2015, 12, 30))
                // 29, 30, 31 Dec, then 1 Jan is a holiday: 4 and 5 Jan make five
                .containsEntry(WRITTEN_CONFIRMATION, LocalDate.of(2016, 1, 5))
                .doesNotContainKey(NOT_INVESTIGATED_NOTICE);
    }

    @Test
    @DisplayName("A declined referral has no referral deadline; a screened-out crime adds the notice at 5 working days")
    void declinedAndScreenedOut() {
        Map<VictimsCodeDeadlines.Kind, LocalDate> d = due(VictimsCodeDeadlines.atReport(LocalDate.of(2015, 6, 10),
                STANDARD, true, true));
        assertThat(d).doesNotContainKey(REFERRAL_TO_VICTIM_SERVICES)
                .containsEntry(NOT_INVESTIGATED_NOTICE, LocalDate.of(2015, 6, 17));
    }

    @Test
    @DisplayName("An enhanced victim of a screened-out crime is told within 1 working day: Friday 12 June 2015 -> Monday 15 June")
    void enhancedToldNextWorkingDay() {
        Map<VictimsCodeDeadlines.Kind, LocalDate> d = due(VictimsCodeDeadlines.atReport(LocalDate.of(2015, 6, 12),
                ENHANCED, true, false));
        // Saturday and Sunday are not working days: the first working day after Friday is Monday 15 June
        assertThat(d).containsEntry(NOT_INVESTIGATED_NOTICE, LocalDate.of(2015, 6, 15));
    }

    @Test
    @DisplayName("A business gets written confirmation but no victim needs assessment or referral")
    void business() {
        assertThat(due(VictimsCodeDeadlines.atReport(LocalDate.of(2015, 6, 10), BUSINESS, false, false)))
                .containsOnlyKeys(WRITTEN_CONFIRMATION);
    }

    @Test
    @DisplayName("Charge on Thursday before Easter 2015: enhanced update by Tue 7 April, standard by Mon 13 April")
    void updatesOverEaster() {
        LocalDate thursday = LocalDate.of(2015, 4, 2);
        VictimsCodeDeadlines.Deadline enhanced = VictimsCodeDeadlines.update(VictimsCodeDeadlines.CaseEvent.CHARGE, thursday, ENHANCED);
        assertThat(enhanced.due()).isEqualTo(LocalDate.of(2015, 4, 7));
        assertThat(enhanced.kind()).isEqualTo(VictimsCodeDeadlines.Kind.UPDATE_CHARGE);
        assertThat(enhanced.workingDays()).isEqualTo(1);
        assertThat(VictimsCodeDeadlines.update(VictimsCodeDeadlines.CaseEvent.NO_FURTHER_ACTION, thursday, STANDARD).due())
                .isEqualTo(LocalDate.of(2015, 4, 13));
    }

    @Test
    @DisplayName("Arrest on the Friday before the Queen's funeral: enhanced update due Tuesday 20 September 2022")
    void arrestBeforeFuneral() {
        assertThat(VictimsCodeDeadlines.update(VictimsCodeDeadlines.CaseEvent.ARREST, LocalDate.of(2022, 9, 16), ENHANCED).due())
                .isEqualTo(LocalDate.of(2022, 9, 20));
    }
}
