package org.peel.organisedcrime;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.Adapter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Changes to the register, each in one transaction with its audit entry: rescoring a group under the register's
 * model, and recording a disruption, which keeps the score before it and records the significant events it brings
 * about (so the group is due for reassessment at once).
 */
@Adapter
public final class OcgRegister {

    private final OcgStore store;
    private final AuditTrail audit;
    private final OcgSettings settings;
    private final Clock clock;

    public OcgRegister(OcgStore store, AuditTrail audit, OcgSettings settings, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public OcgSettings settings() {
        return settings;
    }

    public OcgStore store() {
        return store;
    }

    /** What an analyst reviews at a reassessment: the group's activities (predominant first), capability, violence, reach. */
    public record Review(List<String> activities, boolean firearms, Violence violence, boolean corruption,
                         boolean moneyLaundering, boolean specialistSkills, Reach reach) {
        public Review {
            activities = List.copyOf(activities);
        }

        public static Review of(OcgGroup g) {
            return new Review(g.activities(), g.firearms(), g.violence(), g.corruption(), g.moneyLaundering(),
                    g.specialistSkills(), g.reach());
        }
    }

    /** Scores the group's facts as they stand under the register's model and makes that its current assessment. */
    public OcgScore rescore(User user, String ocgId, String clientAddress) {
        return reassess(user, ocgId, null, clientAddress);
    }

    /**
     * Reassesses a group: its reviewed facts replace the old (the old kept in the record's history), then it is scored
     * under the register's model and that becomes its current assessment. A null review keeps the facts as they are.
     */
    public OcgScore reassess(User user, String ocgId, Review review, String clientAddress) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return store.jdbi().inTransaction(h -> {
            if (review != null) {
                store.updateFacts(h, ocgId, review);
            }
            OcgGroup group = store.find(h, ocgId).orElseThrow(() -> new IllegalArgumentException("no group " + ocgId));
            OcgScore score = OcgScoring.score(settings.model(), group.facts());
            store.insertAssessment(h, ocgId, score, group.facts(), today, user.username(), now);
            audit.record(h, AuditEvent.by(user, "ocg.assess", "ocg", ocgId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail(score.modelVersion() + " score " + OcgScoring.fmt(score.score()) + " band " + score.band()));
            return score;
        });
    }

    /** Records a disruption and the significant events it brings about; returns those events. */
    public List<SignificantEvents.Event> recordDisruption(User user, String ocgId, Disruption d, String clientAddress) {
        if (!settings.impactScale().contains(d.impact())) {
            throw new IllegalArgumentException("impact must be one of " + settings.impactScale());
        }
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            OcgGroup group = store.find(h, ocgId).orElseThrow(() -> new IllegalArgumentException("no group " + ocgId));
            long id = store.insertDisruption(h, group, d, user.username(), now);
            List<SignificantEvents.Event> events = SignificantEvents.of(d, settings);
            for (SignificantEvents.Event e : events) {
                store.insertEvent(h, ocgId, e.kind(), d.occurredOn(), e.detail(), id, user.username(), now);
            }
            audit.record(h, AuditEvent.by(user, "ocg.disruption", "ocg", ocgId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail("disruption " + id + " (" + d.heading() + ", " + d.impact() + "); significant events "
                            + events.size()));
            return events;
        });
    }

    /** The roles a member or associate may hold. */
    public static final List<String> ROLES = List.of("principal", "significant", "peripheral", "associate");

