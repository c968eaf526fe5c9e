package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
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

@DisplayName("Importing a duty rota, and allocation picking only investigators on shift")
class DutyRotaImportTest {

    /** Monday 4 March 2024, 16:30: after the early shift, during the late one. */
    private static final Clock MONDAY_AFTERNOON = Clock.fixed(LocalDateTime.of(2024, 3, 4, 16, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String BOROUGH = Fixtures.WESTMINSTER;

    private Jdbi jdbi;
    private AllocationStore store;
    private DutyRotaImport rota;

    @BeforeEach
    void force() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing", BOROUGH);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-BR', ?, 'Westminster burglary', 'Burglary and robbery', 3)", BOROUGH);
            // equal in every way, so without a rota BR1 wins on id; BR3 has no rota and is flagged off duty
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('BR1', 'T-BR', 'DC Early', 2, 'Burglary and robbery')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('BR2', 'T-BR', 'DC Late', 2, 'Burglary and robbery')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('BR3', 'T-BR', 'DC Away', 2, 'Burglary and robbery')");
            h.execute("insert into investigator_duty values ('BR3', false, now())");
        });
        store = new AllocationStore(jdbi);
        rota = new DutyRotaImport(new InvestigatorStore(jdbi), MONDAY_AFTERNOON);
    }

    private static final String ROTA = """
            investigator_id,date,shift_start,shift_end
            BR1,2024-03-04,07:00,15:00
            BR2,2024-03-04,14:00,22:00
            BR2,2024-03-05,22:00,06:00
            """;

    @Test
    @DisplayName("A burglary at 16:30 goes to BR2 on the late shift, not BR1 whose early shift ended at 15:00")
    void allocatesOnShift() {
        assertThat(rota.importFrom(utf8(ROTA), "rota.csv")).isEqualTo(new DutyRotaImport.Summary(3, 3));
        // the same file again changes nothing
        assertThat(rota.importFrom(utf8(ROTA), "rota.csv")).isEqualTo(new DutyRotaImport.Summary(3, 0));

        RecordCrime recordCrime = new RecordCrime(jdbi, new AuditTrail(jdbi), Screening.Settings.defaults(),
                Allocation.Policy.defaults(), MONDAY_AFTERNOON);
        CrimeReport burglary = new CrimeReport(OffenceGroup.RESIDENTIAL_BURGLARY, LocalDateTime.of(2024, 3, 4, 13, 0), BOROUGH,
                null, null, null, null, false, false, Set.of(), Set.of(SolvabilityFactor.CCTV, SolvabilityFactor.WITNESS),
                List.of(new CrimeReport.Victim(new CrimeReport.Party("Ann", "Example", LocalDate.of(1970, 1, 1)),
                        false, false, false, false, false, false, null)), List.of(), List.of());
        RecordCrime.Recorded r = recordCrime.record(burglary, Fixtures.investigatorIn(BOROUGH), "web", "127.0.0.1").get(0);

        assertThat(r.allocation()).isInstanceOf(Allocation.Allocated.class);
        assertThat(((Allocation.Allocated) r.allocation()).investigator().investigatorId()).isEqualTo("BR2");
    }

    @Test
    @DisplayName("With nobody's shift covering 16:30 the crime waits, the reason saying nobody is on duty")
    void nobodyOnShift() {
        rota.importFrom(utf8("investigator_id,date,shift_start,shift_end\nBR1,2024-03-04,07:00,15:00\nBR2,2024-03-04,07:00,15:00\n"), "rota.csv");
        List<Allocation.Candidate> candidates = jdbi.inTransaction(h -> store.candidates(h, BOROUGH, Specialism.BURGLARY_AND_ROBBERY,
                false, LocalDateTime.of(2024, 3, 4, 16, 30)));
        assertThat(candidates).extracting(Allocation.Candidate::onDuty).containsExactly(false, false, false);
    }

    @Test
    @DisplayName("Bad rows are refused naming the file, line and field, and nothing is loaded")
    void badRows() {
        assertThatThrownBy(() -> rota.importFrom(utf8(ROTA + "BR1,2024-03-06,7am,15:00\n"), "rota.csv"))
                .isInstanceOf(BadInput.class).hasMessage("rota.csv, line 5, field 'shift_start': '7am' is not a time as HH:MM");
        assertThatThrownBy(() -> rota.importFrom(utf8(ROTA + "NOBODY,2024-03-06,07:00,15:00\n"), "rota.csv"))
                .hasMessage("rota.csv, line 5, field 'investigator_id': no investigator NOBODY");
        assertThatThrownBy(() -> rota.importFrom(utf8(ROTA + "BR1,2024-03-04,08:00,16:00\n"), "rota.csv"))
                .hasMessage("rota.csv, line 5, field 'date': BR1 already has a shift on 2024-03-04 at line 2");
        assertThatThrownBy(() -> rota.importFrom(utf8(ROTA + "BR1,04/03/2024,08:00,16:00\n"), "rota.csv"))
                .hasMessageContaining("line 5, field 'date'");
        long rows = jdbi.withHandle(h -> h.createQuery("select count(*) from investigator_duty_rota").mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    private static java.io.InputStream utf8(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
