package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** SQL for ASB incidents. */
public final class AsbStore {

    private final Jdbi jdbi;

    public AsbStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** When the newest incident was reported (in a borough, or force-wide when null). */
    public Optional<LocalDateTime> latestReport(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select max(reported_at) from asb_incident
                        where (cast(:borough as text) is null or borough_code = :borough)""")
                .bind("borough", boroughCode).mapTo(LocalDateTime.class).findOne());
    }

    /** Incidents by NSIR category (personal, nuisance, environmental) reported in [from, to). */
    public Map<String, Long> countByCategory(String boroughCode, LocalDateTime from, LocalDateTime to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select category, count(*) from asb_incident
                        where reported_at >= :from and reported_at < :to
                          and (cast(:borough as text) is null or borough_code = :borough)
                        group by category order by category""")
                .bind("borough", boroughCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }
}
