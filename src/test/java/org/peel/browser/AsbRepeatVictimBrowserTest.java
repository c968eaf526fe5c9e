package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.prevention.AsbCategory;
import org.peel.prevention.AsbChannel;
import org.peel.prevention.AsbLocation;
import org.peel.prevention.AsbQuestionnaire;
import org.peel.prevention.AsbReport;
import org.peel.prevention.AsbRiskSettings;
import org.peel.prevention.AsbStore;
import org.peel.prevention.ExactDetailsVictimHistory;
import org.peel.prevention.PersonDetails;
import org.peel.prevention.RecordAsbIncident;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A call handler records an ASB incident for a repeat victim and sees the history and grade at once")
class AsbRepeatVictimBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(s -> seedTwoEarlierIncidents(s.user("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER)));

    /** Two calls from the same victim in the last few months, as if taken earlier. */
    private static void seedTwoEarlierIncidents(User officer) {
        var jdbi = server.database().jdbi();
        AsbStore store = new AsbStore(jdbi);
        RecordAsbIncident recorder = new RecordAsbIncident(jdbi, store, new ExactDetailsVictimHistory(),
                new AuditTrail(jdbi), AsbRiskSettings.defaults());
        PersonDetails victim = new PersonDetails("Mary", "Seacole", LocalDate.of(1945, 11, 23), "SW1P 3AA", null, null);
        AsbLocation home = new AsbLocation("4 Test Mews", null, null, Fixtures.WESTMINSTER, null, null);
        for (int monthsAgo : new int[]{4, 1}) {
            recorder.record(officer, store.nextIncidentId(), new AsbReport(AsbCategory.PERSONAL,
                    "Rowdy/nuisance neighbours", "Banging on the door at night", AsbChannel.NON_EMERGENCY,
                    LocalDateTime.now().minusMonths(monthsAgo), null, true, victim,
                    new AsbQuestionnaire(AsbQuestionnaire.Impact.SOME, Set.of(), true,
                            AsbQuestionnaire.Duration.WEEKS)), home, null, "127.0.0.1");
        }
    }

    @Test
    @DisplayName("sign in, record the third incident, see two earlier incidents, repeat victim and a high grade with reasons")
    void thirdIncidentShowsHistoryAndGrade() throws IOException {
        HeadlessChromium.signIn(browser, server, "pc.asb");

        browser.get(server.url("/prevention/asb/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record an ASB incident");
        browser.findElement(By.id("category")).click();
        new Select(browser.findElement(By.id("subType"))).selectByVisibleText("Rowdy/nuisance neighbours");
        browser.findElement(By.id("description")).sendKeys("Neighbours shouting threats through the letterbox");
        browser.findElement(By.id("address")).sendKeys("4 Test Mews");
        browser.findElement(By.id("victimForenames")).sendKeys("Mary");
        browser.findElement(By.id("victimSurname")).sendKeys("Seacole");
        browser.findElement(By.id("victimDob")).sendKeys("1945-11-23");
        new Select(browser.findElement(By.id("victimEthnicity"))).selectByVisibleText("Caribbean");
        browser.findElement(By.id("targeted")).click();
        browser.findElement(By.id("impact-severe")).click();
        browser.findElement(By.id("vulnerability-alone")).click();
        browser.findElement(By.id("duration-months")).click();
        HeadlessChromium.screenshot(browser, "asb-form");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-incident]")));

        assertThat(browser.findElement(By.cssSelector("[data-testid=incident-id]")).getText()).contains("recorded");
        assertThat(browser.findElement(By.cssSelector("[data-testid=risk-grade]")).getText()).isEqualTo("Risk: High");
        assertThat(browser.findElement(By.cssSelector("[data-testid=victim-ethnicity]")).getText())
                .contains("Caribbean (Black)").contains("self-defined by the person");
        assertThat(browser.findElements(By.cssSelector("[data-testid=victim-incidents] tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-testid=risk-reasons]")).getText())
                .contains("+3 repeat victim: 3 incidents in 12 months")
                .contains("high whatever the score: a vulnerable victim, targeted, with severe impact");
        assertThat(browser.findElement(By.cssSelector("[data-testid=flags]")).getText())
                .contains("high risk and repeat victim");
        HeadlessChromium.screenshot(browser, "asb-recorded");

        browser.get(server.url("/"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=attention]")).getText())
                .contains("1 high-risk ASB caller to contact").contains("1 repeat ASB caller to contact");
    }
}
