package org.peel.prevention;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.CopyRows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for ASB incidents, their first-call assessments and the neighbourhood team's flags. */
public final class AsbStore {

    private final Jdbi jdbi;

    public AsbStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
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

    /** The next incident number for a call taken in Peel: {@code ASB-C} and the number. */
    public String nextIncidentId() {
        long n = jdbi.withHandle(h -> h.createQuery("select nextval('asb_incident_number')").mapTo(Long.class).one());
        return "ASB-C" + n;
    }

    /** The borough an incident was placed in, to check access before anything else of it is read. */
    public Optional<String> incidentBorough(String id) {
        return jdbi.withHandle(h -> h.createQuery("select borough_code from asb_incident where id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    /** An incident with its people, assessment and flags (personal data: the caller checks access and audits). */
    public Optional<AsbIncidentView> incident(String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, reported_at, category, sub_type, description, channel, location_text, latitude,
                            longitude, borough_code, ward_code, lsoa_code, victim_targeted, recorded_by
                        from asb_incident where id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new AsbIncidentView(rs.getString("id"), text(rs.getTimestamp("reported_at")),
                        rs.getString("category"), rs.getString("sub_type"), rs.getString("description"),
                        rs.getString("channel"),
                        new AsbIncidentView.Location(rs.getString("location_text"),
                                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                                rs.getString("borough_code"), rs.getString("ward_code"), rs.getString("lsoa_code")),
                        (Boolean) rs.getObject("victim_targeted"), rs.getString("recorded_by"),
                        people(h, id, rs.getString("borough_code")), assessment(h, id), flags(h, id)))
                .findOne());
    }

    private static List<AsbIncidentView.Person> people(Handle h, String incidentId, String boroughCode) {
        return h.createQuery("""
                        select r.id, r.role, r.forenames, r.surname, r.date_of_birth, r.address, r.postcode, r.phone,
                               e.self_defined_ethnicity, e.observed_group
                        from person_record r
                        left join people_person_ethnicity_published e on e.record_id = r.id
                        where r.source_type = 'asb_incident' and r.source_id = :id order by r.id""")
                .bind("id", incidentId)
                .map((rs, ctx) -> new AsbIncidentView.Person(rs.getString("id"), rs.getString("role"),
                        rs.getString("forenames"), rs.getString("surname"),
                        rs.getDate("date_of_birth") == null ? null : rs.getDate("date_of_birth").toLocalDate().toString(),
                        rs.getString("address"), rs.getString("postcode"), rs.getString("phone"), boroughCode,
                        rs.getString("self_defined_ethnicity"), rs.getString("observed_group")))
                .list();
    }

    private static AsbIncidentView.Assessment assessment(Handle h, String incidentId) {
        return h.createQuery("""
                        select grade, score, reasons::text, rule_version, repeat_victim, case_review_met, assessed_at
                        from asb_assessment where asb_incident_id = :id""")
                .bind("id", incidentId)
                .map((rs, ctx) -> new AsbIncidentView.Assessment(rs.getString("grade"), rs.getInt("score"),
                        reasons(rs.getString("reasons")), rs.getString("rule_version"), rs.getBoolean("repeat_victim"),
                        rs.getBoolean("case_review_met"),
                        rs.getObject("assessed_at", java.time.OffsetDateTime.class).toInstant().toString()))
                .findOne().orElse(null);
    }

    private static List<AsbIncidentView.Flag> flags(Handle h, String incidentId) {
        return h.createQuery("""
                        select id, reason, detail, created_at, cleared_at is null as open from neighbourhood_flag
                        where asb_incident_id = :id order by id""")
                .bind("id", incidentId)
                .map((rs, ctx) -> new AsbIncidentView.Flag(rs.getLong("id"), rs.getString("reason"),
                        rs.getString("detail"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant().toString(),
                        rs.getBoolean("open")))
                .list();
    }

    private static List<String> reasons(String json) {
        try {
            return List.of(org.peel.web.ApiJson.MAPPER.readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("asb_assessment.reasons is not a JSON list of text", ex);
        }
    }

    private static String text(java.sql.Timestamp at) {
        return at == null ? null : at.toLocalDateTime().toString();
    }

    /** Saves an incident taken as a call. */
    public void insertIncident(Handle h, String id, AsbReport report, AsbLocation where, String recordedBy) {
        h.createUpdate("""
                        insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code, lsoa_code,
                            latitude, longitude, description, channel, location_text, victim_targeted, recorded_by)
                        values (:id, :at, :category, :subType, :borough, :ward, :lsoa, :lat, :lon, :description,
                            :channel, :location, :targeted, :by)""")
                .bind("id", id).bind("at", report.reportedAt()).bind("category", report.category().code())
                .bind("subType", report.subType()).bind("borough", where.boroughCode()).bind("ward", where.wardCode())
                .bind("lsoa", where.lsoaCode()).bind("lat", where.latitude()).bind("lon", where.longitude())
                .bind("description", report.description()).bind("channel", report.channel().code())
                .bind("location", where.text())
                .bind("targeted", report.answers() == null ? null : report.answers().targeted())
                .bind("by", recordedBy)
                .execute();
    }

    /**
     * Saves a caller or victim as a person record of the incident (inserted already), in the incident's borough;
     * returns its id.
     */
    public String insertPersonRecord(Handle h, String incidentId, String role, PersonDetails p, LocalDateTime at) {
        String id = incidentId + "-" + role.replace(' ', '-');
        int written = h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                            address, postcode, phone, recorded_at, borough_code)
                        select :id, 'asb_incident', a.id, :role, :forenames, :surname, :dob, :address, :postcode,
                            :phone, :at, a.borough_code
                        from asb_incident a where a.id = :incident""")
                .bind("id", id).bind("incident", incidentId).bind("role", role)
                .bind("forenames", blankToNull(p.forenames())).bind("surname", blankToNull(p.surname()))
                .bind("dob", p.dateOfBirth()).bind("address", blankToNull(p.address()))
                .bind("postcode", blankToNull(p.postcode())).bind("phone", blankToNull(p.phone())).bind("at", at)
                .execute();
        if (written != 1) {
            throw new IllegalStateException("incident " + incidentId + " must be inserted before its person records");
        }
        return id;
    }

    /**
     * Incidents in [from, to) within {@code metres} of the point, or (without a point) at the same address in the
     * borough; nearest first. Distance is the equirectangular approximation, exact enough at street scale.
     */
    public List<AsbHistory.Incident> incidentsAt(Handle h, AsbLocation where, int metres, LocalDateTime from,
                                                 LocalDateTime to) {
        if (where.hasPoint()) {
            double dLat = metres / 111_320.0;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(where.latitude())));
            return h.createQuery("""
                            select id, reported_at, category, sub_type, ward_code, location_text, borough_code
                            from asb_incident
                            where latitude between :lat - :dlat and :lat + :dlat
                              and longitude between :lon - :dlon and :lon + :dlon
                              and reported_at >= :from and reported_at < :to
                              and 6371008.8 * sqrt(power(radians(latitude - :lat), 2)
                                  + power(radians(longitude - :lon) * cos(radians(:lat)), 2)) <= :metres
                            order by reported_at desc""")
                    .bind("lat", where.latitude()).bind("lon", where.longitude()).bind("dlat", dLat).bind("dlon", dLon)
                    .bind("metres", metres).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> placeIncident(rs, "within " + metres + " m")).list();
        }
        if (where.normalisedText() == null) {
            return List.of();
        }
        return h.createQuery("""
                        select id, reported_at, category, sub_type, ward_code, location_text, borough_code
                        from asb_incident
                        where borough_code = :borough and reported_at >= :from and reported_at < :to
                          and location_text is not null
                          and trim(regexp_replace(regexp_replace(lower(location_text), '[^a-z0-9 ]', ' ', 'g'),
                                   '\\s+', ' ', 'g')) = :text
                        order by reported_at desc""")
                .bind("borough", where.boroughCode()).bind("text", where.normalisedText())
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> placeIncident(rs, "same address")).list();
    }

    private static AsbHistory.Incident placeIncident(java.sql.ResultSet rs, String matchedOn) throws java.sql.SQLException {
        return new AsbHistory.Incident(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), null, matchedOn, rs.getString(7));
    }

    /** Saves the first-call assessment; answers, reasons and settings are JSON text. */
    public void insertAssessment(Handle h, String incidentId, String victimRecordId, String answersJson,
                                 AsbRiskAssessment.Result risk, String reasonsJson, boolean repeat, boolean caseReview,
                                 String settingsJson, String assessedBy) {
        var insert = h.createUpdate(INSERT_ASSESSMENT);
        assessment(CopyRows.binding(insert), incidentId, victimRecordId, answersJson, risk, reasonsJson, repeat, caseReview,
                settingsJson, assessedBy, null);
        insert.execute();
    }

    /** Assessed now, unless an assessment time is bound (a bulk pass assesses each incident as of its report). */
    private static final String INSERT_ASSESSMENT = """
            insert into asb_assessment (asb_incident_id, victim_record_id, answers, grade, score, reasons,
                rule_version, repeat_victim, case_review_met, settings, assessed_by, assessed_at)
            values (:asb_incident_id, :victim_record_id, cast(:answers as jsonb), :grade, :score, cast(:reasons as jsonb),
                :rule_version, :repeat_victim, :case_review_met, cast(:settings as jsonb), :assessed_by,
                coalesce(cast(:assessed_at as timestamptz), now()))""";

    private static CopyRows.Values assessment(CopyRows.Values v, String incidentId, String victimRecordId,
                                              String answersJson, AsbRiskAssessment.Result risk, String reasonsJson,
                                              boolean repeat, boolean caseReview, String settingsJson, String assessedBy,
                                              LocalDateTime at) {
        return v.put("asb_incident_id", incidentId).put("victim_record_id", victimRecordId).put("answers", answersJson)
                .put("grade", risk.grade().name().toLowerCase()).put("score", risk.score()).put("reasons", reasonsJson)
                .put("rule_version", risk.ruleVersion()).put("repeat_victim", repeat).put("case_review_met", caseReview)
                .put("settings", settingsJson).put("assessed_by", assessedBy).put("assessed_at", at);
    }

    /** Flags a victim to the ward's neighbourhood team; returns the flag's id. */
    public long insertFlag(Handle h, String personRecordId, String incidentId, AsbLocation where, String reason,
                           String detail) {
        var insert = h.createUpdate(INSERT_FLAG);
        flag(CopyRows.binding(insert), personRecordId, incidentId, where.boroughCode(), where.wardCode(), reason, detail, null);
        return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static final String INSERT_FLAG = """
            insert into neighbourhood_flag (person_record_id, asb_incident_id, borough_code, ward_code, reason, detail,
                created_at)
            values (:person_record_id, :asb_incident_id, :borough_code, :ward_code, :reason, :detail,
                coalesce(cast(:created_at as timestamptz), now()))""";

    private static CopyRows.Values flag(CopyRows.Values v, String personRecordId, String incidentId, String borough,
                                        String ward, String reason, String detail, LocalDateTime at) {
        return v.put("person_record_id", personRecordId).put("asb_incident_id", incidentId).put("borough_code", borough)
                .put("ward_code", ward).put("reason", reason).put("detail", detail).put("created_at", at);
    }

    /**
     * Assessments and flags for many incidents at once, each as of its own report time: the same rows as
     * {@link #insertAssessment} and {@link #insertFlag}, described by the same methods, sent with COPY on the caller's
     * transaction.
     */
    public static final class Batch {
        private final Handle h;
        private final CopyRows assessments = new CopyRows("asb_assessment");
        private final CopyRows flags = new CopyRows("neighbourhood_flag");

        private Batch(Handle h) {
            this.h = h;
        }

        public void assessment(String incidentId, String victimRecordId, String answersJson, AsbRiskAssessment.Result risk,
                               String reasonsJson, boolean repeat, boolean caseReview, String settingsJson,
                               String assessedBy, LocalDateTime at) {
            assessments.add(v -> AsbStore.assessment(v, incidentId, victimRecordId, answersJson, risk, reasonsJson, repeat,
                    caseReview, settingsJson, assessedBy, at));
        }

        public void flag(String personRecordId, String incidentId, String borough, String ward, String reason,
                         String detail, LocalDateTime at) {
            flags.add(v -> AsbStore.flag(v, personRecordId, incidentId, borough, ward, reason, detail, at));
        }

        public void flush() {
            assessments.copy(h);
            flags.copy(h);
        }
    }

    public Batch batch(Handle h) {
        return new Batch(h);
    }

    /** An open flag, with the victim's name as recorded (personal data: the caller audits the read). */
    public record Flag(long id, String reason, String detail, Instant createdAt, String incidentId, String wardCode,
                       String wardName, String victimName, String personRecordId) {
    }

    /** Open flags in a borough (force-wide when null), newest first. */
    public List<Flag> openFlags(String boroughCode, int limit) {
        return openFlags(boroughCode, null, 0, limit);
    }

    /**
     * Open flags in the borough (force-wide when null), of one reason ({@code high-risk}, {@code repeat-victim}; null:
     * both), in the order of the victim's vulnerability priority (read through vulnerability's published function,
     * so the neighbourhood team works its queue in the same order as the vulnerability queues; a person with none
     * known last), then high risk first and then the newest: one page of them.
     */
    public List<Flag> openFlags(String boroughCode, String reason, int offset, int limit) {
        // the priority of the flagged victims only: the published view works out every person's in the force
        return jdbi.withHandle(h -> h.createQuery("""
                        with flagged as materialized (
                            select f.id, f.reason, f.detail, f.created_at, f.asb_incident_id, f.ward_code,
                                   trim(coalesce(p.forenames, '') || ' ' || coalesce(p.surname, '')) as victim,
                                   p.id as record_id, l.person_id
                            from neighbourhood_flag f
                            join person_record p on p.id = f.person_record_id
                            left join person_link l on l.person_record_id = p.seq and l.ended_at is null
                            where f.cleared_at is null
                              and (cast(:borough as text) is null or f.borough_code = :borough)
                              and (cast(:reason as text) is null or f.reason = :reason)
                        )
                        select f.id, f.reason, f.detail, f.created_at, f.asb_incident_id, f.ward_code, w.name,
                               f.victim, f.record_id
                        from flagged f
                        left join ward w on w.code = f.ward_code
                        left join vulnerability_person_priority_of(array(
                            select person_id from flagged where person_id is not null)) v on v.person_id = f.person_id
                        order by coalesce(v.priority, 4), coalesce(v.points, 0) desc,
                                 case f.reason when 'high-risk' then 0 else 1 end, f.created_at desc, f.id desc
                        offset :offset limit :limit""")
                .bind("borough", boroughCode).bind("reason", reason).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> new Flag(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list());
    }

    /**
     * Clears an open flag in a borough once the team has acted on it, saying why; the flag is kept. Returns whether
     * an open flag was cleared.
     */
    public boolean clearFlag(Handle h, long id, String boroughCode, String by, String because) {
        return h.createUpdate("""
                        update neighbourhood_flag set cleared_at = now(), cleared_by = :by, cleared_because = :because
                        where id = :id and borough_code = :borough and cleared_at is null""")
                .bind("id", id).bind("borough", boroughCode).bind("by", by).bind("because", because)
                .execute() == 1;
    }

    /** The borough an open flag belongs to. */
    public Optional<String> flagBorough(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select borough_code from neighbourhood_flag where id = :id and cleared_at is null")
                .bind("id", id).mapTo(String.class).findOne());
    }

    /** Open flags by reason in a borough (force-wide when null). */
    public Map<String, Long> countOpenFlags(String boroughCode) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select reason, count(*) from neighbourhood_flag
                        where cleared_at is null and (cast(:borough as text) is null or borough_code = :borough)
                        group by reason order by reason""")
                .bind("borough", boroughCode)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
