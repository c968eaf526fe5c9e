package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An inspector judges a question with its evidence, adds an area for improvement, and sees both in the report")
class InspectionBrowserJourneyTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer().user("hmi.inspector", Role.INSPECTOR, null);

    private static void submit(String formAction) {
        WebElement heading = browser.findElement(By.tagName("h1"));
        browser.findElement(By.cssSelector("form[action='" + formAction + "'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(heading));
    }

    @Test
    @DisplayName("question 2 judged requires improvement, on case-file evidence; an area for improvement owned by the"
            + " Head of Crime; both in the report under question 2")
    void judgeAndImprove() throws IOException {
        HeadlessChromium.signIn(browser, server, "hmi.inspector");
        browser.get(server.url("/inspection?force=E23000001&to=2016-03"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("PEEL inspection: Metropolitan Police");
        assertThat(browser.findElement(By.cssSelector("[data-testid=judgement-q2]")).getText())
                .isEqualTo("No judgement recorded yet.");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=judge-q2]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record a judgement");
        browser.findElement(By.id("grade-requires_improvement")).click();
        browser.findElement(By.id("reasons")).sendKeys("Too many investigations lack supervision.");
        browser.findElement(By.id("evidence")).sendKeys("Case-file review: supervision in 5 of 12 burglary files");
        submit("/inspection/judge");

        assertThat(browser.findElement(By.cssSelector("[data-testid=judgement-q2]")).getText())
                .contains("Requires improvement").contains("Too many investigations lack supervision.");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=improve-q2]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Add an area for improvement");
        browser.findElement(By.id("area")).sendKeys("Supervisors should review every investigation plan.");
        browser.findElement(By.id("action")).sendKeys("Weekly supervision audit in every borough.");
        browser.findElement(By.id("owner")).sendKeys("Head of Crime");
        browser.findElement(By.id("due")).sendKeys("2099-03-31");
        submit("/inspection/improvements");
        assertThat(browser.findElement(By.cssSelector("#improvements + table")).getText())
                .contains("Supervisors should review every investigation plan.").contains("Open");

        browser.findElement(By.cssSelector("[data-testid=report-link]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-question=q2]")));
        String q2 = browser.findElement(By.cssSelector("[data-question=q2]")).getText();
        assertThat(q2).contains("Requires improvement", "Too many investigations lack supervision.",
                "Case-file review: supervision in 5 of 12 burglary files", "hmi.inspector",
                "Supervisors should review every investigation plan.", "Head of Crime", "31 March 2099");
        assertThat(browser.findElement(By.cssSelector("[data-question=q1]")).getText())
                .contains("Peel holds no judgement of this question yet.");
        assertThat(browser.findElement(By.cssSelector("[data-section=annex-a]")).getText())
                .startsWith("Annex A – HMIC judgments");
        HeadlessChromium.screenshot(browser, "inspection-report");
    }
}
