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

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A records manager works the MoPI review queue: a domestic abuse incident reported on 2014-05-01 is group 2, due ten
 * years on (2024-05-01), so it is in the queue today; held, it leaves the queue; lifted, it returns.
 */
@DisplayName("A records manager opens the MoPI review queue, holds a record for an inquiry, and lifts the hold")
class RetentionQueueBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("rm.okafor", Role.RECORDS_MANAGER, null)
            .given(RetentionQueueBrowserTest::incident);

    private static void incident(TestServer server) {
        server.database().jdbi().useHandle(h -> h.execute("""
                insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral, description)
                values ('DA-1', '2014-05-01 22:00', ?, 'high', false, 'Jo Bloggs hit Sam Bloggs')""",
                Fixtures.WESTMINSTER));
    }

    @Test
    @DisplayName("opens the queue, holds DA-1 for a domestic homicide review, sees it leave the queue, lifts the hold")
    void holdAndLift() throws IOException {
        HeadlessChromium.signIn(browser, server, "rm.okafor");

        browser.get(server.url("/partners/retention"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=queue-group-2]")).getText()).contains("DA-1");
        HeadlessChromium.screenshot(browser, "retention-queue");

        HeadlessChromium.clickAndWait(browser,
                browser.findElement(By.cssSelector("[data-testid=review-domestic_abuse_incident-DA-1]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-facts]")).getText())
                .contains("2024-05-01", "domestic abuse incident");
        browser.findElement(By.cssSelector("#holdKind option[value=inquiry]")).click();
        browser.findElement(By.id("holdReason")).sendKeys("Domestic homicide review");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=hold]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=on-hold]")).getText())
                .contains("inquiry", "Domestic homicide review");
        HeadlessChromium.screenshot(browser, "retention-held");

        browser.get(server.url("/partners/retention"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=queue-group-2]"))).isEmpty();
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=holds-link]")));
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=holds] a")));
        browser.findElement(By.id("liftReason")).sendKeys("Review concluded");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=lift]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-facts]")).getText()).contains("2024-05-01");

        browser.get(server.url("/partners/retention"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=queue-group-2]")).getText()).contains("DA-1");
        assertThat(server.database().jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery("""
                select count(*) from audit_event where username = 'rm.okafor' and record_id = 'DA-1'
                  and action in ('retention-hold', 'retention-hold-lift')""").mapTo(Integer.class).one()))
                .isEqualTo(2);
    }
}
