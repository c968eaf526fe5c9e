package org.peel.organisedcrime;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.web.ApiJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the gangs matrix: the people considered for it, their involvements, and the recipient log of shares. */
public final class GangStore {

    private static final String NOMINAL = """
            select n.id, n.gang_name, n.ocg_id, n.borough_code, n.ethnicity, n.status, n.score, n.sources,
                   n.reasons::text as reasons, n.review_due, n.last_reviewed, n.removed_on, n.removal_reason,
                   n.dpia_reference, p.id as record_id,
                   trim(coalesce(p.forenames, '') || ' ' || coalesce(p.surname, '')) as name, p.date_of_birth, p.sex
            from gang_nominal n
            left join person_record p on p.source_type = 'gang' and p.source_id = n.id
            """;

    private final Jdbi jdbi;

    public GangStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A person considered for the matrix, with the current decision on them. */
    public record Nominal(String id, String gangName, String ocgId, String boroughCode, String ethnicity, String status,
                          int score, int sources, List<String> reasons, LocalDate reviewDue, LocalDate lastReviewed,
                          LocalDate removedOn, String removalReason, String dpiaReference, String recordId,
                          String name, LocalDate dateOfBirth, String sex) {
        public boolean included() {
            return "included".equals(status);
        }

        /** Whether the review date has passed: the person comes off the matrix until reviewed. */
        public boolean reviewLapsed(LocalDate today) {
            return today.isAfter(reviewDue);
        }
    }

    /** One involvement as recorded. */
    public record Involvement(long id, String kind, GangHarmAssessment.Role role, LocalDate on, String source,
                              String recordedBy) {
        GangHarmAssessment.Involvement rule() {
            return new GangHarmAssessment.Involvement(kind, role, on, source);
        }
    }

    /** One line of the recipient log. */
    public record Share(long id, String recipientId, String agreementId, String purpose, boolean allowed,
                        String reason, String sharedBy, Instant sharedAt) {
    }

    public Optional<Nominal> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<Nominal> find(Handle h, String id) {
        return h.createQuery(NOMINAL + " where n.id = :id").bind("id", id).map((rs, ctx) -> nominal(rs)).findOne();
    }

