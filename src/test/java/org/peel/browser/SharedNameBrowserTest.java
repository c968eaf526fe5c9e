package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peel.access.Role;
import org.peel.people.BatchLinkage;
import org.peel.people.IdentityResolution;
import org.peel.people.PeopleStore;
import org.peel.people.PeopleWebRecords;
import org.peel.people.PersonRecordSource;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A call handler is told an age has not told a shared name apart, asks again, and records the reason when the caller will not say")
class SharedNameBrowserTest {

    /** The year the records are born relative to: the server runs on the system clock. */
    private static final int THIS_YEAR = LocalDate.now().getYear();
    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("pc.ottilie", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER)
            .user("dc.ottilie", Role.INVESTIGATOR, Fixtures.WESTMINSTER)
            .given(s -> PeopleWebRecords.eightOttilies(s.database().jdbi(), THIS_YEAR));

    @Test
    @DisplayName("name and an age of 30-35: the panel says 7 share the name and a birth year, the form asks on the age field, a reason records her and is shown and counted")
    void askedAgainAfterAge() throws IOException {
        // an age of 30 to 35 stands for birth years THIS_YEAR − 36 to THIS_YEAR − 30 (1990–1996 in 2026), in which
        // 7 of the 8 Ottilie Brackenburys were born
        String years = (THIS_YEAR - 36) + "–" + (THIS_YEAR - 30);
        HeadlessChromium.signIn(browser, server, "pc.ottilie");
        browser.get(server.url("/prevention/asb/new"));
        browser.findElement(By.id("category")).click();
        new Select(browser.findElement(By.id("subType"))).selectByVisibleText("Rowdy/nuisance neighbours");
        browser.findElement(By.id("description")).sendKeys("Shouting on the landing late at night");
        browser.findElement(By.id("address")).sendKeys("Flat 4, 8 Canal Row");
        browser.findElement(By.id("victimForenames")).sendKeys("Ottilie");
        browser.findElement(By.id("victimSurname")).sendKeys("Brackenbury");
        browser.findElement(By.id("victimAge")).sendKeys("30-35");

        WebElement warning = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d
                .findElements(By.cssSelector("[data-testid=victim-shared-name]")).stream()
                .filter(e -> e.getText().contains("birth year")).findFirst().orElse(null));
        assertThat(warning.getText()).contains("7 records in Peel share this name and a birth year in " + years
                + ", too many to tell apart by the name and age alone: ask for a date of birth or a postcode before"
                + " recording someone new.");
        browser.findElement(By.id("targeted")).click();
        browser.findElement(By.id("impact-some")).click();
        browser.findElement(By.id("duration-weeks")).click();
        // none of the five offered is her: someone new
        browser.findElement(By.id("victimPersonId-none")).click();
        HeadlessChromium.screenshot(browser, "shared-name-after-age");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-incident]")));

        assertThat(browser.findElement(By.id("victimAge-error")).getText())
                .contains("7 records in Peel share this name and a birth year in " + years)
                .contains("enter a date of birth or a postcode, or say why the caller would not give one");
        assertThat(browser.findElements(By.id("victimDob-error"))).isEmpty();
        assertThat(browser.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("Shouting on the landing late at night");

        new Select(browser.findElement(By.id("victimNotGiven"))).selectByVisibleText("The caller would not give one");
        // the panel is offered again with the form: still someone new
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("victimPersonId-none"))
                .stream().findFirst().orElse(null)).click();
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-incident]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=incident-id]")).getText()).contains("recorded");

        // once the records are linked, her person's page says how her record was made, and the review page counts it
        var jdbi = server.database().jdbi();
        new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE), "peel link run");
        String ref = jdbi.withHandle(h -> h.createQuery("""
                        select p.public_ref::text from person_record_not_given g
                        join person_record r on r.id = g.person_record_id
                        join person_link l on l.person_record_id = r.seq and l.ended_at is null
                        join person p on p.id = l.person_id""").mapTo(String.class).one());
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, server, "dc.ottilie");
        browser.get(server.url("/people/" + ref));
        assertThat(browser.findElement(By.cssSelector("[data-testid=not-given]")).getText())
                .isEqualTo("Recorded with only an approximate age (born " + years + ", as 7 records of this name were)"
                        + " and no date of birth or postcode: the caller would not give one");
        HeadlessChromium.screenshot(browser, "shared-name-person-page");
        browser.get(server.url("/people/review"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=without-detail] [data-reason=REFUSED]")).getText())
                .isEqualTo("The caller would not give one 1");
        assertThat(browser.findElement(By.cssSelector("[data-testid=without-detail] [data-reason=UNKNOWN]")).getText())
                .isEqualTo("The caller does not know them 0");
    }
}
