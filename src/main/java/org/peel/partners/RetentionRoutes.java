package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Paging;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MoPI review queue on the web, for the records manager: the records due for review grouped by MoPI group, the
 * longest overdue first, a page each; one record's review, where it is retained (with the next review date), disposed
 * of through its capability's disposal, or held; and the holds standing, each lifted with its reason. Every page and
 * decision is the access policy's to allow, and every decision is audited in the transaction that makes it
 * ({@link RetentionStore}).
 */
public final class RetentionRoutes {

    static final String DUTY = "reviewing records under MoPI";
    static final Set<Role> REVIEWERS = Set.of(Role.RECORDS_MANAGER);
    static final int PAGE_SIZE = 25;

    /** One MoPI group's part of the queue: its page of records due and the links to its other pages. */
    public record GroupPage(MopiGroup group, Paging paging, List<MopiReview.Due> rows) {
    }

    private final Web web;
    private final RetentionStore store;
    private final RetentionSettings settings;
    private final Clock clock;

    public RetentionRoutes(Web web, RetentionStore store, RetentionSettings settings, Clock clock) {
        this.web = web;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/retention", this::queue);
        routes.get("/partners/retention/holds", this::holds);
        routes.post("/partners/retention/holds/{hold}/lift", this::lift);
        routes.get("/partners/retention/{type}/{id}", this::record);
        routes.post("/partners/retention/{type}/{id}/retain", ctx -> decide(ctx, true));
        routes.post("/partners/retention/{type}/{id}/dispose", ctx -> decide(ctx, false));
        routes.post("/partners/retention/{type}/{id}/hold", this::hold);
    }

    /** The review duty over records of the given sensitivities; no borough, as the duty is force-wide. */
    static AccessRequest reviewing(Set<Sensitivity> sensitivities) {
        return AccessRequest.view(Section.PARTNERSHIP).touching(sensitivities.toArray(Sensitivity[]::new))
                .dutyOf(DUTY, REVIEWERS);
    }

    /**
     * The sensitive kinds a record's review touches: known from its facts for a crime (a sexual offence, domestic
     * abuse), and from its kind for the others; a crime whose facts are not to hand (on hold) counts as both.
     */
    static Set<Sensitivity> sensitivities(String type, Optional<MopiReview.Facts> facts) {
        Set<Sensitivity> out = EnumSet.noneOf(Sensitivity.class);
        switch (type) {
            case RetentionStore.CRIME -> {
                if (facts.isEmpty()) {
                    out.addAll(List.of(Sensitivity.SEXUAL_OFFENCE, Sensitivity.DOMESTIC_ABUSE));
                } else {
                    if ("sexual offences".equalsIgnoreCase(facts.get().offenceGroup())) {
                        out.add(Sensitivity.SEXUAL_OFFENCE);
                    }
                    if (facts.get().domesticAbuse()) {
                        out.add(Sensitivity.DOMESTIC_ABUSE);
                    }
                }
            }
            case RetentionStore.DOMESTIC_ABUSE_INCIDENT -> out.add(Sensitivity.DOMESTIC_ABUSE);
            case RetentionStore.MISSING_EPISODE -> out.add(Sensitivity.CHILD_PROTECTION);
            case RetentionStore.OFFENDER -> out.add(Sensitivity.OFFENDER_MANAGEMENT);
            case RetentionStore.GANG_NOMINAL -> out.add(Sensitivity.INTELLIGENCE);
            default -> {
            }
        }
        return out;
    }

    /** Every sensitivity a queue of all kinds may touch. */
    static Set<Sensitivity> all() {
        return EnumSet.allOf(Sensitivity.class);
    }

