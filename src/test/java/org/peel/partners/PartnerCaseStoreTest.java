package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Multi-agency cases: shared with their parties, actions per agency, the case review figures")
class PartnerCaseStoreTest {

    @Test
    @DisplayName("a case is found by its parties with its actions; the year's case review figures count it")
    void casesAndFigures() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        SharingStore sharing = new SharingStore(db.jdbi(), new AuditTrail(db.jdbi()), Clock.systemUTC());
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("WCC-ASB", "Council",
                OrganisationKind.COUNCIL_ASB, Fixtures.WESTMINSTER));
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("HOUSING", "Housing",
                OrganisationKind.HOUSING, Fixtures.WESTMINSTER));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-ASB", "ASB", List.of("WCC-ASB", "HOUSING"),
                "ASB", "Crime and Disorder Act 1998 s115", EnumSet.of(DataCategory.INCIDENT), "12 months",
                LocalDate.of(2020, 1, 1), LocalDate.of(2099, 1, 1), "Supt", null));
        PartnerCaseStore cases = new PartnerCaseStore(db.jdbi(), new AuditTrail(db.jdbi()));
        cases.open(Fixtures.administrator(), new PartnerCaseStore.PartnerCase("PC-1", "asb-case-review", "Elm Row",
                Fixtures.WESTMINSTER, null, "Noise", null, null, null, "ISA-ASB", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 1), "Warning", true, "3 complaints", List.of("WCC-ASB", "HOUSING"),
                List.of(new PartnerCaseStore.Action(0, "HOUSING", "Tenancy warning", LocalDate.of(2025, 4, 20), null),
                        new PartnerCaseStore.Action(0, "WCC-ASB", "CPW", LocalDate.of(2025, 4, 10), null))));
        cases.open(Fixtures.administrator(), new PartnerCaseStore.PartnerCase("PC-2", "asb-case-review", "Oak Court",
                Fixtures.WESTMINSTER, null, "Noise", null, null, null, "ISA-ASB", LocalDate.of(2025, 5, 1),
                null, null, false, "1 complaint", List.of("WCC-ASB"), List.of()));

        assertThat(cases.sharedWith("HOUSING")).extracting(PartnerCaseStore.PartnerCase::id).containsExactly("PC-1");
        assertThat(cases.sharedWith("WCC-ASB")).extracting(PartnerCaseStore.PartnerCase::id).containsExactly("PC-2", "PC-1");
        assertThat(cases.find("PC-1").orElseThrow().actions()).extracting(PartnerCaseStore.Action::action)
                .containsExactly("CPW", "Tenancy warning");
        // two applications in 2025, one met the threshold, one review held with recommendations
        assertThat(cases.caseReviewFigures(2025)).containsEntry("applications", 2).containsEntry("threshold_met", 1)
                .containsEntry("reviews_held", 1).containsEntry("with_recommendations", 1);
    }
}
