package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for forensic and digital requests: writes take the caller's {@link Handle}, reads open their own. */
public final class ForensicStore {

    /** The statuses a request moves through, as stored. */
    public enum Status {
        REQUESTED("requested", "Requested"), IN_PROGRESS("in-progress", "In progress"), COMPLETE("complete", "Complete"),
        CANCELLED("cancelled", "Cancelled");

        private final String code;
        private final String label;

        Status(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public boolean open() {
            return this == REQUESTED || this == IN_PROGRESS;
        }

        public static Status of(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown forensic request status " + code);
        }
    }

    private final Jdbi jdbi;

    public ForensicStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    // ---- writes

    public long insert(Handle h, String crimeId, String description, ForensicTriage.Facts f, ForensicTriage.Decision d,
                       LocalDateTime at, String by) {
        ForensicTriage.Needs n = f.needs() == null ? ForensicTriage.Needs.NONE : f.needs();
        return h.createUpdate("""
                        insert into forensic_request (crime_id, item_description, item_type, full_extraction, deleted_data,
                            specialist, priority, route, target_days, reasons, rule_version, status, requested_at, requested_by)
                        values (:crime, :description, :type, :full, :deleted, :specialist, :priority, :route, :target,
                            :reasons, :version, 'requested', :at, :by)""")
                .bind("crime", crimeId).bind("description", description).bind("type", f.type().name())
                .bind("full", n.fullExtraction()).bind("deleted", n.deletedData()).bind("specialist", n.specialistAnalysis())
                .bind("priority", f.priority() == null ? null : f.priority().name()).bind("route", d.route().name())
                .bind("target", d.targetDays()).bind("reasons", String.join("\n", d.reasons()))
                .bind("version", d.ruleVersion()).bind("at", at).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Locks a request for a status change and returns its crime and current status. */
    public Optional<Request> lock(Handle h, long id, LocalDateTime now) {
        return h.createQuery(SELECT + " where r.id = :id for update of r").bind("id", id).bind("now", now)
                .map((rs, ctx) -> request(rs, now)).findOne();
    }

    public void start(Handle h, long id, LocalDateTime at, String by) {
        h.createUpdate("update forensic_request set status = 'in-progress', started_at = :at, started_by = :by where id = :id")
                .bind("at", at).bind("by", by).bind("id", id).execute();
    }

    public void complete(Handle h, long id, LocalDateTime at, String by, String result) {
        h.createUpdate("""
                        update forensic_request set status = 'complete', completed_at = :at, completed_by = :by,
                            result_summary = :result where id = :id""")
                .bind("at", at).bind("by", by).bind("result", result).bind("id", id).execute();
    }

    public void cancel(Handle h, long id, LocalDateTime at, String by, String reason) {
        h.createUpdate("""
                        update forensic_request set status = 'cancelled', cancelled_at = :at, cancelled_by = :by,
                            cancel_reason = :reason where id = :id""")
                .bind("at", at).bind("by", by).bind("reason", reason).bind("id", id).execute();
    }

    // ---- reads

    /** One request, with how long it has waited (to completion or cancellation when closed, else to now). */
    public record Request(long id, String crimeId, String boroughCode, String itemDescription, ForensicTriage.ItemType itemType,
                          String priority, ForensicTriage.Route route, int targetDays, List<String> reasons,
                          String ruleVersion, Status status, LocalDateTime requestedAt, String requestedBy,
                          LocalDateTime startedAt, LocalDateTime completedAt, String resultSummary, String cancelReason,
                          Duration waited) {
        public long waitedDays() {
            return waited.toDays();
        }

        /** Open and older than its route's target. */
        public boolean overdue() {
            return status.open() && waited.compareTo(Duration.ofDays(targetDays)) > 0;
        }
    }

    private static final String SELECT = """
            select r.*, c.borough_code,
                   extract(epoch from (coalesce(r.completed_at, r.cancelled_at, cast(:now as timestamp)) - r.requested_at)) as waited
            from forensic_request r join crime c on c.id = r.crime_id""";

    private static Request request(java.sql.ResultSet rs, LocalDateTime now) throws java.sql.SQLException {
        String reasons = rs.getString("reasons");
        return new Request(rs.getLong("id"), rs.getString("crime_id"), rs.getString("borough_code"),
                rs.getString("item_description"), ForensicTriage.ItemType.valueOf(rs.getString("item_type")),
                rs.getString("priority"), ForensicTriage.Route.valueOf(rs.getString("route")), rs.getInt("target_days"),
                reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")), rs.getString("rule_version"),
                Status.of(rs.getString("status")), Moments.local(rs, "requested_at"),
                rs.getString("requested_by"), Moments.local(rs, "started_at"),
                Moments.local(rs, "completed_at"), rs.getString("result_summary"),
                rs.getString("cancel_reason"), Duration.ofSeconds(Math.max(0, Math.round(rs.getDouble("waited")))));
    }

    public Optional<Request> request(long id, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where r.id = :id").bind("id", id).bind("now", now)
                .map((rs, ctx) -> request(rs, now)).findOne());
    }

