package org.peel.prevention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Handle;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem-solving cases (SARA): the borough's open cases and a form to open one, and each case's page, where the
 * team links incidents, records actions for police and partners, moves the case through its stages, and at the
 * assess step sees incidents before and after the response over stated periods. Cases may name a person, so every
 * page is a read of personal data, audited.
 */
public final class ProblemSolvingRoutes {

    /** The longest period either side of the response's start that the assess step compares. */
    static final int COMPARISON_DAYS = 90;
    static final List<String> AGENCIES = List.of("Police", "Council", "Housing provider", "Youth service",
            "Health", "Fire and rescue", "Other partner");

    private final Web web;
    private final ProblemSolvingStore store;
    private final PlaceStore places;
    private final Clock clock;

    public ProblemSolvingRoutes(Web web, ProblemSolvingStore store, PlaceStore places, Clock clock) {
        this.web = web;
        this.clock = clock;
        this.store = store;
        this.places = places;
    }

    public void register(RoutesConfig routes) {
        routes.get("/prevention/cases", this::list);
        routes.post("/prevention/cases", this::open);
        routes.get("/prevention/cases/{id}", this::show);
        routes.post("/prevention/cases/{id}/stage", this::advance);
        routes.post("/prevention/cases/{id}/incidents", this::link);
        routes.post("/prevention/cases/{id}/actions", this::addAction);
        routes.post("/prevention/cases/{id}/actions/{action}/done", this::completeAction);
    }

    private static String localBorough(User user) {
        return AccessPolicy.boroughInView(user, null);
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        if (web.authorizePage(ctx, AccessRequest.view(Section.PREVENTION).inBorough(localBorough(user))
                .withPersonalData(Web.statedPurpose(ctx)), "problem-case-list", localBorough(user)).isEmpty()) {
            return;
        }
        showList(ctx, 200, FormErrors.none(), Map.of());
    }

