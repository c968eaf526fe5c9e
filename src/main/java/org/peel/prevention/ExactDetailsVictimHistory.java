package org.peel.prevention;

import org.jdbi.v3.core.Handle;

import org.peel.common.Adapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a victim to earlier person records on exact details only: the same surname with the same forenames and
 * date of birth, or the same surname at the same postcode (names compared ignoring case and extra spaces,
 * postcodes ignoring spaces). It misses typos and changed names, which identity resolution will catch; it rarely
 * joins two different people, which matters more when the answer raises a risk grade. Crimes are read through
 * investigation's published view {@code investigation_crime_published}, never its tables. Every record is found
 * force-wide, with its borough, for the rules; what a user is shown is decided by {@link AsbHistory.Victim#shownTo}.
 */
@Adapter
public final class ExactDetailsVictimHistory implements VictimHistory {

    public static final String METHOD = "exact details: surname with forenames and date of birth, or surname and postcode";
    public static final String RESOLVED_METHOD = METHOD
            + "; and every other record of the persons those records were resolved into";

    private static final String EXACT = """
            with exact as (
              select pr.seq, pr.source_type, pr.source_id, pr.role,
                     case when pr.date_of_birth = :dob and lower(trim(pr.forenames)) = :forenames
                          then 'name and date of birth' else 'surname and postcode' end as matched_on
              from person_record pr
              where lower(pr.surname) = :surname
                and ((cast(:dob as date) is not null and pr.date_of_birth = :dob
                      and lower(trim(pr.forenames)) = :forenames)
                  or (cast(:postcode as text) is not null and upper(replace(pr.postcode, ' ', '')) = :postcode))
            )""";

    private static final String EXACT_ONLY = EXACT + """
            , victim as (select source_type, source_id, role, matched_on from exact)
            """;

    /** Exact matches, widened to every record resolved into the same person (typos, nicknames, moves). */
    private static final String THROUGH_PERSONS = EXACT + """
            , victim as (
              select source_type, source_id, role, matched_on from exact
              union all
              select pr.source_type, pr.source_id, pr.role, 'same resolved person' as matched_on
              from exact e
              join person_link found on found.person_record_id = e.seq and found.ended_at is null
              join person_link other on other.person_id = found.person_id and other.ended_at is null
              join person_record pr on pr.seq = other.person_record_id
            )
            """;

    /** Exact matches, and every record of the person the call handler identified the victim as. */
    private static final String THROUGH_IDENTIFIED = EXACT + """
            , victim as (
              select source_type, source_id, role, matched_on from exact
              union all
              select pr.source_type, pr.source_id, pr.role, 'identified by the call handler' as matched_on
              from person_link chosen
              join person_record pr on pr.seq = chosen.person_record_id
              where chosen.person_id = :person and chosen.ended_at is null
            )
            """;
    private static final String IDENTIFIED_METHOD = METHOD + "; and every record of the person the victim was"
            + " identified as when the call was taken";

    private final String match;
    private final String method;

    /** Exact details only. */
    public ExactDetailsVictimHistory() {
        this(false);
    }

    private ExactDetailsVictimHistory(boolean throughPersons) {
        this.match = throughPersons ? THROUGH_PERSONS : EXACT_ONLY;
        this.method = throughPersons ? RESOLVED_METHOD : METHOD;
    }

    /** Exact details, then the people capability's resolved identities: one person, all their records. */
    public static ExactDetailsVictimHistory throughResolvedPersons() {
        return new ExactDetailsVictimHistory(true);
    }

    @Override
    public AsbHistory.Victim earlierRecords(Handle h, PersonDetails victim) {
        return find(h, victim, match, method, null);
    }

    @Override
    public AsbHistory.Victim earlierRecords(Handle h, PersonDetails victim, long identifiedPerson) {
        return find(h, victim, THROUGH_IDENTIFIED, IDENTIFIED_METHOD, identifiedPerson);
    }

    private static AsbHistory.Victim find(Handle h, PersonDetails victim, String match, String method, Long person) {
        String surname = PersonDetails.normalisedName(victim.surname());
        if (surname == null && person == null) {
            return new AsbHistory.Victim(List.of(), List.of(), method);
        }
        // the person is bound only where the statement names it: an unused binding is an error
        Map<String, Object> details = new HashMap<>();
        details.put("surname", surname);
        if (person != null) {
            details.put("person", person);
        }
        String forenames = PersonDetails.normalisedName(victim.forenames());
        List<AsbHistory.Incident> incidents = h.createQuery(match + """
                        select distinct on (a.id) a.id, a.reported_at, a.category, a.sub_type, a.ward_code,
                               a.location_text, v.role, v.matched_on, a.borough_code
                        from victim v join asb_incident a on a.id = v.source_id
                        where v.source_type = 'asb_incident'
                        order by a.id, v.role desc""")
                .bindMap(details).bind("forenames", forenames)
                .bind("dob", victim.dateOfBirth()).bind("postcode", victim.normalisedPostcode())
                .map((rs, ctx) -> new AsbHistory.Incident(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
        List<AsbHistory.Crime> crimes = h.createQuery(match + """
                        select distinct on (c.id) c.id, c.recorded_at, c.offence_group, c.police_uk_type, c.ward_code,
                               v.role, v.matched_on, c.borough_code
                        from victim v join investigation_crime_published c on c.id = v.source_id
                        where v.source_type = 'crime' and v.role = 'victim'
                        order by c.id""")
                .bindMap(details).bind("forenames", forenames)
                .bind("dob", victim.dateOfBirth()).bind("postcode", victim.normalisedPostcode())
                .map((rs, ctx) -> new AsbHistory.Crime(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
        return new AsbHistory.Victim(
                incidents.stream().sorted((a, b) -> b.reportedAt().compareTo(a.reportedAt())).toList(),
                crimes.stream().sorted((a, b) -> b.recordedAt().compareTo(a.recordedAt())).toList(), method);
    }
}
