package org.peel.partners;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

@DisplayName("A complex case panel's meeting pack: released per agency through the share gate, reduced to the agreement")
class PanelPackRoutesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String PACK = "/partners/panels/complex-case-panel/meetings/2025-07-03/pack";
    private TestServer server;

    /** Given one case for the panel on 3 July, shared with housing under an agreement for incident and identity only. */
    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), TODAY);
        var jdbi = server.database().jdbi();
        AuditTrail audit = new AuditTrail(jdbi);
        SharingStore sharing = new SharingStore(jdbi, audit, TODAY);
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("HOUSING",
                "Westminster housing", OrganisationKind.HOUSING, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("PROBATION",
                "Probation", OrganisationKind.PROBATION, null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-PANEL", "Westminster panel",
                List.of("HOUSING"), "Complex case panel", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY), "2 years after closure",
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), "Ch Insp Partnerships", null));
        new PartnerCaseStore(jdbi, audit).open(Fixtures.administrator(), new PartnerCaseStore.PartnerCase("CCP-2025-1",
                "complex-case-panel", "Hoarding and fire risk", Fixtures.WESTMINSTER, null,
                "Tenant hoarding; two small fires", "Jo Bloggs", "07700 900123", "High: fire risk to neighbours",
                "ISA-PANEL", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 3), null, null, null,
                List.of("HOUSING"), List.of(new PartnerCaseStore.Action(0, "HOUSING", "Deep clean and fire check",
                LocalDate.of(2025, 7, 20), null))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("to housing as CSV: the case and its actions; the risk and telephone withheld as outside the agreement")
    void reducedToAgreement() {
        WebClient pc = server.signedIn("pc.ccp", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get(PACK).body()).contains("Complex case panel meeting pack, 3 July 2025").contains("1 case heard");
        HttpResponse<String> csv = pc.post(PACK, Map.of("recipient", "HOUSING", "agreement", "ISA-PANEL",
                "purpose", "panel 3 July", "format", "csv"));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("CCP-2025-1").contains("Jo Bloggs").contains("Hoarding and fire risk")
                .contains("HOUSING: Deep clean and fire check (due 2025-07-20, open)")
                .doesNotContain("07700 900123").doesNotContain("fire risk to neighbours");
        String withheld = server.database().jdbi().withHandle(h -> h.createQuery(
                "select array_to_string(categories_withheld, ',') from share_log order by id desc limit 1")
                .mapTo(String.class).one());
        assertThat(withheld).isEqualTo("contact,vulnerability");
    }

    @Test
    @DisplayName("to probation, not a party to the agreement: refused with the reason, logged and audited as denied")
    void refused() {
        WebClient pc = server.signedIn("pc.ccp2", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get(PACK);
        HttpResponse<String> refused = pc.post(PACK, Map.of("recipient", "PROBATION", "agreement", "ISA-PANEL",
                "purpose", "panel 3 July", "format", "pdf"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("recipient PROBATION is not a party to agreement ISA-PANEL")
                .doesNotContain("Jo Bloggs");
        long denied = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select count(*) from share_log s join audit_event a on a.action = 'share'
                          and a.record_id = s.id::text and a.outcome = 'denied'
                        where s.recipient_id = 'PROBATION' and not s.allowed""").mapTo(Long.class).one());
        assertThat(denied).isEqualTo(1);
        WebClient partner = server.signedIn("housing.user", Role.PARTNER, Fixtures.WESTMINSTER);
        assertThat(partner.get(PACK).statusCode()).isEqualTo(403);
    }
}
