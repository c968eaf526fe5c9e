package org.peel.prevention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Prevention: each change and its audit entry commit together, after the change is checked")
class PreventionChangeAuditTest {

    private static final String CSV = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
            + "LSOA name,Crime type,Last outcome category,Context\n"
            + ",2017-01,MPS,MPS,-0.141,51.501,On or near Test Street,E01AUD001,Westminster 001A,Anti-social behaviour,,\n";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05AUD001', 'Audit Ward', ?)", Fixtures.WESTMINSTER);
            h.execute("insert into lsoa (code, name, ward_code, borough_code) values"
                    + " ('E01AUD001', 'Westminster 001A', 'E05AUD001', ?)", Fixtures.WESTMINSTER);
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<AuditTrail.Entry> entries(String username) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, null), 100);
    }

    private static long count(String sql, Object arg) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(Long.class).one());
    }

    /** Makes the audit trail refuse entries with this action, runs {@code body}, then lets it accept them again. */
    private static void withEntriesRefused(String action, Runnable body) {
        // a trigger only the schema's owner may add
        server.database().ownerJdbi().useHandle(h -> {
            h.execute("""
                    create or replace function test_refuse_entry() returns trigger language plpgsql as $$
                    begin raise exception 'audit trail unavailable'; end $$""");
            h.execute("create trigger test_refuse_entry before insert on audit_event for each row"
                    + " when (new.action = '" + action + "') execute function test_refuse_entry()");
        });
        try {
            body.run();
        } finally {
            server.database().ownerJdbi().useHandle(h -> h.execute("drop trigger test_refuse_entry on audit_event"));
        }
    }

    private static String openCase(WebClient pc, String title) {
        pc.get("/prevention/cases");
        HttpResponse<String> opened = pc.post("/prevention/cases", Map.of("title", title, "subjectType", "place",
                "subject", "Stairwell B, Test Estate"));
        assertThat(opened.statusCode()).isEqualTo(302);
        return opened.headers().firstValue("Location").orElseThrow();
    }

    @Test
    @DisplayName("opening a problem-solving case leaves one entry naming the case; a stage move refused for want of notes leaves none")
    void problemCaseAudited() {
        // given a neighbourhood officer who opens a case
        WebClient pc = server.signedIn("pc.case", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        String path = openCase(pc, "Needles in the stairwell");
        String caseId = path.substring(path.lastIndexOf('/') + 1);

        // then the trail names the case opened, and holds no entry written before the input was checked
        assertThat(entries("pc.case")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("problem-case.open");
            assertThat(e.recordId()).isEqualTo(caseId);
        }).noneSatisfy(e -> assertThat(e.action()).isEqualTo("change"));

        // when they try to move it on without notes
        pc.get(path);
        int before = entries("pc.case").size();
        HttpResponse<String> blank = pc.post(path + "/stage", Map.of("notes", ""));

        // then it is refused, and nothing new but the read of the page is in the trail
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(entries("pc.case").subList(0, entries("pc.case").size() - before))
                .noneSatisfy(e -> assertThat(e.action()).isIn("change", "problem-case.stage"));
    }

    @Test
    @DisplayName("when the stage move's entry cannot be written, the case stays where it was")
    void problemCaseStageRolledBackWithItsEntry() {
        // given an open case at the scan stage
        WebClient pc = server.signedIn("pc.stage", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        String path = openCase(pc, "Fly-tipping behind the shops");
        String caseId = path.substring(path.lastIndexOf('/') + 1);
        pc.get(path);

        // when the stage move's audit entry fails
        withEntriesRefused("problem-case.stage", () ->
                assertThat(pc.post(path + "/stage", Map.of("notes", "Three reports a week")).statusCode()).isEqualTo(500));

        // then the case has not moved, and its scan notes were not saved
        assertThat(count("select count(*) from problem_case where id = ? and stage = 'scan' and scan_notes is null",
                caseId)).isEqualTo(1);
    }

    @Test
    @DisplayName("a ward's priorities are audited when written, and not written when their entry cannot be")
    void wardPrioritiesAudited() {
        // given a neighbourhood officer of the ward's borough
        WebClient pc = server.signedIn("pc.ward", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/wards");

        // when their entry cannot be written, the priorities are not saved
        withEntriesRefused("priorities", () -> assertThat(pc.post("/prevention/wards/E05AUD001/priorities",
                Map.of("priorities", "Street drinking")).statusCode()).isEqualTo(500));
        assertThat(count("select count(*) from ward_profile where ward_code = ?", "E05AUD001")).isZero();

        // when it can, they are saved with an entry naming the ward
        assertThat(pc.post("/prevention/wards/E05AUD001/priorities", Map.of("priorities", "Street drinking"))
                .statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from ward_profile where ward_code = ?", "E05AUD001")).isEqualTo(1);
        assertThat(entries("pc.ward")).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("priorities");
            assertThat(e.recordId()).isEqualTo("E05AUD001");
        });
    }

    @Test
    @DisplayName("a police.uk import is refused to a borough's officer by the policy, audited; an import whose entry fails keeps no rows")
    void policeUkImportAudited() {
        // given a borough officer and a force-wide analyst
        WebClient pc = server.signedIn("pc.puk", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        WebClient analyst = server.signedIn("ia.puk", Role.INTELLIGENCE_ANALYST, null);

        // when the officer imports, they are refused and the refusal names the duty
        HttpResponse<String> refused = pc.postJson("/api/v1/asb-incidents/police-uk?file=x.csv", CSV,
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Importing police.uk files is for");
        assertThat(entries("pc.puk")).filteredOn(e -> e.action().equals("access-denied")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("Importing police.uk files is for"));

        // when the analyst's import cannot be audited, nothing of the file is kept
        withEntriesRefused("import", () -> assertThat(analyst.postJson(
                "/api/v1/asb-incidents/police-uk?file=2017-01-audit.csv", CSV,
                Map.of("X-CSRF-Token", analyst.csrfToken())).statusCode()).isEqualTo(500));
        assertThat(count("select count(*) from asb_incident where lsoa_code = ?", "E01AUD001")).isZero();

        // and when it can, the rows and the entry are both there
        assertThat(analyst.postJson("/api/v1/asb-incidents/police-uk?file=2017-01-audit.csv", CSV,
                Map.of("X-CSRF-Token", analyst.csrfToken())).statusCode()).isEqualTo(201);
        assertThat(count("select count(*) from asb_incident where lsoa_code = ?", "E01AUD001")).isEqualTo(1);
        assertThat(entries("ia.puk")).anySatisfy(e -> assertThat(e.action()).isEqualTo("import"));
    }

    @Test
    @DisplayName("an analyst who must state a purpose is asked for it before a case's page is shown, and the read is audited with it")
    void casePageAsksForPurpose() {
        // given a case opened by Westminster's team, and a force-wide intelligence analyst
        WebClient pc = server.signedIn("pc.purpose", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        String path = openCase(pc, "Begging at the station");
        String caseId = path.substring(path.lastIndexOf('/') + 1);
        WebClient analyst = server.signedIn("ia.case", Role.INTELLIGENCE_ANALYST, null);

        // when the analyst opens the case without a purpose, they are asked for one and shown nothing of the case
        HttpResponse<String> asked = analyst.get(path);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("State your purpose").doesNotContain("Begging at the station");

        // when they give one, the case is shown and the read is audited with it
        assertThat(analyst.get(path + "?purpose=Operation+Wren").body()).contains("Begging at the station");
        assertThat(entries("ia.case")).filteredOn(e -> e.action().equals("view")).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(caseId);
            assertThat(e.purpose()).isEqualTo("Operation Wren");
        });
    }
}
