package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.HIGH;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.LOW;
import static org.peel.offenders.Mappa.RiskOfSeriousHarm.VERY_HIGH;

@DisplayName("MAPPA visits and meetings, and potentially dangerous persons' review dates")
class MappaTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static Mappa.Case mappaCase(Mappa.Level level, Mappa.RiskOfSeriousHarm risk, String lastVisit, String meeting) {
        return new Mappa.Case("OF1", Mappa.Category.ONE, level, Mappa.Agency.POLICE, risk, LocalDate.of(2024, 6, 1),
                lastVisit == null ? null : LocalDate.parse(lastVisit), meeting == null ? null : LocalDate.parse(meeting));
    }

    @Test
    @DisplayName("a very high risk case last visited 2025-01-01 was due 28 days later, 2025-01-29: 31 days overdue on 1 March")
    void visitOverdue() {
        // 2025-01-01 + 28 = 2025-01-29; 29 Jan to 1 Mar = 2 + 28 + 1 = 31 days
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.ONE, VERY_HIGH, "2025-01-01", null), TODAY,
                Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(r.visit()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.reasons().get(0)).endsWith("due 2025-01-29 (31 days overdue)");
        // level 1 needs no meeting
        assertThat(r.meeting()).isEqualTo(Mappa.Status.IN_TIME);
    }

    @Test
    @DisplayName("a high risk case visited 2025-01-10 is due 56 days later, 2025-03-07: due soon (6 days) on 1 March")
    void visitDueSoon() {
        // 2025-01-10 + 56 = 2025-03-07 (21 days left in January, 28 in February, 7 in March)
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.TWO, HIGH, "2025-01-10", "2025-04-01"), TODAY,
                Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(r.visit()).isEqualTo(Mappa.Status.DUE_SOON);
        assertThat(r.meeting()).isEqualTo(Mappa.Status.IN_TIME);
        assertThat(r.overdue()).isFalse();
    }

    @Test
    @DisplayName("never visited: counted from registration; a level 2 case with no meeting set is overdue for one")
    void neverVisitedAndNoMeeting() {
        // registered 2024-06-01, low risk every 182 days: due 2024-11-30, passed
        Mappa.Review r = Mappa.review(mappaCase(Mappa.Level.TWO, LOW, null, null), TODAY, Mappa.DEFAULT_VISIT_DAYS);
        assertThat(r.visitDue()).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(r.visit()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.meeting()).isEqualTo(Mappa.Status.OVERDUE);
        assertThat(r.reasons()).contains("level 2 is managed through MAPP meetings and none is set");
    }

    @Test
    @DisplayName("the force's own visit intervals replace the defaults; categories and levels are 1 to 3")
    void configuration() {
        Map<Mappa.RiskOfSeriousHarm, Integer> days = Mappa.visitDays("VERY_HIGH:7, high:14");
        assertThat(days).containsEntry(VERY_HIGH, 7).containsEntry(HIGH, 14).containsEntry(LOW, 182);
        assertThatThrownBy(() -> Mappa.visitDays("HIGH:0")).hasMessageContaining("'HIGH:0'");
        assertThatThrownBy(() -> Mappa.Category.of(4)).hasMessage("MAPPA categories are 1 to 3, not 4");
        assertThatThrownBy(() -> Mappa.Level.of(0)).hasMessage("MAPPA levels are 1 to 3, not 0");
    }

    @Test
    @DisplayName("a PDP is active to its review date, due for review in the last 28 days, and lapses the day after")
    void pdpLapses() {
        LocalDate review = LocalDate.of(2025, 3, 31);
        // 1 March: 30 days to go, more than 28
        assertThat(PotentiallyDangerousPerson.status(review, TODAY)).isEqualTo(PotentiallyDangerousPerson.Status.ACTIVE);
        // 3 March: 28 days to go
        assertThat(PotentiallyDangerousPerson.status(review, LocalDate.of(2025, 3, 3)))
                .isEqualTo(PotentiallyDangerousPerson.Status.REVIEW_DUE);
        // on the review date itself: still included
        assertThat(PotentiallyDangerousPerson.status(review, review)).isEqualTo(PotentiallyDangerousPerson.Status.REVIEW_DUE);
        // the day after, not renewed: lapsed
        assertThat(PotentiallyDangerousPerson.status(review, LocalDate.of(2025, 4, 1)))
                .isEqualTo(PotentiallyDangerousPerson.Status.LAPSED);
    }

    @Test
    @DisplayName("a PDP needs a reason, evidence and a review date within a year, and is never someone under MAPPA")
    void pdpRefusals() {
        LocalDate inAYear = TODAY.plusDays(365);
        assertThat(PotentiallyDangerousPerson.refusal("Threats to kill ex-partners", "Three DA reports", inAYear, TODAY,
                false)).isNull();
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", inAYear.plusDays(1), TODAY, false))
                .isEqualTo("Set a review date no more than a year ahead");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", TODAY, TODAY, false))
                .isEqualTo("Set a review date after today");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", " ", inAYear, TODAY, false))
                .isEqualTo("Record the evidence the reason rests on");
        assertThat(PotentiallyDangerousPerson.refusal("", "Reports", inAYear, TODAY, false))
                .startsWith("Give the reason");
        assertThat(PotentiallyDangerousPerson.refusal("Threats", "Reports", inAYear, TODAY, true))
                .contains("managed under MAPPA");
    }

    // a case registered 2024-06-01 whose last meeting was 2024-12-01, as of 1 March 2025
    static final LocalDate REGISTERED = LocalDate.of(2024, 6, 1);
    static final LocalDate LAST_MEETING = LocalDate.of(2024, 12, 1);

    static Mappa.MeetingForm meeting(String heldOn, String level, List<String> attending, List<String> apologies,
                                     List<Mappa.ActionForm> actions, String next) {
        return new Mappa.MeetingForm(heldOn, level, "DCI Shah", attending, apologies, "HIGH",
                "Remain at level 2; curfew extended", actions, next);
    }

    static Mappa.CheckedMeeting check(Mappa.MeetingForm f) {
        return Mappa.checkMeeting("OF1", f, REGISTERED, LAST_MEETING, TODAY);
    }

    static final List<String> POLICE_AND_PROBATION = List.of("POLICE", "PROBATION");

    @Test
    @DisplayName("a level 2 meeting held on 20 February with police and probation attending, housing's apologies, an action and the next date is accepted")
    void meetingAccepted() {
        Mappa.CheckedMeeting c = check(meeting("2025-02-20", "2", POLICE_AND_PROBATION, List.of("HOUSING"),
                List.of(new Mappa.ActionForm("POLICE", "Unannounced home visit", "DC Lee", "2025-03-06"),
                        new Mappa.ActionForm("", "", "", "")), "2025-06-12"));
        assertThat(c.ok()).as(c.errors().all().toString()).isTrue();
        // the blank second row is no action; the first is police's, owned by DC Lee, due 2025-03-06
        assertThat(c.accepted().actions()).containsExactly(new Mappa.Action(Mappa.MeetingAgency.POLICE,
                "Unannounced home visit", "DC Lee", LocalDate.of(2025, 3, 6)));
        assertThat(c.accepted().attending()).containsExactlyInAnyOrder(Mappa.MeetingAgency.POLICE,
                Mappa.MeetingAgency.PROBATION);
        assertThat(c.accepted().nextMeetingOn()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(c.accepted().riskReviewed()).isEqualTo(HIGH);
        // held today (1 March) is not in the future; held on the last meeting's day is not before it
        assertThat(check(meeting("2025-03-01", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-04-01")).ok())
                .isTrue();
        assertThat(check(meeting("2024-12-01", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-01-01")).ok())
                .isTrue();
    }

    @Test
    @DisplayName("a meeting cannot be held in the future, before registration, or before the last meeting recorded")
    void meetingDates() {
        assertThat(check(meeting("2025-03-02", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-04-01"))
                .errors().get("heldOn")).isEqualTo("A meeting held cannot be in the future");
        assertThat(Mappa.checkMeeting("OF1", meeting("2024-05-31", "2", POLICE_AND_PROBATION, List.of(), List.of(),
                "2024-07-01"), REGISTERED, null, TODAY).errors().get("heldOn"))
                .isEqualTo("A meeting cannot be before the case was registered (2024-06-01)");
        assertThat(check(meeting("2024-11-30", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-01-01"))
                .errors().get("heldOn")).isEqualTo("A meeting cannot be before the last one recorded (2024-12-01)");
        assertThat(check(meeting("", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-04-01"))
                .errors().get("heldOn")).isEqualTo("Enter the date the meeting was held");
        // the next meeting: required at levels 2 and 3, and after this one (the same day is not after it)
        assertThat(check(meeting("2025-02-20", "3", POLICE_AND_PROBATION, List.of(), List.of(), ""))
                .errors().get("nextMeetingOn")).isEqualTo("Levels 2 and 3 are managed through MAPP meetings: set the next one");
        assertThat(check(meeting("2025-02-20", "2", POLICE_AND_PROBATION, List.of(), List.of(), "2025-02-20"))
                .errors().get("nextMeetingOn")).isEqualTo("The next meeting must be after this one (2025-02-20)");
    }

    @Test
    @DisplayName("at levels 2 and 3 a meeting records at least two agencies attending; at level 1 it need not, nor set a next meeting")
    void meetingAttendance() {
        // police alone at level 2: one agency is not multi-agency
        assertThat(check(meeting("2025-02-20", "2", List.of("POLICE"), List.of("PROBATION"), List.of(), "2025-06-12"))
                .errors().get("attending"))
                .isEqualTo("At level 2 the meeting is multi-agency: record at least 2 agencies attending");
        assertThat(check(meeting("2025-02-20", "3", List.of(), List.of(), List.of(), "2025-04-17"))
                .errors().get("attending"))
                .isEqualTo("At level 3 the meeting is multi-agency: record at least 2 agencies attending");
        // a review that moves the case down to level 1 (ordinary agency management) records no one and no next date
        Mappa.CheckedMeeting down = check(meeting("2025-02-20", "1", List.of(), List.of(), List.of(), ""));
        assertThat(down.ok()).as(down.errors().all().toString()).isTrue();
        assertThat(down.accepted().level()).isEqualTo(Mappa.Level.ONE);
        assertThat(down.accepted().nextMeetingOn()).isNull();
        // an agency cannot both attend and send apologies; agencies come from the list
        assertThat(check(meeting("2025-02-20", "2", POLICE_AND_PROBATION, List.of("POLICE"), List.of(), "2025-06-12"))
                .errors().get("apologies")).isEqualTo("Police cannot both attend and send apologies");
        assertThat(check(meeting("2025-02-20", "2", List.of("POLICE", "MI5"), List.of(), List.of(), "2025-06-12"))
                .errors().get("attending")).isEqualTo("Choose agencies from the list");
        // no chair, no outcome, no risk reviewed
        Mappa.CheckedMeeting bare = check(new Mappa.MeetingForm("2025-02-20", "2", " ", POLICE_AND_PROBATION,
                List.of(), "", "", List.of(), "2025-06-12"));
        assertThat(bare.errors().all()).containsEntry("chair", "Name who chaired the meeting")
                .containsEntry("risk", "Choose the risk of serious harm the meeting reviewed")
                .containsEntry("outcome", "Record the outcome and the decisions made");
    }

    @Test
    @DisplayName("an action begun names its agency, what is to be done, its owner, and a due date not before the meeting")
    void meetingActions() {
        // row 1 has an agency and an action only; row 2 is due the day before the meeting (2025-02-19)
        Mappa.CheckedMeeting c = check(meeting("2025-02-20", "2", POLICE_AND_PROBATION, List.of(), List.of(
                new Mappa.ActionForm("HOUSING", "Find approved premises", "", ""),
                new Mappa.ActionForm("PROBATION", "Review licence", "PO Grant", "2025-02-19"),
                new Mappa.ActionForm("", "Something", "Someone", "2025-03-01")), "2025-06-12"));
        assertThat(c.ok()).isFalse();
        assertThat(c.errors().all())
                .containsEntry("action1Owner", "Action 1: name who owns it")
                .containsEntry("action1Due", "Enter action 1's due date")
                .containsEntry("action2Due", "Action 2 cannot be due before the meeting (2025-02-20)")
                .containsEntry("action3Agency", "Action 3: choose the agency that owns it")
                .doesNotContainKey("action2Owner");
    }
}