    /** Everyone with this status in a borough (all when null), highest score first. */
    public List<Nominal> withStatus(String status, String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery(NOMINAL + """
                         where n.status = :status and (cast(:borough as text) is null or n.borough_code = :borough)
                        order by n.score desc, n.id""")
                .bind("status", status).bind("borough", boroughCode).map((rs, ctx) -> nominal(rs)).list());
    }

    /** Counts of people by status, and of included people whose review has lapsed. */
    public Map<String, Long> statusCounts(LocalDate today) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of("included", "not included", "removed")) {
            out.put(s, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("select status, count(*) from gang_nominal group by status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
        out.put("lapsed", jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from gang_nominal where status = 'included' and review_due < :d")
                .bind("d", today).mapTo(Long.class).one()));
        out.put("zero on matrix", jdbi.withHandle(h -> h.createQuery(
                "select count(*) from gang_nominal where status = 'included' and score = 0").mapTo(Long.class).one()));
        out.put("removed for score 0", jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from gang_nominal where status = 'removed' and removal_reason like 'score 0%'")
                .mapTo(Long.class).one()));
        out.put("removed for lapsed review", jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from gang_nominal where status = 'removed' and removal_reason like 'review%'")
                .mapTo(Long.class).one()));
        return out;
    }

    /** Figures for the Commissioner's findings: victims recorded, and shares logged, allowed and refused. */
    public Map<String, Long> safeguardFigures() {
        return jdbi.withHandle(h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            out.put("victim involvements", h.createQuery(
                    "select count(*) from gang_involvement where role = 'victim'").mapTo(Long.class).one());
            out.put("victims only, not included", h.createQuery("""
                    select count(*) from gang_nominal n where n.status <> 'included'
                      and exists (select 1 from gang_involvement i where i.nominal_id = n.id and i.role = 'victim')
                      and not exists (select 1 from gang_involvement i where i.nominal_id = n.id
                                      and i.role = 'perpetrator')""").mapTo(Long.class).one());
            out.put("included on one source", h.createQuery(
                    "select count(*) from gang_nominal where status = 'included' and sources < 2").mapTo(Long.class).one());
            out.put("shares", h.createQuery("select count(*) from gang_share").mapTo(Long.class).one());
            out.put("shares allowed", h.createQuery("select count(*) from gang_share where allowed")
                    .mapTo(Long.class).one());
            out.put("shares refused", h.createQuery("select count(*) from gang_share where not allowed")
                    .mapTo(Long.class).one());
            out.put("shares without agreement allowed", h.createQuery(
                    "select count(*) from gang_share where allowed and agreement_id is null").mapTo(Long.class).one());
            out.put("without DPIA reference", h.createQuery(
                    "select count(*) from gang_nominal where coalesce(trim(dpia_reference), '') = ''")
                    .mapTo(Long.class).one());
            return out;
        });
    }

    public List<Involvement> involvements(String nominalId) {
        return jdbi.withHandle(h -> involvements(h, nominalId));
    }

    List<Involvement> involvements(Handle h, String nominalId) {
        return h.createQuery("""
                        select id, kind, role, occurred_on, source, recorded_by from gang_involvement
                        where nominal_id = :id order by occurred_on desc, id desc""")
                .bind("id", nominalId).map((rs, ctx) -> new Involvement(rs.getLong(1), rs.getString(2),
                        GangHarmAssessment.Role.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6))).list();
    }

    public List<Share> shares(String nominalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, recipient_id, agreement_id, purpose, allowed, reason, shared_by, shared_at
                        from gang_share where nominal_id = :id order by shared_at desc, id desc""")
                .bind("id", nominalId).map((rs, ctx) -> new Share(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant())).list());
    }

    /** The gangs with people on the matrix in a borough (all when null), and how many people each, most first. */
    public Map<String, Long> gangsIn(String boroughCode) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select gang_name, count(*) from gang_nominal
                        where status = 'included' and (cast(:b as text) is null or borough_code = :b)
                        group by gang_name order by count(*) desc, gang_name""")
                .bind("b", boroughCode).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** A gang as the front line knows it: its name, how many are on the matrix, and the group it is linked to. */
    public record Gang(String name, long onMatrix, String ocgId) {
    }

    /** The gangs with people on the matrix in a borough (all when null), largest first, with their linked group. */
    public List<Gang> gangs(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select gang_name, count(*), min(ocg_id) from gang_nominal
                        where status = 'included' and (cast(:b as text) is null or borough_code = :b)
                        group by gang_name order by count(*) desc, gang_name""")
                .bind("b", boroughCode).map((rs, ctx) -> new Gang(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list());
    }

    /** Who is on the matrix (included), by sex and age on the day, for the equality report. */
    public List<Nominal> included() {
        return withStatus("included", null);
    }

    void insertNominal(Handle h, String id, String gangName, String ocgId, String borough, String ethnicity,
                       LocalDate reviewDue, LocalDate today, String dpia, String by, Instant at) {
        h.createUpdate("""
                        insert into gang_nominal (id, gang_name, ocg_id, borough_code, ethnicity, review_due,
                            last_reviewed, dpia_reference, recorded_by, recorded_at)
                        values (:id, :gang, :ocg, :borough, :ethnicity, :due, :today, :dpia, :by, :at)""")
                .bind("id", id).bind("gang", gangName).bind("ocg", ocgId).bind("borough", borough)
                .bind("ethnicity", ethnicity).bind("due", reviewDue).bind("today", today).bind("dpia", dpia)
                .bind("by", by).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }

    void insertPersonRecord(Handle h, String nominalId, String borough, String forenames, String surname,
                            LocalDate dob, String sex, Instant at) {
        h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                            sex, recorded_at, borough_code)
                        values (:id, 'gang', :nominal, 'gang nominal', :f, :s, :dob, :sex, :at, :b)""")
                .bind("id", nominalId + "-P").bind("nominal", nominalId).bind("f", forenames).bind("s", surname)
                .bind("dob", dob).bind("sex", sex)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("b", borough).execute();
    }

    void insertInvolvement(Handle h, String nominalId, GangHarmAssessment.Involvement i, String by, Instant at) {
        h.createUpdate("""
                        insert into gang_involvement (nominal_id, kind, role, occurred_on, source, recorded_by,
                            recorded_at)
                        values (:n, :kind, :role, :on, :source, :by, :at)""")
                .bind("n", nominalId).bind("kind", i.kind()).bind("role", i.role().name().toLowerCase(java.util.Locale.ROOT))
                .bind("on", i.on()).bind("source", i.source()).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }

    /** Writes the decision of a review: status, score, sources, reasons, and the next review or the removal. */
    void updateDecision(Handle h, String nominalId, String status, int score, int sources, List<String> reasons,
                        LocalDate reviewDue, LocalDate today, String removalReason) {
        h.createUpdate("""
                        update gang_nominal set status = :status, score = :score, sources = :sources,
                            reasons = cast(:reasons as jsonb), review_due = :due, last_reviewed = :today,
                            removed_on = case when :status = 'removed' then coalesce(removed_on, :today) end,
                            removal_reason = case when :status = 'removed' then coalesce(removal_reason, :why) end
                        where id = :id""")
                .bind("id", nominalId).bind("status", status).bind("score", score).bind("sources", sources)
                .bind("reasons", json(reasons)).bind("due", reviewDue).bind("today", today).bind("why", removalReason)
                .execute();
    }

    void insertShare(Handle h, String nominalId, String recipient, String agreement, String purpose, boolean allowed,
                     String reason, String by, Instant at) {
        h.createUpdate("""
                        insert into gang_share (nominal_id, recipient_id, agreement_id, purpose, allowed, reason,
                            shared_by, shared_at)
                        values (:n, :r, :a, :p, :allowed, :reason, :by, :at)""")
                .bind("n", nominalId).bind("r", recipient).bind("a", agreement).bind("p", purpose)
                .bind("allowed", allowed).bind("reason", reason).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }

    /** Ids of people on the matrix whose review has lapsed, or whose score is 0. */
    List<String> dueForRemoval(Handle h, LocalDate today) {
        return h.createQuery("""
                        select id from gang_nominal where status = 'included' and (review_due < :d or score = 0)
                        order by id""")
                .bind("d", today).mapTo(String.class).list();
    }

    /** The next free nominal id. */
    String nextId(Handle h) {
        long n = h.createQuery("select count(*) from gang_nominal").mapTo(Long.class).one() + 1;
        String id = "GM-" + n;
        while (h.createQuery("select count(*) from gang_nominal where id = :id").bind("id", id).mapTo(Long.class).one() > 0) {
            id = "GM-" + (++n);
        }
        return id;
    }

    private static Nominal nominal(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new Nominal(rs.getString("id"), rs.getString("gang_name"), rs.getString("ocg_id"),
                rs.getString("borough_code"), rs.getString("ethnicity"), rs.getString("status"), rs.getInt("score"),
                rs.getInt("sources"), reasons(rs.getString("reasons")), rs.getObject("review_due", LocalDate.class),
                rs.getObject("last_reviewed", LocalDate.class), rs.getObject("removed_on", LocalDate.class),
                rs.getString("removal_reason"), rs.getString("dpia_reference"), rs.getString("record_id"),
                name == null || name.isBlank() ? "(no name recorded)" : name,
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"));
    }

    private static String json(Object value) {
        try {
            return ApiJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(String json) {
        try {
            return json == null ? List.of() : ApiJson.MAPPER.readValue(json, List.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