    private void showList(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        User user = Web.signedIn(ctx);
        List<Ward> wards = user.boroughCode() == null ? List.of() : places.wardsIn(user.boroughCode());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "prevention/asb/cases.jte", web.page(ctx, "Problem-solving cases", Section.PREVENTION),
                Map.of("cases", store.openCases(localBorough(user)), "errors", errors, "values", values,
                        "wards", wards, "canOpen", user.boroughCode() != null));
    }

    private void open(Context ctx) {
        User user = Web.signedIn(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("title", "subjectType", "subject", "ward", "scanNotes")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        FormErrors errors = FormErrors.none();
        if (values.get("title").isEmpty()) {
            errors.add("title", "Give the problem a short title");
        }
        ProblemCase.SubjectType type = null;
        try {
            type = ProblemCase.SubjectType.valueOf(values.get("subjectType").toUpperCase());
        } catch (IllegalArgumentException ex) {
            errors.add("subjectType", "Choose a person, a place or a ward problem");
        }
        if (values.get("subject").isEmpty()) {
            errors.add("subject", "Name the person, the place or the ward problem");
        }
        if (type == ProblemCase.SubjectType.WARD && values.get("ward").isEmpty()) {
            errors.add("ward", "Choose the ward");
        }
        if (user.boroughCode() == null) {
            errors.add("title", "Cases are opened by the borough's own team");
        }
        if (errors.any()) {
            web.authorize(ctx, AccessRequest.view(Section.PREVENTION).changing(), "problem-case", null);
            showList(ctx, 400, errors, values);
            return;
        }
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(user.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)), "problem-case", null);
        ProblemCase.SubjectType subjectType = type;
        String id = store.jdbi().inTransaction(h -> {
            String opened = store.open(h, values.get("title"), subjectType, values.get("subject"),
                    user.boroughCode(), values.get("ward").isEmpty() ? null : values.get("ward"),
                    values.get("scanNotes").isEmpty() ? null : values.get("scanNotes"), user.username());
            audited(h, ctx, "problem-case.open", opened, null);
            return opened;
        });
        ctx.redirect("/prevention/cases/" + id);
    }

    /** The case named in the path, once the user may change it. */
    private ProblemCase changeable(Context ctx) {
        String id = ctx.pathParam("id");
        ProblemCase c = store.find(id).orElseThrow(() -> new NotFoundResponse("No problem-solving case " + id));
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(c.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)), "problem-case", id);
        return c;
    }

    private void show(Context ctx) {
        String id = ctx.pathParam("id");
        ProblemCase c = store.find(id).orElseThrow(() -> new NotFoundResponse("No problem-solving case " + id));
        if (web.authorizePage(ctx, AccessRequest.view(Section.PREVENTION).inBorough(c.boroughCode())
                .withPersonalData(Web.statedPurpose(ctx)), "problem-case", id).isPresent()) {
            showCase(ctx, c, 200, FormErrors.none());
        }
    }

    private void showCase(Context ctx, ProblemCase c, int status, FormErrors errors) {
        LocalDate today = LocalDate.now(clock);
        SaraComparison.Result comparison = c.responseStarted() == null ? null
                : SaraComparison.compare(c.responseStarted(), today, store.incidentTimes(c,
                c.responseStarted().minusDays(COMPARISON_DAYS).atStartOfDay(),
                c.responseStarted().plusDays(COMPARISON_DAYS).atStartOfDay()), COMPARISON_DAYS);
        String wardName = c.wardCode() == null ? "" : places.ward(c.wardCode()).map(Ward::name).orElse(c.wardCode());
        Web.noStore(ctx);
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("c", c);
        params.put("wardName", wardName);
        params.put("incidents", store.linkedIncidents(c.id()));
        params.put("actions", store.actions(c.id()));
        params.put("comparison", comparison);
        params.put("errors", errors);
        params.put("today", today);
        params.put("agencies", AGENCIES);
        web.render(ctx, "prevention/asb/case.jte", web.page(ctx, c.title(), Section.PREVENTION), params);
    }

    private void advance(Context ctx) {
        ProblemCase c = changeable(ctx);
        String notes = ctx.formParam("notes") == null ? "" : ctx.formParam("notes").strip();
        if (notes.isEmpty()) {
            showCase(ctx, c, 400, FormErrors.of("notes", "Write what the " + c.stage().label().toLowerCase()
                    + " stage found before moving on"));
            return;
        }
        LocalDate started = LocalDate.now(clock);
        if (c.stage().next() == SaraStage.RESPOND && ctx.formParam("responseStarted") != null
                && !ctx.formParam("responseStarted").isBlank()) {
            try {
                started = LocalDate.parse(ctx.formParam("responseStarted").strip());
            } catch (DateTimeParseException ex) {
                showCase(ctx, c, 400, FormErrors.of("responseStarted", "Enter the date as YYYY-MM-DD"));
                return;
            }
        }
        LocalDate responseStarted = started;
        store.jdbi().useTransaction(h -> {
            store.advance(h, c, notes, responseStarted);
            audited(h, ctx, "problem-case.stage", c.id(), "to " + c.stage().next());
        });
        ctx.redirect("/prevention/cases/" + c.id());
    }

    private void link(Context ctx) {
        ProblemCase c = changeable(ctx);
        String incident = ctx.formParam("incidentId") == null ? "" : ctx.formParam("incidentId").strip();
        try {
            if (incident.isEmpty()) {
                throw BadInput.field("incidentId", "Enter the incident number, for example ASB-C12");
            }
            store.jdbi().useTransaction(h -> {
                store.linkIncident(h, c, incident, Web.signedIn(ctx).username());
                audited(h, ctx, "problem-case.link", c.id(), "incident " + incident);
            });
        } catch (BadInput bad) {
            showCase(ctx, c, 400, FormErrors.of("incidentId", message(bad)));
            return;
        }
        ctx.redirect("/prevention/cases/" + c.id());
    }

    private void addAction(Context ctx) {
        ProblemCase c = changeable(ctx);
        FormErrors errors = FormErrors.none();
        String description = trimmed(ctx.formParam("description"));
        String agency = trimmed(ctx.formParam("agency"));
        String owner = trimmed(ctx.formParam("owner"));
        LocalDate due = null;
        if (description.isEmpty()) {
            errors.add("description", "Say what will be done");
        }
        if (!AGENCIES.contains(agency)) {
            errors.add("agency", "Choose who will do it");
        }
        if (owner.isEmpty()) {
            errors.add("owner", "Name the person who owns the action");
        }
        try {
            due = LocalDate.parse(trimmed(ctx.formParam("due")));
        } catch (DateTimeParseException ex) {
            errors.add("due", "Enter the due date as YYYY-MM-DD");
        }
        if (errors.any()) {
            showCase(ctx, c, 400, errors);
            return;
        }
        LocalDate dueDate = due;
        store.jdbi().useTransaction(h -> {
            long id = store.addAction(h, c.id(), description, agency, owner, dueDate, Web.signedIn(ctx).username());
            audited(h, ctx, "problem-case.action-add", c.id(), "action " + id);
        });
        ctx.redirect("/prevention/cases/" + c.id() + "#actions");
    }

    private void completeAction(Context ctx) {
        ProblemCase c = changeable(ctx);
        long action = Web.pathId(ctx, "action", "action");
        store.jdbi().useTransaction(h -> {
            store.completeAction(h, c.id(), action);
            audited(h, ctx, "problem-case.action-done", c.id(), "action " + action);
        });
        ctx.redirect("/prevention/cases/" + c.id() + "#actions");
    }

    /** The change's audit entry, in the change's own transaction: record ids only, never the case's words. */
    private void audited(Handle h, Context ctx, String action, String caseId, String detail) {
        web.audit(h, ctx, AuditEvent.by(Web.signedIn(ctx), action, "problem-case", caseId, AuditEvent.SUCCESS)
                .because(Web.statedPurpose(ctx)).detail(detail));
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    private static String message(BadInput bad) {
        return bad.getMessage().substring(bad.getMessage().indexOf(": ") + 2);
    }
}
