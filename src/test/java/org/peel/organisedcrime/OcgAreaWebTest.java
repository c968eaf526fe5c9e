package org.peel.organisedcrime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Organised crime in a neighbourhood officer's area: the groups and gangs there, without the intelligence")
class OcgAreaWebTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        var jdbi = server.database().jdbi();
        OcgFixtures.group(jdbi, "A-1", "Heron Crew", Fixtures.WESTMINSTER, "drugs supply;money laundering", true,
                "used", false, true, "regional", TODAY.minusYears(1), 5, 1);
        // mapped to Camden, but its areas name Westminster: it touches Westminster too
        OcgFixtures.group(jdbi, "A-2", "Canal Firm", Fixtures.CAMDEN, "organised acquisitive crime", false, "none",
                false, false, "local", TODAY.minusYears(1), 3, 1);
        jdbi.useHandle(h -> h.execute("update ocg set areas = 'Westminster' where id = 'A-2'"));
        OcgFixtures.group(jdbi, "A-3", "Only Camden", Fixtures.CAMDEN, "fraud", false, "none", false, false, "local",
                TODAY.minusYears(1), 3, 1);
        User analyst = server.user("area.analyst", Role.INTELLIGENCE_ANALYST, null);
        User lead = server.user("di.heron", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        server.user("pc.area", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        server.user("pc.camden.area", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        server.user("rt.area", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        AuditTrail audit = new AuditTrail(jdbi);
        OcgRegister register = new OcgRegister(new OcgStore(jdbi), audit, OcgSettings.defaults(),
                Clock.systemDefaultZone());
        register.setLeadOfficer(analyst, "A-1", lead, "127.0.0.1");
        register.task(analyst, "A-1", new OcgRegister.TaskOrder(null, Fixtures.WESTMINSTER, null,
                "Patrol the car wash on Heron Street", "Cash taken there", TODAY.plusDays(7)), "127.0.0.1");
        jdbi.useHandle(h -> new IntelligenceStore(jdbi).insertRequirement(h, Fixtures.WESTMINSTER, null, "A-1",
                "Cash couriers to the car wash", "Who carries cash in and out", TODAY.plusMonths(3), "area.analyst",
                Instant.now()));
        GangMatrix matrix = new GangMatrix(new GangStore(jdbi), audit,
                new SharingStore(jdbi, audit, Clock.systemDefaultZone()), GangMatrix.Settings.defaults(),
                Clock.systemDefaultZone());
        matrix.consider(analyst, new GangMatrix.NewNominal("Secret", "Gangmember", TODAY.minusYears(19), "M",
                "Not stated", "Heron Boys", "A-1", Fixtures.WESTMINSTER, "DPIA-A-1"), List.of(
                new GangHarmAssessment.Involvement("weapons", GangHarmAssessment.Role.PERPETRATOR,
                        TODAY.minusMonths(2), "crime A1"),
                new GangHarmAssessment.Involvement("weapons", GangHarmAssessment.Role.PERPETRATOR,
                        TODAY.minusMonths(1), "intelligence A2")), "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebClient as(String username) {
        WebClient c = server.anonymous();
        c.signIn(username, TestServer.PASSWORD);
        return c;
    }

    private static boolean audited(String username, String action) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, "ocg-area", null, null, null, null), 20).stream()
                .anyMatch(e -> e.action().equals(action));
    }

    @Test
    @DisplayName("a Westminster neighbourhood officer sees the groups whose area touches Westminster, their type, band,"
            + " lead officer, the team's open tasks, the disruption priorities and the gang; no member is named and"
            + " the view is audited")
    void officerSeesTheirArea() {
        HttpResponse<String> page = as("pc.area")
                .get("/organised-crime/area");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Heron Crew", "A-1", "drugs supply, regional", "di.heron",
                "Cash couriers to the car wash", "Canal Firm", "Heron Boys", "DI Test")
                .doesNotContain("Only Camden", "Member0", "Secret", "Gangmember", "crime A1", "Who carries cash");
        assertThat(page.body()).contains("data-ocg=\"A-1\"");
        assertThat(audited("pc.area", "view")).isTrue();
    }

    @Test
    @DisplayName("a Camden officer sees Camden's groups and not Westminster's")
    void anotherBorough() {
        String body = as("pc.camden.area")
                .get("/organised-crime/area?borough=" + Fixtures.WESTMINSTER).body();
        assertThat(body).contains("Canal Firm", "Only Camden").doesNotContain("Heron Crew");
    }

    @Test
    @DisplayName("a response officer, without the organised crime picture, is refused and the refusal audited")
    void responseOfficerRefused() {
        assertThat(as("rt.area").get("/organised-crime/area")
                .statusCode()).isEqualTo(403);
        assertThat(audited("rt.area", "access-denied")).isTrue();
    }

    @Test
    @DisplayName("in a browser: the officer's home page says what is active in their area and links to the page")
    void browser() throws Exception {
        HeadlessChromium.requireInstalled();
        WebDriver browser = HeadlessChromium.open();
        try {
            HeadlessChromium.signIn(browser, server, "pc.area");
            browser.get(server.url("/"));
            var link = browser.findElement(By.cssSelector("a[href='/organised-crime/area']"));
            assertThat(link.getText()).contains("2 organised crime groups and 1 gang active in your area");
            HeadlessChromium.clickAndWait(browser, link);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organised crime in Westminster");
            assertThat(browser.findElements(By.cssSelector("[data-testid=area-group]"))).hasSize(2);
            assertThat(browser.findElement(By.cssSelector("[data-ocg=A-1]")).getText())
                    .contains("Heron Crew", "di.heron", "Cash couriers to the car wash");
            assertThat(browser.findElements(By.cssSelector("[data-testid=area-gang]"))).hasSize(1);
            HeadlessChromium.screenshot(browser, "ocg-area");
        } finally {
            browser.quit();
        }
    }
}
