package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Ward profiles: computed facts beside the team's priorities, reviewed a year on")
class WardProfileTest {

    @Test
    @DisplayName("trends are worded from hand-worked counts")
    void trends() {
        assertThat(new WardProfile.Trend(125, 100).describe()).isEqualTo("up 25% on the previous 12 months");
        assertThat(new WardProfile.Trend(90, 100).describe()).isEqualTo("down 10% on the previous 12 months");
        assertThat(new WardProfile.Trend(100, 100).describe()).isEqualTo("no change on the previous 12 months");
        assertThat(new WardProfile.Trend(3, 0).describe()).isEqualTo("none in the previous 12 months");
        assertThat(new WardProfile.Trend(0, 0).describe()).isEqualTo("none in either period");
    }

    @Test
    @DisplayName("a ward's facts, its priorities with a review date a year on, and overdue profiles listed")
    void profilePage() {
        try (TestServer server = TestServer.start()) {
            LocalDateTime newest = LocalDateTime.of(2026, 10, 31, 12, 0);
            server.database().jdbi().useHandle(h -> {
                h.execute("insert into ward (code, name, borough_code) values ('E05TEST01', 'Test Ward', 'E09000033'),"
                        + " ('E05TEST02', 'Other Ward', 'E09000033')");
                h.execute("insert into lsoa (code, name, ward_code, borough_code) values"
                        + " ('E01TEST01', 'Test 001A', 'E05TEST01', 'E09000033')");
                int n = 0;
                // three ASB incidents this year for one victim, one the year before
                for (LocalDateTime at : new LocalDateTime[]{newest, newest.minusMonths(2), newest.minusMonths(6),
                        newest.minusMonths(14)}) {
                    n++;
                    h.execute("insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code,"
                            + " lsoa_code) values (?, ?, 'personal', 'Noise', 'E09000033', 'E05TEST01', 'E01TEST01')",
                            "T-ASB" + n, at);
                    h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname,"
                            + " date_of_birth, recorded_at) values (?, 'asb_incident', ?, 'victim', 'Rosa', 'Parks',"
                            + " '1960-02-04', ?)", "T-PR" + n, "T-ASB" + n, at);
                }
                for (LocalDateTime at : new LocalDateTime[]{newest.minusMonths(1), newest.minusMonths(13),
                        newest.minusMonths(15)}) {
                    n++;
                    h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type,"
                            + " borough_code, ward_code, lsoa_code, domestic_abuse, hate) values (?, ?, ?, 'Theft',"
                            + " 'Other theft', 'E09000033', 'E05TEST01', 'E01TEST01', false, false)", "T-CR" + n, at, at);
                }
                h.execute("insert into ward_profile (ward_code, priorities, written_by, written_at, review_due) values"
                        + " ('E05TEST02', 'Old priorities', 'pc.old', now() - interval '13 months', ?)",
                        LocalDate.now().minusMonths(1));
            });
            WebClient pc = server.signedIn("pc.ward", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

            String page = pc.get("/prevention/wards/E05TEST01").body();
            assertThat(page).contains("Twelve months from 2025-11-01 to 2026-10-31")
                    .contains("3, up 200% on the previous 12 months") // ASB: 3 against 1
                    .contains("1, down 50% on the previous 12 months") // crime: 1 against 2
                    .contains("1 with 3 or more incidents in 12 months")
                    .contains("Test 001A")
                    .contains("No priorities written yet");

            HttpResponse<String> empty = pc.post("/prevention/wards/E05TEST01/priorities", Map.of("priorities", " "));
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("Write the ward's priorities");
            assertThat(pc.post("/prevention/wards/E05TEST01/priorities",
                    Map.of("priorities", "Noise from the Test Street flats")).statusCode()).isEqualTo(302);
            assertThat(pc.get("/prevention/wards/E05TEST01").body()).contains("Noise from the Test Street flats")
                    .contains("Review due " + LocalDate.now().plusYears(1));

            String list = pc.get("/prevention/wards").body();
            assertThat(list).contains("Overdue for review or never written (1)").contains("Other Ward");
            assertThat(pc.get("/").body()).contains("1 ward profile overdue for review");

            WebClient camden = server.signedIn("pc.camden", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
            assertThat(camden.get("/prevention/wards/E05TEST01").statusCode()).isEqualTo(403);
        }
    }
}
