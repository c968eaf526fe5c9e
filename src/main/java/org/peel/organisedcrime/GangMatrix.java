package org.peel.organisedcrime;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.ShareDecision;
import org.peel.access.ShareGate;
import org.peel.access.ShareRequest;
import org.peel.access.SharedRecord;
import org.peel.access.User;
import org.peel.common.Adapter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to the gangs matrix, each in one transaction with its audit entry: considering a person (a person record
 * and their involvements, perpetrator and victim apart), reviewing them under {@link GangHarmAssessment} (included
 * with the next review date, or not included, or removed with the reason), removing everyone whose review has
 * lapsed or whose score has fallen to zero, and sharing a person's entry, which goes through the force's
 * {@link ShareGate} and is kept in the matrix's recipient log whether allowed or refused.
 */
@Adapter
public final class GangMatrix {

    /** Broad ethnic groups as the 2011 Census and police.uk name them, and "Not stated". */
    public static final List<String> ETHNICITIES = List.of("White", "Mixed", "Asian", "Black", "Other", "Not stated");

    /**
     * @param harm       the harm assessment's points, window and sources needed
     * @param reviewDays days from a review to the next; default 91
     * @param dpia       the data-protection impact assessment the matrix is processed under; empty when none is set
     */
    public record Settings(GangHarmAssessment.Settings harm, int reviewDays, String dpia) {
        public static Settings defaults() {
            return new Settings(GangHarmAssessment.Settings.defaults(), 91, "");
        }

        /** The defaults, with {@code PEEL_GANGS_REVIEW_DAYS} and {@code PEEL_GANGS_DPIA} when set. */
        public static Settings from(Map<String, String> environment) {
            Settings d = defaults();
            int days = d.reviewDays();
            String text = environment.get("PEEL_GANGS_REVIEW_DAYS");
            if (text != null && !text.isBlank()) {
                try {
                    days = Integer.parseInt(text.strip());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("PEEL_GANGS_REVIEW_DAYS must be a whole number, not '" + text + "'");
                }
                if (days < 1) {
                    throw new IllegalArgumentException("PEEL_GANGS_REVIEW_DAYS must be at least 1");
                }
            }
            String dpia = environment.getOrDefault("PEEL_GANGS_DPIA", "").strip();
            return new Settings(d.harm(), days, dpia);
        }
    }

    /** A person as first considered: who they are and the gang they are linked to. */
    public record NewNominal(String forenames, String surname, LocalDate dateOfBirth, String sex, String ethnicity,
                             String gangName, String ocgId, String boroughCode, String dpiaReference) {
    }

    private final GangStore store;
    private final AuditTrail audit;
    private final ShareGate gate;
    private final Settings settings;
    private final Clock clock;

    public GangMatrix(GangStore store, AuditTrail audit, ShareGate gate, Settings settings, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
    }

    public GangStore store() {
        return store;
    }

