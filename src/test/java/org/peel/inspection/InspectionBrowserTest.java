package org.peel.inspection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** An inspector at work in a real browser, from the forms to the generated report. */
@DisplayName("In a browser: an inspector's judgement and area for improvement reach the report")
class InspectionBrowserTest {

    private static final String SCOPE = "force=E23000001&to=2016-03";
    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer().user("hmi.browser", Role.INSPECTOR, null);

    @Test
    @DisplayName("given an inspector signed in, when they judge Q2 good with its evidence and add an area for"
            + " improvement to it, then the report shows Q2's grade, reasons and evidence and the area with its owner,"
            + " while Q1 still says Peel holds no judgement")
    void judgeAndImprove() throws IOException {
        HeadlessChromium.signIn(browser, server, "hmi.browser");

        browser.get(server.url("/inspection/judge?" + SCOPE + "&question=q2"));
        new Select(browser.findElement(By.id("question"))).selectByValue("q2");
        browser.findElement(By.id("grade-good")).click();
        browser.findElement(By.id("reasons")).sendKeys("Crimes are allocated promptly and victims kept informed.");
        browser.findElement(By.id("evidence")).sendKeys("Victims' Code compliance; case-file review of 48 files.");
        HeadlessChromium.clickAndWait(browser,
                browser.findElement(By.xpath("//button[text()='Record the judgement']")));
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();

        browser.get(server.url("/inspection/improvements/new?" + SCOPE));
        new Select(browser.findElement(By.id("question"))).selectByValue("q2");
        browser.findElement(By.id("area")).sendKeys("Supervision of volume crime investigations");
        browser.findElement(By.id("action")).sendKeys("Sergeants review every open file each fortnight");
        browser.findElement(By.id("owner")).sendKeys("Head of Crime");
        browser.findElement(By.id("due")).sendKeys("2027-03-31");
        HeadlessChromium.clickAndWait(browser,
                browser.findElement(By.xpath("//button[text()='Add the area for improvement']")));
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();

        browser.get(server.url("/inspection/report?" + SCOPE));
        WebElement q2 = browser.findElement(By.cssSelector("[data-question=q2]"));
        assertThat(q2.findElement(By.cssSelector("[data-judgement=q2]")).getText())
                .contains("Good").contains("Crimes are allocated promptly and victims kept informed.")
                .contains("Victims' Code compliance; case-file review of 48 files.").contains("hmi.browser");
        assertThat(q2.getText()).contains("Supervision of volume crime investigations").contains("Head of Crime");
        assertThat(browser.findElement(By.cssSelector("[data-judgement=q1]")).getText())
                .contains("Peel holds no judgement of this question yet.");
        HeadlessChromium.screenshot(browser, "inspection-report-judged");
    }
}
