package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.SharingStore;
import org.peel.partners.DemoPartnersPass;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo's partners: agreements with one lapsing soon, case reviews, panels and ambulance call-outs")
class DemoPartnersPassTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final String WESTMINSTER = "E09000033";

    @Test
    @DisplayName("every agreement active, one within the 60 warning days; call-outs from the force's violence, some unreported")
    void demoPartners() throws IOException {
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        // wards and LSOA centres, as the demo loads them, to place each call-out in a ward
        new org.peel.place.GeographyImporter(new org.peel.place.PlaceStore(jdbi))
                .importFrom(org.peel.testing.SharedData.require("geography"));
        // the force drawn on the same geography, so that its crimes lie in the wards the call-outs are placed in
        ForceSpec met = ForceSources.load("Metropolitan Police", SyntheticFixtures.JUNE_2015,
                org.peel.testing.SharedData.root());
        Generation g = new Generation(met.name(), 0.002, 7, SyntheticFixtures.JUNE_2015).endingBefore(TODAY)
                .staffing(Set.of());
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            SyntheticForce.generate(met, g, SyntheticSettings.defaults(), sink);
        }
        Clock clock = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        AuditTrail audit = new AuditTrail(jdbi);
        DemoPartnersPass.Summary s = DemoPartnersPass.prepare(jdbi, audit, clock, WESTMINSTER);

        SharingStore sharing = new SharingStore(jdbi, audit, clock);
        assertThat(sharing.agreements()).allMatch(a -> a.activeOn(TODAY));
        assertThat(sharing.agreements().stream().filter(a -> a.renewalDue(TODAY, 60))).hasSize(1);
        assertThat(s.caseReviews()).isEqualTo(14);
        assertThat(s.thresholdsMet()).isBetween(1, 13);
        // a review meeting only where the threshold was met, and recommendations only after a meeting
        assertThat(count(jdbi, "select count(*) from partner_case where meeting_on is not null and not threshold_met"))
                .isZero();
        assertThat(count(jdbi, """
                select count(*) from partner_case_recommendation r join partner_case c on c.id = r.case_id
                where c.meeting_on is null"""))
                .isZero();
        assertThat(s.panels()).isEqualTo(5);
        assertThat(s.callOuts()).isPositive();
        assertThat(s.likelyUnreported()).isPositive().isLessThan(s.callOuts());
        assertThat(s.unreportedShare()).isBetween(0.01, 0.5);
        // a second run adds nothing
        assertThat(DemoPartnersPass.prepare(jdbi, audit, clock, WESTMINSTER).callOuts()).isZero();
        new org.peel.access.UserAccounts(new org.peel.access.AccessStore(jdbi), audit).create(null, "partner",
                "Demo partner", org.peel.access.Role.PARTNER, WESTMINSTER, org.peel.access.Passwords.generate(), "test");
        DemoPartnersPass.linkAccounts(jdbi, audit, clock, WESTMINSTER);
        assertThat(sharing.organisationOf("partner")).contains("WCC-ASB");
        assertThat(sharing.organisationOf("probation.partner")).contains("PROBATION-LDN");
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
