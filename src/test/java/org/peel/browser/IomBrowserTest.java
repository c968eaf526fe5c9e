package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.Role;
import org.peel.offenders.IomTestData;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The IOM lead sees a borough's exception with its reason; a neighbourhood officer completes a task in their ward")
class IomBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.on(() -> TestServer.start(Map.of(), IomTestData.NEW_YEAR_2025))
            .given(s -> IomTestData.seed(s.database().jdbi()))
            .user("iom.lead", Role.PUBLIC_PROTECTION_OFFICER, null)
            .user("om.camden", Role.OFFENDER_MANAGER, IomTestData.CAMDEN)
            .user("pc.camden", Role.NEIGHBOURHOOD_OFFICER, IomTestData.CAMDEN);

    private static void signInAs(String username) {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, username);
    }

    @Test
    @DisplayName("run the rule, record an exception and a task in Camden, see the reason as the lead, complete the task in the ward")
    void exceptionAndTask() throws IOException {
        // the force's IOM lead runs the rule
        signInAs("iom.lead");
        browser.get(server.url("/investigation/offenders"));
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=run-rule]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=run]")).getText()).contains("iom-rfg-1");

        // Camden's offender manager removes OFB from the cohort, with the reason
        signInAs("om.camden");
        browser.get(server.url("/investigation/offenders/boroughs/" + IomTestData.CAMDEN));
        browser.findElement(By.id("offenderId")).sendKeys("OFB");
        browser.findElement(By.id("kind-remove")).click();
        browser.findElement(By.id("reason")).sendKeys("Recalled to prison on 30 December; probation holds the case");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/exceptions'] button")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=removed]")).getText()).contains("OFB");

        // and tasks the Bloomsbury team to check OFA1's address
        browser.get(server.url("/investigation/offenders/nominals/OFA1"));
        browser.findElement(By.xpath("//span[text()='Task the neighbourhood team']")).click();
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Check address");
        browser.findElement(By.id("details")).sendKeys("Confirm he still lives at the flat above the launderette");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Send the task']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=tasks]")).getText()).contains("Open");

        // the lead sees Camden's exception with its reason
        signInAs("iom.lead");
        browser.get(server.url("/investigation/offenders"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=exceptions]")).getText())
                .contains("Camden").contains("OFB").contains("Removed")
                .contains("Recalled to prison on 30 December; probation holds the case");
        HeadlessChromium.screenshot(browser, "iom-lead-exceptions");

        // the Camden neighbourhood officer sees the task on the home page and completes it
        signInAs("pc.camden");
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=attention]")).getText())
                .contains("1 offender task for your wards");
        browser.get(server.url("/prevention/offender-tasks"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=task]")).getText())
                .contains("Check address").contains("OFA1").contains("Bloomsbury")
                .contains("Confirm he still lives at the flat above the launderette");
        assertThat(browser.findElement(By.cssSelector("[data-testid=residents]")).getText()).contains("OFA1");
        HeadlessChromium.screenshot(browser, "iom-neighbourhood-task");
        browser.findElement(By.cssSelector("[data-testid=task] textarea")).sendKeys("He lives there; spoke at the door");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=task] button")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=tasks-none]")).getText()).isEqualTo("No open tasks.");
    }

    @Test
    @DisplayName("record a MAPPA case, then on its page a MAPP meeting held: refused with one agency at level 2, recorded with two and an action")
    void mappMeeting() throws IOException {
        // the public protection unit registers OFD at level 2 with a first meeting on 1 February
        signInAs("iom.lead");
        browser.get(server.url("/investigation/offenders/mappa"));
        browser.findElement(By.id("offenderId")).sendKeys("OFD");
        new Select(browser.findElement(By.id("level"))).selectByValue("2");
        browser.findElement(By.id("plan")).sendKeys("Curfew and exclusion zone");
        browser.findElement(By.id("nextMeetingOn")).sendKeys("2025-02-01");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Record MAPPA case']")));
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.linkText("OFD")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=meetings-none]")).getText())
                .isEqualTo("No meeting has been recorded.");

        // a meeting held today with only the police attending is refused, naming the field
        browser.findElement(By.id("chair")).sendKeys("DCI Shah");
        browser.findElement(By.cssSelector("label[for=attending]")).click();
        browser.findElement(By.id("outcome")).sendKeys("Remain at level 2; curfew kept");
        browser.findElement(By.id("nextMeetingOn")).sendKeys("2025-03-01");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Record the meeting']")));
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("At level 2 the meeting is multi-agency: record at least 2 agencies attending");

        // with probation attending too, and an action for the police, it is recorded on the case page
        browser.findElement(By.cssSelector("label[for=attending-PROBATION]")).click();
        new Select(browser.findElement(By.id("action1Agency"))).selectByValue("POLICE");
        browser.findElement(By.id("action1Text")).sendKeys("Unannounced home visit");
        browser.findElement(By.id("action1Owner")).sendKeys("DC Lee");
        browser.findElement(By.id("action1Due")).sendKeys("2025-01-15");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Record the meeting']")));
        String meeting = browser.findElement(By.cssSelector("[data-testid=meeting]")).getText();
        assertThat(meeting).contains("2025-01-01: level 2, chaired by DCI Shah").contains("Police").contains("Probation")
                .contains("Unannounced home visit").contains("DC Lee").contains("2025-01-15").contains("2025-03-01");
        HeadlessChromium.screenshot(browser, "mappa-meeting");
    }
}
