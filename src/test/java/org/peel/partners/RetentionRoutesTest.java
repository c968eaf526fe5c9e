package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MoPI review queue on the web, on 2025-07-01 with default periods. The hand-made force:
 * <pre>
 *   C-SEX   sexual offences  2014-06-01  group 1  due 2024-06-01
 *   DA-1    domestic abuse incident 2014-05-01, group 2, due 2024-05-01
 *   ASB-01 … ASB-24  ASB incidents 2010-01-01 … 2010-01-24, group 3, due 2016-01-01 … 2016-01-24
 *   C-OLD   shoplifting      2018-01-01  group 3  due 2024-01-01
 *   C-NEW   shoplifting      2019-03-01  group 3  due 2025-03-01
 * </pre>
 * Group 3 has 26 records due: its first page of 25 runs ASB-01 to ASB-24 then C-OLD; its second holds C-NEW.
 */
@DisplayName("The records manager reviews records due under MoPI on the web: retain, dispose of, hold and lift")
class RetentionRoutesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    private TestServer server;
    private WebClient records;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), TODAY);
        server.database().jdbi().useHandle(h -> {
            crime(h, "C-SEX", "Sexual offences", "2014-06-01");
            crime(h, "C-OLD", "Shoplifting", "2018-01-01");
            crime(h, "C-NEW", "Shoplifting", "2019-03-01");
            for (int i = 1; i <= 24; i++) {
                h.execute("""
                        insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code)
                        values (?, ?::timestamptz, 'nuisance', 'Noise', ?, 'E05013806')""",
                        String.format("ASB-%02d", i), String.format("2010-01-%02d 10:00+00", i), Fixtures.WESTMINSTER);
            }
            h.execute("""
                    insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral,
                                                         description)
                    values ('DA-1', '2014-05-01 22:00', ?, 'high', false, 'Jo Bloggs hit Sam Bloggs')""",
                    Fixtures.WESTMINSTER);
        });
        records = server.signedIn("rm.okafor", Role.RECORDS_MANAGER, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("the queue groups records by MoPI group, the longest overdue first, 25 a page")
    void queue() {
        String page = records.get("/partners/retention").body();

        assertThat(section(page, 1)).contains("C-SEX").doesNotContain("DA-1");
        assertThat(section(page, 2)).contains("DA-1");
        String group3 = section(page, 3);
        assertThat(group3).contains("26 due", "ASB-01", "C-OLD").doesNotContain("C-NEW");
        assertThat(group3.indexOf("ASB-24")).isLessThan(group3.indexOf("C-OLD"));
        assertThat(group3.indexOf("ASB-01")).isLessThan(group3.indexOf("ASB-02"));

        String second = section(records.get("/partners/retention?page3=2").body(), 3);
        assertThat(second).contains("C-NEW").doesNotContain("C-OLD", "ASB-01");
    }

    @Test
    @DisplayName("filtered to ASB incidents, group 3 holds 39 due, and its page 2 is ASB-28 to ASB-40 then ASB-03, whose"
            + " reviewer set its next review for 2025-06-30")
    void filteredSecondPage() {
        server.database().jdbi().useHandle(h -> {
            for (int i = 25; i <= 41; i++) {
                // ASB-25 … ASB-40 reported 2011-02-01 … 2011-02-16: due 2017-02-01 … 2017-02-16; ASB-41 in 2020,
                // due 2026-01-01: not yet
                h.execute("""
                        insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code)
                        values (?, ?::timestamptz, 'nuisance', 'Noise', ?, 'E05013806')""",
                        String.format("ASB-%02d", i), i == 41 ? "2020-01-01 10:00+00"
                                : String.format("2011-02-%02d 10:00+00", i - 24), Fixtures.WESTMINSTER);
            }
            h.execute("""
                    insert into retention_review (record_type, record_id, mopi_group, decision, reason, reviewed_on,
                                                  reviewed_by, next_review_on)
                    values ('asb_incident', 'ASB-03', 3, 'retain', 'linked to a current problem', '2020-01-01',
                            'rm.okafor', '2025-06-30')""");
            h.execute("""
                    insert into retention_hold (record_type, record_id, kind, reason, placed_on, placed_by)
                    values ('asb_incident', 'ASB-05', 'complaint', 'complaint open', '2025-06-01', 'rm.okafor')""");
        });
        // due by 2025-07-01, ASB incidents only: ASB-01 … ASB-40 (40) less ASB-05 on hold = 39, all group 3, in
        // order: ASB-01, 02, 04, 06 … 24 (22 rows, due January 2016), ASB-25 … 40 (rows 23-38, February 2017), then
        // ASB-03 (row 39, due 2025-06-30). Page 1 is rows 1-25 (to ASB-27); page 2 rows 26-39: ASB-28 … 40, ASB-03.
        String page2 = section(records.get("/partners/retention?kind=asb_incident&page3=2").body(), 3);
        assertThat(page2).contains("39 due", "Showing 26–39 of 39 records in group 3", "ASB-28", "ASB-40",
                "next review set for 2025-06-30")
                .doesNotContain("ASB-27", "ASB-05", "ASB-41", "C-OLD", "C-NEW", "ASB-01");
        assertThat(page2.indexOf("ASB-28")).isLessThan(page2.indexOf("ASB-40"));
        assertThat(page2.indexOf("ASB-40")).isLessThan(page2.indexOf("ASB-03"));
        assertThat(page2).contains("kind=asb_incident&amp;page3=1");

        String unfiltered = records.get("/partners/retention").body();
        // every kind: the 39 ASB incidents with C-OLD and C-NEW make 41 in group 3; C-SEX is group 1's one
        assertThat(section(unfiltered, 3)).contains("41 due");
        assertThat(section(unfiltered, 1)).contains("1 due", "C-SEX");
        assertThat(section(records.get("/partners/retention?kind=asb_incident").body(), 1)).contains("0 due")
                .doesNotContain("C-SEX");
    }

    @Test
    @DisplayName("the records manager's home page says 28 records are due: C-SEX, DA-1, 24 ASB incidents, C-OLD and C-NEW")
    void home() {
        assertThat(records.get("/").body()).contains("28 records due for MoPI review");
    }

    @Test
    @DisplayName("the queue is the records manager's: an administrator and an investigator are refused, and each refusal audited")
    void othersRefused() {
        WebClient admin = server.signedIn("admin.web", Role.ADMINISTRATOR, null);
        WebClient dc = server.signedIn("dc.web", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        assertThat(admin.get("/partners/retention").statusCode()).isEqualTo(403);
        assertThat(dc.get("/partners/retention").statusCode()).isEqualTo(403);
        assertThat(admin.post("/partners/retention/crime/C-OLD/dispose", Map.of("disposeReason", "old"))
                .statusCode()).isEqualTo(403);

        assertThat(count("select count(*) from audit_event where action = 'access-denied'"
                + " and username in ('admin.web', 'dc.web')")).isEqualTo(3);
        assertThat(count("select count(*) from retention_tombstone")).isZero();
    }

    @Test
    @DisplayName("retain with a next review too far off is refused on its field; within the period it is kept, audited with the review")
    void retain() {
        // group 3 from 2025-07-01: no later than 2031-07-01
        HttpResponse<String> late = records.post("/partners/retention/crime/C-OLD/retain",
                Map.of("retainReason", "linked to an open investigation", "nextReview", "2032-01-01"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("must be no later than 2031-07-01");
        assertThat(count("select count(*) from retention_review")).isZero();

        HttpResponse<String> kept = records.post("/partners/retention/crime/C-OLD/retain",
                Map.of("retainReason", "linked to an open investigation", "nextReview", "2027-01-01"));
        assertThat(kept.statusCode()).isEqualTo(302);
        assertThat(one("select next_review_on::text from retention_review where record_id = 'C-OLD'"))
                .isEqualTo("2027-01-01");
        assertThat(one("select xmin::text from audit_event where action = 'retention-retain' and record_id = 'C-OLD'"))
                .isEqualTo(one("select xmin::text from retention_review where record_id = 'C-OLD'"));
        assertThat(records.get("/partners/retention").body()).doesNotContain("C-OLD");
        assertThat(records.get("/partners/retention/crime/C-OLD").body()).contains("2027-01-01");
    }

    @Test
    @DisplayName("dispose of a record through its capability's disposal: tombstone and audit entry in one transaction")
    void dispose() {
        assertThat(records.post("/partners/retention/crime/C-SEX/dispose", Map.of("disposeReason", "")).body())
                .contains("Say why the record is disposed of");

        HttpResponse<String> disposed = records.post("/partners/retention/crime/C-SEX/dispose",
                Map.of("disposeReason", "reviewed: no public protection purpose remains"));

        assertThat(disposed.statusCode()).isEqualTo(302);
        assertThat(one("select xmin::text from audit_event where action = 'retention-dispose' and record_id = 'C-SEX'"))
                .isEqualTo(one("select xmin::text from retention_tombstone where record_id = 'C-SEX'"));
        assertThat(one("select username from audit_event where action = 'retention-dispose'")).isEqualTo("rm.okafor");
        assertThat(records.get("/partners/retention/crime/C-SEX").body()).contains("Disposed of on 2025-07-01");
    }

    @Test
    @DisplayName("hold a record: it leaves the queue and cannot be disposed of; lift it with a reason and it returns")
    void holdAndLift() {
        HttpResponse<String> held = records.post("/partners/retention/domestic_abuse_incident/DA-1/hold",
                Map.of("holdKind", "inquiry", "holdReason", "domestic homicide review"));
        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(one("select xmin::text from audit_event where action = 'retention-hold' and record_id = 'DA-1'"))
                .isEqualTo(one("select xmin::text from retention_hold where record_id = 'DA-1'"));
        assertThat(section(records.get("/partners/retention").body(), 2)).doesNotContain("DA-1");
        assertThat(records.get("/partners/retention/holds").body()).contains("DA-1", "domestic homicide review");

        HttpResponse<String> refused = records.post("/partners/retention/domestic_abuse_incident/DA-1/dispose",
                Map.of("disposeReason", "old"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("DA-1 is on hold (inquiry)");
        assertThat(count("select count(*) from audit_event where action = 'retention-review' and outcome = 'denied'"
                + " and record_id = 'DA-1'")).isEqualTo(1);

        long hold = server.database().jdbi().withHandle(h -> h.createQuery(
                "select id from retention_hold where record_id = 'DA-1'").mapTo(Long.class).one());
        assertThat(records.post("/partners/retention/holds/" + hold + "/lift", Map.of("liftReason", "")).body())
                .contains("Say why the hold is lifted");
        HttpResponse<String> lifted = records.post("/partners/retention/holds/" + hold + "/lift",
                Map.of("liftReason", "review concluded"));
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(one("select lift_reason from retention_hold where id = " + hold)).isEqualTo("review concluded");
        assertThat(one("select xmin::text from audit_event where action = 'retention-hold-lift' and record_id = 'DA-1'"))
                .isEqualTo(one("select xmin::text from retention_hold where id = " + hold));
        assertThat(section(records.get("/partners/retention").body(), 2)).contains("DA-1");
    }

    /** The part of the queue page for one group, from its heading to the next. */
    private static String section(String page, int group) {
        int from = page.indexOf("id=\"group-" + group + "\"");
        int to = page.indexOf("id=\"group-" + (group + 1) + "\"");
        return page.substring(from, to < 0 ? page.length() : to);
    }

    private static void crime(Handle h, String id, String group, String day) {
        h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   domestic_abuse, hate)
                values (?, ?::timestamptz, ?::timestamptz, ?, 'Other crime', ?, false, false)""",
                id, day + " 12:00+00", day + " 12:00+00", group, Fixtures.WESTMINSTER);
    }

    private int count(String sql) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String one(String sql) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
