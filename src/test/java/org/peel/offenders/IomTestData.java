package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A small force for IOM tests, as of 2025-01-01. Camden (capacity 2): OFA1 and OFA2 are two nominals identity
 * resolution linked to one person (their histories join: 182.5 + 365 = 547.5), OFB 183, OFC 2; Westminster: OFD 365.
 * OFA1 and OFB live in Camden's ward E05000130 (Bloomsbury), OFD in Westminster's E05000644 (St James's).
 */
public final class IomTestData {

    public static final String CAMDEN = "E09000007";
    public static final String WESTMINSTER = "E09000033";
    public static final String CAMDEN_WARD = "E05000130";
    public static final String WESTMINSTER_WARD = "E05000644";
    public static final Clock NEW_YEAR_2025 = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

    private IomTestData() {
    }

    public static void seed(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            h.execute("insert into ward (code, name, borough_code) values (?, 'Bloomsbury', ?) on conflict do nothing",
                    CAMDEN_WARD, CAMDEN);
            h.execute("insert into ward (code, name, borough_code) values (?, 'St James''s', ?) on conflict do nothing",
                    WESTMINSTER_WARD, WESTMINSTER);
            offender(h, "OFA1", CAMDEN, CAMDEN_WARD, "Alan", "Archer", "2024-01-02", "Robbery");
            offender(h, "OFA2", CAMDEN, null, "Al", "Archer", "2025-01-01", "Domestic burglary");
            offender(h, "OFB", CAMDEN, CAMDEN_WARD, "Bea", "Baker", "2025-01-01", "Violence with injury");
            offender(h, "OFC", CAMDEN, null, "Cal", "Cooper", "2025-01-01", "Shoplifting");
            offender(h, "OFD", WESTMINSTER, WESTMINSTER_WARD, "Dee", "Dyer", "2025-01-01", "Robbery");
            long person = h.createUpdate("insert into person (created_by) values ('test')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long decision = h.createUpdate("insert into link_decision (kind, decided_by, reason) values ('resolve', 'test', 'same person')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (String id : new String[]{"OFA1", "OFA2"}) {
                long seq = h.createQuery("select seq from person_record where source_type = 'offender' and source_id = :id")
                        .bind("id", id).mapTo(Long.class).one();
                h.execute("insert into person_link (person_record_id, person_id, decision_id) values (?, ?, ?)",
                        seq, person, decision);
            }
        });
    }

    private static void offender(Handle h, String id, String borough, String ward, String forenames, String surname,
                                 String on, String group) {
        h.execute("insert into offender (id, borough_code, first_offence_on, offence_count, ward_code)"
                + " values (?, ?, cast(? as date), 1, ?)", id, borough, on, ward);
        h.execute("insert into offending_history (offender_id, seq, offence_on, offence_group, disposal)"
                + " values (?, 1, cast(? as date), ?, 'Charged/summonsed')", id, on, group);
        h.execute("insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at,"
                + " borough_code) values (?, 'offender', ?, 'offender', ?, ?, now(), ?)", "PR-" + id, id, forenames,
                surname, borough);
    }
}
