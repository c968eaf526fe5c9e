package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.organisedcrime.OcgRegister;
import org.peel.organisedcrime.OcgSettings;
import org.peel.organisedcrime.OcgStore;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An analyst records a disruption that arrests a principal, sees the group due for reassessment, and"
        + " sees it move in the tracker after rescoring")
class OcgDisruptionBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(OcgDisruptionBrowserTest::groupsScored);

    private static void groupsScored(TestServer server) {
        var jdbi = server.database().jdbi();
        LocalDate mapped = LocalDate.now().minusMonths(8);
        // Harbour Crew: harm 30 (firearms 1.0 + 0.1, capped) + threat 25 (serious) + capability 14 (firearms 0.4 +
        // laundering 0.3) + reach 7.5 (regional) + confidence 9.5 (principal 0.5 + 9 x 0.05) = 86.00
        group(jdbi, "OCG-H", "Harbour Crew", "firearms;drugs supply", true, "serious", true, mapped, 9, 2);
        // Canal Boys: harm 24 (drugs 0.8) + threat 17.5 (used) + 0 + reach 7.5 + confidence 8 (0.5 + 6 x 0.05) = 57.00
        group(jdbi, "OCG-C", "Canal Boys", "drugs supply", false, "used", false, mapped, 6, 1);
        User analyst = server.user("analyst.ocg", Role.INTELLIGENCE_ANALYST, null);
        OcgRegister register = new OcgRegister(new OcgStore(jdbi), new AuditTrail(jdbi), OcgSettings.defaults(),
                Clock.systemDefaultZone());
        for (String id : List.of("OCG-H", "OCG-C")) {
            register.rescore(analyst, id, "127.0.0.1");
        }
    }

    private static void group(org.jdbi.v3.core.Jdbi jdbi, String id, String name, String activities, boolean firearms,
                              String violence, boolean laundering, LocalDate mapped, int members, int principals) {
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, activities, firearms,
                        violence, money_laundering, reach)
                    values (?, ?, ?, ?, '3c', ?, ?, ?, ?, ?, 'regional')""", id, name, Fixtures.WESTMINSTER,
                    activities.split(";")[0], mapped, activities, firearms, violence, laundering);
            for (int m = 0; m < members; m++) {
                h.execute("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at,
                            borough_code)
                        values (?, 'ocg', ?, ?, ?, ?, ?, ?)""", id + "-" + m, id,
                        m < principals ? "principal" : "significant", "Member" + m, name.split(" ")[0],
                        LocalDateTime.now().minusMonths(8), Fixtures.WESTMINSTER);
            }
        });
    }

    private static List<String> trackerOrder() {
        browser.get(server.url("/organised-crime/groups"));
        return browser.findElements(By.cssSelector("[data-testid=tracker-row]")).stream()
                .map(r -> r.getAttribute("data-ocg")).toList();
    }

    private static WebElement trackerRow(String id) {
        return browser.findElement(By.cssSelector("[data-testid=tracker-row][data-ocg='" + id + "']"));
    }

    @Test
    @DisplayName("arrest a principal of the top group, see it due, reassess it, and see it fall below the next group")
    void disruptionThenRescore() throws IOException {
        HeadlessChromium.signIn(browser, server, "analyst.ocg");

        // the tracker: Harbour Crew (86.00) above Canal Boys (57.00), neither due
        assertThat(trackerOrder()).containsExactly("OCG-H", "OCG-C");
        assertThat(trackerRow("OCG-H").findElement(By.cssSelector("[data-testid=tracker-due]")).getText())
                .startsWith("reassessment not due");

        // open the group: its members are personal data, so the purpose comes first
        HeadlessChromium.clickAndWait(browser, trackerRow("OCG-H").findElement(By.linkText("Harbour Crew")));
        browser.findElement(By.id("purpose")).sendKeys("Operation Lantern");
        var purposePage = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("purpose")).submit();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(purposePage));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour Crew");
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-score]")).getText()).contains("86.00", "1a");

        // record a disruption that arrests a principal
        browser.findElement(By.id("heading")).click();
        new Select(browser.findElement(By.id("impact"))).selectByVisibleText("moderate");
        browser.findElement(By.id("summary")).sendKeys("Warrant executed at the stash address");
        browser.findElement(By.id("arrests")).clear();
        browser.findElement(By.id("arrests")).sendKeys("3");
        browser.findElement(By.id("principalArrested")).click();
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-disruption]")));

        // the group is due for reassessment at once, and says why
        assertThat(browser.findElement(By.cssSelector("[data-testid=reassessment]")).getText())
                .contains("Reassessment due", "significant event");
        assertThat(browser.findElement(By.cssSelector("[data-testid=pending-events]")).getText())
                .contains("a principal arrested");
        assertThat(browser.findElement(By.cssSelector("[data-testid=disruptions]")).getText())
                .contains("3 arrested (a principal)", "86.00 (1a)", "Not yet reassessed");
        HeadlessChromium.screenshot(browser, "ocg-due");
        String groupPage = browser.getCurrentUrl();

        // and so on the tracker, still first until it is rescored
        assertThat(trackerOrder()).containsExactly("OCG-H", "OCG-C");
        assertThat(trackerRow("OCG-H").findElement(By.cssSelector("[data-testid=tracker-due]")).getText())
                .startsWith("Due");

        // reassess: the guns were seized with the principal and no violence is now known
        browser.get(groupPage);
        browser.findElement(By.id("firearms")).click();
        new Select(browser.findElement(By.id("violence"))).selectByVisibleText("None known");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=rescore]")));
        // 30 + 0 + capability 6 (laundering 0.3 x 20) + 7.5 + 9.5 = 53.00: at least 47 and below 55, band 2a
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-score]")).getText()).contains("53.00", "2a");
        assertThat(browser.findElement(By.cssSelector("[data-testid=reassessment]")).getText())
                .doesNotContain("Reassessment due");
        assertThat(browser.findElement(By.cssSelector("[data-testid=disruptions]")).getText()).contains("53.00 (2a)");

        // the tracker now has Canal Boys (57.00) above Harbour Crew (53.00)
        assertThat(trackerOrder()).containsExactly("OCG-C", "OCG-H");
        HeadlessChromium.screenshot(browser, "ocg-tracker-after");
    }
}