    /** Adds a member or associate (a new person record of the group) with their role; returns the record id. */
    public String addMember(User user, String ocgId, String role, String forenames, String surname, LocalDate dob,
                            String clientAddress) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES);
        }
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            OcgGroup group = store.find(h, ocgId).orElseThrow(() -> new IllegalArgumentException("no group " + ocgId));
            String id = store.insertMember(h, group, role, forenames, surname, dob, now);
            audit.record(h, AuditEvent.by(user, "ocg.member.add", "ocg", ocgId, AuditEvent.SUCCESS)
                    .from(clientAddress).detail("person record " + id + " as " + role));
            return id;
        });
    }

    /** Takes a member or associate off the group with the reason; their record stays. False when not a member. */
    public boolean removeMember(User user, String ocgId, String recordId, String reason, String clientAddress) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return store.jdbi().inTransaction(h -> {
            boolean ended = store.endMembership(h, ocgId, recordId, today, reason, user.username(), now);
            if (ended) {
                audit.record(h, AuditEvent.by(user, "ocg.member.remove", "ocg", ocgId, AuditEvent.SUCCESS)
                        .from(clientAddress).detail("person record " + recordId + ": " + reason));
            }
            return ended;
        });
    }

    /**
     * Names the user who leads against the group (the lead responsible officer), who may then task and complete tasks
     * on it; the name first recorded is kept. The caller has checked the user may lead ({@code AccessPolicy.mayLead}).
     */
    public void setLeadOfficer(User user, String ocgId, User lead, String clientAddress) {
        store.jdbi().useTransaction(h -> {
            store.setLeadOfficer(h, ocgId, lead.username());
            audit.record(h, AuditEvent.by(user, "ocg.lead-officer", "ocg", ocgId, AuditEvent.SUCCESS)
                    .from(clientAddress).detail("lead responsible officer " + lead.username()));
        });
    }

    /** Archives a group from the day given, with its reason; it leaves the tracker and the count of active groups. */
    public boolean archive(User user, String ocgId, LocalDate on, String reason, String clientAddress) {
        return store.jdbi().inTransaction(h -> {
            boolean archived = store.archive(h, ocgId, on, reason);
            if (archived) {
                audit.record(h, AuditEvent.by(user, "ocg.archive", "ocg", ocgId, AuditEvent.SUCCESS)
                        .from(clientAddress).detail("archived on " + on + ": " + reason));
            }
            return archived;
        });
    }

    /**
     * A task as the lead responsible officer gives it: against the group or one member (a person record of it), to a
     * borough's neighbourhood team or one of its officers, what to do, why and by when.
     */
    public record TaskOrder(String memberRecordId, String boroughCode, String officer, String action, String reason,
                            LocalDate dueOn) {
    }

    /** Tasks a borough or one of its neighbourhood officers with an action against the group; returns the task's id. */
    public long task(User user, String ocgId, TaskOrder order, String clientAddress) {
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            if (order.memberRecordId() != null && !store.currentMember(h, ocgId, order.memberRecordId())) {
                throw new IllegalArgumentException("no current member " + order.memberRecordId() + " of " + ocgId);
            }
            long id = store.insertTask(h, ocgId, order, user.username(), now);
            audit.record(h, AuditEvent.by(user, "ocg.task", "ocg", ocgId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail("task " + id + " to " + (order.officer() == null ? "the neighbourhood team of "
                            + order.boroughCode() : order.officer()) + ", due " + order.dueOn()
                            + (order.memberRecordId() == null ? "" : ", against person record "
                            + order.memberRecordId())));
            return id;
        });
    }

    /**
     * Closes an open task: completed with its result by the officer tasked, or withdrawn (with the reason as its
     * result) by the one who gave it. False when the task was no longer open.
     */
    public boolean closeTask(User user, long taskId, boolean completed, String result, String clientAddress) {
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            OcgTask t = store.task(h, taskId).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
            boolean closed = store.closeTask(h, taskId, completed ? "completed" : "withdrawn", result,
                    user.username(), now);
            if (closed) {
                audit.record(h, AuditEvent.by(user, completed ? "ocg.task.complete" : "ocg.task.withdraw", "ocg",
                        t.ocgId(), AuditEvent.SUCCESS).from(clientAddress).detail("task " + taskId));
            }
            return closed;
        });
    }

    /** A group on the tracker: its current score and whether it is due for reassessment, and why. */
    public record TrackerRow(OcgGroup group, Reassessment.Decision due) {
    }

    /** The active groups of a borough (all when null) by current score, each with its reassessment decision. */
    public List<TrackerRow> tracker(String boroughCode) {
        LocalDate today = LocalDate.now(clock);
        Map<String, LocalDate> pending = store.pendingEvents();
        return store.activeGroups(boroughCode).stream()
                .map(g -> new TrackerRow(g, decision(g, pending.get(g.id()), today))).toList();
    }

    /** The filter for the tracker, with the register's model, interval and today. */
    public OcgStore.GroupFilter trackerFilter(String borough, String band, String status, boolean dueOnly) {
        return new OcgStore.GroupFilter(borough, band, status, dueOnly, settings.model().version(),
                settings.intervalDays(), LocalDate.now(clock));
    }

    /** One page of the tracker, each group with its reassessment decision. */
    public List<TrackerRow> tracker(OcgStore.GroupFilter filter, int offset, int limit) {
        Map<String, LocalDate> pending = store.pendingEvents();
        return store.groups(filter, offset, limit).stream()
                .map(g -> new TrackerRow(g, decision(g, pending.get(g.id()), filter.today()))).toList();
    }

    /** Whether this group is due for reassessment today. */
    public Reassessment.Decision due(OcgGroup g) {
        List<OcgStore.Event> events = store.pendingEvents(g.id());
        LocalDate known = events.isEmpty() ? null : LocalDate.ofInstant(events.get(0).recordedAt(), clock.getZone());
        return decision(g, known, LocalDate.now(clock));
    }

    private Reassessment.Decision decision(OcgGroup g, LocalDate eventKnown, LocalDate today) {
        if (g.lastAssessed() == null) {
            return new Reassessment.Decision(true, "never assessed under a model: assess it now");
        }
        if (!settings.model().version().equals(g.modelVersion())) {
            return new Reassessment.Decision(true, "last scored under " + g.modelVersion() + ", not the register's "
                    + settings.model().version());
        }
        LocalDate last = g.lastAssessed();
        LocalDate event = eventKnown == null ? null : (eventKnown.isBefore(last) ? last : eventKnown);
        return Reassessment.due(last, event, today.isBefore(last) ? last : today, settings.intervalDays());
    }
}
