package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Recording many crimes at once with the rules of recording one")
class CrimeRecordingPassTest {

    private static final String BOROUGH = Fixtures.WESTMINSTER;
    /** Monday 1 June 2015, 10:00 and 11:00. */
    private static final LocalDateTime FIRST = LocalDateTime.of(2015, 6, 1, 10, 0);
    private static final LocalDateTime SECOND = LocalDateTime.of(2015, 6, 1, 11, 0);

    private Jdbi jdbi;
    private CrimeRecordingPass pass;

    @BeforeEach
    void oneInvestigatorWithRoomForOneCrime() {
        jdbi = TestDatabase.fresh().jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing", BOROUGH);
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T-VC', ?, 'Westminster volume crime', 'Volume crime', 1)", BOROUGH);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('VC1', 'T-VC', 'DC One', 1, 'Volume crime')");
            for (String id : List.of("C1", "C2")) {
                h.execute("insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code, domestic_abuse, hate)"
                        + " values (?, ?, ?, 'All other theft offences', 'Other theft', ?, false, false)", id, FIRST.minusHours(2),
                        id.equals("C1") ? FIRST : SECOND, BOROUGH);
            }
            h.execute("insert into person_record (id, source_type, source_id, role, surname, recorded_at) values ('C1-V1', 'crime', 'C1', 'victim', 'Able', ?)", FIRST);
        });
        pass = new CrimeRecordingPass(jdbi, new AuditTrail(jdbi),
                InvestigationSettings.of(Map.of("allocation.caseload_cap", "1")));
    }

    /** A theft with CCTV and a witness: harm 3, solvability 4, so screened in as routine volume crime at PIP 1 (weight 1). */
    private static AtRecording.Crime theft(CrimeReport.Victim victim) {
        return new AtRecording.Crime(OffenceGroup.ALL_OTHER_THEFT, BOROUGH, false, false, Set.of(),
                Set.of(SolvabilityFactor.CCTV, SolvabilityFactor.WITNESS), victim, victim == null ? null : 40);
    }

    private static final CrimeReport.Victim VICTIM = new CrimeReport.Victim(null, false, false, false, false, false,
            false, CrimeReport.PersonalStatement.OFFERED);

    @Test
    @DisplayName("with room for one crime, the first is allocated and the second queued with the reason")
    void capFillsDuringThePass() {
        // given two routine crimes an hour apart, and one investigator whose cap of 1 fits one of them
        List<CrimeRecordingPass.Crime> crimes = List.of(
                new CrimeRecordingPass.Crime("C1", FIRST, null, theft(VICTIM), "C1-V1"),
                new CrimeRecordingPass.Crime("C2", SECOND, null, theft(null), null));

        // when the pass records them
        CrimeRecordingPass.Counts counts = jdbi.inTransaction(h -> pass.run(h, crimes, CrimeRecordingPass.Keeping.NONE, "peel:test"));

        // then the first went to VC1 and the second waits, because VC1 is at the cap
        assertThat(counts.allocated()).isEqualTo(1);
        assertThat(counts.queued()).isEqualTo(1);
        assertThat(one("select investigator_id from crime_allocation where crime_id = 'C1' and ended_at is null")).isEqualTo("VC1");
        assertThat(one("select investigator_id from crime where id = 'C1'")).isEqualTo("VC1");
        assertThat(one("select reason from allocation_queue where crime_id = 'C2'"))
                .isEqualTo("Every accredited Volume crime investigator on duty in borough " + BOROUGH + " is at the caseload cap of 1");
        assertThat(one("select count(*)::text from crime_screening where screened_in and priority = 'ROUTINE' and pip_level = 1"))
                .isEqualTo("2");
        // and one audit event names the pass, not one per crime
        assertThat(one("select count(*)::text from audit_event where username = 'peel:test'")).isEqualTo("1");
    }

    @Test
    @DisplayName("a crime closed before the next is recorded frees its investigator's caseload")
    void closedCrimeLeavesTheCaseload() {
        // given the first crime was given its outcome on 1 June, before the second was recorded at 11:00 that day
        List<CrimeRecordingPass.Crime> crimes = List.of(
                new CrimeRecordingPass.Crime("C1", FIRST, LocalDate.of(2015, 6, 1), theft(null), null),
                new CrimeRecordingPass.Crime("C2", SECOND, null, theft(null), null));

        // when the pass records them
        CrimeRecordingPass.Counts counts = jdbi.inTransaction(h -> pass.run(h, crimes, CrimeRecordingPass.Keeping.NONE, "peel:test"));

        // then both went to VC1
        assertThat(counts.allocated()).isEqualTo(2);
        assertThat(counts.queued()).isZero();
    }

    @Test
    @DisplayName("the victim gets an entitlement and the deadlines of recording, the needs assessment and statement offer met then")
    void victimsCodeAtRecording() {
        // given one crime with an adult victim who was offered a personal statement and did not decline a referral
        List<CrimeRecordingPass.Crime> crimes = List.of(new CrimeRecordingPass.Crime("C1", FIRST, null, theft(VICTIM), "C1-V1"));

        // when the pass records it
        jdbi.useTransaction(h -> pass.run(h, crimes, CrimeRecordingPass.Keeping.NONE, "peel:test"));

        // then the victim has the standard service
        assertThat(one("select service from victims_code_entitlement where crime_id = 'C1' and person_record_id = 'C1-V1'"))
                .isEqualTo("STANDARD");
        // and from Monday 1 June: written confirmation in 5 working days (Monday 8 June), referral in 2 (Wednesday 3 June)
        assertThat(one("select due_date::text from victims_code_deadline where kind = 'WRITTEN_CONFIRMATION'")).isEqualTo("2015-06-08");
        assertThat(one("select due_date::text from victims_code_deadline where kind = 'REFERRAL_TO_VICTIM_SERVICES'")).isEqualTo("2015-06-03");
        // and recording met the needs assessment and the statement offer, at the crime's own recorded time
        assertThat(one("select string_agg(kind, ',' order by kind) from victims_code_deadline where met_at = '2015-06-01 10:00'"))
                .isEqualTo("NEEDS_ASSESSMENT,PERSONAL_STATEMENT_OFFER");
        assertThat(one("select string_agg(kind || ':' || result, ',' order by kind) from victims_code_contact where crime_id = 'C1'"))
                .isEqualTo("NEEDS_ASSESSMENT:STANDARD,PERSONAL_STATEMENT:OFFERED");
    }

    private String one(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
