package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-worked case of a victim known in two boroughs. Ada Lovelace was the victim of two crimes recorded in
 * Camden (CR-CAM-1 a month ago, CR-CAM-2 two months ago) and called once about ASB in Westminster three months ago.
 * She calls again in Westminster. The rules count all three earlier records, wherever they were; a Westminster
 * officer is shown the Westminster incident and told of two records in other boroughs, nothing more.
 */
@DisplayName("At the first call, a victim's earlier records count force-wide but are shown only within the user's reach")
class AsbVictimHistoryByBoroughTest {

    private static final LocalDateTime NOW = AsbFirstCallTest.NOW;

    private Jdbi jdbi;
    private AsbStore store;
    private RecordAsbIncident recorder;
    private String westminsterIncident;

    @BeforeEach
    void givenAVictimKnownInTwoBoroughs() {
        jdbi = TestDatabase.fresh().jdbi();
        store = new AsbStore(jdbi);
        recorder = new RecordAsbIncident(jdbi, store, new ExactDetailsVictimHistory(), new AuditTrail(jdbi),
                AsbRiskSettings.defaults());
        westminsterIncident = record(Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER), NOW.minusMonths(3))
                .incidentId();
        camdenCrime("CR-CAM-1", NOW.minusMonths(1));
        camdenCrime("CR-CAM-2", NOW.minusMonths(2));
    }

    private void camdenCrime(String id, LocalDateTime at) {
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                        domestic_abuse, hate) values (?, ?, ?, 'Violence against the person', 'Violence and sexual offences',
                        ?, false, false)""", id, at, at, Fixtures.CAMDEN);
            h.execute("""
                    insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                        postcode, recorded_at, borough_code) values (?, 'crime', ?, 'victim', 'Ada', 'Lovelace', ?,
                        'SW1A2AA', ?, ?)""", "PR-" + id, id, AsbFirstCallTest.VICTIM.dateOfBirth(), at, Fixtures.CAMDEN);
        });
    }

    private AsbFirstCall record(User user, LocalDateTime at) {
        return recorder.record(user, store.nextIncidentId(),
                AsbFirstCallTest.report(at, AsbFirstCallTest.VICTIM, AsbFirstCallTest.some()), AsbFirstCallTest.FLATS,
                null, "127.0.0.1");
    }

    @Test
    @DisplayName("a Westminster officer is shown the Westminster incident and told of 2 records in other boroughs")
    void localOfficerSeesOwnBoroughOnly() {
        AsbFirstCall call = record(Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER), NOW);

        assertThat(call.victimHistory().incidents()).extracting(AsbHistory.Incident::id)
                .containsExactly(westminsterIncident);
        assertThat(call.victimHistory().crimes()).isEmpty();
        assertThat(call.victimHistory().inOtherBoroughs()).isEqualTo(2);
        assertThat(call.toString()).doesNotContain("CR-CAM-1").doesNotContain("CR-CAM-2")
                .doesNotContain("Violence against the person");
    }

    @Test
    @DisplayName("the risk rule counts all 3 earlier records, the two Camden crimes included")
    void rulesCountForceWide() {
        AsbFirstCall call = record(Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER), NOW);

        AsbHistory.Victim shown = call.victimHistory();
        assertThat(shown.incidents().size() + shown.crimes().size() + shown.inOtherBoroughs()).isEqualTo(3);
        // the repeat rule: the earlier Westminster call and this one; the risk rule: both Camden crimes
        assertThat(call.repeat().incidentsInWindow()).isEqualTo(2);
        assertThat(call.risk().reasons()).anyMatch(r -> r.equals("+1 2 crimes against the victim in 12 months"));
    }

    @Test
    @DisplayName("a force-wide role is shown all three earlier records")
    void forceWideSeesAll() {
        AsbFirstCall call = record(Fixtures.intelligenceAnalyst(), NOW);

        assertThat(call.victimHistory().incidents()).extracting(AsbHistory.Incident::id)
                .containsExactly(westminsterIncident);
        assertThat(call.victimHistory().crimes()).extracting(AsbHistory.Crime::id)
                .containsExactly("CR-CAM-1", "CR-CAM-2");
        assertThat(call.victimHistory().inOtherBoroughs()).isZero();
    }

    @Test
    @DisplayName("a Camden incident 40 m from the call, across the boundary, is counted at the place but shown only force-wide")
    void placeHistoryAcrossTheBoundary() {
        // given an ASB incident recorded in Camden 40 m north of the flats (the place radius is 50 m), a month ago
        jdbi.useHandle(h -> h.execute("""
                insert into asb_incident (id, reported_at, category, sub_type, borough_code, latitude, longitude,
                    location_text) values ('ASB-CAM-40', ?, 'nuisance', 'Noise', ?, ?, ?, 'Camden side of the road')""",
                NOW.minusMonths(1), Fixtures.CAMDEN, AsbFirstCallTest.FLATS.latitude() + 40 / 111_320.0,
                AsbFirstCallTest.FLATS.longitude()));

        // when a Westminster officer and a force-wide analyst each take a call at the flats
        AsbFirstCall local = record(Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER), NOW);
        AsbFirstCall analyst = record(Fixtures.intelligenceAnalyst(), NOW.plusMinutes(5));

        // then only the analyst is shown the Camden incident among the earlier incidents at the place
        assertThat(local.atLocation()).extracting(AsbHistory.Incident::id).containsExactly(westminsterIncident);
        assertThat(local.toString()).doesNotContain("ASB-CAM-40").doesNotContain("Camden side");
        assertThat(analyst.atLocation()).extracting(AsbHistory.Incident::id).contains("ASB-CAM-40", westminsterIncident);
    }
}
