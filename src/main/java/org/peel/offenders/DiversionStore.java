package org.peel.offenders;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for diversion referrals and their outcomes. */
public final class DiversionStore {

    private final Jdbi jdbi;

    public DiversionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A referral as recorded, with the offender's name as their nominal record has it. */
    public record Referral(long id, String offenderId, String offenderName, String boroughCode,
                           Diversion.Scheme scheme, LocalDate referredOn, String reason, Diversion.Outcome outcome,
                           LocalDate outcomeOn, String outcomeNotes, String recordedBy) {

        public boolean awaiting() {
            return outcome == null;
        }
    }

    private static final String SELECT = """
            select d.id, d.offender_id,
                   (select trim(coalesce(pr.forenames, '') || ' ' || coalesce(pr.surname, ''))
                    from person_record pr where pr.source_type = 'offender' and pr.source_id = d.offender_id
                    order by pr.seq limit 1) as name,
                   d.borough_code, d.scheme, d.referred_on, d.reason, d.outcome, d.outcome_on, d.outcome_notes,
                   d.recorded_by
            from diversion_referral d
            """;

    public long insert(Handle h, String offenderId, String boroughCode, Diversion.Scheme scheme, LocalDate referredOn,
                       String reason, String by, Instant at) {
        return h.createUpdate("""
                        insert into diversion_referral (offender_id, borough_code, scheme, referred_on, reason,
                            recorded_by, recorded_at)
                        values (:o, :b, :s, :on, :r, :by, :at)""")
                .bind("o", offenderId).bind("b", boroughCode).bind("s", scheme.code()).bind("on", referredOn)
                .bind("r", reason).bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Records the outcome once: false when the referral already had one. */
    public boolean recordOutcome(Handle h, long id, Diversion.Outcome outcome, LocalDate on, String notes, String by,
                                 Instant at) {
        return h.createUpdate("""
                        update diversion_referral set outcome = :o, outcome_on = :on, outcome_notes = :n,
                            outcome_by = :by, outcome_at = :at
                        where id = :id and outcome is null""")
                .bind("id", id).bind("o", outcome.code()).bind("on", on).bind("n", notes).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute() == 1;
    }

    public Optional<Referral> referral(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where d.id = :id").bind("id", id)
                .map((rs, ctx) -> referral(rs)).findOne());
    }

    /** Referrals in a borough (every borough when null), newest first, at most {@code limit}. */
    public List<Referral> referrals(String boroughCode, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                         where cast(:b as text) is null or d.borough_code = :b
                        order by d.referred_on desc, d.id desc limit :limit""")
                .bind("b", boroughCode).bind("limit", limit).map((rs, ctx) -> referral(rs)).list());
    }

    /** Every referral in a borough (every borough when null), oldest first: for the comparison. */
    public List<Referral> allReferrals(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                         where cast(:b as text) is null or d.borough_code = :b
                        order by d.referred_on, d.id""")
                .bind("b", boroughCode).map((rs, ctx) -> referral(rs)).list());
    }

    /** Every offender nominal ever referred, to any scheme, in any borough: none of them may be a comparison. */
    public List<String> everReferred() {
        return jdbi.withHandle(h -> h.createQuery("select distinct offender_id from diversion_referral")
                .mapTo(String.class).list());
    }

    /** Referrals and outcomes by scheme: scheme code → outcome code ("awaiting" when none) → count. */
    public Map<String, Map<String, Integer>> outcomeCounts(String boroughCode) {
        return jdbi.withHandle(h -> {
            Map<String, Map<String, Integer>> m = new HashMap<>();
            h.createQuery("""
                            select scheme, coalesce(outcome, 'awaiting'), count(*) from diversion_referral
                            where cast(:b as text) is null or borough_code = :b group by 1, 2""")
                    .bind("b", boroughCode)
                    .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getInt(3)})
                    .forEach(r -> m.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], (Integer) r[2]));
            return m;
        });
    }

    /** Date of birth and sex of offender nominals, as their person records hold them (the first record of each). */
    public Map<String, Diversion.Person> people(List<String> offenderIds) {
        if (offenderIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<String, Diversion.Person> m = new HashMap<>();
            h.createQuery("""
                            select distinct on (source_id) source_id, date_of_birth, sex from person_record
                            where source_type = 'offender' and source_id = any(:ids) order by source_id, seq""")
                    .bind("ids", offenderIds.toArray(String[]::new))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Diversion.Person(
                            rs.getObject(2, LocalDate.class), rs.getString(3))))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    /** Date of birth of every offender nominal that has one, for the comparison's age bands. */
    public Map<String, LocalDate> datesOfBirth() {
        return jdbi.withHandle(h -> {
            Map<String, LocalDate> m = new HashMap<>();
            h.createQuery("""
                            select distinct on (source_id) source_id, date_of_birth from person_record
                            where source_type = 'offender' and date_of_birth is not null order by source_id, seq""")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class)))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    private static Referral referral(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Referral(rs.getLong("id"), rs.getString("offender_id"), rs.getString("name"),
                rs.getString("borough_code"), Diversion.Scheme.of(rs.getString("scheme")),
                rs.getObject("referred_on", LocalDate.class), rs.getString("reason"),
                outcome == null ? null : Diversion.Outcome.of(outcome), rs.getObject("outcome_on", LocalDate.class),
                rs.getString("outcome_notes"), rs.getString("recorded_by"));
    }
}
