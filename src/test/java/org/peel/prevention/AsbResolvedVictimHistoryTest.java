package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.people.PeopleStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("At the first call, a victim's history comes through their resolved identity, not only exact details")
class AsbResolvedVictimHistoryTest {

    @Test
    @DisplayName("an earlier incident recorded under a misspelt name counts once the two records are one person")
    void throughResolvedPerson() {
        // given two earlier incidents for the same woman: one as "Ada Lovelace", one misspelt "Adah Loveless"
        // with her date of birth mistyped, which no exact rule joins
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        AsbStore store = new AsbStore(jdbi);
        User officer = Fixtures.neighbourhoodOfficerIn(Fixtures.WESTMINSTER);
        RecordAsbIncident exactOnly = new RecordAsbIncident(jdbi, store, new ExactDetailsVictimHistory(),
                new AuditTrail(jdbi), AsbRiskSettings.defaults());
        AsbFirstCall first = exactOnly.record(officer, store.nextIncidentId(),
                AsbFirstCallTest.report(AsbFirstCallTest.NOW.minusMonths(4), AsbFirstCallTest.VICTIM, AsbFirstCallTest.some()),
                AsbFirstCallTest.FLATS, null, "127.0.0.1");
        AsbFirstCall second = exactOnly.record(officer, store.nextIncidentId(),
                AsbFirstCallTest.report(AsbFirstCallTest.NOW.minusMonths(2),
                        new PersonDetails("Adah", "Loveless", LocalDate.of(1950, 10, 12), null, null, null),
                        AsbFirstCallTest.some()),
                AsbFirstCallTest.FLATS, null, "127.0.0.1");
        assertThat(second.victimHistory().incidents()).isEmpty();

        // and identity resolution (here an analyst's decision) has made their two records one person
        List<Long> records = jdbi.withHandle(h -> h.createQuery("""
                        select seq from person_record where source_type = 'asb_incident' and role like '%victim'
                        and source_id in (<ids>) order by seq""")
                .bindList("ids", List.of(first.incidentId(), second.incidentId())).mapTo(Long.class).list());
        assertThat(records).hasSize(2);
        new PeopleStore(jdbi).newPerson(records, Fixtures.intelligenceAnalyst(), "same woman: address and phone agree");

        // when she calls a third time as "Ada Lovelace"
        RecordAsbIncident resolved = new RecordAsbIncident(jdbi, store, ExactDetailsVictimHistory.throughResolvedPersons(),
                new AuditTrail(jdbi), AsbRiskSettings.defaults());
        AsbFirstCall third = resolved.record(officer, store.nextIncidentId(),
                AsbFirstCallTest.report(AsbFirstCallTest.NOW, AsbFirstCallTest.VICTIM, AsbFirstCallTest.some()),
                AsbFirstCallTest.FLATS, null, "127.0.0.1");

        // then both earlier incidents are hers, so this is her third in a year: a repeat victim
        assertThat(third.victimHistory().incidents()).extracting(AsbHistory.Incident::id)
                .containsExactlyInAnyOrder(first.incidentId(), second.incidentId());
        assertThat(third.repeat().repeat()).isTrue();
    }
}
