package org.peel.people;

import org.peel.common.Moments;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.peel.access.Sensitivity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Person records as recorded, read for people to look at: one record by its linkage number, or every record a
 * person currently holds. Each comes with the sensitive kinds it belongs to, so a page can show it only to a viewer
 * whose role may see that kind. Reads only; records are never changed here.
 */
public final class PersonRecordStore {

    // sensitivities and borough are the record's own, written by the capability that stored it: the kernel reads
    // no capability's tables
    private static final String SELECT = """
            select r.seq, r.id, r.source_type, r.source_id, r.role, r.forenames, r.surname, r.date_of_birth, r.sex,
                   r.address, r.postcode, r.phone, r.recorded_at, r.borough_code,
                   ('CHILD_PROTECTION' = any(r.sensitivities)
                       or (r.source_type in ('missing_episode', 'missing')
                           and r.date_of_birth > (r.recorded_at - interval '18 years')::date)) as child,
                   ('SEXUAL_OFFENCE' = any(r.sensitivities)) as sexual
            from person_record r
            """;

    /**
     * One person record as recorded.
     *
     * @param seq           the record's linkage number (person_record.seq), used by persons and review pairs
     * @param sourceType    the kind of record it appears in, e.g. {@code crime}
     * @param boroughCode   the borough of the record it appears in; null when not known (then seen force-wide only)
     * @param sensitivities the sensitive kinds a viewer's role must hold to see it
     */
    public record PersonRecord(long seq, String id, String sourceType, String sourceId, String role, String forenames,
                               String surname, LocalDate dateOfBirth, String sex, String address, String postcode,
                               String phone, LocalDateTime recordedAt, String boroughCode,
                               Set<Sensitivity> sensitivities) {

        /** The name as recorded, forenames first; blank parts left out. */
        public String name() {
            String n = ((forenames == null ? "" : forenames) + " " + (surname == null ? "" : surname)).strip();
            return n.isEmpty() ? "(no name recorded)" : n;
        }

        /** The kind of record in words: {@code domestic_abuse_incident} reads "Domestic abuse incident". */
        public String sourceTitle() {
            return titleOf(sourceType);
        }
    }

    private final Jdbi jdbi;

    public PersonRecordStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The records a person currently holds, grouped by kind of record and oldest first within a kind. */
    public List<PersonRecord> recordsOf(long personId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        join person_link l on l.person_record_id = r.seq and l.ended_at is null
                        where l.person_id = :p order by r.source_type, r.recorded_at, r.seq""")
                .bind("p", personId).map(PersonRecordStore::row).list());
    }

    /** The records with these linkage numbers, by number; numbers with no record are left out. */
    public Map<Long, PersonRecord> bySeq(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Map.of();
        }
        Map<Long, PersonRecord> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(SELECT + " where r.seq = any(:s) order by r.seq")
                .bind("s", seqs.toArray(Long[]::new)).map(PersonRecordStore::row)
                .forEach(r -> out.put(r.seq(), r)));
        return out;
    }

    /** The two records of a queued review pair, left first; empty when there is no such pair. */
    public List<PersonRecord> recordsOfReviewPair(long reviewId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                        join review_pair p on r.seq in (p.left_record_id, p.right_record_id)
                        where p.id = :id order by r.seq""")
                .bind("id", reviewId).map(PersonRecordStore::row).list());
    }

    /** The current person of each of these records; records linked to no person are left out. */
    public Map<Long, Long> personsOf(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select person_record_id, person_id from person_link
                        where person_record_id = any(:s) and ended_at is null""")
                .bind("s", seqs.toArray(Long[]::new))
                .reduceRows(new LinkedHashMap<Long, Long>(), (m, row) -> {
                    m.put(row.getColumn("person_record_id", Long.class), row.getColumn("person_id", Long.class));
                    return m;
                }));
    }

    /** The sensitive kinds a record of this source belongs to. */
    static Set<Sensitivity> sensitivitiesOf(String sourceType, boolean child, boolean sexualOffence) {
        Set<Sensitivity> kinds = EnumSet.noneOf(Sensitivity.class);
        switch (sourceType) {
            case "domestic_abuse_incident", "domestic-abuse" -> kinds.add(Sensitivity.DOMESTIC_ABUSE);
            case "ocg" -> kinds.add(Sensitivity.INTELLIGENCE);
            case "offender" -> kinds.add(Sensitivity.OFFENDER_MANAGEMENT);
            default -> {
            }
        }
        if (child) {
            kinds.add(Sensitivity.CHILD_PROTECTION);
        }
        if (sexualOffence) {
            kinds.add(Sensitivity.SEXUAL_OFFENCE);
        }
        return Set.copyOf(kinds);
    }

    static String titleOf(String sourceType) {
        return switch (sourceType) {
            case "asb", "asb_incident" -> "Anti-social behaviour incident";
            case "crime" -> "Crime";
            case "domestic-abuse", "domestic_abuse_incident" -> "Domestic abuse incident";
            case "missing", "missing_episode" -> "Missing episode";
            case "ocg" -> "Organised crime group";
            case "offender" -> "Offender";
            default -> {
                String words = sourceType.replace('_', ' ').replace('-', ' ');
                yield words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }

    private static PersonRecord row(ResultSet rs, StatementContext ctx) throws SQLException {
        String sourceType = rs.getString("source_type");
        return new PersonRecord(rs.getLong("seq"), rs.getString("id"), sourceType, rs.getString("source_id"),
                rs.getString("role"), rs.getString("forenames"), rs.getString("surname"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"), rs.getString("address"),
                rs.getString("postcode"), rs.getString("phone"), Moments.local(rs, "recorded_at"),
                rs.getString("borough_code"), sensitivitiesOf(sourceType, rs.getBoolean("child"), rs.getBoolean("sexual")));
    }
}
