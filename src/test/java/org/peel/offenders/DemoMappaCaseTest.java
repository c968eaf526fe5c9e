package org.peel.offenders;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.TestDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo force records MAPPA cases through the MAPPA form's own checks")
class DemoMappaCaseTest {

    static final LocalDate REGISTERED = LocalDate.of(2024, 10, 1);
    static final LocalDate TODAY = LocalDate.of(2025, 1, 1);
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    TestDatabase.Fresh db;
    MappaRecording recording;
    AuditTrail audit;

    @BeforeEach
    void seed() {
        db = TestDatabase.fresh();
        IomTestData.seed(db.jdbi());
        recording = new MappaRecording(new MappaStore(db.jdbi()), new IomStore(db.jdbi()));
        audit = new AuditTrail(db.jdbi(), IomTestData.NEW_YEAR_2025);
    }

    static Mappa.Form form(String offender, String level, String meeting) {
        return new Mappa.Form(offender, "2", level, "PROBATION", "HIGH", "Licence conditions: curfew", meeting);
    }

    MappaRecording.Recorded demo(Mappa.Form f, LocalDate visited) {
        return db.jdbi().inTransaction(h -> DemoIomPass.registerMappaCase(h, recording, audit, f, REGISTERED, visited,
                TODAY, NOW));
    }

