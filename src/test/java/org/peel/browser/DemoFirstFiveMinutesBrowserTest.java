package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.investigation.InvestigatorAccounts;
import org.peel.investigation.InvestigatorStore;
import org.peel.synthetic.SyntheticForce;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first five minutes of three officers on the demo force, in a real browser: what their home page says waits for
 * them, where its links lead, a crime and the queue. Every page's fonts, crest and scripts load (no 404). Screenshots
 * of each role's home page, crime page and queue go to target/screenshots for a person to look at.
 */
@DisplayName("The demo's first five minutes: investigator, supervisor and neighbourhood officer in a real browser")
class DemoFirstFiveMinutesBrowserTest {

    private static final String WESTMINSTER = "E09000033";
    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(s -> SyntheticForce.demo(s.database().jdbi(), null, Map.of(), LocalDate.now(), Set.of(WESTMINSTER)))
            .user("dc.demo", Role.INVESTIGATOR, WESTMINSTER)
            .user("ds.demo", Role.CRIME_MANAGEMENT_SUPERVISOR, WESTMINSTER)
            .user("pc.neighbourhood", Role.NEIGHBOURHOOD_OFFICER, WESTMINSTER)
            .given(DemoFirstFiveMinutesBrowserTest::busiestInvestigator);

    /** The investigator's account is the Westminster investigator with the most open crimes, as the demo links it. */
    private static void busiestInvestigator(TestServer server) {
        var jdbi = server.database().jdbi();
        String busiest = jdbi.withHandle(h -> h.createQuery("""
                        select i.id from investigator i join investigation_team t on t.id = i.team_id
                        where t.borough_code = :b
                        order by (select count(*) from crime c where c.investigator_id = i.id
                                    and not exists (select 1 from crime_outcome o where o.crime_id = c.id)) desc, i.id
                        limit 1""").bind("b", WESTMINSTER).mapTo(String.class).one());
        InvestigatorStore investigators = new InvestigatorStore(jdbi);
        new InvestigatorAccounts(investigators, new AuditTrail(jdbi), Clock.systemDefaultZone())
                .link(busiest, "dc.demo", null, "test", null);
    }

    @Test
    @DisplayName("the investigator sees their caseload on the home page, opens it, and reads a crime in plain words")
    void investigator() throws IOException {
        signInFresh("dc.demo");
        List<WebElement> items = attention();
        assertThat(items).anySatisfy(a -> assertThat(a.getText()).contains("in your caseload"));
        HeadlessChromium.screenshot(browser, "investigator-home");
        assertAssetsLoaded();

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.partialLinkText("in your caseload")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My caseload");
        List<WebElement> crimes = browser.findElements(By.cssSelector("[data-testid=caseload-crimes] tbody a"));
        assertThat(crimes).isNotEmpty();
        HeadlessChromium.clickAndWait(browser, crimes.get(0));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Crime ");
        assertThat(browser.findElement(By.cssSelector("[data-testid=allocation]")).getText()).doesNotContain("queue");
        assertThat(browser.getPageSource()).doesNotContain("NEEDS_ASSESSMENT");
        HeadlessChromium.screenshot(browser, "investigator-crime");
        assertAssetsLoaded();

        browser.get(server.url("/investigation/queue"));
        HeadlessChromium.screenshot(browser, "investigator-queue");
        assertAssetsLoaded();
    }

    @Test
    @DisplayName("the supervisor sees overdue Victims' Code deadlines and screened-out crimes waiting, each linking to its list")
    void supervisor() throws IOException {
        signInFresh("ds.demo");
        List<WebElement> items = attention();
        assertThat(items).anySatisfy(a -> assertThat(a.getText()).contains("Victims' Code deadline"));
        assertThat(items).anySatisfy(a -> assertThat(a.getText()).contains("screened-out crime"));
        assertThat(browser.getPageSource()).doesNotContain("Nothing needs your attention");
        HeadlessChromium.screenshot(browser, "supervisor-home");
        assertAssetsLoaded();

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.partialLinkText("Victims' Code deadline")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Allocation queue");
        List<WebElement> overdue = browser.findElements(By.cssSelector("[data-testid=overdue] tbody tr"));
        assertThat(overdue).isNotEmpty().hasSizeLessThanOrEqualTo(25);
        // no crime waits in Westminster: every screened-in crime was owned at once
        assertThat(browser.findElements(By.cssSelector("[data-testid=queue-empty]"))).hasSize(1);
        HeadlessChromium.screenshot(browser, "supervisor-queue");
        assertAssetsLoaded();

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=overdue] tbody a")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Crime ");
        assertThat(browser.findElement(By.cssSelector("[data-testid=entitlement]")).getText()).isNotBlank();
        HeadlessChromium.screenshot(browser, "supervisor-crime");
        assertAssetsLoaded();
    }

    @Test
    @DisplayName("the neighbourhood officer sees the repeat and high-risk ASB callers to contact, opens the list narrowed to them, then Prevention")
    void neighbourhoodOfficer() throws IOException {
        signInFresh("pc.neighbourhood");
        List<WebElement> items = attention();
        assertThat(items).anySatisfy(a -> assertThat(a.getText()).containsPattern("(repeat|high-risk) ASB caller"));
        HeadlessChromium.screenshot(browser, "neighbourhood-home");
        assertAssetsLoaded();

        WebElement link = browser.findElement(By.partialLinkText("ASB caller"));
        String kind = link.getAttribute("href").replaceAll(".*kind=", "");
        HeadlessChromium.clickAndWait(browser, link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Flagged ASB victims");
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=flag-list] tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(kind.replace('-', ' ')));
        HeadlessChromium.screenshot(browser, "neighbourhood-queue");
        assertAssetsLoaded();

        // a neighbourhood officer works prevention, not investigations: their section page, with its ward tools
        browser.get(server.url("/prevention"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("Prevent");
        HeadlessChromium.screenshot(browser, "neighbourhood-prevention");
        assertAssetsLoaded();
    }

    private static void signInFresh(String username) {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, username);
        browser.get(server.url("/"));
    }

    private static List<WebElement> attention() {
        return browser.findElements(By.cssSelector("[data-testid=attention] li"));
    }

    /** Every font, image, style sheet and script the page asked for was answered, and GOV.UK's font is in use. */
    private static void assertAssetsLoaded() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400)"
                        + ".map(e => e.name + ' ' + e.responseStatus);");
        assertThat(failed).as("requests answered with an error on " + browser.getCurrentUrl()).isEmpty();
        Boolean font = (Boolean) js.executeScript("return [...document.fonts].some(f => f.family.includes('GDS Transport')"
                + " && f.status === 'loaded');");
        assertThat(font).as("GOV.UK font loaded on " + browser.getCurrentUrl()).isTrue();
    }
}
