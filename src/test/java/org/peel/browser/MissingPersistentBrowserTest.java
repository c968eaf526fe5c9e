package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.people.PersonDetails;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;
import org.peel.vulnerability.MissingRiskGrade;
import org.peel.vulnerability.MissingSettings;
import org.peel.vulnerability.MissingStore;
import org.peel.vulnerability.RecordMissingReport;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A public protection officer records a third missing episode for a child spelt differently")
class MissingPersistentBrowserTest {

    private static final String[][] OTHERS = {{"Jordan", "Mensah"}, {"Amira", "Hussain"}, {"Tyler", "Okafor"},
            {"Chloe", "Walsh"}, {"Reece", "Campbell"}, {"Megan", "Hughes"}, {"Kai", "Nowak"}, {"Ruby", "Ellis"},
            {"Liam", "Osei"}, {"Priya", "Sharma"}, {"Ethan", "Ward"}, {"Jade", "Murphy"}, {"Noah", "Begum"},
            {"Holly", "Turner"}, {"Kofi", "Asante"}, {"Evie", "Parker"}};

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(s -> seed(s.user("ppo.missing", Role.PUBLIC_PROTECTION_OFFICER, null)));

    /** Kayleigh Robinson reported missing twice in the last six weeks, and other children once each. */
    private static void seed(User ppo) {
        var jdbi = server.database().jdbi();
        RecordMissingReport recorder = new RecordMissingReport(new MissingStore(jdbi), new AuditTrail(jdbi),
                MissingSettings.defaults());
        LocalDateTime now = LocalDateTime.now().withSecond(0).withNano(0);
        for (int i = 0; i < OTHERS.length; i++) {
            recorder.record(ppo, report(OTHERS[i][0], OTHERS[i][1], LocalDate.of(2008 + i % 6, 1 + i % 12, 3 + i),
                    (10 + i) + " Harrow Road", "W2 " + (1 + i % 9) + "AB", now.minusDays(20 + i)), null, null, "127.0.0.1");
        }
        String first = recorder.record(ppo, report("Kayleigh", "Robinson", LocalDate.of(2010, 4, 12),
                "14 Station Road", "SW1P 4QT", now.minusDays(40)), null, null, "127.0.0.1");
        long person = jdbi.withHandle(h -> h.createQuery("""
                        select l.person_id from person_record r join person_link l on l.person_record_id = r.seq
                        where r.source_id = :id and l.ended_at is null""").bind("id", first).mapTo(Long.class).one());
        recorder.record(ppo, report("Kayleigh", "Robinson", LocalDate.of(2010, 4, 12), "14 Station Road",
                "SW1P 4QT", now.minusDays(10)), person, null, "127.0.0.1");
    }

    private static RecordMissingReport.Report report(String given, String surname, LocalDate dob, String address,
                                                     String postcode, LocalDateTime at) {
        return new RecordMissingReport.Report(new PersonDetails(null, given, surname, null, dob, "F", address,
                postcode, null, null, null), false, at, Fixtures.WESTMINSTER, "Did not come home from school",
                null, MissingRiskGrade.MEDIUM, Set.of("out_of_character"));
    }

    @Test
    @DisplayName("the child is offered as a known person, the report joins her history, and she is on the persistent list")
    void thirdEpisodeMakesPersistent() throws IOException {
        HeadlessChromium.signIn(browser, server, "ppo.missing");
        browser.get(server.url("/vulnerability/missing"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=persistent-person]"))).isEmpty();

        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=report-missing]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Report a missing person");
        browser.findElement(By.id("missingForenames")).sendKeys("Kayley");
        browser.findElement(By.id("missingSurname")).sendKeys("Robinsen");
        browser.findElement(By.id("missingDob")).sendKeys("2010-04-12");
        browser.findElement(By.id("missingPostcode")).sendKeys("SW1P 4QT");
        WebElement candidate = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid=missing-candidate]"));
            return found.stream().filter(e -> e.getText().contains("Kayleigh Robinson")).findFirst().orElse(null);
        });
        candidate.findElement(By.cssSelector("input")).click();
        new Select(browser.findElement(By.id("borough"))).selectByValue(Fixtures.WESTMINSTER);
        browser.findElement(By.id("circumstances")).sendKeys("Left her placement after an argument; seen getting into a car");
        browser.findElement(By.id("factor-crime_victim")).click();
        browser.findElement(By.id("judgement-medium")).click();
        HeadlessChromium.screenshot(browser, "missing-report-form");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-missing-report]")));

        // seen in a car with a stranger: possible victim of crime, so medium is raised to high
        assertThat(browser.findElement(By.cssSelector("[data-testid=risk-grade]")).getText()).isEqualTo("Risk: high");
        assertThat(browser.findElement(By.cssSelector("[data-testid=persistent-tag]")).getText())
                .isEqualTo("Persistently missing");
        assertThat(browser.findElements(By.cssSelector("[data-testid=history] tbody tr"))).hasSize(3);

        browser.get(server.url("/vulnerability/missing?borough=" + Fixtures.WESTMINSTER));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=persistent-person]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Kayley Robinsen").contains("2010-04-12");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-testid=episodes-in-window]")).getText()).startsWith("3");
        HeadlessChromium.screenshot(browser, "missing-persistent-list");
    }
}
