package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The six national threats with the force's preparedness for each, and the form to record an exercise or review. */
public final class ThreatRoutes {

    private final Web web;
    private final ThreatStore threats;

    public ThreatRoutes(Web web, ThreatStore threats) {
        this.web = web;
        this.threats = threats;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/threats", this::page);
        routes.post("/organised-crime/threats", this::record);
    }

    private void page(Context ctx) {
        web.authorize(ctx, AccessRequest.view(Section.ORGANISED_CRIME), "spr-threats", null);
        show(ctx, 200, FormErrors.none(), Map.of());
    }

    private void show(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Map<String, Object> params = new HashMap<>();
        params.put("threats", threats.threats());
        params.put("testDays", threats.testDays());
        params.put("kinds", ThreatStore.KINDS);
        params.put("assessments", ThreatStore.ASSESSMENTS);
        params.put("errors", errors);
        params.put("values", values);
        params.put("canChange", !Web.signedIn(ctx).role().readOnly());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/threats.jte",
                web.page(ctx, "Strategic Policing Requirement: preparedness", Section.ORGANISED_CRIME), params);
    }

    private void record(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.ORGANISED_CRIME).changing(), "spr-threats", null);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("threat", "kind", "heldOn", "title", "assessment", "summary")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        FormErrors errors = FormErrors.none();
        if (threats.threats().stream().noneMatch(t -> t.id().equals(values.get("threat")))) {
            errors.add("threat", "Choose the threat");
        }
        if (!ThreatStore.KINDS.contains(values.get("kind"))) {
            errors.add("kind", "Choose exercise, debrief, lesson or capability review");
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(values.get("heldOn"));
        } catch (DateTimeParseException ex) {
            errors.add("heldOn", "Enter the date it was held as YYYY-MM-DD");
        }
        if (values.get("title").isEmpty()) {
            errors.add("title", "Name the exercise or review");
        }
        String assessment = values.get("assessment").isEmpty() ? null : values.get("assessment");
        if (assessment != null && !ThreatStore.ASSESSMENTS.contains(assessment)) {
            errors.add("assessment", "Choose prepared, partly prepared or not prepared, or none");
        }
        if (errors.any()) {
            show(ctx, 400, errors, values);
            return;
        }
        threats.record(user, values.get("threat"), new Preparedness.Entry(values.get("kind"), on, values.get("title"),
                assessment), values.get("summary"), ctx.ip());
        ctx.redirect("/organised-crime/threats");
    }
}
