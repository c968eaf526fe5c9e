package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * SQL for a crime's Home Office outcome: whether the crime exists and is still open, the facts the outcome is
 * checked against, and the outcome itself, which closes the crime. Takes the caller's {@link Handle}, so that the
 * outcome, the Victims' Code update it starts and its audit entry commit together.
 */
public final class OutcomeStore {

    // built from the database like every store, though each write here runs on the caller's handle
    private final Jdbi jdbi;

    public OutcomeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean crimeExists(Handle h, String crimeId) {
        return h.createQuery("select count(*) from crime where id = :id").bind("id", crimeId).mapTo(Long.class).one() > 0;
    }

    /** Closed: the crime already has its outcome. */
    public boolean closed(Handle h, String crimeId) {
        return h.createQuery("select count(*) from crime_outcome where crime_id = :id").bind("id", crimeId)
                .mapTo(Long.class).one() > 0;
    }

    /** What an outcome is checked against: the offence group, when it was committed and when recorded. */
    /**
     * What outcome validation needs of a crime: its group, dates, domestic abuse flag, the serious offences screening
     * recorded, whether it has a victim, and whether it was recorded as rape.
     */
    public record Recorded(String offenceGroup, LocalDateTime committedAt, LocalDateTime recordedAt, boolean domesticAbuse,
                           java.util.Set<SeriousOffence> seriousOffences, boolean victimRecorded, boolean rape) {
    }

    public Recorded recorded(Handle h, String crimeId) {
        return h.createQuery("""
                        select c.offence_group, c.committed_at, c.recorded_at, c.domestic_abuse,
                               coalesce(s.serious_offences, '{}') as serious_offences,
                               exists (select 1 from person_record v where v.source_type = 'crime' and v.source_id = c.id
                                       and v.role = 'victim') as victim_recorded,
                               exists (select 1 from crime_flag f where f.crime_id = c.id and f.flag = 'RAPE') as rape
                        from crime c left join crime_screening s on s.crime_id = c.id
                        where c.id = :id""")
                .bind("id", crimeId)
                .map((rs, ctx) -> {
                    java.util.Set<SeriousOffence> serious = java.util.EnumSet.noneOf(SeriousOffence.class);
                    for (String o : (String[]) rs.getArray("serious_offences").getArray()) {
                        serious.add(SeriousOffence.valueOf(o));
                    }
                    return new Recorded(rs.getString("offence_group"), Moments.local(rs, "committed_at"),
                            Moments.local(rs, "recorded_at"), rs.getBoolean("domestic_abuse"), serious,
                            rs.getBoolean("victim_recorded"), rs.getBoolean("rape"));
                }).one();
    }

    /** The dates of birth of the crime's named suspects, in the order they were recorded (null where not known). */
    public List<LocalDate> suspectBirthDates(Handle h, String crimeId) {
        return h.createQuery("""
                        select date_of_birth from person_record
                        where source_type = 'crime' and source_id = :id and role = 'suspect' and surname is not null
                        order by id""")
                .bind("id", crimeId).mapTo(LocalDate.class).list();
    }

    public void insertOutcome(Handle h, String crimeId, OutcomeType type, LocalDate on) {
        h.createUpdate("insert into crime_outcome (crime_id, outcome_code, outcome_date) values (:id, :code, :on)")
                .bind("id", crimeId).bind("code", String.valueOf(type.code())).bind("on", on).execute();
    }
}