    int held() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from mappa_case").mapTo(Integer.class).one());
    }

    @Test
    @DisplayName("refuses what the form refuses: level 2 with no meeting, a meeting before registration, an unknown offender, no plan")
    void refusals() {
        // given the form's messages for the same fields (MappaRoutes shows Mappa.check's words)
        Map<String, String> noMeeting = demo(form("OFB", "2", ""), null).errors().all();
        Map<String, String> pastMeeting = demo(form("OFB", "3", "2024-09-30"), null).errors().all();
        Map<String, String> unknown = demo(form("NOBODY", "1", ""), null).errors().all();
        Map<String, String> noPlan = demo(new Mappa.Form("OFB", "1", "1", "POLICE", "LOW", " ", ""), null).errors().all();
        // then each is refused on its field, and nothing is stored or audited
        assertThat(noMeeting).containsEntry("nextMeetingOn",
                "Levels 2 and 3 are managed through MAPP meetings: set the next one");
        assertThat(pastMeeting).containsEntry("nextMeetingOn",
                "The next MAPP meeting cannot be before the case is registered (2024-10-01)");
        assertThat(unknown).containsEntry("offenderId", "No offender NOBODY is held");
        assertThat(noPlan).containsEntry("plan", "Record the risk management plan");
        assertThat(held()).isZero();
        int audited = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where username = 'demo'").mapTo(Integer.class).one());
        assertThat(audited).isZero();
    }

    @Test
    @DisplayName("records an acceptable case on its registration day, and a visit only between registration and today")
    void accepted() {
        // when OFB is registered on 2024-10-01 at level 2 with a meeting on 2024-10-29, visited 2024-12-01
        MappaRecording.Recorded r = demo(form("OFB", "2", "2024-10-29"), LocalDate.of(2024, 12, 1));
        // then the case holds those dates; its meeting has since passed, so it is overdue today
        assertThat(r.ok()).isTrue();
        MappaStore.Stored stored = new MappaStore(db.jdbi()).cases(null).get(0);
        assertThat(stored.facts().registeredOn()).isEqualTo(REGISTERED);
        assertThat(stored.facts().lastVisitOn()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(Mappa.review(stored.facts(), TODAY, Mappa.DEFAULT_VISIT_DAYS).meeting())
                .isEqualTo(Mappa.Status.OVERDUE);
        // and a visit before registration, or after today, is refused as the visit form refuses it
        assertThat(db.jdbi().inTransaction(h -> recording.visit(h, "OFB", LocalDate.of(2024, 9, 1), TODAY, "demo", NOW))
                .errors().get("visitOn")).isEqualTo("A visit cannot be before the case was registered (2024-10-01)");
        assertThat(db.jdbi().inTransaction(h -> recording.visit(h, "OFB", LocalDate.of(2025, 1, 2), TODAY, "demo", NOW))
                .errors().get("visitOn")).isEqualTo("A visit cannot be in the future");
        // the case and its visit are audited as the demo's
        String actions = db.jdbi().withHandle(h -> h.createQuery(
                "select string_agg(action, ',' order by id) from audit_event where username = 'demo'")
                .mapTo(String.class).one());
        assertThat(actions).isEqualTo("mappa-case.record,mappa-visit.record");
    }

    @Test
    @DisplayName("holds a level 2 case's meetings every 16 weeks and a level 3 case's every 8, through the meeting form's checks")
    void meetingsHeld() {
        // given OFB at level 2 and OFD at level 3, both registered 2024-10-01 with a first meeting on 2024-10-29
        demo(form("OFB", "2", "2024-10-29"), null);
        demo(form("OFD", "3", "2024-10-29"), null);
        // when the demo holds their meetings up to 2025-01-01
        int level2 = db.jdbi().inTransaction(h -> DemoIomPass.holdMeetings(h, recording, audit, "OFB", Mappa.Level.TWO,
                Mappa.RiskOfSeriousHarm.HIGH, false, LocalDate.of(2024, 10, 29), TODAY, NOW));
        int level3 = db.jdbi().inTransaction(h -> DemoIomPass.holdMeetings(h, recording, audit, "OFD", Mappa.Level.THREE,
                Mappa.RiskOfSeriousHarm.VERY_HIGH, true, LocalDate.of(2024, 10, 29), TODAY, NOW));
        // then level 2: 2024-10-29 only, its next 112 days on (2 + 30 + 31 + 31 + 18), 2025-02-18, after today;
        // level 3: 2024-10-29 and 56 days on, 2024-12-24 (2 + 30 + 24), its next again 56 days on, 2025-02-18
        assertThat(level2).isEqualTo(1);
        assertThat(level3).isEqualTo(2);
        MappaStore store = new MappaStore(db.jdbi());
        assertThat(store.meetings("OFD")).extracting(m -> m.meeting().heldOn().toString())
                .containsExactly("2024-12-24", "2024-10-29");
        assertThat(store.meetings("OFD").get(0).meeting().attending()).contains(Mappa.MeetingAgency.CHILDREN);
        assertThat(store.meetings("OFD").get(0).meeting().actions()).hasSize(2);
        MappaStore.Stored ofd = db.jdbi().withHandle(h -> store.caseOf(h, "OFD")).orElseThrow();
        assertThat(ofd.facts().nextMeetingOn()).isEqualTo(LocalDate.of(2025, 2, 18));
        assertThat(ofd.facts().risk()).isEqualTo(Mappa.RiskOfSeriousHarm.VERY_HIGH);
        assertThat(Mappa.review(ofd.facts(), TODAY, Mappa.DEFAULT_VISIT_DAYS).meeting()).isEqualTo(Mappa.Status.IN_TIME);
        int meetingsAudited = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where username = 'demo' and action = 'mappa-meeting.record'")
                .mapTo(Integer.class).one());
        assertThat(meetingsAudited).isEqualTo(3);
        // a meeting the form would refuse (held before the last one) is refused for the demo too
        assertThat(db.jdbi().inTransaction(h -> recording.holdMeeting(h, "OFD", new Mappa.MeetingForm("2024-11-01",
                "3", "Chair", List.of("POLICE", "PROBATION"), List.of(), "HIGH", "Kept", List.of(), "2025-03-01"),
                TODAY, "demo", NOW)).errors().get("heldOn"))
                .isEqualTo("A meeting cannot be before the last one recorded (2024-12-24)");
    }

    static PotentiallyDangerousPerson.Form pdp(String offender, String review) {
        return new PotentiallyDangerousPerson.Form(IomTestData.CAMDEN, "Cal Cooper", offender,
                "Repeated stalking and harassment of former partners; no MAPPA-qualifying conviction",
                "3 stalking and harassment offences on the resolved history", review);
    }

    MappaRecording.Included includePdp(PotentiallyDangerousPerson.Form f, LocalDate on) {
        return db.jdbi().inTransaction(h -> DemoIomPass.includePdp(h, recording, audit, f, on, NOW));
    }

    @Test
    @DisplayName("a demo potentially dangerous person failing any of the form's checks is refused: under MAPPA, unknown, review too far ahead")
    void pdpRefused() {
        // given OFB registered under MAPPA in the same transaction as the demo's inclusion would be
        // when the demo includes OFB, an unknown nominal, and OFC with a review 366 days after inclusion
        Map<String, String> underMappa = db.jdbi().inTransaction(h -> {
            DemoIomPass.registerMappaCase(h, recording, audit, form("OFB", "1", ""), REGISTERED, null, TODAY, NOW);
            return DemoIomPass.includePdp(h, recording, audit, pdp("OFB", "2025-06-01"), TODAY, NOW).errors().all();
        });
        Map<String, String> unknown = includePdp(pdp("NOBODY", "2025-06-01"), TODAY).errors().all();
        // 2025-01-01 + 366 days = 2026-01-02 (2025 has 365 days)
        Map<String, String> tooFar = includePdp(pdp("OFC", "2026-01-02"), TODAY).errors().all();
        Map<String, String> noSubject = includePdp(new PotentiallyDangerousPerson.Form(IomTestData.CAMDEN, " ", "OFC",
                "Threats", "Reports", "2025-06-01"), TODAY).errors().all();
        // then each is refused with the form's words on the form's field, and nothing is included
        assertThat(underMappa).containsEntry("pdpOffenderId",
                "This person is managed under MAPPA, so is not a potentially dangerous person");
        assertThat(unknown).containsEntry("pdpOffenderId", "No offender NOBODY is held");
        assertThat(tooFar).containsEntry("reviewOn", "Set a review date no more than a year ahead");
        assertThat(noSubject).containsEntry("subject", "Name the person");
        MappaStore store = new MappaStore(db.jdbi());
        assertThat(store.pdps(null)).isEmpty();
        // and OFC with a review 365 days ahead, 2026-01-01, is included and audited as the demo's
        assertThat(includePdp(pdp("OFC", "2026-01-01"), TODAY).ok()).isTrue();
        assertThat(store.pdps(null)).extracting(MappaStore.Pdp::offenderId).containsExactly("OFC");
        int audited = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where username = 'demo' and action = 'pdp.include'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }
}
