package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Recording a crime finds the victim's earlier crimes and decides persistent targeting from them")
class PersistentTargetingRecordTest {

    private static final String BOROUGH = Fixtures.WESTMINSTER;
    private Jdbi jdbi;
    private final User officer = Fixtures.investigatorIn(BOROUGH);

    @BeforeEach
    void force() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing", BOROUGH);
        });
    }

    private RecordCrime.Recorded recordOn(LocalDateTime at, String forenames, String surname, LocalDate dob) {
        RecordCrime recordCrime = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), Clock.fixed(at.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        CrimeReport damage = new CrimeReport(OffenceGroup.CRIMINAL_DAMAGE_AND_ARSON, at.minusHours(2), BOROUGH, null, null,
                null, null, false, false, Set.of(), Set.of(), List.of(new CrimeReport.Victim(
                new CrimeReport.Party(forenames, surname, dob), false, false, false, false, false, false, null)),
                List.of(), List.of());
        return recordCrime.record(damage, officer, "web", "127.0.0.1").get(0);
    }

    @Test
    @DisplayName("The fourth criminal damage against Ann Example within a year is enhanced; the first, 14 months earlier, is not counted")
    void fourthInAYear() {
        LocalDate dob = LocalDate.of(1970, 2, 3);
        // January 2023: outside the 12 months before February 2024 (from 1 February 2023) and before March 2024
        recordOn(LocalDateTime.of(2023, 1, 20, 10, 0), "Ann", "Example", dob);
        RecordCrime.Recorded second = recordOn(LocalDateTime.of(2023, 6, 1, 10, 0), "Ann", "Example", dob);
        assertThat(second.entitlement().enhanced()).isFalse();
        recordOn(LocalDateTime.of(2023, 12, 1, 10, 0), " ann ", "EXAMPLE", dob);
        // a namesake born on another day is another person
        recordOn(LocalDateTime.of(2024, 1, 15, 10, 0), "Ann", "Example", LocalDate.of(1971, 2, 3));
        RecordCrime.Recorded third = recordOn(LocalDateTime.of(2024, 2, 1, 10, 0), "Ann", "Example", dob);
        // two earlier in the window (June and December 2023): still standard
        assertThat(third.entitlement().enhanced()).isFalse();

        RecordCrime.Recorded fourth = recordOn(LocalDateTime.of(2024, 3, 20, 10, 0), "Ann", "Example", dob);

        // June 2023, December 2023 and February 2024 fall in the 12 months since 20 March 2023
        assertThat(fourth.entitlement().enhanced()).isTrue();
        assertThat(fourth.entitlement().reasons()).contains("Persistently targeted victim: 3 earlier crimes against this"
                + " victim since 2023-03-20; 3 or more in 12 months is persistent targeting (local practice)");
        // and screening counts the victim as vulnerable, so criminal damage (harm 4) is screened in at high priority
        assertThat(fourth.screening()).isInstanceOf(Screening.ScreenedIn.class);
        assertThat(((Screening.ScreenedIn) fourth.screening()).priority()).isEqualTo(Priority.HIGH);
        String stored = jdbi.withHandle(h -> h.createQuery("select reasons from victims_code_entitlement where crime_id = :id")
                .bind("id", fourth.crimeId()).mapTo(String.class).one());
        assertThat(stored).contains("3 earlier crimes against this victim since 2023-03-20");
    }
}
