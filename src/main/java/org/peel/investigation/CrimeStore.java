package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDateTime;
import java.util.Optional;

/** SQL for recorded crimes, their outcomes and the investigators who work them. */
public final class CrimeStore {

    private final Jdbi jdbi;

    public CrimeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<LocalDateTime> latestRecorded(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select max(recorded_at) from crime
                        where (cast(:borough as text) is null or borough_code = :borough)""")
                .bind("borough", boroughCode).mapTo(LocalDateTime.class).findOne());
    }

    /** Crimes recorded in [from, to): all, with an outcome, charged or summonsed (outcome 1), domestic abuse, hate. */
    public record Counts(long recorded, long withOutcome, long charged, long domesticAbuse, long hate) {
    }

    public Counts counts(String boroughCode, LocalDateTime from, LocalDateTime to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) as recorded,
                               count(o.crime_id) as with_outcome,
                               count(*) filter (where o.outcome_code = '1') as charged,
                               count(*) filter (where c.domestic_abuse) as domestic_abuse,
                               count(*) filter (where c.hate) as hate
                        from crime c left join crime_outcome o on o.crime_id = c.id
                        where c.recorded_at >= :from and c.recorded_at < :to
                          and (cast(:borough as text) is null or c.borough_code = :borough)""")
                .bind("borough", boroughCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Counts(rs.getLong("recorded"), rs.getLong("with_outcome"), rs.getLong("charged"),
                        rs.getLong("domestic_abuse"), rs.getLong("hate")))
                .one());
    }

    /** Investigators in post (in a borough's teams, or force-wide). */
    public long investigators(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from investigator i join investigation_team t on t.id = i.team_id
                        where (cast(:borough as text) is null or t.borough_code = :borough)""")
                .bind("borough", boroughCode).mapTo(Long.class).one());
    }
}
