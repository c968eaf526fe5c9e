package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MAPPA cases (visits due and overdue, the MAPP meetings held and the next one due, each case on its own page with
 * the meeting form, and each meeting's actions open, overdue or marked done by their agency) and potentially dangerous persons (active, due for review, lapsed)
 * under Investigation. Offender-management records: the access policy decides; changes are audited in their
 * transaction. Public protection officers (the force's central unit) and borough offender managers record them.
 */
public final class MappaRoutes {

    static final Set<Role> RECORDERS = Set.of(Role.PUBLIC_PROTECTION_OFFICER, Role.OFFENDER_MANAGER);

    private final Web web;
    private final MappaStore store;
    private final IomStore offenders;
    private final Clock clock;
    private final java.util.Map<Mappa.RiskOfSeriousHarm, Integer> visitDays;
    private final MappaRecording recording;

    public MappaRoutes(Web web, MappaStore store, IomStore offenders, Clock clock,
                       Map<Mappa.RiskOfSeriousHarm, Integer> visitDays) {
        this.web = web;
        this.store = store;
        this.offenders = offenders;
        this.clock = clock;
        this.visitDays = visitDays;
        this.recording = new MappaRecording(store, offenders);
    }

    public void register(RoutesConfig routes) {
        routes.get("/investigation/offenders/mappa", this::list);
        routes.post("/investigation/offenders/mappa", this::registerCase);
        routes.get("/investigation/offenders/mappa/{id}", this::casePage);
        routes.post("/investigation/offenders/mappa/{id}/visits", this::visit);
        routes.post("/investigation/offenders/mappa/{id}/meetings", this::holdMeeting);
        routes.post("/investigation/offenders/mappa/{id}/actions/{aid}/done", this::markActionDone);
        routes.post("/investigation/offenders/pdp", this::includePdp);
        routes.post("/investigation/offenders/pdp/{id}/renew", this::renewPdp);
    }

    /** A MAPPA case with its review. */
    /** Rows a page of the MAPPA case list holds. */
    static final int CASES_PAGE = 50;

    public record CaseLine(MappaStore.Stored stored, Mappa.Review review) {
    }

    /** A PDP with its status today. */
    public record PdpLine(MappaStore.Pdp pdp, PotentiallyDangerousPerson.Status status) {
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, IomRoutes.request().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "mappa-list", borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        show(ctx, borough, 200, FormErrors.none(), Map.of());
    }

    private void show(Context ctx, String borough, int status, FormErrors errors, Map<String, String> values) {
        LocalDate today = LocalDate.now(clock);
        ListQuery query = ListQuery.of(ctx, CASES_PAGE, List.of("borough", "level", "risk", "review"), List.of());
        String level = query.choice("level", List.of("1", "2", "3"));
        String risk = query.choice("risk", java.util.Arrays.stream(Mappa.RiskOfSeriousHarm.values()).map(Enum::name).toList());
        MappaStore.CaseFilter filter = new MappaStore.CaseFilter(borough, level == null ? null : Integer.valueOf(level),
                risk, "overdue".equals(query.filter("review")), today, visitDays);
        ListQuery.Shown<MappaStore.Stored> shown = query.fetch(() -> store.countCases(filter),
                (offset, limit) -> store.cases(filter, offset, limit));
        List<CaseLine> cases = new ArrayList<>();
        for (MappaStore.Stored s : shown.rows()) {
            cases.add(new CaseLine(s, Mappa.review(s.facts(), today, visitDays)));
        }
        List<ListQuery.Field> fields = new ArrayList<>();
        if (!Web.signedIn(ctx).role().isLocal()) {
            Map<String, String> boroughs = new java.util.LinkedHashMap<>();
            boroughs.put("", "The whole force");
            boroughs.putAll(store.boroughsWithCases());
            fields.add(ListQuery.Field.select("borough", "Borough", boroughs));
        }
        fields.add(ListQuery.Field.select("level", "Level", ListQuery.options("", "Any", "1", "Level 1", "2", "Level 2",
                "3", "Level 3")));
        fields.add(ListQuery.Field.select("risk", "Risk of serious harm", ListQuery.options("", "Any",
                "VERY_HIGH", "Very high", "HIGH", "High", "MEDIUM", "Medium", "LOW", "Low")));
        fields.add(ListQuery.Field.select("review", "Visits and meetings", ListQuery.options("", "Any",
                "overdue", "Overdue only")));
        List<PdpLine> active = new ArrayList<>();
        List<PdpLine> lapsed = new ArrayList<>();
        for (MappaStore.Pdp p : store.pdps(borough)) {
            PotentiallyDangerousPerson.Status st = PotentiallyDangerousPerson.status(p.reviewOn(), today);
            (st == PotentiallyDangerousPerson.Status.LAPSED ? lapsed : active).add(new PdpLine(p, st));
        }
        Web.noStore(ctx);
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("cases", cases);
        params.put("paging", shown.paging());
        params.put("query", query);
        params.put("fields", fields);
        params.put("active", active);
        params.put("lapsed", lapsed);
        params.put("errors", errors);
        params.put("values", values);
        params.put("today", today);
        params.put("canRecord", RECORDERS.contains(Web.signedIn(ctx).role()));
        web.render(ctx, "offenders/mappa.jte", web.page(ctx, "MAPPA and potentially dangerous persons",
                Section.INVESTIGATION), params);
    }

    private Map<String, String> form(Context ctx, String... fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        return values;
    }

    private static LocalDate date(String text, String field, FormErrors errors, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                errors.add(field, "Enter a date, for example 2025-03-31");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter the date as, for example, 2025-03-31");
            return null;
        }
    }

    private void registerCase(Context ctx) {
        Map<String, String> v = form(ctx, "offenderId", "category", "level", "agency", "risk", "plan", "nextMeetingOn");
        Optional<IomStore.Nominal> n = v.get("offenderId").isEmpty() ? Optional.empty() : offenders.nominal(v.get("offenderId"));
        User user = web.authorize(ctx, IomRoutes.request().inBorough(n.map(IomStore.Nominal::boroughCode).orElse(null))
                .changing().withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording a MAPPA case", RECORDERS),
                "mappa-case", v.get("offenderId"));
        Mappa.Form f = new Mappa.Form(v.get("offenderId"), v.get("category"), v.get("level"), v.get("agency"),
                v.get("risk"), v.get("plan"), v.get("nextMeetingOn"));
        MappaRecording.Recorded r = store.jdbi().inTransaction(h -> {
            MappaRecording.Recorded done = recording.register(h, f, LocalDate.now(clock), user.username(),
                    clock.instant());
            if (done.ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "mappa-case.record", "mappa-case", done.recorded().offenderId(),
                        AuditEvent.SUCCESS).detail("category " + done.recorded().category().number() + " level "
                        + done.recorded().level().number()));
            }
            return done;
        });
        if (!r.ok()) {
            show(ctx, AccessPolicy.boroughInView(user, null), 400, r.errors(), v);
            return;
        }
        ctx.redirect("/investigation/offenders/mappa");
    }

    private void visit(Context ctx) {
        String id = ctx.pathParam("id");
        IomStore.Nominal n = offenders.nominal(id).orElseThrow(() -> new NotFoundResponse("No offender " + id));
        User user = web.authorize(ctx, IomRoutes.request().inBorough(n.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording a MAPPA visit", RECORDERS), "mappa-case", id);
        FormErrors errors = FormErrors.none();
        LocalDate on = date(form(ctx, "visitOn").get("visitOn"), "visitOn", errors, true);
        if (errors.any()) {
            show(ctx, AccessPolicy.boroughInView(user, null), 400, errors, Map.of());
            return;
        }
        MappaRecording.Recorded r = store.jdbi().inTransaction(h -> {
            MappaRecording.Recorded done = recording.visit(h, id, on, LocalDate.now(clock), user.username(),
                    clock.instant());
            if (done.ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "mappa-visit.record", "mappa-case", id, AuditEvent.SUCCESS)
                        .detail("visited " + on));
            }
            return done;
        });
        if (!r.ok()) {
            show(ctx, AccessPolicy.boroughInView(user, null), 400, r.errors(), Map.of());
            return;
        }
        ctx.redirect("/investigation/offenders/mappa");
    }

    private MappaStore.Stored caseOf(Context ctx) {
        String id = ctx.pathParam("id");
        return store.jdbi().withHandle(h -> store.caseOf(h, id))
                .orElseThrow(() -> new NotFoundResponse("No MAPPA case for " + id));
    }

    /** One MAPPA case: its facts, visits and meetings due, the meetings held with their actions, and the meeting form. */
    private void casePage(Context ctx) {
        MappaStore.Stored c = caseOf(ctx);
        if (web.authorizePage(ctx, IomRoutes.request().inBorough(c.boroughCode())
                .withPersonalData(Web.statedPurpose(ctx)), "mappa-case", c.facts().offenderId()).isEmpty()) {
            return;
        }
        showCase(ctx, c, 200, FormErrors.none(), Map.of(), Map.of());
    }

    private void showCase(Context ctx, MappaStore.Stored c, int status, FormErrors errors, Map<String, String> values,
                          Map<String, List<String>> chosen) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("theCase", c);
        params.put("review", Mappa.review(c.facts(), today, visitDays));
        params.put("errors", errors);
        params.put("values", values);
        params.put("attending", chosen.getOrDefault("attending", List.of()));
        params.put("apologies", chosen.getOrDefault("apologies", List.of()));
        params.put("today", today);
        params.put("canRecord", RECORDERS.contains(Web.signedIn(ctx).role()));
        User user = Web.signedIn(ctx);
        List<MappaStore.HeldMeeting> meetings = store.meetings(c.facts().offenderId());
        params.put("meetings", meetings);
        params.put("markable", meetings.stream().flatMap(m -> m.actions().stream())
                .filter(a -> a.doneOn() == null && mayMarkDone(user, c, a, Web.statedPurpose(ctx)).allowed())
                .map(MappaStore.StoredAction::id).toList());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "offenders/mappa-case.jte", web.page(ctx, "MAPPA case " + c.facts().offenderId(),
                Section.INVESTIGATION), params);
    }

    /** A MAPP meeting held, recorded on the case page under {@link Mappa#checkMeeting} and audited with it. */
    private void holdMeeting(Context ctx) {
        MappaStore.Stored c = caseOf(ctx);
        String id = c.facts().offenderId();
        User user = web.authorize(ctx, IomRoutes.request().inBorough(c.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording a MAPP meeting", RECORDERS),
                "mappa-case", id);
        List<String> fields = new ArrayList<>(List.of("heldOn", "level", "chair", "risk", "outcome", "nextMeetingOn"));
        for (int i = 1; i <= Mappa.ACTION_ROWS; i++) {
            fields.addAll(List.of("action" + i + "Agency", "action" + i + "Text", "action" + i + "Owner",
                    "action" + i + "Due"));
        }
        Map<String, String> v = form(ctx, fields.toArray(String[]::new));
        List<Mappa.ActionForm> actions = new ArrayList<>();
        for (int i = 1; i <= Mappa.ACTION_ROWS; i++) {
            actions.add(new Mappa.ActionForm(v.get("action" + i + "Agency"), v.get("action" + i + "Text"),
                    v.get("action" + i + "Owner"), v.get("action" + i + "Due")));
        }
        List<String> attending = ctx.formParams("attending");
        List<String> apologies = ctx.formParams("apologies");
        Mappa.MeetingForm f = new Mappa.MeetingForm(v.get("heldOn"), v.get("level"), v.get("chair"), attending,
                apologies, v.get("risk"), v.get("outcome"), actions, v.get("nextMeetingOn"));
        MappaRecording.HeldMeeting r = store.jdbi().inTransaction(h -> {
            MappaRecording.HeldMeeting done = recording.holdMeeting(h, id, f, LocalDate.now(clock), user.username(),
                    clock.instant());
            if (done.ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "mappa-meeting.record", "mappa-meeting", Long.toString(done.id()),
                        AuditEvent.SUCCESS).detail("case " + id + " held " + done.meeting().heldOn() + " level "
                        + done.meeting().level().number()));
            }
            return done;
        });
        if (!r.ok()) {
            showCase(ctx, c, 400, r.errors(), v, Map.of("attending", attending, "apologies", apologies));
            return;
        }
        ctx.redirect("/investigation/offenders/mappa/" + id);
    }

    /**
     * The access policy's answer for this user marking this action done: the action's own agency marks it, and a
     * member of the force's staff is the police's.
     */
    private static AccessDecision mayMarkDone(User user, MappaStore.Stored c, MappaStore.StoredAction a,
                                              String purpose) {
        return AccessPolicy.decideAgencyActionDone(user, IomRoutes.request().inBorough(c.boroughCode())
                        .withPersonalData(purpose).dutyOf("marking a MAPP meeting's action done", RECORDERS),
                AccessPolicy.agencyOf(user), a.action().agency().name(),
                a.action().agency().label());
    }

    /**
     * An action a MAPP meeting set, marked done by its own agency with the day and a note, under
     * {@link Mappa#checkDone}; a refusal is audited, and the change is audited in its transaction.
     */
    private void markActionDone(Context ctx) {
        MappaStore.Stored c = caseOf(ctx);
        String id = c.facts().offenderId();
        long aid = Web.pathId(ctx, "aid", "action");
        MappaStore.StoredAction a = store.jdbi().withHandle(h -> store.action(h, id, aid))
                .orElseThrow(() -> new NotFoundResponse("No action " + aid + " on MAPPA case " + id));
        User user = Web.signedIn(ctx);
        String purpose = Web.statedPurpose(ctx);
        AccessDecision decision = mayMarkDone(user, c, a, purpose);
        if (!decision.allowed()) {
            web.audit(ctx, AuditEvent.by(user, "access-denied", "mappa-action", Long.toString(aid), AuditEvent.DENIED)
                    .because(purpose).detail("POST " + ctx.path() + ": " + decision.summary()));
            throw new ForbiddenResponse(decision.summary());
        }
        String dateField = "action" + aid + "DoneOn";
        String noteField = "action" + aid + "DoneNote";
        Map<String, String> v = form(ctx, "doneOn", "doneNote");
        LocalDate today = LocalDate.now(clock);
        Mappa.CheckedDone checked = Mappa.checkDone(v.get("doneOn"), v.get("doneNote"), dateField, noteField,
                a.heldOn(), a.doneOn(), today);
        boolean marked = checked.ok() && store.jdbi().inTransaction(h -> {
            if (!store.markDone(h, aid, checked.accepted(), user.username(), clock.instant())) {
                return false;
            }
            // ids and the day only: the note is the action's own record
            web.audit(h, ctx, AuditEvent.by(user, "mappa-action.done", "mappa-action", Long.toString(aid),
                    AuditEvent.SUCCESS).because(purpose).detail("case " + id + ", " + a.action().agency().name()
                    + " action done " + checked.accepted().on() + "; " + decision.summary()));
            return true;
        });
        if (!marked) {
            FormErrors errors = checked.ok() ? FormErrors.of(dateField, "This action has been marked done already")
                    : checked.errors();
            showCase(ctx, c, 400, errors, Map.of(dateField, v.get("doneOn"), noteField, v.get("doneNote")), Map.of());
            return;
        }
        ctx.redirect("/investigation/offenders/mappa/" + id);
    }

    /**
     * The offender manager's and the public protection unit's home-page item: how many MAPPA cases in their reach
     * are at level 2 or 3 and past their next MAPP meeting with none held. A count only, so no personal data is read.
     */
    public Attention.Source attention() {
        return user -> {
            if (!RECORDERS.contains(user.role())
                    || !AccessPolicy.decide(user, IomRoutes.request().inBorough(user.boroughCode())).allowed()) {
                return List.of();
            }
            LocalDate today = LocalDate.now(clock);
            long overdue = store.cases(user.boroughCode()).stream()
                    .filter(s -> Mappa.review(s.facts(), today, visitDays).meeting() == Mappa.Status.OVERDUE).count();
            List<Attention> items = new ArrayList<>();
            if (overdue > 0) {
                items.add(new Attention(overdue + (overdue == 1 ? " MAPPA case is" : " MAPPA cases are")
                        + " overdue for a MAPP meeting", "Level 2 and 3 cases whose next meeting passed with none held",
                        "/investigation/offenders/mappa", Attention.Urgency.NOW));
            }
            MappaStore.OverdueActions late = store.overdueActions(AccessPolicy.boroughInView(user, null),
                    today);
            if (late.actions() > 0) {
                int cases = late.cases().size();
                items.add(new Attention(late.actions() + (late.actions() == 1 ? " MAPP meeting action is"
                        : " MAPP meeting actions are") + " overdue",
                        "Actions a MAPP meeting set, past their due date and not marked done, in " + cases
                                + (cases == 1 ? " case" : " cases"),
                        cases == 1 ? "/investigation/offenders/mappa/" + late.cases().get(0)
                                : "/investigation/offenders/mappa", Attention.Urgency.SOON));
            }
            return items;
        };
    }

    private void includePdp(Context ctx) {
        Map<String, String> v = form(ctx, "borough", "subject", "pdpOffenderId", "reason", "evidence", "reviewOn");
        User signed = Web.signedIn(ctx);
        String borough = signed.role().isLocal() ? signed.boroughCode() : v.get("borough");
        User user = web.authorize(ctx, IomRoutes.request().inBorough(borough.isEmpty() ? null : borough).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording a potentially dangerous person", RECORDERS),
                "potentially-dangerous-person", null);
        PotentiallyDangerousPerson.Form f = new PotentiallyDangerousPerson.Form(borough, v.get("subject"),
                v.get("pdpOffenderId"), v.get("reason"), v.get("evidence"), v.get("reviewOn"));
        MappaRecording.Included r = store.jdbi().inTransaction(h -> {
            MappaRecording.Included done = recording.includePdp(h, f, LocalDate.now(clock), user.username(),
                    clock.instant());
            if (done.ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "pdp.include", "potentially-dangerous-person",
                        Long.toString(done.id()), AuditEvent.SUCCESS).detail("review " + done.inclusion().reviewOn()));
            }
            return done;
        });
        if (!r.ok()) {
            show(ctx, AccessPolicy.boroughInView(user, null), 400, r.errors(), v);
            return;
        }
        ctx.redirect("/investigation/offenders/mappa");
    }

    private void renewPdp(Context ctx) {
        long id = Web.pathId(ctx, "id", "person");
        MappaStore.Pdp p = store.pdp(id).orElseThrow(() -> new NotFoundResponse("No such person"));
        User user = web.authorize(ctx, IomRoutes.request().inBorough(p.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("renewing a potentially dangerous person", RECORDERS),
                "potentially-dangerous-person", Long.toString(id));
        Map<String, String> v = form(ctx, "renewReason", "renewEvidence", "renewOn");
        FormErrors errors = FormErrors.none();
        LocalDate review = date(v.get("renewOn"), "renewOn", errors, true);
        String reason = v.get("renewReason").isEmpty() ? p.reason() : v.get("renewReason");
        String evidence = v.get("renewEvidence");
        if (!errors.any()) {
            String refusal = PotentiallyDangerousPerson.refusal(reason, evidence, review, LocalDate.now(clock),
                    store.underMappa(p.offenderId()));
            if (refusal != null) {
                errors.add(refusal.startsWith("Record") ? "renewEvidence" : "renewOn", refusal);
            }
        }
        if (errors.any()) {
            show(ctx, AccessPolicy.boroughInView(user, null), 400, errors, v);
            return;
        }
        store.jdbi().useTransaction(h -> {
            store.renew(h, id, reason, evidence, review, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "pdp.renew", "potentially-dangerous-person", Long.toString(id),
                    AuditEvent.SUCCESS).detail("review " + review));
        });
        ctx.redirect("/investigation/offenders/mappa");
    }
}
