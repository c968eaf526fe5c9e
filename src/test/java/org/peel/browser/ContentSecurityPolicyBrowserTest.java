package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("In a real browser the Content-Security-Policy blocks nothing Peel's pages need, and htmx still works")
class ContentSecurityPolicyBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("dc.csp", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

    @Test
    @DisplayName("the pages a user goes through log no policy violation; an injected inline script is refused")
    void nothingBlocked() {
        HeadlessChromium.signIn(browser, server, "dc.csp");
        List<String> refused = new ArrayList<>();
        for (String page : List.of("/", "/prevention/asb/new", "/investigation/crimes/new", "/investigation/queue",
                "/places", "/prevention/cases", "/people/search")) {
            browser.get(server.url(page));
            assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).as(page).isEqualTo("object");
            refused.addAll(violations(page));
        }
        // htmx fetches and swaps search results as a name is typed
        browser.findElement(By.id("surname")).sendKeys("Nobody");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("[data-testid=no-match]")).isEmpty());
        refused.addAll(violations("/people/search after typing"));
        assertThat(refused).isEmpty();

        // and the check can fail: an inline script put into the page is refused and reported
        ((JavascriptExecutor) browser).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s);");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined")).isEqualTo(true);
        assertThat(violations("injected")).isNotEmpty();
    }

    private static List<String> violations(String where) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")) {
                found.add(where + ": " + message);
            }
        }
        return found;
    }
}
