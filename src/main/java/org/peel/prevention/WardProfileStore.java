package org.peel.prevention;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * SQL for ward profiles: the priorities the ward team writes, and the facts computed from ASB incidents, crimes,
 * flags and cases. Crimes are read only through investigation's published view {@code investigation_crime_published},
 * and only as counts by ward and as points for hotspots.
 */
public final class WardProfileStore {

    private final Jdbi jdbi;
    private final ProblemSolvingStore cases;
    private final Clock clock;

    public WardProfileStore(Jdbi jdbi, ProblemSolvingStore cases, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cases = cases;
    }

    /** The newest ASB incident or crime held in the borough, or now when there is none. */
    public LocalDateTime newestRecord(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select greatest((select max(reported_at) from asb_incident where borough_code = :b),
                                        (select max(recorded_at) from investigation_crime_published where borough_code = :b))""")
                .bind("b", boroughCode).mapTo(LocalDateTime.class).findOne())
                .orElseGet(() -> LocalDateTime.now(clock));
    }

    public WardProfile.Facts facts(String wardCode, String boroughCode, AsbRiskSettings settings) {
        LocalDateTime end = newestRecord(boroughCode).toLocalDate().plusDays(1).atStartOfDay();
        LocalDateTime start = end.minusMonths(12);
        LocalDateTime before = start.minusMonths(12);
        return jdbi.withHandle(h -> {
            WardProfile.Trend asb = h.createQuery("""
                            select count(*) filter (where reported_at >= :start), count(*) filter (where reported_at < :start)
                            from asb_incident where ward_code = :ward and reported_at >= :before and reported_at < :end""")
                    .bind("ward", wardCode).bind("start", start).bind("before", before).bind("end", end)
                    .map((rs, ctx) -> new WardProfile.Trend(rs.getLong(1), rs.getLong(2))).one();
            WardProfile.Trend crime = h.createQuery("""
                            select count(*) filter (where recorded_at >= :start), count(*) filter (where recorded_at < :start)
                            from investigation_crime_published where borough_code = :borough and ward_code = :ward
                              and recorded_at >= :before and recorded_at < :end""")
                    .bind("ward", wardCode).bind("borough", boroughCode).bind("start", start).bind("before", before)
                    .bind("end", end)
                    .map((rs, ctx) -> new WardProfile.Trend(rs.getLong(1), rs.getLong(2))).one();
            List<WardProfile.Location> top = h.createQuery("""
                            select e.lsoa_code, l.name, count(*) filter (where e.kind = 'asb'),
                                   count(*) filter (where e.kind = 'crime')
                            from (select lsoa_code, 'asb' as kind from asb_incident
                                  where ward_code = :ward and reported_at >= :start and reported_at < :end
                                  union all
                                  select lsoa_code, 'crime' from investigation_crime_published
                                  where borough_code = :borough and ward_code = :ward
                                    and recorded_at >= :start and recorded_at < :end) e
                            left join lsoa l on l.code = e.lsoa_code
                            where e.lsoa_code is not null
                            group by e.lsoa_code, l.name order by count(*) desc, e.lsoa_code limit 5""")
                    .bind("ward", wardCode).bind("borough", boroughCode).bind("start", start).bind("end", end)
                    .map((rs, ctx) -> new WardProfile.Location(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getLong(4)))
                    .list();
            long repeatVictims = h.createQuery("""
                            select count(*) from (
                              select 1 from person_record p join asb_incident a on a.id = p.source_id
                              where p.source_type = 'asb_incident' and p.role like '%victim%'
                                and a.ward_code = :ward and a.reported_at >= :from and a.reported_at < :end
                                and p.surname is not null
                              group by lower(p.surname), lower(trim(p.forenames)), p.date_of_birth
                              having count(*) >= :n) v""")
                    .bind("ward", wardCode).bind("from", end.minusMonths(settings.repeatMonths())).bind("end", end)
                    .bind("n", settings.repeatIncidents()).mapTo(Long.class).one();
            long flags = h.createQuery("""
                            select count(distinct person_record_id) from neighbourhood_flag
                            where ward_code = :ward and cleared_at is null""")
                    .bind("ward", wardCode).mapTo(Long.class).one();
            return new WardProfile.Facts(start, end, crime, asb, top, repeatVictims, flags,
                    cases.openCasesInWard(wardCode));
        });
    }

    /**
     * The borough's located ASB incidents and crimes reported in [from, to), as hotspot inputs: month, kind (the
     * police.uk category) and point only, each marked whether it was recorded in the ward. No person is read.
     */
    public List<WardHotspots.Located> hotspotIncidents(String wardCode, String boroughCode, LocalDateTime from,
                                                       LocalDateTime to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select reported_at, :asb, longitude, latitude, ward_code = :ward from asb_incident
                        where borough_code = :borough and reported_at >= :from and reported_at < :to
                          and latitude is not null and longitude is not null
                        union all
                        select recorded_at, police_uk_type, longitude, latitude, ward_code = :ward
                        from investigation_crime_published
                        where borough_code = :borough and recorded_at >= :from and recorded_at < :to
                          and latitude is not null and longitude is not null""")
                .bind("asb", WardHotspots.CRIME_TYPE).bind("ward", wardCode).bind("borough", boroughCode)
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new WardHotspots.Located(new HotspotIncident(
                        java.time.YearMonth.from(rs.getTimestamp(1).toLocalDateTime()), rs.getString(2),
                        rs.getDouble(3), rs.getDouble(4)), rs.getBoolean(5)))
                .list());
    }

    public Optional<WardProfile.Priorities> priorities(String wardCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select priorities, written_by, written_at, review_due from ward_profile where ward_code = :ward""")
                .bind("ward", wardCode)
                .map((rs, ctx) -> new WardProfile.Priorities(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toLocalDateTime(), rs.getDate(4).toLocalDate()))
                .findOne());
    }

    /** Writes (or rewrites, keeping the old version) the ward's priorities, due for review a year on. */
    /** Writes the ward's priorities in the caller's transaction (with its audit entry). */
    public void writePriorities(Handle h, String wardCode, String text, String by, LocalDate today) {
        h.createUpdate("""
                        insert into ward_profile (ward_code, priorities, written_by, written_at, review_due)
                        values (:ward, :text, :by, now(), :due)
                        on conflict (ward_code) do update set priorities = excluded.priorities,
                            written_by = excluded.written_by, written_at = excluded.written_at,
                            review_due = excluded.review_due""")
                .bind("ward", wardCode).bind("text", text).bind("by", by)
                .bind("due", today.plusMonths(WardProfile.REVIEW_MONTHS)).execute();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Wards in a borough (force-wide when null) whose profile is past its review date or was never written. */
    public List<WardProfile.Review> dueForReview(String boroughCode, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select w.code, w.name, w.borough_code, p.review_due
                        from ward w left join ward_profile p on p.ward_code = w.code
                        where (cast(:borough as text) is null or w.borough_code = :borough)
                          and (p.review_due is null or p.review_due < :today)
                        order by p.review_due nulls first, w.name""")
                .bind("borough", boroughCode).bind("today", today)
                .map((rs, ctx) -> new WardProfile.Review(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list());
    }

    /** Every ward in a borough with its review date (null when never written). */
    public List<WardProfile.Review> wards(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select w.code, w.name, w.borough_code, p.review_due
                        from ward w left join ward_profile p on p.ward_code = w.code
                        where w.borough_code = :borough order by w.name""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> new WardProfile.Review(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list());
    }

    /**
     * Which wards the ward profiles list shows: in a force area and/or a borough (null: any), whose name contains
     * {@code name} (null: any), only those overdue for review or never written when {@code dueOnly}.
     */
    public record WardFilter(String force, String borough, String name, boolean dueOnly, LocalDate today,
                             boolean byName) {
    }

    private static final String WARD_WHERE = """
            from ward w join borough b on b.code = w.borough_code
            left join ward_profile p on p.ward_code = w.code
            where (cast(:force as text) is null or b.force_code = :force)
              and (cast(:borough as text) is null or w.borough_code = :borough)
              and (cast(:name as text) is null or w.name ilike '%' || :name || '%')
              and (not :dueOnly or p.review_due is null or p.review_due < :today)
            """;

    public long countWards(WardFilter f) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) " + WARD_WHERE)
                .bindMethods(f).mapTo(Long.class).one());
    }

    /** One page of the wards, those never written or overdue first (the longest overdue first), then by name. */
    public List<WardProfile.Review> wards(WardFilter f, int offset, int limit) {
        String order = f.byName() ? "w.name, w.code"
                : "(p.review_due is null or p.review_due < :today) desc, p.review_due nulls first, w.name, w.code";
        return jdbi.withHandle(h -> h.createQuery("select w.code, w.name, w.borough_code, p.review_due " + WARD_WHERE
                        + " order by " + order + " limit :limit offset :offset")
                .bindMethods(f).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new WardProfile.Review(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list());
    }
}
