package org.peel.investigation;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.peel.common.BadInput;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Forensic and digital requests, each in one transaction with its audit entry: a request is triaged by
 * {@link ForensicTriage} against the crime's screening priority as it is saved; then it is started, completed with
 * a result or cancelled with a reason.
 */
@Adapter
public final class ForensicRequests {

    private final ForensicStore store;
    private final AuditTrail audit;
    private final ForensicTriage.Settings settings;
    private final Clock clock;

    public ForensicRequests(ForensicStore store, AuditTrail audit, ForensicTriage.Settings settings, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public record Requested(long id, ForensicTriage.Decision decision) {
    }

    /** Triages and saves a request for one exhibit or device on an open crime. */
    public Requested request(String crimeId, ForensicTriage.ItemType type, String description, ForensicTriage.Needs needs,
                             User by, String clientAddress) {
        return request(crimeId, type, description, needs, ForensicTriage.SuspectStatus.NONE, by, clientAddress);
    }

    /** As {@link #request(String, ForensicTriage.ItemType, String, ForensicTriage.Needs, User, String)}, knowing where the suspect is. */
    public Requested request(String crimeId, ForensicTriage.ItemType type, String description, ForensicTriage.Needs needs,
                             ForensicTriage.SuspectStatus suspect, User by, String clientAddress) {
        if (type == null) {
            throw BadInput.field("item_type", "Choose the kind of exhibit or device");
        }
        if (description == null || description.isBlank()) {
            throw BadInput.field("item_description", "Describe the exhibit or device, with its exhibit reference");
        }
        if (description.strip().length() > 500) {
            throw BadInput.field("item_description", "Keep the description to 500 characters");
        }
        LocalDateTime now = now();
        return store.jdbi().inTransaction(h -> {
            if (h.createQuery("select count(*) from crime where id = :id").bind("id", crimeId).mapTo(Long.class).one() == 0) {
                throw BadInput.field("crime", "No crime " + crimeId);
            }
            if (h.createQuery("select count(*) from crime_outcome where crime_id = :id").bind("id", crimeId).mapTo(Long.class).one() > 0) {
                throw BadInput.field("item_type", "Crime " + crimeId + " is closed: it already has an outcome");
            }
            String priority = h.createQuery("select priority from crime_screening where crime_id = :id").bind("id", crimeId)
                    .mapTo(String.class).findOne().orElse(null);
            ForensicTriage.Facts facts = new ForensicTriage.Facts(type, priority == null ? null : Priority.valueOf(priority), needs,
                    suspect);
            ForensicTriage.Decision decision = ForensicTriage.triage(facts, settings);
            long id = store.insert(h, crimeId, description.strip(), facts, decision, now, by.username());
            audit.record(h, AuditEvent.by(by, "forensic-request", "crime", crimeId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail("request " + id + ": " + type.name() + " to " + decision.route().name()));
            return new Requested(id, decision);
        });
    }

    public void start(long id, User by, String clientAddress) {
        change(id, by, clientAddress, "forensic-start", null, ForensicStore.Status.REQUESTED);
    }

    public void complete(long id, String result, User by, String clientAddress) {
        if (result == null || result.isBlank()) {
            throw BadInput.field("result_" + id, "Summarise the result");
        }
        change(id, by, clientAddress, "forensic-complete", result.strip(), ForensicStore.Status.REQUESTED,
                ForensicStore.Status.IN_PROGRESS);
    }

    public void cancel(long id, String reason, User by, String clientAddress) {
        if (reason == null || reason.isBlank()) {
            throw BadInput.field("reason_" + id, "Give the reason for cancelling");
        }
        change(id, by, clientAddress, "forensic-cancel", reason.strip(), ForensicStore.Status.REQUESTED,
                ForensicStore.Status.IN_PROGRESS);
    }

    private void change(long id, User by, String clientAddress, String action, String text, ForensicStore.Status... from) {
        LocalDateTime now = now();
        store.jdbi().useTransaction(h -> {
            ForensicStore.Request r = store.lock(h, id, now)
                    .orElseThrow(() -> BadInput.field("request", "No forensic request " + id));
            if (!java.util.List.of(from).contains(r.status())) {
                throw BadInput.field("request", "Forensic request " + id + " is " + r.status().label().toLowerCase(java.util.Locale.ROOT));
            }
            switch (action) {
                case "forensic-start" -> store.start(h, id, now, by.username());
                case "forensic-complete" -> store.complete(h, id, now, by.username(), text);
                default -> store.cancel(h, id, now, by.username(), text);
            }
            audit.record(h, AuditEvent.by(by, action, "crime", r.crimeId(), AuditEvent.SUCCESS).from(clientAddress)
                    .detail("request " + id));
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
