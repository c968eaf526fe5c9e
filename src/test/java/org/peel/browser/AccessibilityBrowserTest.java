package org.peel.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Peel's pages meet WCAG 2.2 AA as axe-core checks it, in a real browser")
class AccessibilityBrowserTest {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("a11y.response", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER)
            .user("a11y.ppo", Role.PUBLIC_PROTECTION_OFFICER, null)
            .user("a11y.analyst", Role.PERFORMANCE_ANALYST, null)
            .user("a11y.admin", Role.ADMINISTRATOR, null);

    @Test
    @DisplayName("every page reached from the home page by four roles has no WCAG violation axe-core finds")
    void pagesReachedFromHome() {
        Map<String, Set<String>> found = new HashMap<>();
        for (String user : List.of("a11y.response", "a11y.ppo", "a11y.analyst", "a11y.admin")) {
            browser.manage().deleteAllCookies();
            HeadlessChromium.signIn(browser, server, user);
            List<String> pages = reachable(30);
            // the walk reaches well beyond the home page for every role
            assertThat(pages).as(user).hasSizeGreaterThanOrEqualTo(12);
            for (String page : pages) {
                browser.get(server.url(page));
                check(page, found);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("a form sent back with its errors is accessible too, and the check can fail")
    void formWithErrorsAndACheckThatFails() {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, "a11y.response");
        Map<String, Set<String>> found = new HashMap<>();

        // a crime recorded with nothing filled in comes back with an error summary and each field's error
        browser.get(server.url("/investigation/crimes/new"));
        HeadlessChromium.clickAndWait(browser,
                browser.findElement(By.cssSelector("form[action='/investigation/crimes'] button[type=submit]")));
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).isNotEmpty();
        check("/investigation/crimes/new with errors", found);
        assertThat(found).isEmpty();

        // an image with no text alternative put into the page is found
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var i = document.createElement('img'); i.src = '/assets/none.png'; document.body.appendChild(i);");
        check("with an image and no alt text", found);
        assertThat(found.keySet()).anyMatch(rule -> rule.startsWith("image-alt"));
    }

    /** axe-core's WCAG 2.2 A and AA rules on the page open now; each rule broken, with the first place it breaks. */
    private static void check(String page, Map<String, Set<String>> found) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
        for (Rule v : results.getViolations()) {
            found.computeIfAbsent(v.getId() + " (" + v.getImpact() + "): " + v.getHelp(),
                    k -> new LinkedHashSet<>()).add(page + " " + v.getNodes().get(0).getTarget());
        }
    }

    /** Pages reached from the home page by following links, one of each shape of address, up to {@code most}. */
    private static List<String> reachable(int most) {
        List<String> pages = new ArrayList<>();
        Set<String> shapes = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        while (!queue.isEmpty() && pages.size() < most) {
            String page = queue.poll();
            String shape = page.replaceAll("\\?.*", "").replaceAll("\\d+", "N");
            if (!shapes.add(shape)) {
                continue;
            }
            browser.get(server.url(page));
            pages.add(page);
            for (WebElement a : browser.findElements(By.cssSelector("a[href^='/']"))) {
                String href = a.getDomAttribute("href");
                if (href != null && !href.startsWith("/api/") && !href.contains("sign-out") && !href.contains("export")
                        && !href.contains(".csv") && !href.startsWith("/assets") && !href.startsWith("/webjars")) {
                    queue.add(href.replaceAll("#.*", ""));
                }
            }
        }
        return pages;
    }
}