    private void queue(Context ctx) {
        web.authorize(ctx, reviewing(all()), "retention_review", null);
        LocalDate today = LocalDate.now(clock);
        ListQuery asked = ListQuery.of(ctx, PAGE_SIZE, List.of("kind"), List.of());
        // each group pages on its own (page1, page2, page3); the filter form starts every group at its first page
        Map<String, String> kept = new LinkedHashMap<>(asked.kept());
        kept.keySet().removeIf(k -> k.matches("page[123]"));
        ListQuery query = new ListQuery(asked.paging(), asked.sort(), asked.filters(), kept);
        String kind = query.choice("kind", RetentionStore.KIND_NAMES.keySet());
        // one statement reads each group's count and page; a page asked for past a group's end (a link kept from
        // before records left the queue) is read again as that group's last page
        Map<MopiGroup, Paging> asks = new EnumMap<>(MopiGroup.class);
        for (MopiGroup g : MopiGroup.values()) {
            asks.put(g, Paging.requested(ctx, "page" + g.number(), PAGE_SIZE));
        }
        Map<MopiGroup, RetentionStore.GroupDue> read = store.duePages(today, kind, offsets(asks), PAGE_SIZE);
        Map<MopiGroup, Paging> pagings = new EnumMap<>(MopiGroup.class);
        for (MopiGroup g : MopiGroup.values()) {
            pagings.put(g, asks.get(g).of(read.get(g).total()));
        }
        if (MopiGroup.values().length != Arrays.stream(MopiGroup.values())
                .filter(g -> pagings.get(g).offset() == asks.get(g).offset()).count()) {
            read = store.duePages(today, kind, offsets(pagings), PAGE_SIZE);
        }
        List<GroupPage> groups = new ArrayList<>();
        for (MopiGroup g : MopiGroup.values()) {
            groups.add(new GroupPage(g, pagings.get(g), read.get(g).rows()));
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("", "Any");
        RetentionStore.KIND_NAMES.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> kinds.put(e.getKey(), e.getValue()));
        Map<String, Object> params = new HashMap<>();
        params.put("groups", groups);
        params.put("today", today);
        params.put("kinds", RetentionStore.KIND_NAMES);
        params.put("holds", store.standingHoldCount());
        params.put("query", query);
        params.put("fields", List.of(ListQuery.Field.select("kind", "Kind of record", kinds)));
        Web.noStore(ctx);
        web.render(ctx, "partners/retention.jte", web.page(ctx, "MoPI review queue", Section.PARTNERSHIP), params);
    }

    private static Map<MopiGroup, Integer> offsets(Map<MopiGroup, Paging> pagings) {
        Map<MopiGroup, Integer> out = new EnumMap<>(MopiGroup.class);
        pagings.forEach((g, p) -> out.put(g, p.offset()));
        return out;
    }

    private void record(Context ctx) {
        String type = knownType(ctx);
        String id = ctx.pathParam("id");
        Optional<MopiReview.Facts> facts = store.facts(type, id);
        web.authorize(ctx, reviewing(sensitivities(type, facts)), type, id);
        showRecord(ctx, 200, type, id, FormErrors.none(), Map.of());
    }

    private void showRecord(Context ctx, int status, String type, String id, FormErrors errors,
                            Map<String, String> values) {
        Optional<RetentionStore.Hold> hold = store.holdOn(type, id);
        Optional<RetentionStore.Tombstone> tomb = store.tombstone(type, id);
        Optional<MopiReview.Due> due = store.current(type, id);
        if (hold.isEmpty() && tomb.isEmpty() && due.isEmpty()) {
            throw new NotFoundResponse("No " + RetentionStore.KIND_NAMES.get(type).toLowerCase() + " " + id
                    + " is held for review");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("type", type);
        params.put("kind", RetentionStore.KIND_NAMES.get(type));
        params.put("id", id);
        params.put("due", due.orElse(null));
        params.put("hold", hold.orElse(null));
        params.put("tombstone", tomb.orElse(null));
        params.put("today", today);
        params.put("latestNext", due.map(d -> today.plusYears(settings.years(d.group()))).orElse(null));
        params.put("holdKinds", RetentionStore.HOLD_KINDS);
        params.put("errors", errors);
        params.put("values", values);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "partners/retentionrecord.jte",
                web.page(ctx, RetentionStore.KIND_NAMES.get(type) + " " + id + ": MoPI review", Section.PARTNERSHIP),
                params);
    }

