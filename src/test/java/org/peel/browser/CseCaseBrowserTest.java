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

@DisplayName("A public protection officer starts a CSE case on a child from a school's referral")
class CseCaseBrowserTest {

    private static final String[][] OTHERS = {{"Jordan", "Mensah"}, {"Amira", "Hussain"}, {"Tyler", "Okafor"},
            {"Chloe", "Walsh"}, {"Reece", "Campbell"}, {"Megan", "Hughes"}, {"Kai", "Nowak"}, {"Ruby", "Ellis"},
            {"Liam", "Osei"}, {"Priya", "Sharma"}, {"Ethan", "Ward"}, {"Jade", "Murphy"}, {"Noah", "Begum"},
            {"Holly", "Turner"}, {"Kofi", "Asante"}, {"Evie", "Parker"}};

    private static final LocalDate DOB = LocalDate.now().minusYears(14).withDayOfMonth(9);

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .given(CseCaseBrowserTest::knownChild);

    private static void knownChild(TestServer server) {
        User ppo = server.user("ppo.cse.browser", Role.PUBLIC_PROTECTION_OFFICER, null);
        // Peel already knows Demi Foster from two missing reports, spelt two ways, among other children
        var jdbi = server.database().jdbi();
        RecordMissingReport recorder = new RecordMissingReport(new MissingStore(jdbi), new AuditTrail(jdbi),
                MissingSettings.defaults());
        for (int i = 0; i < OTHERS.length; i++) {
            recorder.record(ppo, new RecordMissingReport.Report(new PersonDetails(null, OTHERS[i][0], OTHERS[i][1],
                    null, LocalDate.of(2009 + i % 6, 1 + i % 12, 3 + i), i % 2 == 0 ? "F" : "M", (10 + i) + " Harrow Road",
                    "W2 " + (1 + i % 9) + "AB", null, null, null), false,
                    LocalDateTime.now().minusDays(20 + i).withSecond(0).withNano(0), Fixtures.WESTMINSTER,
                    "Did not come home from school", null, MissingRiskGrade.LOW, Set.of()), null, null, "127.0.0.1");
        }
        String first = recorder.record(ppo, demi("Demi", 50), null, null, "127.0.0.1");
        long known = jdbi.withHandle(h -> h.createQuery("""
                        select l.person_id from person_record r join person_link l on l.person_record_id = r.seq
                        where r.source_id = :id and l.ended_at is null""").bind("id", first).mapTo(Long.class).one());
        recorder.record(ppo, demi("Demmie", 25), known, null, "127.0.0.1");
    }

    private static RecordMissingReport.Report demi(String given, int daysAgo) {
        return new RecordMissingReport.Report(new PersonDetails(null, given, "Foster", null, DOB, "F",
                "21 Vincent Square", "SW1P 2NA", null, null, null), false,
                LocalDateTime.now().minusDays(daysAgo).withSecond(0).withNano(0), Fixtures.WESTMINSTER,
                "Stayed out overnight", null, MissingRiskGrade.LOW, Set.of());
    }

    @Test
    @DisplayName("the known child is offered, three signs of exploitation grade her high, and she is on the CSE team's queue")
    void startCase() throws IOException {
        HeadlessChromium.signIn(browser, server, "ppo.cse.browser");
        browser.get(server.url("/vulnerability/cse"));
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=start-cse-case]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Start a CSE case");

        browser.findElement(By.id("childForenames")).sendKeys("Demmi");
        browser.findElement(By.id("childSurname")).sendKeys("Foster");
        browser.findElement(By.id("childDob")).sendKeys(DOB.toString());
        browser.findElement(By.id("childPostcode")).sendKeys("SW1P 2NA");
        WebElement candidate = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-testid=child-candidate]"));
            return found.stream().filter(e -> e.getText().contains("Foster")).findFirst().orElse(null);
        });
        candidate.findElement(By.cssSelector("input")).click();
        new Select(browser.findElement(By.id("borough"))).selectByValue(Fixtures.WESTMINSTER);
        // 2 + 2 + 2 = 6: high from 6
        browser.findElement(By.id("indicator-older_associates")).click();
        browser.findElement(By.id("indicator-gifts_money")).click();
        browser.findElement(By.id("indicator-known_locations")).click();
        HeadlessChromium.screenshot(browser, "cse-case-form");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("[data-testid=save-cse-case]")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Child sexual exploitation");
        WebElement row = browser.findElement(By.cssSelector("[data-testid=cse-team] [data-testid=cse-row-started]"));
        assertThat(row.getText()).contains("Demmi Foster").contains("high").contains("score 6")
                .contains("to the sexual exploitation team").contains(LocalDate.now().plusDays(30).toString());
        HeadlessChromium.screenshot(browser, "cse-case-queue");

        // the case joined the child Peel knew: one person with both records
        long persons = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select count(distinct l.person_id) from person_record r
                        join person_link l on l.person_record_id = r.seq and l.ended_at is null
                        where lower(r.surname) = 'foster'""").mapTo(Long.class).one());
        assertThat(persons).isEqualTo(1);
    }
}
