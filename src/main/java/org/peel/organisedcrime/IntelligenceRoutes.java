package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The intelligence requirement for front-line officers: in their borough, what the force wants them to look for,
 * the active organised crime groups and gangs there (names of groups, never of people), and the form to submit
 * intelligence graded under the national scheme and linked to a group. Officers reach it from the prevention section
 * they already hold; analysts also set requirements and see the latest submissions.
 */
public final class IntelligenceRoutes {

    private final Web web;
    private final FrontLineIntelligence intelligence;
    private final GangStore gangs;
    private final Supplier<Map<String, String>> boroughNames;

    public IntelligenceRoutes(Web web, FrontLineIntelligence intelligence, GangStore gangs,
                              Supplier<Map<String, String>> boroughNames) {
        this.web = web;
        this.intelligence = intelligence;
        this.gangs = gangs;
        this.boroughNames = boroughNames;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/intelligence", this::page);
        routes.post("/organised-crime/intelligence", this::submit);
        routes.post("/organised-crime/intelligence/requirements", this::setRequirement);
    }

    private static AccessRequest analyst() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    private static boolean isAnalyst(User user) {
        return AccessPolicy.decide(user, analyst()).allowed();
    }

    /** Analysts through organised crime; front-line officers through the prevention section they work in. */
    private static AccessRequest frontLine(User user, String borough) {
        return (isAnalyst(user) ? analyst() : AccessRequest.view(Section.PREVENTION)).inBorough(borough);
    }

    private String borough(Context ctx, User user, String asked) {
        String b = AccessPolicy.boroughInView(user, asked);
        if (b == null && !boroughNames.get().isEmpty() && !isAnalyst(user)) {
            b = boroughNames.get().keySet().iterator().next();
        }
        return b;
    }

    private void page(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = borough(ctx, user, ctx.queryParam("borough"));
        web.authorize(ctx, frontLine(user, borough), "intelligence-requirement", borough);
        show(ctx, user, borough, 200, FormErrors.none(), Map.of(), null);
    }

    private void show(Context ctx, User user, String borough, int status, FormErrors errors, Map<String, String> values,
                      Long submitted) {
        Map<String, Object> params = new HashMap<>();
        params.put("borough", borough == null ? "" : borough);
        params.put("boroughNames", boroughNames.get());
        params.put("requirements", intelligence.store().requirements(borough));
        params.put("groups", intelligence.groups().activeGroups(borough));
        params.put("gangs", gangs.gangsIn(borough));
        params.put("scheme", intelligence.scheme());
        params.put("analyst", isAnalyst(user));
        params.put("latest", isAnalyst(user) ? intelligence.store().latest(borough, 20) : List.of());
        params.put("errors", errors);
        params.put("values", values);
        params.put("submitted", submitted);
        params.put("today", intelligence.today().toString());
        params.put("canChange", !user.role().readOnly());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/intelligence.jte",
                web.page(ctx, "Intelligence requirement", Section.ORGANISED_CRIME), params);
    }

    private static Map<String, String> values(Context ctx, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        return values;
    }

    private void submit(Context ctx) {
        User signedIn = Web.signedIn(ctx);
        Map<String, String> values = values(ctx, List.of("borough", "ward", "requirement", "ocgId", "sourceGrade",
                "intelligenceGrade", "handlingCode", "handlingConditions", "significant", "report", "observedOn"));
        String borough = values.get("borough").isEmpty() ? borough(ctx, signedIn, null) : values.get("borough");
        User user = web.authorize(ctx, frontLine(signedIn, borough).changing(), "intelligence_submission", null);
        FormErrors errors = FormErrors.none();
        if (borough == null || !boroughNames.get().containsKey(borough)) {
            errors.add("borough", "Choose the borough the intelligence is about");
        }
        IntelligenceGrading.Grade grade = IntelligenceGrading.grade(intelligence.scheme(), values.get("sourceGrade"),
                values.get("intelligenceGrade"), values.get("handlingCode"), values.get("handlingConditions"));
        grade.errors().forEach(errors::add);
        if (values.get("report").isEmpty()) {
            errors.add("report", "Write what was seen or heard, and by whom it was known");
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(values.get("observedOn"));
            if (on.isAfter(intelligence.today())) {
                errors.add("observedOn", "The date cannot be in the future");
            }
        } catch (DateTimeParseException ex) {
            errors.add("observedOn", "Enter the date it was seen or heard as YYYY-MM-DD");
        }
        String ocgId = values.get("ocgId").isEmpty() ? null : values.get("ocgId");
        if (ocgId != null && intelligence.groups().find(ocgId).isEmpty()) {
            errors.add("ocgId", "There is no organised crime group " + ocgId);
        }
        boolean significant = "yes".equals(values.get("significant"));
        if (significant && ocgId == null) {
            errors.add("significant", "Only intelligence about a group can be significant for it: choose the group");
        }
        Long requirement = null;
        if (!values.get("requirement").isEmpty()) {
            try {
                requirement = Long.parseLong(values.get("requirement"));
            } catch (NumberFormatException ex) {
                errors.add("requirement", "Choose the requirement this answers, or none");
            }
        }
        if (errors.any()) {
            show(ctx, user, borough, 400, errors, values, null);
            return;
        }
        long id = intelligence.submit(user, borough, values.get("ward").isEmpty() ? null : values.get("ward"),
                requirement, ocgId, grade, significant, values.get("report"), on, ctx.ip());
        show(ctx, user, borough, 201, FormErrors.none(), Map.of(), id);
    }

    private void setRequirement(Context ctx) {
        Map<String, String> values = values(ctx, List.of("borough", "ward", "ocgId", "priority", "lookFor",
                "reviewOn"));
        User user = web.authorize(ctx, analyst().inBorough(values.get("borough")).changing(),
                "intelligence_requirement", null);
        FormErrors errors = FormErrors.none();
        if (!boroughNames.get().containsKey(values.get("borough"))) {
            errors.add("borough", "Choose the borough");
        }
        if (values.get("priority").isEmpty()) {
            errors.add("priority", "Name the priority, for example: county lines supply into the estate");
        }
        if (values.get("lookFor").isEmpty()) {
            errors.add("lookFor", "Say what officers should look and listen for");
        }
        LocalDate review = null;
        try {
            review = LocalDate.parse(values.get("reviewOn"));
        } catch (DateTimeParseException ex) {
            errors.add("reviewOn", "Enter the review date as YYYY-MM-DD");
        }
        String ocgId = values.get("ocgId").isEmpty() ? null : values.get("ocgId");
        if (ocgId != null && intelligence.groups().find(ocgId).isEmpty()) {
            errors.add("ocgId", "There is no organised crime group " + ocgId);
        }
        if (errors.any()) {
            show(ctx, user, values.get("borough").isEmpty() ? null : values.get("borough"), 400, errors, values, null);
            return;
        }
        intelligence.setRequirement(user, values.get("borough"), values.get("ward").isEmpty() ? null
                : values.get("ward"), ocgId, values.get("priority"), values.get("lookFor"), review, ctx.ip());
        ctx.redirect("/organised-crime/intelligence?borough=" + values.get("borough"));
    }
}
