package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("After recording: case events, victim contacts and the outcome that closes the crime")
class InvestigationCaseProgressTest {

    private static final Clock CHRISTMAS_EVE = Clock.fixed(LocalDateTime.of(2015, 12, 24, 10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String BOROUGH = Fixtures.WESTMINSTER;
    private final User officer = Fixtures.investigatorIn(BOROUGH);
    private Jdbi jdbi;
    private CrimeStore crimes;
    private VictimsCodeStore victimsCode;
    private CaseProgress progress;
    private String crimeId;

    @BeforeEach
    void recordOne() {
        jdbi = TestDatabase.fresh().jdbi();
        crimes = new CrimeStore(jdbi);
        victimsCode = new VictimsCodeStore(jdbi);
        AuditTrail audit = new AuditTrail(jdbi);
        progress = new CaseProgress(jdbi, audit, CHRISTMAS_EVE);
        CrimeReport report = new CrimeReport(OffenceGroup.VIOLENCE_WITH_INJURY, LocalDateTime.of(2015, 12, 23, 22, 30), BOROUGH,
                null, null, null, null, true, false, Set.of(), Set.of(),
                List.of(new CrimeReport.Victim(new CrimeReport.Party("Vic", "Victim", null), false, false, false, false, false,
                        false, CrimeReport.PersonalStatement.NOT_YET_OFFERED)),
                List.of(new CrimeReport.Party("Sam", "Suspect", LocalDate.of(1980, 1, 1))), List.of());
        crimeId = new RecordCrime(jdbi, audit, Screening.Settings.defaults(), Allocation.Policy.defaults(), CHRISTMAS_EVE)
                .record(report, officer, "api", "127.0.0.1").get(0).crimeId();
    }

    @Test
    @DisplayName("'No suspect identified' is refused for a crime with a named suspect, and nothing closes it")
    void refusedOutcome() {
        OutcomeValidation.Result r = progress.outcome(crimeId, OutcomeType.NO_SUSPECT_IDENTIFIED, LocalDate.of(2015, 12, 24), officer, "127.0.0.1");
        assertThat(r.valid()).isFalse();
        long outcomes = jdbi.withHandle(h -> h.createQuery("select count(*) from crime_outcome").mapTo(Long.class).one());
        assertThat(outcomes).isZero();
    }

    @Test
    @DisplayName("A charge on Christmas Eve closes the crime and the enhanced victim's update is due Tuesday 29th")
    void chargeCloses() {
        assertThat(progress.outcome(crimeId, OutcomeType.CHARGED_OR_SUMMONSED, LocalDate.of(2015, 12, 24), officer, "127.0.0.1").valid())
                .isTrue();
        assertThat(crimes.crime(crimeId).orElseThrow().deadlines())
                .filteredOn(d -> d.kind().equals("UPDATE_CHARGE")).singleElement()
                .satisfies(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2015, 12, 29)));
        assertThatThrownBy(() -> progress.outcome(crimeId, OutcomeType.ADULT_CAUTION, LocalDate.of(2015, 12, 30), officer, "127.0.0.1"))
                .isInstanceOf(BadInput.class).hasMessageContaining("already has an outcome");
    }

    @Test
    @DisplayName("An arrest starts an update; telling the victim keeps it and logs the contact; the overdue list shows the rest")
    void arrestAndContact() {
        progress.caseEvent(crimeId, VictimsCodeDeadlines.CaseEvent.ARREST, LocalDate.of(2015, 12, 24), officer, "127.0.0.1");
        CrimeStore.Due update = crimes.crime(crimeId).orElseThrow().deadlines().stream()
                .filter(d -> d.kind().equals("UPDATE_ARREST")).findFirst().orElseThrow();
        assertThat(update.due()).isEqualTo(LocalDate.of(2015, 12, 29));
        progress.contact(crimeId, update.id(), "told by phone", null, officer, "127.0.0.1");
        List<VictimsCodeStore.Overdue> overdue = victimsCode.overdue(BOROUGH, null, LocalDate.of(2016, 1, 6));
        assertThat(overdue).extracting(VictimsCodeStore.Overdue::kind)
                .contains("PERSONAL_STATEMENT_OFFER", "REFERRAL_TO_VICTIM_SERVICES", "WRITTEN_CONFIRMATION")
                .doesNotContain("UPDATE_ARREST", "NEEDS_ASSESSMENT");
        assertThatThrownBy(() -> progress.contact(crimeId, update.id(), "again", null, officer, "127.0.0.1"))
                .isInstanceOf(BadInput.class);
    }
}