    private void decide(Context ctx, boolean retain) {
        String type = knownType(ctx);
        String id = ctx.pathParam("id");
        User user = web.authorize(ctx, reviewing(sensitivities(type, store.facts(type, id))).changing(), type, id);
        String field = retain ? "retainReason" : "disposeReason";
        Map<String, String> values = new HashMap<>();
        values.put(field, FormErrors.text(ctx, field));
        values.put("nextReview", FormErrors.text(ctx, "nextReview"));
        FormErrors errors = FormErrors.none();
        if (values.get(field).isEmpty()) {
            errors.add(field, retain ? "Say why the record is kept (the policing purpose it still serves)"
                    : "Say why the record is disposed of");
        }
        LocalDate next = null;
        if (retain && !values.get("nextReview").isEmpty()) {
            next = errors.requiredDate(values.get("nextReview"), "nextReview", "the next review date");
        }
        LocalDate today = LocalDate.now(clock);
        Optional<MopiReview.Due> due = store.current(type, id);
        if (next != null && due.isPresent()) {
            MopiReview.nextReviewRefusals(due.get().group(), today, next, settings)
                    .forEach(m -> errors.add("nextReview", m));
        }
        if (!errors.any()) {
            try {
                store.decide(user, type, id, retain, values.get(field), next, today);
                ctx.redirect("/partners/retention/" + type + "/" + id);
                return;
            } catch (IllegalArgumentException | IllegalStateException ex) {
                errors.add(field, capitalised(ex.getMessage()));
            }
        }
        showRecord(ctx, 400, type, id, errors, values);
    }

    private void hold(Context ctx) {
        String type = knownType(ctx);
        String id = ctx.pathParam("id");
        User user = web.authorize(ctx, reviewing(sensitivities(type, store.facts(type, id))).changing(), type, id);
        Map<String, String> values = new HashMap<>();
        values.put("holdKind", FormErrors.text(ctx, "holdKind"));
        values.put("holdReason", FormErrors.text(ctx, "holdReason"));
        FormErrors errors = FormErrors.none();
        if (!RetentionStore.HOLD_KINDS.contains(values.get("holdKind"))) {
            errors.add("holdKind", "Choose legal proceedings, inquiry, complaint or other");
        }
        if (values.get("holdReason").isEmpty()) {
            errors.add("holdReason", "Say why the record is held (the proceedings, inquiry or complaint)");
        }
        if (!errors.any()) {
            if (store.holdOn(type, id).isPresent()) {
                errors.add("holdReason", "This record is already on hold");
            } else if (store.tombstone(type, id).isPresent() || store.current(type, id).isEmpty()) {
                errors.add("holdReason", "There is no record under review to hold");
            } else {
                store.hold(user, type, id, values.get("holdKind"), values.get("holdReason"), LocalDate.now(clock));
                ctx.redirect("/partners/retention/" + type + "/" + id);
                return;
            }
        }
        showRecord(ctx, 400, type, id, errors, values);
    }

    private void holds(Context ctx) {
        web.authorize(ctx, reviewing(all()), "retention_hold", null);
        Web.noStore(ctx);
        web.render(ctx, "partners/retentionholds.jte", web.page(ctx, "Retention holds", Section.PARTNERSHIP),
                Map.of("holds", store.standingHolds(), "kinds", RetentionStore.KIND_NAMES));
    }

    private void lift(Context ctx) {
        long holdId = Web.pathId(ctx, "hold", "hold");
        RetentionStore.Hold hold = store.hold(holdId).orElseThrow(() -> new NotFoundResponse("No hold " + holdId));
        User user = web.authorize(ctx, reviewing(sensitivities(hold.recordType(), Optional.empty())).changing(),
                hold.recordType(), hold.recordId());
        String reason = FormErrors.text(ctx, "liftReason");
        FormErrors errors = FormErrors.none();
        if (reason.isEmpty()) {
            errors.add("liftReason", "Say why the hold is lifted (proceedings concluded, inquiry closed)");
        } else {
            try {
                store.lift(user, holdId, reason, LocalDate.now(clock));
                ctx.redirect("/partners/retention/" + hold.recordType() + "/" + hold.recordId());
                return;
            } catch (IllegalArgumentException ex) {
                errors.add("liftReason", capitalised(ex.getMessage()));
            }
        }
        showRecord(ctx, 400, hold.recordType(), hold.recordId(), errors, Map.of("liftReason", reason));
    }

    private static String knownType(Context ctx) {
        String type = ctx.pathParam("type");
        if (!RetentionStore.KIND_NAMES.containsKey(type)) {
            throw new NotFoundResponse("Records reviewed under MoPI are crimes, ASB incidents, domestic abuse"
                    + " incidents, missing reports, offenders, gangs matrix nominals and multi-agency cases");
        }
        return type;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
