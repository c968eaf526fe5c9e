package org.peel.inspection;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection's records over a real database and server: crimes of the Met (Camden, E09000007) and of Kent's
 * nothing, the sample's frame read through investigation's published view, and who may record what, audited.
 */
@DisplayName("Inspection records: the sample's frame, the same sample again from its seed, and who may record")
class InspectionRecordsTest {

    private static TestServer server;
    private static InspectionStore store;
    private static final YearMonth MARCH_2016 = YearMonth.of(2016, 3);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        store = new InspectionStore(server.database().jdbi());
        server.database().jdbi().useHandle(h -> {
            String crime = "insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                    + " borough_code, domestic_abuse, hate) values (?, ?::timestamptz, ?::timestamptz, ?,"
                    + " 'Other crime', 'E09000007', false, false)";
            String[] groups = {"Sexual offences", "Residential burglary", "Violence with injury",
                    "Violence without injury", "Shoplifting"};
            for (int i = 0; i < 50; i++) {
                String at = YearMonth.of(2015, 4).plusMonths(i % 12) + "-15 12:00Z";
                h.execute(crime, String.format("K%03d", i), at, at, groups[i % groups.length]);
            }
            // the sexual offences recorded as rape (Home Office classes 19C to 19H) are the rape stratum
            h.execute("insert into crime_flag (crime_id, flag) select id, 'RAPE' from crime"
                    + " where offence_group = 'Sexual offences' and id <> 'OLD'");
            // a rape flag on a burglary is a recording error, not a rape
            h.execute("insert into crime_flag (crime_id, flag) values ('K001', 'RAPE')");
            // recorded before the period: never in its sample
            h.execute(crime, "OLD", "2015-03-31 12:00Z", "2015-03-31 12:00Z", "Sexual offences");
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("the frame is the force's 50 crimes recorded April 2015 to March 2016; 3 of each kind from seed 42"
            + " are drawn again the same, and kept with their seed")
    void sampleFromPublishedView() {
        List<CaseFileSample.Candidate> frame = store.candidates("E23000001", MARCH_2016);
        assertThat(frame).hasSize(50).noneMatch(c -> c.crimeId().equals("OLD"));
        assertThat(store.candidates("E23000031", MARCH_2016)).isEmpty();

        List<CaseFileSample.Drawn> drawn = CaseFileSample.draw(frame, 42, 3);
        assertThat(CaseFileSample.draw(store.candidates("E23000001", MARCH_2016), 42, 3)).isEqualTo(drawn);
        assertThat(drawn).hasSize(12);
        String id = store.jdbi().inTransaction(h -> store.keepSample(h, "E23000001", MARCH_2016, 42, 3, drawn,
                "analyst", java.time.Instant.parse("2016-04-02T09:00:00Z")));
        InspectionStore.Sample kept = store.latestSample("E23000001", MARCH_2016).orElseThrow();
        assertThat(kept.id()).isEqualTo(id);
        assertThat(kept.seed()).isEqualTo(42);
        assertThat(kept.crimes()).isEqualTo(drawn);
    }

    @Test
    @DisplayName("investigation publishes a crime as rape when it is a sexual offence recorded as rape (Home Office"
            + " classes 19C to 19H): the sample's rape files are those, not sexual offences as a whole")
    void rapeFromTheClassification() {
        java.util.Map<String, Boolean> rape = new java.util.HashMap<>();
        store.jdbi().useHandle(h -> h.createQuery("select id, rape from investigation_crime_v2_published")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getBoolean(2)))
                .forEach(e -> rape.put(e.getKey(), e.getValue())));

        assertThat(rape).containsEntry("K000", true).containsEntry("OLD", false).containsEntry("K001", false);
        // K000, K005 … K045: the ten sexual offences of the period, every one recorded as rape
        List<CaseFileSample.Candidate> frame = store.candidates("E23000001", MARCH_2016);
        assertThat(frame.stream().filter(CaseFileSample.Candidate::rape)).hasSize(10)
                .allMatch(c -> c.offenceGroup().equals("Sexual offences"));
        assertThat(CaseFileSample.draw(frame, 42, 3).stream()
                .filter(d -> d.stratum() == CaseFileSample.Stratum.RAPE))
                .hasSize(3).allMatch(d -> rape.get(d.crimeId()));
    }

