package org.peel.partners;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.Role;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A partner agency's user updates their own agency's actions on a case shared with them, and nothing else")
class PartnerActionUpdateRoutesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    private TestServer server;

    /** Given MARAC-2025-1 shared with housing and the council (one action each), and CCP-2025-1 shared with the council only. */
    private WebClient start(Map<String, String> environment) {
        server = TestServer.start(environment, TODAY);
        var jdbi = server.database().jdbi();
        AuditTrail audit = new AuditTrail(jdbi);
        SharingStore sharing = new SharingStore(jdbi, audit, TODAY);
        for (String org : List.of("HOUSING", "WCC-ASB")) {
            sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation(org, org,
                    OrganisationKind.HOUSING, Fixtures.WESTMINSTER));
        }
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-ASB", "Westminster ASB",
                List.of("HOUSING", "WCC-ASB"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT), "12 months", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1),
                "Supt", null));
        PartnerCaseStore cases = new PartnerCaseStore(jdbi, audit);
        cases.open(Fixtures.administrator(), new PartnerCaseStore.PartnerCase("MARAC-2025-1", "asb-marac",
                "Family targeted", Fixtures.WESTMINSTER, null, "Harassment", null, null, null, "ISA-ASB",
                LocalDate.of(2025, 6, 1), null, null, null, null, List.of("HOUSING", "WCC-ASB"),
                List.of(new PartnerCaseStore.Action(0, "HOUSING", "Fit a door camera", LocalDate.of(2025, 7, 10), null),
                        new PartnerCaseStore.Action(0, "WCC-ASB", "Serve a CPW", LocalDate.of(2025, 7, 10), null))));
        cases.open(Fixtures.administrator(), new PartnerCaseStore.PartnerCase("CCP-2025-1", "complex-case-panel",
                "Hoarding", Fixtures.WESTMINSTER, null, "Hoarding", null, null, null, "ISA-ASB",
                LocalDate.of(2025, 6, 1), null, null, null, null, List.of("WCC-ASB"),
                List.of(new PartnerCaseStore.Action(0, "HOUSING", "Inspect the flat", LocalDate.of(2025, 7, 10), null))));
        WebClient housing = server.signedIn("housing.officer", Role.PARTNER, Fixtures.WESTMINSTER);
        sharing.linkAccount(Fixtures.administrator(), "housing.officer", "HOUSING");
        return housing;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long action(String caseId, String org) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select id from partner_case_action where case_id = :c and organisation_id = :o")
                .bind("c", caseId).bind("o", org).mapTo(Long.class).one());
    }

    private Map<String, Object> row(long id) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "select status, note, done_on::text as done, updated_by from partner_case_action where id = :id")
                .bind("id", id).mapToMap().one());
    }

    private long audited(String action, String outcome, long id) {
        return server.database().jdbi().withHandle(h -> h.createQuery("""
                        select count(*) from audit_event where action = :a and outcome = :o
                          and record_type = 'partner_case_action' and record_id = :id""")
                .bind("a", action).bind("o", outcome).bind("id", Long.toString(id)).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("housing marks its own action completed with a note and date: saved, and audited with the change")
    void ownAction() {
        WebClient housing = start(Map.of());
        long own = action("MARAC-2025-1", "HOUSING");
        assertThat(housing.get("/partners/cases/MARAC-2025-1?purpose=panel").body())
                .contains("data-testid=\"update-action-" + own + "\"")
                .doesNotContain("data-testid=\"update-action-" + action("MARAC-2025-1", "WCC-ASB") + "\"");
        HttpResponse<String> r = housing.post("/partners/cases/MARAC-2025-1/actions/" + own, Map.of(
                "status", "completed", "note", "Camera fitted", "completedOn", "2025-06-30"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(row(own)).containsEntry("status", "completed").containsEntry("note", "Camera fitted")
                .containsEntry("done", "2025-06-30").containsEntry("updated_by", "housing.officer");
        assertThat(audited("partner-case-action-update", "success", own)).isEqualTo(1);
        assertThat(housing.get("/partners/cases/MARAC-2025-1?purpose=panel").body()).contains("Camera fitted");

        HttpResponse<String> future = housing.post("/partners/cases/MARAC-2025-1/actions/" + own, Map.of(
                "status", "completed", "note", "", "completedOn", "2025-07-02"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("The completed date cannot be in the future");
    }

    @Test
    @DisplayName("refused and audited: the council's action, rewriting the action's text, and a case not shared with housing")
    void refusals() {
        WebClient housing = start(Map.of());
        long council = action("MARAC-2025-1", "WCC-ASB");
        HttpResponse<String> other = housing.post("/partners/cases/MARAC-2025-1/actions/" + council,
                Map.of("status", "completed", "note", "", "completedOn", "2025-06-30"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("the action is for WCC-ASB, not for HOUSING");
        assertThat(row(council)).containsEntry("status", "open");
        assertThat(audited("access-denied", "denied", council)).isEqualTo(1);

        long own = action("MARAC-2025-1", "HOUSING");
        HttpResponse<String> rewrite = housing.post("/partners/cases/MARAC-2025-1/actions/" + own,
                Map.of("status", "open", "action", "Nothing needed", "dueOn", "2026-01-01"));
        assertThat(rewrite.statusCode()).isEqualTo(403);
        assertThat(rewrite.body()).contains("not action, due_on");

        long unshared = action("CCP-2025-1", "HOUSING");
        HttpResponse<String> notParty = housing.post("/partners/cases/CCP-2025-1/actions/" + unshared,
                Map.of("status", "in-progress", "note", "", "completedOn", ""));
        assertThat(notParty.statusCode()).isEqualTo(403);
        assertThat(notParty.body()).contains("the case is not shared with HOUSING");
        assertThat(row(unshared)).containsEntry("status", "open");
        assertThat(audited("access-denied", "denied", unshared)).isEqualTo(1);
        assertThat(audited("partner-case-action-update", "success", unshared)).isZero();
    }

    @Test
    @DisplayName("with PEEL_PARTNER_UPDATES_OWN_ACTIONS=false, housing's own action stays read-only")
    void settingOff() {
        WebClient housing = start(Map.of("PEEL_PARTNER_UPDATES_OWN_ACTIONS", "false"));
        long own = action("MARAC-2025-1", "HOUSING");
        HttpResponse<String> r = housing.post("/partners/cases/MARAC-2025-1/actions/" + own,
                Map.of("status", "in-progress", "note", "", "completedOn", ""));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(row(own)).containsEntry("status", "open");
    }
}
