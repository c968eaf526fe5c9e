package org.peel.organisedcrime;

import org.jdbi.v3.core.Jdbi;

/** SQL for organised crime groups. */
public final class OcgStore {

    private final Jdbi jdbi;

    public OcgStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Organised crime groups on the register. */
    public long groups() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from ocg").mapTo(Long.class).one());
    }

    /** Groups by their assessed band, in band order. */
    public java.util.Map<String, Long> groupsByBand(String boroughCode) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select band, count(*) from ocg
                        where cast(:borough as text) is null or borough_code = :borough
                        group by band order by band""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Person records of members and associates of groups. */
    public long memberRecords() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from person_record where source_type = 'ocg'")
                .mapTo(Long.class).one());
    }
}