    @Test
    @DisplayName("a crime management supervisor may read the inspection but not record a judgement: refused and audited")
    void supervisorRefused() {
        WebClient supervisor = server.signedIn("cms.one", Role.CRIME_MANAGEMENT_SUPERVISOR, "E09000007");

        assertThat(supervisor.get("/inspection?force=E23000001&to=2016-03").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = supervisor.post("/inspection/judge", Map.of("force", "E23000001",
                "to", "2016-03", "question", "q1", "grade", "good", "reasons", "r", "evidence", "e"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(audited("cms.one", "access-denied")).isEqualTo(1);
        assertThat(store.judgements("E23000001", MARCH_2016)).doesNotContainKey("q1");
    }

    @Test
    @DisplayName("an inspector's judgement is kept with who and when, audited in the same transaction; a judgement"
            + " without evidence is refused naming the field")
    void inspectorJudges() {
        WebClient inspector = server.signedIn("hmi.two", Role.INSPECTOR, null);

        HttpResponse<String> missing = inspector.post("/inspection/judge", Map.of("force", "E23000001",
                "to", "2016-03", "question", "q4", "grade", "good", "reasons", "Groups are well understood.",
                "evidence", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Name the evidence the judgement rests on").contains("href=\"#evidence\"");

        HttpResponse<String> done = inspector.post("/inspection/judge", Map.of("force", "E23000001",
                "to", "2016-03", "question", "q4", "grade", "good", "reasons", "Groups are well understood.",
                "evidence", "OCG register reviewed"));
        assertThat(done.statusCode()).isEqualTo(302);
        Judgement j = store.judgements("E23000001", MARCH_2016).get("q4");
        assertThat(j.grade()).isEqualTo(Grade.GOOD);
        assertThat(j.recordedBy()).isEqualTo("hmi.two");
        assertThat(audited("hmi.two", "inspection.judge")).isEqualTo(1);
    }

    @Test
    @DisplayName("a focus group's note is recorded with who was heard and when, audited, listed, and shown under each"
            + " sub-question it is tagged to on the inspection page and in the report; one without a tag is refused")
    void notesTaggedToSubQuestions() {
        WebClient inspector = server.signedIn("hmi.four", Role.INSPECTOR, null);
        HttpResponse<String> untagged = inspector.post("/inspection/notes", Map.of("force", "E23000001",
                "to", "2016-01", "kind", "focus_group", "heldOn", "2016-01-20", "roleGroup", "response officers",
                "summary", "Officers do not know the DA risk tool."));
        assertThat(untagged.statusCode()).isEqualTo(400);
        assertThat(untagged.body()).contains("Choose at least one sub-question the note speaks to");

        HttpResponse<String> done = inspector.post("/inspection/notes", Map.of("force", "E23000001",
                "to", "2016-01", "kind", "focus_group", "heldOn", "2016-01-20", "roleGroup", "response officers",
                "summary", "Officers do not know the DA risk tool.", "tags", "q3.0"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(audited("hmi.four", "inspection.note")).isEqualTo(1);
        // a second note speaks to two sub-questions at once
        store.jdbi().useTransaction(h -> store.note(h, "E23000001", YearMonth.of(2016, 1), "interview",
                java.time.LocalDate.parse("2016-01-21"), "IOM partners", "Cohort rules differ by borough.",
                List.of("q2.3", "q3.0"), "hmi.four", java.time.Instant.parse("2016-01-21T15:00:00Z")));

        String list = inspector.get("/inspection/notes?force=E23000001&to=2016-01").body();
        assertThat(list).contains("Focus group with response officers").contains("20 January 2016")
                .contains("Interview with IOM partners").contains("q2.3, q3.0");
        assertThat(audited("hmi.four", "inspection.notes.view")).isEqualTo(1);

        String home = inspector.get("/inspection?force=E23000001&to=2016-01").body();
        String q23 = home.substring(home.indexOf("data-subquestion=\"q2.3\""), home.indexOf("id=\"q3\""));
        assertThat(q23).contains("Cohort rules differ by borough.").doesNotContain("DA risk tool");
        assertThat(q23).contains("IOM cohort departures by borough");

        String report = inspector.get("/inspection/report?force=E23000001&to=2016-01").body();
        String q3 = report.substring(report.indexOf("data-question=\"q3\""), report.indexOf("data-question=\"q4\""));
        assertThat(q3).contains("Focus group with response officers, 20 January 2016: Officers do not know the DA"
                + " risk tool.").contains("Interview with IOM partners").contains("Missing children offered a"
                + " return interview within 72 hours");
    }

    @Test
    @DisplayName("a file reviewed on the template rolls up to its questions in the report: vulnerability identified"
            + " to Q3, the rest to Q2")
    void reviewRollsUp() {
        WebClient inspector = server.signedIn("hmi.three", Role.INSPECTOR, null);
        assertThat(inspector.post("/inspection/sample", Map.of("force", "E23000001", "to", "2016-02", "seed", "7",
                "perStratum", "2")).statusCode()).isEqualTo(302);
        String crime = store.latestSample("E23000001", YearMonth.of(2016, 2)).orElseThrow().crimes().get(0).crimeId();

        HttpResponse<String> incomplete = inspector.post("/inspection/review", Map.of("force", "E23000001",
                "to", "2016-02", "crime", crime, "vulnerability_identified", "yes"));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("href=\"#supervision\"");

        Map<String, String> answers = new java.util.HashMap<>(Map.of("force", "E23000001", "to", "2016-02",
                "crime", crime, "vulnerability_identified", "no", "opportunities_prompt", "yes", "supervision",
                "partly", "victim_contact", "yes", "outcome_appropriate", "not_applicable"));
        assertThat(inspector.post("/inspection/review", answers).statusCode()).isEqualTo(302);

        String report = inspector.get("/inspection/report?force=E23000001&to=2016-02").body();
        String q2 = report.substring(report.indexOf("data-question=\"q2\""), report.indexOf("data-question=\"q3\""));
        String q3 = report.substring(report.indexOf("data-question=\"q3\""), report.indexOf("data-question=\"q4\""));
        assertThat(q2).contains("Supervision").contains("0 of 1 yes, 1 partly, 0 no");
        assertThat(q3).contains("Vulnerability identified").contains("0 of 1 yes, 0 partly, 1 no");
        assertThat(audited("hmi.three", "inspection.review")).isEqualTo(1);
    }

    private static long audited(String username, String action) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from audit_event where username = :u and action = :a")
                .bind("u", username).bind("a", action).mapTo(Long.class).one());
    }
}
