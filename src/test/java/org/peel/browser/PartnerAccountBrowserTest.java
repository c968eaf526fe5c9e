package org.peel.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.Role;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.partners.PartnerCaseStore;
import org.peel.testing.BrowserFixture;
import org.peel.testing.Fixtures;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestServer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A council ASB officer sees only the shared case their agreement covers, and cannot open a crime")
class PartnerAccountBrowserTest {

    private static TestServer server;
    private static WebDriver browser;

    @RegisterExtension
    static final BrowserFixture peel = BrowserFixture.onTestServer()
            .user("asb.officer", Role.PARTNER, Fixtures.WESTMINSTER)
            .given(PartnerAccountBrowserTest::agreementsAndCases);

    private static void agreementsAndCases(TestServer server) {
        var jdbi = server.database().jdbi();
        SharingStore sharing = new SharingStore(jdbi, new AuditTrail(jdbi), Clock.systemUTC());
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("WCC-ASB",
                "Westminster City Council ASB team", OrganisationKind.COUNCIL_ASB, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("PROBATION",
                "Probation Service London", OrganisationKind.PROBATION, null));
        sharing.linkAccount(Fixtures.administrator(), "asb.officer", "WCC-ASB");
        // an active agreement giving the council incident and identity data, not contact or vulnerability
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-ASB", "Westminster ASB cases",
                List.of("WCC-ASB"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY), "12 months after closure",
                LocalDate.of(2020, 1, 1), LocalDate.of(2099, 1, 1), "Supt. Neighbourhoods", null));
        // an agreement with the council that lapsed, and one with probation only
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-OLD", "Old ASB panel",
                List.of("WCC-ASB"), "ASB panel", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT), "12 months", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1),
                "Supt. Neighbourhoods", null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-PROB", "IOM cohort",
                List.of("PROBATION"), "Offender management", "Offender Management Act 2007 s14",
                EnumSet.of(DataCategory.OFFENDING), "6 years", LocalDate.of(2020, 1, 1), LocalDate.of(2099, 1, 1),
                "DCI Offender management", null));
        PartnerCaseStore cases = new PartnerCaseStore(jdbi, new AuditTrail(jdbi));
        cases.open(Fixtures.administrator(), partnerCase("PC-1", "Noise and threats at Elm Row", "ISA-ASB", "WCC-ASB"));
        cases.open(Fixtures.administrator(), partnerCase("PC-2", "Old panel case at Oak Court", "ISA-OLD", "WCC-ASB"));
        cases.open(Fixtures.administrator(), partnerCase("PC-3", "Prolific offender review", "ISA-PROB", "PROBATION"));
        jdbi.useHandle(h -> h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   domestic_abuse, hate)
                values ('CR-1', now(), now(), 'Robbery', 'Robbery', ?, false, false)""", Fixtures.WESTMINSTER));
    }

    private static PartnerCaseStore.PartnerCase partnerCase(String id, String title, String agreement, String party) {
        return new PartnerCaseStore.PartnerCase(id, "asb-case-review", title, Fixtures.WESTMINSTER, null,
                "Repeated shouting and threats reported by three neighbours", "Dana Flint", "07700 900123",
                "Victim lives alone and is disabled", agreement, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1),
                "Council to serve a community protection warning", true, "3 qualifying complaints", List.of(party),
                List.of(new PartnerCaseStore.Action(0, party, "Serve a community protection warning",
                        LocalDate.of(2025, 4, 15), null)));
    }

    @Test
    @DisplayName("signs in, lists one case, opens it with a purpose, sees what the agreement gives, and is refused a crime")
    void councilOfficer() throws IOException {
        HeadlessChromium.signIn(browser, server, "asb.officer");

        browser.get(server.url("/partners/cases"));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=case-list] tbody tr"));
        assertThat(rows).as(browser.getPageSource()).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Noise and threats at Elm Row").doesNotContain("Oak Court");
        HeadlessChromium.screenshot(browser, "partner-cases");

        HeadlessChromium.clickAndWait(browser, rows.get(0).findElement(By.tagName("a")));
        browser.findElement(By.id("purpose")).sendKeys("ASB case review meeting");
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[type=submit].govuk-button")));

        assertThat(browser.findElement(By.cssSelector("[data-testid=case-title]")).getText())
                .isEqualTo("Noise and threats at Elm Row");
        String fields = browser.findElement(By.cssSelector("[data-testid=case-fields]")).getText();
        assertThat(fields).contains("Repeated shouting", "Dana Flint")
                .doesNotContain("07700 900123").doesNotContain("lives alone");
        assertThat(browser.findElement(By.cssSelector("[data-testid=withheld]")).getText())
                .contains("address, postcode and telephone").contains("risk and vulnerability assessments");
        HeadlessChromium.screenshot(browser, "partner-case");

        browser.get(server.url("/partners/cases/PC-3?purpose=curious"));
        assertThat(browser.getPageSource()).contains("Your organisation is not a party to this case")
                .doesNotContain("Prolific offender review");

        browser.get(server.url("/investigation/crimes/CR-1"));
        assertThat(browser.getPageSource()).contains("has no access to Investigation").doesNotContain("Robbery");

        var jdbi = server.database().jdbi();
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from share_log where recipient_id = 'WCC-ASB' and allowed and record_ids = '{partner_case:PC-1}'")
                .mapTo(Integer.class).one())).as("the case opened is logged as a share").isEqualTo(1);
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from audit_event where username = 'asb.officer' and outcome = 'denied'")
                .mapTo(Integer.class).one())).as("both refusals audited").isEqualTo(2);
    }
}
