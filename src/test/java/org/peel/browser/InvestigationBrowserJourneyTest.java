package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peel.access.Role;
import org.peel.testing.BrowserFixture;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An officer records a crime in a real browser and sees it allocated with its Victims' Code deadlines")
class InvestigationBrowserJourneyTest {

    private static final String WESTMINSTER = "E09000033";
    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("pc.record", Role.RESPONSE_OFFICER, WESTMINSTER)
            .given(InvestigationBrowserJourneyTest::teamAndPostcode);

    private static void teamAndPostcode(TestServer server) {
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-VC', ?, 'Westminster volume crime', 'Volume crime', 2)", WESTMINSTER);
            // the theft needs PIP 1, so both qualify; VC1 already carries a crime, so VC2's lighter caseload decides
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('VC1', 'T-VC', 'DC Mensah', 1, 'Volume crime')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('VC2', 'T-VC', 'DC Byrne', 2, 'Volume crime')");
            h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code, domestic_abuse, hate) values ('OLD', now(), now(), 'Shoplifting', 'Shoplifting', ?, false, false)", WESTMINSTER);
            h.execute("insert into crime_allocation (crime_id, investigator_id, weight, allocated_at, allocated_by, rule_version, reasons) values ('OLD', 'VC1', 1, now(), 'test', 'allocation-1', '')");
            // the postcode directory knows one Westminster postcode, in St James's ward
            h.execute("insert into ward (code, name, borough_code) values ('E05000644', 'St James''s', ?) on conflict do nothing", WESTMINSTER);
            h.execute("insert into lsoa (code, ward_code, borough_code, centroid_lat, centroid_lon) values ('E01004734', 'E05000644', ?, 51.501, -0.135) on conflict do nothing", WESTMINSTER);
            h.execute("insert into place_postcode (postcode, ward_code, lsoa_code, source) values ('SW1A 2AA', 'E05000644', 'E01004734', 'test') on conflict do nothing");
        });
    }

    @Test
    @DisplayName("theft from a vulnerable victim with a named suspect, placed by its postcode: allocated to DC Byrne on duty, referral due in 2 working days, the account on the crime's page")
    void recordCrime() throws IOException {
        HeadlessChromium.signIn(browser, server, "pc.record");
        browser.get(server.url("/investigation/crimes/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record a crime");

        new Select(browser.findElement(By.id("offence"))).selectByVisibleText("Theft from the person");
        browser.findElement(By.id("committed")).sendKeys("2024-03-01 14:20");
        browser.findElement(By.id("account")).sendKeys("Purse taken from her handbag at the bus stop by a man who ran off.");
        browser.findElement(By.id("address")).sendKeys("Bus stop outside 10 Downing Street, sw1a 2aa");
        assertThat(new Select(browser.findElement(By.id("borough"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(WESTMINSTER);
        browser.findElement(By.id("victim_forenames")).sendKeys("Edith");
        browser.findElement(By.id("victim_surname")).sendKeys("Example");
        browser.findElement(By.id("victim_dob")).sendKeys("1938-02-11");
        // keyboard: tab onto the checkbox and press space, as a keyboard user would
        WebElement vulnerable = browser.findElement(By.id("victim_evidence_affected"));
        vulnerable.sendKeys(Keys.SPACE);
        assertThat(vulnerable.isSelected()).isTrue();
        browser.findElement(By.id("personal_statement-TAKEN")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("suspect_forenames")).sendKeys("Sam");
        browser.findElement(By.id("suspect_surname")).sendKeys("Sample");
        HeadlessChromium.clickAndWait(browser,
                browser.findElement(By.cssSelector("form[action='/investigation/crimes'] button[type=submit]")));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as(() -> "form errors: " + browser.findElements(By.cssSelector(".govuk-error-summary")).stream()
                        .map(WebElement::getText).toList())
                .isEqualTo("Crime recorded");
        String allocation = browser.findElement(By.cssSelector("[data-testid=allocation]")).getText();
        assertThat(allocation).contains("Allocated at recording to DC Byrne, on duty, accredited for PIP 2 volume crime")
                .contains("VC2");
        assertThat(browser.findElement(By.cssSelector("[data-testid=screening]")).getText())
                .contains("Screened in: high priority, PIP 1, Volume crime");
        assertThat(browser.findElement(By.cssSelector("[data-testid=entitlement]")).getText())
                .contains("Enhanced service (vulnerable)");
        String deadlines = browser.findElement(By.cssSelector("[data-testid=deadlines]")).getText();
        assertThat(deadlines).contains("Details passed to victim services").contains("Victim personal statement offered")
                .contains("Needs assessment").contains("Done");
        HeadlessChromium.screenshot(browser, "investigation-recorded");

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid^=crime-] a")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=story]")).getText())
                .contains("at Bus stop outside 10 Downing Street, sw1a 2aa (St James's ward, Westminster)");
        assertThat(browser.findElement(By.cssSelector("[data-testid=account]")).getText())
                .isEqualTo("Purse taken from her handbag at the bus stop by a man who ran off.");
        HeadlessChromium.screenshot(browser, "investigation-crime-page");
    }
}
