package org.peel.partners;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.List;

/**
 * The people each activity touches, read only through the capabilities' published views (prevention's ASB victim
 * risk, organised crime's gang nominals, offenders' IOM cohort) and the people kernel's person records for sex and
 * date of birth, and its published ethnicity view for self-defined ethnicity (its broad group); one person counted once, through their resolved identity where they have one.
 */
public final class EqualityStore {

    /** ASB victims graded high risk at the first call. */
    static final String ASB_HIGH = """
            select distinct on (coalesce(l.person_id::text, r.id)) e.self_defined_group as ethnicity, r.sex,
                   r.date_of_birth
            from prevention_asb_victim_risk_published v
            join person_record r on r.id = v.person_record_id
            left join person_link l on l.person_record_id = r.seq and l.ended_at is null
            left join people_person_ethnicity_published e on e.record_id = r.id
            where v.grade = 'high'
            order by coalesce(l.person_id::text, r.id), e.self_defined_group nulls last""";

    /** People on the gangs matrix now. */
    static final String GANG_INCLUDED = """
            select distinct on (n.nominal_id) n.ethnicity, r.sex, r.date_of_birth
            from organisedcrime_gang_nominal_published n
            left join person_record r on r.source_type = 'gang' and r.source_id = n.nominal_id
            where n.status = 'included'
            order by n.nominal_id, r.recorded_at""";

    /** Offenders in the IOM cohort as it stands. */
    static final String IOM_COHORT = """
            select distinct on (c.offender_id) e.self_defined_group as ethnicity, r.sex, r.date_of_birth
            from offenders_iom_cohort_published c
            left join person_record r on r.source_type = 'offender' and r.source_id = c.offender_id
            left join people_person_ethnicity_published e on e.record_id = r.id
            where c.in_cohort
            order by c.offender_id, e.self_defined_group nulls last, r.recorded_at""";

    private final Jdbi jdbi;

    public EqualityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<EqualityGroups.Person> asbHighRisk() {
        return people(ASB_HIGH);
    }

    public List<EqualityGroups.Person> gangsMatrix() {
        return people(GANG_INCLUDED);
    }

    public List<EqualityGroups.Person> iomCohort() {
        return people(IOM_COHORT);
    }

    // the force's boroughs are those its records are in (places may hold every borough of England and Wales);
    // with no records yet, every borough places holds
    private static final String FORCE_BOROUGHS = """
            select b.code, b.name, b.force_code from borough b
            where b.code in (select borough_code from investigation_crime_published
                             union select borough_code from prevention_asb_incident_published)
               or not exists (select 1 from investigation_crime_published)
                  and not exists (select 1 from prevention_asb_incident_published)""";

    /** The force's name as places hold it, and its boroughs' names: to find their population. */
    public List<String> forceNames() {
        return jdbi.withHandle(h -> h.createQuery("select distinct f.name from force_area f join (" + FORCE_BOROUGHS
                        + ") b on b.force_code = f.code order by f.name")
                .mapTo(String.class).list());
    }

    public List<String> boroughNames() {
        return jdbi.withHandle(h -> h.createQuery("select name from (" + FORCE_BOROUGHS + ") b order by name")
                .mapTo(String.class).list());
    }

    private List<EqualityGroups.Person> people(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> {
                    String e = rs.getString("ethnicity");
                    return new EqualityGroups.Person("Not stated".equals(e) ? null : e, rs.getString("sex"),
                            rs.getObject("date_of_birth", LocalDate.class));
                }).list());
    }
}
