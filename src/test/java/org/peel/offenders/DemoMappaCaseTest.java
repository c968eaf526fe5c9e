package org.peel.offenders;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.TestDatabase;

import java.time.Instant;
import java.time.LocalDate;
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
}
