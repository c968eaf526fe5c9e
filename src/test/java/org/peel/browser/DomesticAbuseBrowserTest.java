package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An officer records a domestic abuse incident and sees the grade, the MARAC referral and the review due")
class DomesticAbuseBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("pc.da", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

    private static void click(String id) {
        WebElement e = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", e);
        e.click();
    }

    @Test
    @DisplayName("15 yes answers: high risk, the MARAC referral pre-filled with the victim and the checklist, review due")
    void fifteenYesAnswers() throws IOException {
        HeadlessChromium.signIn(browser, server, "pc.da");
        browser.get(server.url("/vulnerability/domestic-abuse/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record a domestic abuse incident");
        click("recordedAs");
        browser.findElement(By.id("location")).sendKeys("7 Test Gardens");
        browser.findElement(By.id("description")).sendKeys("Victim called 999; partner had hands round her throat");
        browser.findElement(By.id("victimForenames")).sendKeys("Rosalind");
        browser.findElement(By.id("victimSurname")).sendKeys("Elsworth");
        browser.findElement(By.id("victimDob")).sendKeys("1992-07-25");
        browser.findElement(By.id("perpetratorForenames")).sendKeys("Maurice");
        browser.findElement(By.id("perpetratorSurname")).sendKeys("Wilkes");
        browser.findElement(By.id("perpetratorDob")).sendKeys("1990-12-15");
        click("relationship");
        browser.findElement(By.id("children")).sendKeys("1");
        // questions 1 to 15 yes, 16 to 27 no: 15 yes answers
        for (int q = 1; q <= 27; q++) {
            click(q <= 15 ? "q" + q : "q" + q + "-n");
        }
        HeadlessChromium.screenshot(browser, "da-form");
        WebElement record = browser.findElement(By.cssSelector("[data-testid=record]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", record);
        // the answer is a new page: wait for the form's page to go before reading it
        HeadlessChromium.clickAndWait(browser, record);

        assertThat(browser.findElement(By.cssSelector("[data-testid=incident-id]")).getText()).contains("recorded");
        assertThat(browser.findElement(By.cssSelector("[data-testid=dash-grade]")).getText()).isEqualTo("Risk: High");
        assertThat(browser.findElement(By.cssSelector("[data-testid=grade-reasons]")).getText())
                .contains("15 of 27 answers yes");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referral-victim]")).getText())
                .isEqualTo("Rosalind Elsworth, born 1992-07-25");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referral-perpetrator]")).getText())
                .isEqualTo("Maurice Wilkes, born 1990-12-15");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referral-children]")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referral-dash]")).getText())
                .isEqualTo("15 of 27 yes, high risk");
        assertThat(browser.findElement(By.cssSelector("[data-testid=referral-criteria]")).getText())
                .contains("Visible high risk");
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-due]")).getText())
                .contains("Review by a DA-trained supervisor due by").contains("within 24 hours");
        HeadlessChromium.screenshot(browser, "da-recorded");

        browser.get(server.url("/vulnerability/domestic-abuse"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=reviews-due]")).getText())
                .contains("Rosalind Elsworth").contains("High").contains("Referred");
    }
}
