package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.prevention.AsbQuestionnaire.Duration;
import org.peel.prevention.AsbQuestionnaire.Impact;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Recording an ASB incident finds the victim's and the place's history and grades risk in one transaction")
class AsbFirstCallTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 19, 30);
    static final PersonDetails VICTIM = new PersonDetails("Ada", "Lovelace", LocalDate.of(1950, 12, 10), "SW1A 2AA",
            "07700 900123", "10 Test Street");
    static final AsbLocation FLATS = new AsbLocation("Block B, Test Street flats", 51.5010, -0.1416, Fixtures.WESTMINSTER,
            null, null);

    private Jdbi jdbi;
    private AsbStore store;
    private RecordAsbIncident recorder;
    private final User officer = Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER);

    @BeforeEach
    void fresh() {
        jdbi = TestDatabase.fresh().jdbi();
        store = new AsbStore(jdbi);
        recorder = new RecordAsbIncident(jdbi, store, new ExactDetailsVictimHistory(), new AuditTrail(jdbi),
                AsbRiskSettings.defaults());
    }

    static AsbReport report(LocalDateTime at, PersonDetails victim, AsbQuestionnaire answers) {
        return new AsbReport(AsbCategory.PERSONAL, "Rowdy/nuisance neighbours", "Shouting and banging at the door",
                AsbChannel.NON_EMERGENCY, at, null, true, victim, answers);
    }

    static AsbQuestionnaire some() {
        return new AsbQuestionnaire(Impact.SOME, Set.of(), true, Duration.MONTHS);
    }

    private AsbFirstCall record(LocalDateTime at, PersonDetails victim) {
        return recorder.record(officer, store.nextIncidentId(), report(at, victim, some()), FLATS, null, "127.0.0.1");
    }

    @Test
    @DisplayName("a first call: no history, medium on the answers alone, no flag")
    void firstCall() {
        AsbFirstCall first = record(NOW, VICTIM);
        assertThat(first.victimHistory().incidents()).isEmpty();
        assertThat(first.repeat().repeat()).isFalse();
        assertThat(first.risk().grade()).isEqualTo(AsbRiskGrade.MEDIUM);
        assertThat(first.flags()).isEmpty();
        int records = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from person_record where source_type = 'asb_incident' and source_id = :id")
                .bind("id", first.incidentId()).mapTo(Integer.class).one());
        assertThat(records).isEqualTo(1);
    }

    @Test
    @DisplayName("the third call in a year from the same victim (by name and date of birth) is a repeat, flagged to the ward team")
    void thirdCallIsRepeat() {
        record(NOW.minusMonths(5), VICTIM);
        record(NOW.minusMonths(2), new PersonDetails("ADA ", "lovelace", VICTIM.dateOfBirth(), null, null, null));
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                        domestic_abuse, hate) values ('CR-1', ?, ?, 'Criminal damage and arson',
                        'Criminal damage and arson', 'E09000033', false, false)""", NOW.minusMonths(1), NOW.minusMonths(1));
            h.execute("""
                    insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                        postcode, recorded_at) values ('PR-CR-1', 'crime', 'CR-1', 'victim', 'Ada', 'Lovelace', ?,
                        'SW1A2AA', ?)""", VICTIM.dateOfBirth(), NOW.minusMonths(1));
        });

        AsbFirstCall third = record(NOW, VICTIM);
        assertThat(third.victimHistory().incidents()).hasSize(2);
        assertThat(third.victimHistory().incidents().get(0).matchedOn()).isEqualTo("name and date of birth");
        assertThat(third.victimHistory().crimes()).extracting(AsbHistory.Crime::id).containsExactly("CR-1");
        assertThat(third.atLocation()).hasSize(2);
        assertThat(third.repeat().repeat()).isTrue();
        assertThat(third.repeat().incidentsInWindow()).isEqualTo(3);
        assertThat(third.caseReview().met()).isTrue();
        // some impact 1 + targeted 2 + months 1 + repeat 3 + one crime 1 = 8
        assertThat(third.risk().score()).isEqualTo(8);
        assertThat(third.risk().grade()).isEqualTo(AsbRiskGrade.HIGH);
        assertThat(third.flags()).containsExactly("high-risk", "repeat-victim");
        assertThat(store.openFlags(Fixtures.WESTMINSTER, 10)).extracting(AsbStore.Flag::reason)
                .containsExactlyInAnyOrder("high-risk", "repeat-victim");
        assertThat(store.countOpenFlags(Fixtures.CAMDEN)).isEmpty();
        String saved = jdbi.withHandle(h -> h.createQuery(
                "select grade || ' ' || rule_version || ' ' || (answers ->> 'impact') from asb_assessment where asb_incident_id = :id")
                .bind("id", third.incidentId()).mapTo(String.class).one());
        assertThat(saved).isEqualTo("high asb-risk-1 some");
    }

    @Test
    @DisplayName("a different person with the same surname elsewhere is not matched; the same surname at the same postcode is")
    void matchingOnExactDetails() {
        record(NOW.minusMonths(1), new PersonDetails("Charles", "Lovelace", LocalDate.of(1970, 1, 1), "E1 6AN", null, null));
        assertThat(record(NOW, VICTIM).victimHistory().incidents()).isEmpty();
        record(NOW.minusMonths(1), new PersonDetails("A", "Lovelace", null, "sw1a 2aa", null, null));
        AsbFirstCall later = record(NOW.plusMinutes(5), VICTIM);
        assertThat(later.victimHistory().incidents()).extracting(AsbHistory.Incident::matchedOn)
                .contains("surname and postcode");
    }

    @Test
    @DisplayName("the audit trail names the incident and never the victim")
    void audited() {
        AsbFirstCall call = record(NOW, VICTIM);
        var entries = new AuditTrail(jdbi).search(new AuditTrail.Filter(null, null, call.incidentId(), null, null, null), 10);
        assertThat(entries).extracting(AuditTrail.Entry::action).contains("create", "view");
        assertThat(entries.toString()).doesNotContain("Lovelace");
    }

    @Test
    @DisplayName("a victim without answers is refused before anything is written")
    void answersRequired() {
        String id = store.nextIncidentId();
        assertThatThrownBy(() -> recorder.record(officer, id, report(NOW, VICTIM, null), FLATS, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        int incidents = jdbi.withHandle(h -> h.createQuery("select count(*) from asb_incident").mapTo(Integer.class).one());
        assertThat(incidents).isZero();
    }
}
