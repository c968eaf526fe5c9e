package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.testing.Fixtures.WESTMINSTER;

@DisplayName("A section's page offers only the pages the user may open")
class SectionPageTest {

    /** The link of each entry the section's page offers. */
    private static final Pattern CARD_LINK = Pattern.compile(
            "<div class=\"peel-card\">\\s*<h2[^>]*><a class=\"govuk-link\" href=\"([^\"]+)\"");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> offered(WebClient client, Section section) {
        var page = client.get(section.path());
        assertThat(page.statusCode()).as(section.path()).isEqualTo(200);
        List<String> links = new ArrayList<>();
        Matcher m = CARD_LINK.matcher(page.body());
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    @DisplayName("a response officer is offered 'Report a person missing', not the coordinator's list or the CSE queues"
            + " they would be refused")
    void responseOfficerVulnerability() {
        // given a response officer in Westminster, who may report a person missing but holds no child protection role
        WebClient officer = server.signedIn("resp.sections", Role.RESPONSE_OFFICER, WESTMINSTER);

        // when they open the Vulnerability section
        List<String> links = offered(officer, Section.VULNERABILITY);

        // then the report form is offered and opens; the child protection lists are neither offered nor opened
        assertThat(links).contains("/vulnerability/missing/new")
                .doesNotContain("/vulnerability/missing", "/vulnerability/cse");
        assertThat(officer.get("/vulnerability/missing/new").statusCode()).isEqualTo(200);
        assertThat(officer.get("/vulnerability/missing").statusCode()).isEqualTo(403);
        assertThat(officer.get("/vulnerability/cse").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("the borough's caseloads are offered to its crime management supervisor, not to an investigator")
    void caseloadsForSupervisors() {
        WebClient investigator = server.signedIn("inv.sections", Role.INVESTIGATOR, WESTMINSTER);
        WebClient supervisor = server.signedIn("cms.sections", Role.CRIME_MANAGEMENT_SUPERVISOR, WESTMINSTER);

        assertThat(offered(investigator, Section.INVESTIGATION)).contains("/investigation/caseload")
                .doesNotContain("/investigation/caseloads");
        assertThat(offered(supervisor, Section.INVESTIGATION)).contains("/investigation/caseloads");
        assertThat(supervisor.get("/investigation/caseloads").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a read-only inspector is not offered forms that record")
    void inspectorRecordsNothing() {
        WebClient inspector = server.signedIn("insp.sections", Role.INSPECTOR, null);

        assertThat(offered(inspector, Section.INVESTIGATION)).isNotEmpty().doesNotContain("/investigation/crimes/new");
        assertThat(offered(inspector, Section.PREVENTION)).isNotEmpty().doesNotContain("/prevention/asb/new");
        assertThat(inspector.get("/investigation/crimes/new").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("for every role, no page a section offers refuses it")
    void noOfferedPageRefuses() {
        List<String> refused = new ArrayList<>();
        for (Role role : Role.values()) {
            WebClient client = server.signedIn("every." + role.name().toLowerCase(), role,
                    role.isLocal() ? WESTMINSTER : null);
            for (Section section : Section.values()) {
                if (section == Section.ADMINISTRATION || !role.sections().contains(section)) {
                    continue;
                }
                for (String link : offered(client, section)) {
                    int status = client.get(link).statusCode();
                    if (status == 403) {
                        refused.add(role + " " + section.path() + " -> " + link);
                    }
                }
            }
        }
        assertThat(refused).isEmpty();
    }
}
