package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A neighbourhood officer pages the ward profiles, filters them by name and pages the filtered list")
class ListPagingBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("pc.pages", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER)
            .given(ListPagingBrowserTest::wards);

    private static void wards(TestServer server) {
        server.database().jdbi().useHandle(h -> {
            for (int i = 1; i <= 60; i++) {
                String n = String.format("%03d", i);
                h.execute("insert into ward (code, name, borough_code) values (?, ?, ?)", "E05PA" + n,
                        "Paging Ward " + n, Fixtures.WESTMINSTER);
                h.execute("insert into ward (code, name, borough_code) values (?, ?, ?)", "E05PB" + n,
                        "Fresh Ward " + n, Fixtures.WESTMINSTER);
                h.execute("insert into ward_profile (ward_code, priorities, written_by, written_at, review_due)"
                        + " values (?, 'Noise', 'pc.old', now(), ?)", "E05PB" + n, LocalDate.now().plusMonths(6));
            }
        });
    }

    private static String summary() {
        return browser.findElement(By.cssSelector("[data-testid='paging-summary-page']")).getText();
    }

    @Test
    @DisplayName("next page, then a name filter, then the filtered list's next page keeps the filter")
    void pageAndFilter() {
        HeadlessChromium.signIn(browser, server, "pc.pages");
        browser.get(server.url("/prevention/wards"));
        assertThat(summary()).isEqualTo("Showing 1–50 of 120 wards");
        // the unwritten wards come first
        assertThat(browser.findElement(By.cssSelector("[data-testid='wards'] tbody tr")).getText())
                .startsWith("Paging Ward 001");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("a[rel='next']")));
        assertThat(summary()).isEqualTo("Showing 51–100 of 120 wards");
        assertThat(browser.getCurrentUrl()).contains("page=2");

        browser.findElement(By.id("filter-name")).sendKeys("Fresh");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid='filters-show']")));
        // a new filter starts again at page 1
        assertThat(summary()).isEqualTo("Showing 1–50 of 60 wards");
        assertThat(browser.getCurrentUrl()).contains("name=Fresh").doesNotContain("page=2");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("a[rel='next']")));
        assertThat(summary()).isEqualTo("Showing 51–60 of 60 wards");
        assertThat(browser.getCurrentUrl()).contains("name=Fresh").contains("page=2");
        assertThat(browser.findElement(By.id("filter-name")).getAttribute("value")).isEqualTo("Fresh");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Fresh Ward 060")
                .doesNotContain("Paging Ward");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid='filters-clear']")));
        assertThat(summary()).isEqualTo("Showing 1–50 of 120 wards");
    }
}
