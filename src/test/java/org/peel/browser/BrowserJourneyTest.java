package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A person signs in with a real browser and is kept to what their role may see")
class BrowserJourneyTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("pc.browser", Role.NEIGHBOURHOOD_OFFICER, "E09000033");

    @Test
    @DisplayName("sign in, see the home page, and be refused the audit page and another borough")
    void journey() throws IOException {
        browser.get(server.url("/"));
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
        browser.findElement(By.id("username")).sendKeys("pc.browser");
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].govuk-button")).click();
        // wait for the sign-in's answer rather than read the sign-in page still showing
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Good to see you, Test pc.browser");
        assertThat(browser.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText()).isEqualTo("Test pc.browser");
        HeadlessChromium.screenshot(browser, "home");

        browser.get(server.url("/admin/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this");
        HeadlessChromium.screenshot(browser, "refused");

        browser.get(server.url("/places/boroughs/E09000007"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this");
        assertThat(browser.getPageSource()).contains("E09000007").contains("E09000033");

        browser.get(server.url("/places/boroughs/E09000033"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Westminster");

        browser.findElement(By.cssSelector("button.peel-link-button")).click();
        // the click posts the sign-out form; wait for its answer rather than read the page still showing
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("/sign-in"));
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
    }
}
