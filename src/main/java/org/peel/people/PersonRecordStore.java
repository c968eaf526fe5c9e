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

    /**
     * What a viewer may see of the person list and what they narrow it to: {@code reach} is the one borough a local
     * role works in (null: force-wide, records of no known borough included), {@code hidden} the sensitive kinds its
     * role may not see; a person is listed through the records left, and only when one of them matches every filter
     * given ({@code name} a part of the recorded name, {@code born} the date of birth, {@code borough} the record's).
     */
    public record PersonFilter(String reach, Set<Sensitivity> hidden, String name, LocalDate born, String borough) {
    }

    /**
     * One person as the list shows them: the name and date of birth most often recorded among the records the viewer
     * may see, the boroughs of those records, and how many there are.
     */
    public record ListedPerson(String ref, String forenames, String surname, LocalDate dateOfBirth,
                               List<String> boroughs, int records) {

        /** The name, forenames first; blank parts left out. */
        public String name() {
            String n = ((forenames == null ? "" : forenames) + " " + (surname == null ? "" : surname)).strip();
            return n.isEmpty() ? "(no name recorded)" : n;
        }
    }

    // the records the viewer may see, with the same sensitive kinds as sensitivitiesOf gives a record
    private static final String VISIBLE = """
            with seen as (
                select l.person_id, r.seq, r.forenames, r.surname, r.date_of_birth, r.borough_code
                from person_record r
                join person_link l on l.person_record_id = r.seq and l.ended_at is null
                where (cast(:reach as text) is null or r.borough_code = :reach)
                  and not (array_remove(array[
                        case when r.source_type in ('domestic_abuse_incident', 'domestic-abuse')
                             then 'DOMESTIC_ABUSE' end,
                        case when r.source_type = 'ocg' then 'INTELLIGENCE' end,
                        case when r.source_type = 'offender' then 'OFFENDER_MANAGEMENT' end,
                        case when 'CHILD_PROTECTION' = any(r.sensitivities)
                                  or (r.source_type in ('missing_episode', 'missing')
                                      and r.date_of_birth > (r.recorded_at - interval '18 years')::date)
                             then 'CHILD_PROTECTION' end,
                        case when 'SEXUAL_OFFENCE' = any(r.sensitivities) then 'SEXUAL_OFFENCE' end], null)
                        && cast(:hidden as text[]))
            ), matching as (
                select distinct person_id from seen
                where (cast(:name as text) is null
                       or (coalesce(forenames, '') || ' ' || coalesce(surname, '')) ilike :name)
                  and (cast(:born as date) is null or date_of_birth = :born)
                  and (cast(:borough as text) is null or borough_code = :borough)
            )
            """;

    /** How many persons the viewer may see match the filter. */
    public long countPersons(PersonFilter filter) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery(VISIBLE + "select count(*) from matching"), filter)
                .mapTo(Long.class).one());
    }

    /**
     * One window of the persons the viewer may see that match the filter, by surname, then forenames, then date of
     * birth, then reference, so every page of the list holds its own persons and no other's.
     */
    public List<ListedPerson> persons(PersonFilter filter, int offset, int limit) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery(VISIBLE + """
                        , named as (
                            select distinct on (s.person_id) s.person_id, s.forenames, s.surname
                            from seen s join matching m on m.person_id = s.person_id
                            group by s.person_id, s.forenames, s.surname
                            order by s.person_id, count(*) desc,
                                     trim(coalesce(s.forenames, '') || ' ' || coalesce(s.surname, '')) desc
                        ), summed as (
                            select s.person_id, mode() within group (order by s.date_of_birth) as born,
                                   array_agg(distinct s.borough_code) filter (where s.borough_code is not null)
                                       as boroughs,
                                   count(*) as records
                            from seen s join matching m on m.person_id = s.person_id
                            group by s.person_id
                        )
                        select p.public_ref::text as ref, n.forenames, n.surname, x.born, x.boroughs, x.records
                        from named n join summed x on x.person_id = n.person_id join person p on p.id = n.person_id
                        order by lower(coalesce(n.surname, '')), lower(coalesce(n.forenames, '')), x.born nulls last,
                                 p.public_ref
                        offset :offset limit :limit"""), filter)
                .bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> {
                    java.sql.Array boroughs = rs.getArray("boroughs");
                    return new ListedPerson(rs.getString("ref"), rs.getString("forenames"), rs.getString("surname"),
                            rs.getObject("born", LocalDate.class),
                            boroughs == null ? List.of() : List.of((String[]) boroughs.getArray()),
                            rs.getInt("records"));
                }).list());
    }

    private static org.jdbi.v3.core.statement.Query bindFilter(org.jdbi.v3.core.statement.Query q,
                                                               PersonFilter f) {
        return q.bind("reach", f.reach())
                .bind("hidden", f.hidden().stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind("name", f.name() == null ? null : "%" + f.name().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%")
                .bind("born", f.born()).bind("borough", f.borough());
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