    /** A crime's requests, open ones first, each group oldest first. */
    public List<Request> forCrime(String crimeId, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                         where r.crime_id = :crime
                        order by r.status not in ('requested', 'in-progress'), r.requested_at, r.id""")
                .bind("crime", crimeId).bind("now", now).map((rs, ctx) -> request(rs, now)).list());
    }

    /** Open requests on one route, oldest first; a borough's only, or force-wide when {@code boroughCode} is null. */
    public List<Request> queue(ForensicTriage.Route route, String boroughCode, LocalDateTime now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                         where r.route = :route and r.status in ('requested', 'in-progress')
                          and (cast(:borough as text) is null or c.borough_code = :borough)
                        order by r.requested_at, r.id limit 500""")
                .bind("route", route.name()).bind("borough", boroughCode).bind("now", now)
                .map((rs, ctx) -> request(rs, now)).list());
    }

    /**
     * Waits on one route: how many completed and their median days from request to completion, and how many are
     * open with the median and greatest age of those.
     */
    public record RouteWait(ForensicTriage.Route route, long completed, Double medianDaysToComplete, long open,
                            Double medianOpenAgeDays, Double oldestOpenAgeDays) {
    }

    public List<RouteWait> waits(String boroughCode, LocalDateTime now) {
        List<RouteWait> rows = jdbi.withHandle(h -> h.createQuery("""
                        with w as (
                            select r.route, r.status,
                                   extract(epoch from (coalesce(r.completed_at, cast(:now as timestamp)) - r.requested_at)) / 86400.0 as days
                            from forensic_request r join crime c on c.id = r.crime_id
                            where r.status <> 'cancelled' and (cast(:borough as text) is null or c.borough_code = :borough))
                        select route,
                               count(*) filter (where status = 'complete') as completed,
                               percentile_cont(0.5) within group (order by days) filter (where status = 'complete') as median_done,
                               count(*) filter (where status <> 'complete') as open,
                               percentile_cont(0.5) within group (order by days) filter (where status <> 'complete') as median_open,
                               max(days) filter (where status <> 'complete') as oldest
                        from w group by route""")
                .bind("borough", boroughCode).bind("now", now)
                .map((rs, ctx) -> new RouteWait(ForensicTriage.Route.valueOf(rs.getString("route")), rs.getLong("completed"),
                        (Double) rs.getObject("median_done"), rs.getLong("open"), (Double) rs.getObject("median_open"),
                        rs.getObject("oldest") == null ? null : ((Number) rs.getObject("oldest")).doubleValue()))
                .list());
        // every route appears, with nothing waited where it has no requests
        return java.util.Arrays.stream(ForensicTriage.Route.values())
                .map(route -> rows.stream().filter(r -> r.route() == route).findFirst()
                        .orElse(new RouteWait(route, 0, null, 0, null, null)))
                .toList();
    }
}
