package org.peel.measure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.Role;
import org.peel.opendata.OpenDataStore;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The Measure pages")
class MeasureRoutesTest {

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        MeasureFixtures.homeOfficeTable(new OpenDataStore(server.database().jdbi()), dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("the Measure section links to Force in numbers, which shows the table and the charts as SVG")
    void forceInNumbers() {
        WebClient client = server.signedIn("analyst", Role.ADMINISTRATOR, null);

        assertThat(client.get("/measure").body()).contains("/measure/force-in-numbers");
        HttpResponse<String> page = client.get("/measure/force-in-numbers?force=E23000001&to=2015-06"
                + "&indicator=violence_with_injury_per_1000");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Force in numbers: Metropolitan Police, 12 months to June 2015")
                .contains("data-indicator=\"recorded_crime_excl_fraud_per_1000\"")
                .contains(">3.5<").contains(">1.5<")
                .contains("data-testid=\"trend-chart\"><svg").contains("data-testid=\"force-bars\"><svg")
                .contains("/measure/area?level=borough&amp;code=E09000033");
    }

    @Test
    @DisplayName("any force and period can be asked for; a bad one is refused with the field named")
    void choices() {
        WebClient client = server.signedIn("analyst", Role.ADMINISTRATOR, null);

        assertThat(client.get("/measure/force-in-numbers?force=E23000035&to=2015-06").body())
                .contains("Force in numbers: Devon and Cornwall");
        HttpResponse<String> bad = client.get("/measure/force-in-numbers?force=E23000001&to=June");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a month YYYY-MM");
    }

    @Test
    @DisplayName("the force's figures can come from Peel's own records; the page says which source each column is from")
    void peelRecords() {
        server.database().jdbi().useHandle(h -> h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   domestic_abuse, hate)
                select 'C' || to_char(m, 'YYYYMM'), m, m, 'Violence with injury', 'Violence and sexual offences',
                       'E09000007', false, false
                from generate_series(timestamp '2014-07-01', timestamp '2015-06-01', interval '1 month') m"""));
        WebClient client = server.signedIn("analyst", Role.ADMINISTRATOR, null);

        String peel = client.get("/measure/force-in-numbers?force=E23000001&to=2015-06&source=peel").body();
        // 12 crimes among the fixture's 100,000 Met residents: 0.1 per 1,000, against England and Wales's 1.5
        assertThat(peel).contains("Metropolitan Police: from Peel's own records")
                .contains("<option value=\"peel\" selected>")
                .contains("source: Peel's own records")
                .contains(">0.1<").contains(">1.5<")
                .contains("/measure/area?level=borough&amp;code=E09000007&amp;to=2015-06&amp;source=peel");
        assertThat(client.get("/measure/force-in-numbers?force=E23000001&to=2015-06").body())
                .contains("Metropolitan Police: from published open data");
        HttpResponse<String> bad = client.get("/measure/force-in-numbers?force=E23000001&to=2015-06&source=gossip");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is public or peel");
    }

    @Test
    @DisplayName("the definitions page gives each indicator's id, version and exact meaning")
    void definitions() {
        WebClient client = server.signedIn("analyst", Role.ADMINISTRATOR, null);

        String body = client.get("/measure/indicators").body();

        assertThat(body).contains("<code>recorded_crime_excl_fraud_per_1000</code> v1")
                .contains("less fraud offences").contains("Violence with injury; Violence without injury");
    }

    @Test
    @DisplayName("a borough drills down to its own figures; a role without Measure is refused")
    void drillDownAndAccess() {
        WebClient analyst = server.signedIn("analyst", Role.ADMINISTRATOR, null);
        WebClient officer = server.signedIn("officer", Role.NEIGHBOURHOOD_OFFICER, "E09000033");

        HttpResponse<String> borough = analyst.get("/measure/area?level=borough&code=E09000033&to=2015-06");

        assertThat(borough.statusCode()).isEqualTo(200);
        assertThat(borough.body()).contains("Westminster").contains("data-testid=\"area-figures\"");
        assertThat(officer.get("/measure/force-in-numbers").statusCode()).isEqualTo(403);
    }
}
