package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.common.BadInput;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A force's own screening and allocation settings, and its central units")
class InvestigationSettingsTest {

    @Test
    @DisplayName("Named overrides change only what they name; unknown names and bad numbers are refused")
    void overrides() {
        InvestigationSettings s = InvestigationSettings.of(Map.of("harm.BICYCLE_THEFT", "30", "allocation.caseload_cap", "40",
                "allocation.weight.HIGH", "4", "allocation.central.FRAUD", "true", "screening.solvability_threshold", "3"));
        assertThat(s.screening().harmOf(OffenceGroup.BICYCLE_THEFT)).isEqualTo(30);
        assertThat(s.screening().harmOf(OffenceGroup.SHOPLIFTING)).isEqualTo(2);
        assertThat(s.screening().solvabilityThreshold()).isEqualTo(3);
        assertThat(s.allocation().caseloadCap()).isEqualTo(40);
        assertThat(s.allocation().weightOf(Priority.HIGH)).isEqualTo(4);
        assertThat(s.allocation().centralSpecialisms()).containsExactly(Specialism.FRAUD);
        assertThatThrownBy(() -> InvestigationSettings.of(Map.of("harm.JAYWALKING", "3"))).isInstanceOf(BadInput.class)
                .hasMessageContaining("harm.JAYWALKING");
        assertThatThrownBy(() -> InvestigationSettings.of(Map.of("allocation.caseload_cap", "lots"))).isInstanceOf(BadInput.class)
                .hasMessageContaining("whole number");
    }

    @Test
    @DisplayName("Fraud set to central goes to the central fraud unit's investigator, not the borough's")
    void centralUnit() {
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-LOCAL', ?, 'Westminster fraud', 'Fraud', 1)", Fixtures.WESTMINSTER);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-CENTRAL', ?, 'Central fraud unit', 'Fraud', 1)", Fixtures.CAMDEN);
            h.execute("insert into investigation_central_team (team_id) values ('T-CENTRAL')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('LOCAL', 'T-LOCAL', 'DC Local', 2, 'Fraud')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('CENTRAL', 'T-CENTRAL', 'DC Central', 2, 'Fraud')");
            h.execute("insert into investigation_setting (name, value, changed_by) values ('allocation.central.FRAUD', 'true', 'test')");
        });
        InvestigationSettings settings = InvestigationSettings.load(jdbi);
        RecordCrime record = new RecordCrime(jdbi, new AuditTrail(jdbi), settings.screening(), settings.allocation(),
                Clock.systemDefaultZone());
        CrimeReport fraud = new CrimeReport(OffenceGroup.FRAUD, LocalDateTime.now().minusDays(1), Fixtures.WESTMINSTER, null, null,
                null, null, false, false, Set.of(), Set.of(), List.of(new CrimeReport.Victim(
                new CrimeReport.Party("Pat", "Payer", null), false, false, false, false, false, false, null)),
                List.of(new CrimeReport.Party("Fay", "Fraudster", null)), List.of());
        RecordCrime.Recorded r = record.record(fraud, Fixtures.investigatorIn(Fixtures.WESTMINSTER), "api", "127.0.0.1").get(0);
        assertThat(((Allocation.Allocated) r.allocation()).investigator().investigatorId()).isEqualTo("CENTRAL");
    }
}
