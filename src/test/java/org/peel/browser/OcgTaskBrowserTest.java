package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The lead responsible officer tasks a neighbourhood officer against a group's principal; the officer sees"
        + " it on their home page and completes it; the result shows on the group's page")
class OcgTaskBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(OcgTaskBrowserTest::groupAndPrincipal)
            .user("lro.ocg", Role.INTELLIGENCE_ANALYST, null)
            .user("pc.west", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

    private static void groupAndPrincipal(TestServer server) {
        server.database().jdbi().useHandle(h -> {
            h.execute("""
                    insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, activities)
                    values ('OCG-L', 'Lantern Crew', ?, 'drugs supply', '2b', ?, 'drugs supply')""",
                    Fixtures.WESTMINSTER, LocalDate.now().minusMonths(6));
            h.execute("""
                    insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at,
                        borough_code)
                    values ('OCG-L-0', 'ocg', 'OCG-L', 'principal', 'Dane', 'Harrow', ?, ?)""",
                    LocalDateTime.now().minusMonths(6), Fixtures.WESTMINSTER);
        });
    }

    @Test
    @DisplayName("task, see it on the officer's home page, complete it, and see the result on the group's page")
    void taskSeeAndComplete() throws IOException {
        String due = LocalDate.now().plusDays(7).toString();
        HeadlessChromium.signIn(browser, server, "lro.ocg");
        String groupPage = server.url("/organised-crime/groups/OCG-L?purpose=Operation%20Lantern");
        browser.get(groupPage);
        assertThat(browser.findElement(By.cssSelector("[data-testid=tasks-none]")).getText())
                .contains("No tasks given");

        // the lead responsible officer tasks PC West against the principal
        browser.findElement(By.cssSelector("[data-testid=give-task] summary")).click();
        new Select(browser.findElement(By.id("taskAgainst"))).selectByValue("OCG-L-0");
        new Select(browser.findElement(By.id("taskOfficer"))).selectByValue("pc.west");
        browser.findElement(By.id("taskAction")).sendKeys("Check who is living at 12 Canal Row");
        browser.findElement(By.id("taskReason")).sendKeys("Intelligence that the principal stores drugs there");
        browser.findElement(By.id("taskDueOn")).clear();
        browser.findElement(By.id("taskDueOn")).sendKeys(due);
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-task]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=group-tasks]")).getText())
                .contains("Dane Harrow", "pc.west", "Check who is living at 12 Canal Row", due, "Open");

        // PC West signs in and sees the task on the home page
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, "pc.west");
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=attention]")).getText())
                .contains("1 organised crime task for you", "Lantern Crew");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.linkText("1 organised crime task for you")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=ocg-task]")).getText())
                .contains("Lantern Crew", "Dane Harrow", "Check who is living at 12 Canal Row", due);
        HeadlessChromium.screenshot(browser, "ocg-task-officer");

        // and completes it with what was found
        String id = browser.findElement(By.cssSelector("[data-testid=ocg-task]")).getAttribute("data-task");
        browser.findElement(By.id("result-" + id)).sendKeys("Two men living there; the principal seen leaving");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=complete-" + id + "]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=tasks-none]")).getText()).contains("No open tasks");
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("organised crime task for you");

        // the lead responsible officer sees the result on the group's page
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, "lro.ocg");
        browser.get(groupPage);
        assertThat(browser.findElement(By.cssSelector("[data-testid=task-status]")).getText())
                .contains("Completed by pc.west", "Two men living there; the principal seen leaving");
        HeadlessChromium.screenshot(browser, "ocg-task-completed");
    }
}
