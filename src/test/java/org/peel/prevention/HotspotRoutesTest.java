package org.peel.prevention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.SharedData;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The hotspot map page")
class HotspotRoutesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("draws the forecast cells as SVG with peel's and the baselines' hit rate and PAI beside it")
    void mapWithMetrics() {
        SharedData.require("police-uk/street/2014-11/2014-11-city-of-london-street.csv.gz");
        WebClient analyst = server.signedIn("analyst.map", Role.PERFORMANCE_ANALYST, null);

        HttpResponse<String> r = analyst.get(
                "/prevention/hotspots?force=city-of-london&crimeType=Anti-social+behaviour&testMonth=2014-11");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("How often this map would have been right").contains("<svg")
                .contains("data-rank=\"1\"").contains("map, on the map</strong>")
                .contains("a smoothed map of all past incidents").contains("Times better than chance, 5%")
                .contains("data-method=\"last-period\"").contains("data-method=\"kde\"")
                .contains("data-method=\"prospective\"").contains("data-method=\"sepp\"")
                .contains("2014-01 to 2014-10");
    }

    @Test
    @DisplayName("says in plain words how often and by how much peel's map beat each rival over six months, worked"
            + " out in the background on first view")
    void verdictPanel() throws InterruptedException {
        SharedData.require("police-uk/street/2014-11/2014-11-city-of-london-street.csv.gz");
        WebClient analyst = server.signedIn("analyst.verdict", Role.PERFORMANCE_ANALYST, null);
        String page = "/prevention/hotspots?force=city-of-london&crimeType=Burglary&testMonth=2014-11";

        HttpResponse<String> r = analyst.get(page);
        for (int i = 0; i < 120 && r.body().contains("data-verdict=\"pending\""); i++) {
            Thread.sleep(1000);
            r = analyst.get(page);
        }

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("data-verdict=\"done\"").contains("Over the 6 months 2014-06 to 2014-11")
                .contains("Against a smoothed map of all past incidents: Peel's map caught more in")
                .contains("Against a self-exciting model of the kind sold to forces").contains("of 6 months");
    }

    @Test
    @DisplayName("refuses a force with no police.uk files, naming the field")
    void unknownForce() {
        SharedData.require("police-uk/street");
        WebClient analyst = server.signedIn("analyst.bad", Role.PERFORMANCE_ANALYST, null);

        HttpResponse<String> r = analyst.get("/prevention/hotspots?force=atlantis");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("force").contains("atlantis").contains("is not a force with police.uk files here");
    }

    @Test
    @DisplayName("is closed to a role without the prevention section")
    void partnerRefused() {
        WebClient partner = server.signedIn("partner.map", Role.PARTNER, "E09000001");

        assertThat(partner.get("/prevention/hotspots").statusCode()).isEqualTo(403);
    }
}
