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

@DisplayName("Recording a crime: crime, people, screening, allocation, entitlements and deadlines in one transaction")
class InvestigationRecordCrimeTest {

    /** Thursday 24 December 2015, 10:00: Christmas and the Boxing Day substitute come next. */
    private static final Clock CHRISTMAS_EVE = Clock.fixed(LocalDateTime.of(2015, 12, 24, 10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String BOROUGH = Fixtures.WESTMINSTER;

    private Jdbi jdbi;
    private CrimeStore crimes;
    private AllocationStore allocation;
    private RecordCrime recordCrime;
    private final User officer = Fixtures.investigatorIn(BOROUGH);

    @BeforeEach
    void force() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing", BOROUGH);
            h.execute("insert into borough (code, name, force_code) values (?, 'Camden', 'E23000001') on conflict do nothing", Fixtures.CAMDEN);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-DA', ?, 'Westminster domestic abuse', 'Domestic abuse', 3)", BOROUGH);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-VC', ?, 'Westminster volume crime', 'Volume crime', 3)", BOROUGH);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-CDA', ?, 'Camden domestic abuse', 'Domestic abuse', 3)", Fixtures.CAMDEN);
            // DA1 is PIP 1 (not enough for PIP 2 work), DA2 carries more than DA3, CDA is in the wrong borough
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('DA1', 'T-DA', 'DC One', 1, 'Domestic abuse')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('DA2', 'T-DA', 'DC Two', 2, 'Domestic abuse')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('DA3', 'T-DA', 'DS Three', 2, 'Domestic abuse')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('CDA', 'T-CDA', 'DC Camden', 2, 'Domestic abuse')");
        });
        crimes = new CrimeStore(jdbi);
        allocation = new AllocationStore(jdbi);
        recordCrime = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), CHRISTMAS_EVE);
    }

    private static CrimeReport domesticAssault(CrimeReport.Victim victim) {
        return new CrimeReport(OffenceGroup.VIOLENCE_WITH_INJURY, LocalDateTime.of(2015, 12, 23, 22, 30), BOROUGH, null, null,
                null, null, true, false, Set.of(SeriousOffence.WOUNDING_WITH_INTENT), Set.of(), List.of(victim),
                List.of(new CrimeReport.Party("Sam", "Suspect", LocalDate.of(1980, 1, 1))), List.of());
    }

    private static CrimeReport.Victim vulnerableVictim() {
        return new CrimeReport.Victim(new CrimeReport.Party("Vic", "Victim", LocalDate.of(1950, 5, 5)), false, true, false,
                false, false, false, CrimeReport.PersonalStatement.OFFERED);
    }

    @Test
    @DisplayName("A domestic wounding with intent and a named suspect goes to the PIP 2 domestic abuse investigator with the lighter load")
    void allocatesAndStartsDeadlines() {
        // DA2 already carries one high-priority crime (weight 3): DA3, with none, should take the next
        jdbi.useHandle(h -> {
            h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code, domestic_abuse, hate) values ('OLD', now(), now(), 'Violence with injury', 'Violence and sexual offences', ?, true, false)", BOROUGH);
            h.execute("insert into crime_allocation (crime_id, investigator_id, weight, allocated_at, allocated_by, rule_version, reasons) values ('OLD', 'DA2', 3, now(), 'test', 'allocation-1', '')");
        });
        RecordCrime.Recorded r = recordCrime.record(domesticAssault(vulnerableVictim()), officer, "web", "127.0.0.1").get(0);

        assertThat(r.screening()).isInstanceOf(Screening.ScreenedIn.class);
        Screening.ScreenedIn in = (Screening.ScreenedIn) r.screening();
        assertThat(in.priority()).isEqualTo(Priority.HIGH);
        assertThat(in.pipLevel()).isEqualTo(2);
        assertThat(in.specialism()).isEqualTo(Specialism.DOMESTIC_ABUSE);
        assertThat(((Allocation.Allocated) r.allocation()).investigator().investigatorId()).isEqualTo("DA3");
        assertThat(r.entitlement().service()).isEqualTo(VictimsCodeEntitlement.Service.ENHANCED);

        CrimeStore.CrimeView view = crimes.crime(r.crimeId()).orElseThrow();
        assertThat(view.allocation().investigatorName()).isEqualTo("DS Three");
        assertThat(view.deadlines()).extracting(CrimeStore.Due::kind, CrimeStore.Due::due).contains(
                org.assertj.core.groups.Tuple.tuple("REFERRAL_TO_VICTIM_SERVICES", LocalDate.of(2015, 12, 30)),
                org.assertj.core.groups.Tuple.tuple("WRITTEN_CONFIRMATION", LocalDate.of(2016, 1, 5)));
        assertThat(view.deadlines()).filteredOn(d -> d.kind().equals("PERSONAL_STATEMENT_OFFER")).allMatch(d -> d.metAt() != null);
        Long persons = jdbi.withHandle(h -> h.createQuery("select count(*) from person_record where source_id = :id")
                .bind("id", r.crimeId()).mapTo(Long.class).one());
        assertThat(persons).isEqualTo(2);
        List<String> audited = jdbi.withHandle(h -> h.createQuery("select action || ' ' || record_type from audit_event order by id")
                .mapTo(String.class).list());
        assertThat(audited).containsExactly("record crime", "record person_record", "record person_record", "allocate crime");
    }

    @Test
    @DisplayName("Nobody accredited and free: the crime waits in the queue with the reason; a supervisor reallocates it")
    void queueThenReallocate() {
        jdbi.useHandle(h -> h.execute("insert into investigator_duty (investigator_id, on_duty, changed_at) values ('DA2', false, now()), ('DA3', false, now()), ('CDA', false, now())"));
        RecordCrime.Recorded r = recordCrime.record(domesticAssault(vulnerableVictim()), officer, "api", "127.0.0.1").get(0);
        assertThat(r.allocation()).isInstanceOf(Allocation.Queued.class);
        List<AllocationStore.QueuedCrime> queue = allocation.queue(BOROUGH, LocalDateTime.of(2015, 12, 25, 10, 0));
        assertThat(queue).singleElement().satisfies(q -> {
            assertThat(q.reason()).contains("is on duty");
            assertThat(q.waiting().toHours()).isEqualTo(24);
        });

        recordCrime.reallocate(r.crimeId(), "DA2", "Back on duty early", Fixtures.investigatorIn(BOROUGH), "127.0.0.1");
        assertThat(allocation.queue(BOROUGH, LocalDateTime.of(2015, 12, 25, 10, 0))).isEmpty();
        assertThat(crimes.crime(r.crimeId()).orElseThrow().allocation().investigatorId()).isEqualTo("DA2");
        assertThatThrownBy(() -> recordCrime.reallocate(r.crimeId(), "CDA", "Wrong borough", officer, "127.0.0.1"))
                .isInstanceOf(BadInput.class).hasMessageContaining("another borough");
    }

    @Test
    @DisplayName("A shoplifting with no leads is screened out onto the review list, and the victim is told within 5 working days")
    void screenedOut() {
        CrimeReport shoplifting = new CrimeReport(OffenceGroup.SHOPLIFTING, LocalDateTime.of(2015, 12, 24, 9, 0), BOROUGH,
                null, null, null, null, false, false, Set.of(), Set.of(),
                List.of(new CrimeReport.Victim(new CrimeReport.Party(null, "Corner Shop Ltd", null), true, false, false,
                        false, false, false, null)), List.of(), List.of());
        RecordCrime.Recorded r = recordCrime.record(shoplifting, officer, "web", "127.0.0.1").get(0);
        assertThat(r.screening()).isInstanceOf(Screening.ScreenedOut.class);
        assertThat(r.allocation()).isNull();
        assertThat(allocation.screenedOutForReview(BOROUGH)).extracting(AllocationStore.ScreenedOutCrime::crimeId)
                .containsExactly(r.crimeId());
        assertThat(r.deadlines()).extracting(VictimsCodeDeadlines.Deadline::kind)
                .containsExactly(VictimsCodeDeadlines.Kind.WRITTEN_CONFIRMATION, VictimsCodeDeadlines.Kind.NOT_INVESTIGATED_NOTICE);
    }

    @Test
    @DisplayName("Two victims make two crimes (Counting Rules); a failure part-way writes nothing at all")
    void oneCrimePerVictimAndAtomic() {
        CrimeReport two = new CrimeReport(OffenceGroup.ROBBERY, LocalDateTime.of(2015, 12, 23, 22, 0), BOROUGH, null, null,
                null, null, false, false, Set.of(), Set.of(), List.of(vulnerableVictim(), vulnerableVictim()), List.of(), List.of());
        assertThat(recordCrime.record(two, officer, "api", "127.0.0.1")).hasSize(2);

        long before = jdbi.withHandle(h -> h.createQuery("select count(*) from crime").mapTo(Long.class).one());
        CrimeReport nowhere = new CrimeReport(OffenceGroup.ROBBERY, LocalDateTime.of(2015, 12, 23, 22, 0), "E09999999", null,
                null, null, null, false, false, Set.of(), Set.of(), List.of(vulnerableVictim()), List.of(), List.of());
        assertThatThrownBy(() -> recordCrime.record(nowhere, officer, "api", "127.0.0.1")).isNotNull();
        long after = jdbi.withHandle(h -> h.createQuery("select count(*) from crime").mapTo(Long.class).one());
        long audited = jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event where record_id like 'CRP00000003%'")
                .mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
        assertThat(audited).isZero();
    }

    @Test
    @DisplayName("A report without its victim or offence is refused before anything is written, naming the field")
    void refused() {
        CrimeReport none = new CrimeReport(OffenceGroup.ROBBERY, LocalDateTime.of(2015, 12, 23, 22, 0), BOROUGH, null, null,
                null, null, false, false, Set.of(), Set.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> recordCrime.record(none, officer, "api", "127.0.0.1"))
                .isInstanceOf(BadInput.class).hasMessageContaining("victim_surname");
    }

    @Test
    @DisplayName("Coordinates alone place the crime in its LSOA, ward and borough; coordinates in another borough are refused")
    void locatedByCoordinates() {
        CrimeLocator westminster = new CrimeLocator(null) {
            @Override
            public java.util.Optional<Place> locate(double latitude, double longitude) {
                return java.util.Optional.of(new Place("E01004734", "E05000644", BOROUGH));
            }
        };
        RecordCrime withMap = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), CHRISTMAS_EVE, westminster);
        CrimeReport placed = new CrimeReport(OffenceGroup.VIOLENCE_WITH_INJURY, LocalDateTime.of(2015, 12, 23, 22, 30), null, null,
                null, 51.5136, -0.1365, true, false, Set.of(), Set.of(), List.of(vulnerableVictim()), List.of(), List.of());
        String id = withMap.record(placed, officer, "api", "127.0.0.1").get(0).crimeId();
        String where = jdbi.withHandle(h -> h.createQuery("select borough_code || ' ' || ward_code || ' ' || lsoa_code from crime where id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(where).isEqualTo(BOROUGH + " E05000644 E01004734");

        CrimeReport elsewhere = new CrimeReport(OffenceGroup.VIOLENCE_WITH_INJURY, LocalDateTime.of(2015, 12, 23, 22, 30),
                Fixtures.CAMDEN, null, null, 51.5136, -0.1365, true, false, Set.of(), Set.of(), List.of(vulnerableVictim()),
                List.of(), List.of());
        assertThatThrownBy(() -> withMap.record(elsewhere, officer, "api", "127.0.0.1"))
                .isInstanceOf(BadInput.class).hasMessageContaining("lies in borough " + BOROUGH);
    }
    @Test
    @DisplayName("An address with a postcode places the crime in its ward, LSOA, borough and point, and keeps the account")
    void placedByPostcode() {
        jdbi.useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05000644', 'St James''s', ?)", BOROUGH);
            h.execute("insert into lsoa (code, ward_code, borough_code, centroid_lat, centroid_lon) values ('E01004734', 'E05000644', ?, 51.5010, -0.1350)", BOROUGH);
            h.execute("insert into place_postcode (postcode, ward_code, lsoa_code, source) values ('SW1A 2AA', 'E05000644', 'E01004734', 'test')");
        });
        RecordCrime placing = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), CHRISTMAS_EVE, new CrimeLocator(new org.peel.place.PlaceStore(jdbi)));
        CrimeReport given = domesticAssault(vulnerableVictim());
        CrimeReport report = new CrimeReport(given.offence(), given.committedAt(), null, null, null, null, null,
                given.domesticAbuse(), given.hate(), given.seriousOffences(), given.solvability(), given.victims(),
                given.suspects(), given.witnesses(), Set.of(), "10 Downing Street, sw1a2aa",
                "Punched in the face on the doorstep.");

        String id = placing.record(report, officer, "web", "127.0.0.1").get(0).crimeId();

        String where = jdbi.withHandle(h -> h.createQuery("select borough_code || ' ' || ward_code || ' ' || lsoa_code || ' ' || latitude || ' ' || longitude from crime where id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(where).isEqualTo(BOROUGH + " E05000644 E01004734 51.501 -0.135");
        assertThat(crimes.place(id)).isEqualTo("at 10 Downing Street, sw1a2aa (St James's ward, Westminster)");
        assertThat(crimes.account(id)).contains("Punched in the face on the doorstep.");
    }

    @Test
    @DisplayName("A postcode Peel does not know, with no borough chosen, is refused naming the address, not recorded nowhere")
    void unknownPostcode() {
        RecordCrime placing = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), CHRISTMAS_EVE, new CrimeLocator(new org.peel.place.PlaceStore(jdbi)));
        CrimeReport given = domesticAssault(vulnerableVictim());
        CrimeReport report = new CrimeReport(given.offence(), given.committedAt(), null, null, null, null, null,
                given.domesticAbuse(), given.hate(), given.seriousOffences(), given.solvability(), given.victims(),
                given.suspects(), given.witnesses(), Set.of(), "1 Nowhere Lane, ZZ9 9ZZ", null);

        assertThatThrownBy(() -> placing.record(report, officer, "web", "127.0.0.1"))
                .isInstanceOf(BadInput.class).hasMessageContaining("ZZ9 9ZZ");
    }
}
