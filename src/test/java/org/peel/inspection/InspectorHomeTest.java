package org.peel.inspection;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector's home page lists what they must review: the case files of the latest sample not yet reviewed, and
 * areas for improvement still open past their due date. Six Camden crimes of 2015; a sample of one per kind.
 */
@DisplayName("The inspector's home page: the sample's files left to review and areas for improvement past due")
class InspectorHomeTest {

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
                    "Violence without injury", "Shoplifting", "Shoplifting"};
            for (int i = 0; i < groups.length; i++) {
                String at = YearMonth.of(2015, 5 + i) + "-15 12:00Z";
                h.execute(crime, "H00" + i, at, at, groups[i]);
            }
            h.execute("insert into crime_flag (crime_id, flag) values ('H000', 'RAPE')");
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("with a sample drawn and one file reviewed, the home page says how many are left and opens the next;"
            + " an improvement due last year and still open is listed as past due")
    void reviewsDue() {
        WebClient inspector = server.signedIn("hmi.home", Role.INSPECTOR, null);
        assertThat(inspector.post("/inspection/sample", Map.of("force", "E23000001", "to", "2016-03", "seed", "5",
                "perStratum", "1")).statusCode()).isEqualTo(302);
        InspectionStore.Sample sample = store.latestSample("E23000001", MARCH_2016).orElseThrow();
        int drawn = sample.crimes().size();
        String first = sample.crimes().get(0).crimeId();
        assertThat(inspector.post("/inspection/review", Map.of("force", "E23000001", "to", "2016-03", "crime", first,
                "vulnerability_identified", "yes", "opportunities_prompt", "yes", "supervision", "yes",
                "victim_contact", "yes", "outcome_appropriate", "yes")).statusCode()).isEqualTo(302);
        store.jdbi().useTransaction(h -> store.raise(h, "E23000001", MARCH_2016, "q2", "Supervision of volume crime",
                "Review every crime at 28 days", "Det Supt Crime", LocalDate.of(2016, 9, 30), "hmi.home",
                Instant.parse("2016-04-01T09:00:00Z")));

        String home = inspector.get("/").body();

        String next = sample.crimes().get(1).crimeId();
        assertThat(home).contains((drawn - 1) + " case files in the sample to review")
                .contains("1 of " + drawn + " reviewed so far, for the year to 2016-03")
                .contains("/inspection/review?force=E23000001&amp;to=2016-03&amp;crime=" + next)
                .contains("1 area for improvement past due");
    }

    @Test
    @DisplayName("a neighbourhood officer's home page has no inspection items")
    void notForOthers() {
        WebClient officer = server.signedIn("pc.home", Role.NEIGHBOURHOOD_OFFICER, "E09000007");
        assertThat(officer.get("/").body()).doesNotContain("case file").doesNotContain("area for improvement");
    }
}