    public Settings settings() {
        return settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records a person for consideration with their involvements, and reviews them at once; returns their id. */
    public String consider(User user, NewNominal n, List<GangHarmAssessment.Involvement> involvements,
                           String clientAddress) {
        if (n.dpiaReference() == null || n.dpiaReference().isBlank()) {
            throw new IllegalArgumentException("no data-protection impact assessment is named: nothing is recorded");
        }
        Instant now = clock.instant();
        LocalDate today = today();
        return store.jdbi().inTransaction(h -> {
            String id = store.nextId(h);
            store.insertNominal(h, id, n.gangName(), n.ocgId(), n.boroughCode(),
                    ETHNICITIES.contains(n.ethnicity()) ? n.ethnicity() : "Not stated", today, today,
                    n.dpiaReference().strip(), user.username(), now);
            store.insertPersonRecord(h, id, n.boroughCode(), n.forenames(), n.surname(), n.dateOfBirth(), n.sex(), now);
            for (GangHarmAssessment.Involvement i : involvements) {
                store.insertInvolvement(h, id, i, user.username(), now);
            }
            audit.record(h, AuditEvent.by(user, "gang.consider", "gang_nominal", id, AuditEvent.SUCCESS)
                    .from(clientAddress).detail(involvements.size() + " involvements; DPIA " + n.dpiaReference().strip()));
            review(h, user, id, today, clientAddress);
            return id;
        });
    }

    /** Adds an involvement to a person's record and reviews them. */
    public GangHarmAssessment.Decision addInvolvement(User user, String nominalId, GangHarmAssessment.Involvement i,
                                                      String clientAddress) {
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            store.insertInvolvement(h, nominalId, i, user.username(), now);
            audit.record(h, AuditEvent.by(user, "gang.involvement", "gang_nominal", nominalId, AuditEvent.SUCCESS)
                    .from(clientAddress).detail(i.role().name().toLowerCase(java.util.Locale.ROOT) + ", " + i.kind()));
            return review(h, user, nominalId, today(), clientAddress);
        });
    }

    /** Reviews a person now: the review renews their review date when they stay on the matrix. */
    public GangHarmAssessment.Decision review(User user, String nominalId, String clientAddress) {
        return store.jdbi().inTransaction(h -> review(h, user, nominalId, today(), clientAddress));
    }

    private GangHarmAssessment.Decision review(org.jdbi.v3.core.Handle h, User user, String nominalId, LocalDate today,
                                               String clientAddress) {
        GangStore.Nominal n = store.find(h, nominalId)
                .orElseThrow(() -> new IllegalArgumentException("no one on the gangs matrix is " + nominalId));
        List<GangHarmAssessment.Involvement> all = store.involvements(h, nominalId).stream()
                .map(GangStore.Involvement::rule).toList();
        // a review is the review: the lapsed date is not held against the person being reviewed now
        GangHarmAssessment.Decision d = GangHarmAssessment.assess(all, null, n.included(), today, settings.harm());
        apply(h, user, n, d, all, today, clientAddress, "gang.review");
        return d;
    }

    private void apply(org.jdbi.v3.core.Handle h, User user, GangStore.Nominal n, GangHarmAssessment.Decision d,
                       List<GangHarmAssessment.Involvement> all, LocalDate today, String clientAddress, String action) {
        String status = d.include() ? "included" : d.removal() || "removed".equals(n.status()) ? "removed"
                : "not included";
        String why = d.reasons().isEmpty() ? "" : d.reasons().get(d.reasons().size() - 1);
        LocalDate due = d.include() ? today.plusDays(settings.reviewDays()) : n.reviewDue();
        store.updateDecision(h, n.id(), status, d.score(), sources(all, today), d.reasons(), due,
                d.include() ? today : n.lastReviewed(), why);
        audit.record(h, AuditEvent.by(user, action, "gang_nominal", n.id(), AuditEvent.SUCCESS).from(clientAddress)
                .detail(status + ", score " + d.score() + (d.include() ? ", review due " + due : "; " + why)));
    }

    private int sources(List<GangHarmAssessment.Involvement> all, LocalDate today) {
        Set<String> s = new HashSet<>();
        for (GangHarmAssessment.Involvement i : all) {
            if (i.role() == GangHarmAssessment.Role.PERPETRATOR && !i.on().isAfter(today)
                    && !i.on().isBefore(today.minusDays(settings.harm().windowDays()))) {
                s.add(i.source());
            }
        }
        return s.size();
    }

    /**
     * Takes off the matrix everyone whose review date has passed or whose offending has aged out to a score of zero
     * or an uncorroborated one, recording each removal with its reason; returns how many were removed.
     */
    public int removeLapsed(User user, String clientAddress) {
        LocalDate today = today();
        return store.jdbi().inTransaction(h -> {
            int removed = 0;
            for (GangStore.Nominal n : store.withStatus("included", null)) {
                List<GangHarmAssessment.Involvement> all = store.involvements(h, n.id()).stream()
                        .map(GangStore.Involvement::rule).toList();
                GangHarmAssessment.Decision d = GangHarmAssessment.assess(all, n.reviewDue(), true, today,
                        settings.harm());
                if (!d.include()) {
                    GangHarmAssessment.Decision removal = new GangHarmAssessment.Decision(false, d.score(), true,
                            d.reasons());
                    store.updateDecision(h, n.id(), "removed", d.score(), sources(all, today), d.reasons(),
                            n.reviewDue(), n.lastReviewed(), d.reasons().get(d.reasons().size() - 1));
                    audit.record(h, AuditEvent.by(user, "gang.remove", "gang_nominal", n.id(), AuditEvent.SUCCESS)
                            .from(clientAddress).detail(removal.reasons().get(removal.reasons().size() - 1)));
                    removed++;
                }
            }
            return removed;
        });
    }

    /** The outcome of a request to share a person's entry. */
    public record ShareOutcome(boolean allowed, List<String> reasons) {
    }

    /**
     * Shares one person's matrix entry with a partner: only someone on the matrix, only through the share gate (an
     * active agreement naming the recipient, a purpose, and only the agreement's categories), and the request is kept
     * in the recipient log either way.
     */
    public ShareOutcome share(User user, String nominalId, String recipient, String agreement, String purpose,
                              String clientAddress) {
        GangStore.Nominal n = store.find(nominalId)
                .orElseThrow(() -> new IllegalArgumentException("no one on the gangs matrix is " + nominalId));
        List<String> reasons = new ArrayList<>();
        boolean allowed;
        if (!n.included()) {
            allowed = false;
            reasons.add(nominalId + " is not on the matrix (" + n.status() + "): nothing about them is shared");
        } else {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("name", n.name());
            identity.put("date_of_birth", n.dateOfBirth() == null ? null : n.dateOfBirth().toString());
            Map<String, Object> intelligence = new LinkedHashMap<>();
            intelligence.put("gang", n.gangName());
            intelligence.put("harm_score", n.score());
            intelligence.put("review_due", n.reviewDue().toString());
            SharedRecord record = SharedRecord.of("gang_nominal", nominalId)
                    .with(DataCategory.IDENTITY, identity).with(DataCategory.INTELLIGENCE, intelligence);
            ShareDecision d = gate.share(user, new ShareRequest(recipient, agreement, purpose, "gangs matrix",
                    List.of(record)));
            allowed = d.allowed();
            reasons.addAll(d.reasons());
        }
        Instant now = clock.instant();
        store.jdbi().useTransaction(h -> {
            store.insertShare(h, nominalId, recipient, allowed ? agreement : blankToNull(agreement), purpose, allowed,
                    String.join("; ", reasons), user.username(), now);
            audit.record(h, AuditEvent.by(user, "gang.share", "gang_nominal", nominalId,
                            allowed ? AuditEvent.SUCCESS : AuditEvent.DENIED).because(purpose).from(clientAddress)
                    .detail("to " + recipient + " under " + agreement + ": " + String.join("; ", reasons)));
        });
        return new ShareOutcome(allowed, reasons);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
