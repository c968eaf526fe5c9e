package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gangs matrix pages: the matrix (people included, lapsed reviews flagged, the form to consider a person), a
 * person's page (perpetrator and victim involvements apart, the decision's reasons, review, share with the recipient
 * log), the equality report and the Information Commissioner's findings with how each is met. Names are personal
 * data, so the matrix and a person's page need a stated purpose; the equality and findings pages hold figures only.
 */
public final class GangRoutes {

    private final Web web;
    private final GangMatrix matrix;
    private final GangEquality equality;
    private final Supplier<Map<String, String>> boroughNames;

    public GangRoutes(Web web, GangMatrix matrix, GangEquality equality, Supplier<Map<String, String>> boroughNames) {
        this.web = web;
        this.matrix = matrix;
        this.equality = equality;
        this.boroughNames = boroughNames;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/gangs", this::matrixPage);
        routes.post("/organised-crime/gangs", this::consider);
        routes.post("/organised-crime/gangs/removals", this::removeLapsed);
        routes.get("/organised-crime/gangs/equality", this::equalityPage);
        routes.get("/organised-crime/gangs/safeguards", this::safeguards);
        routes.get("/organised-crime/gangs/{id}", this::person);
        routes.post("/organised-crime/gangs/{id}/involvements", this::addInvolvement);
        routes.post("/organised-crime/gangs/{id}/reviews", this::review);
        routes.post("/organised-crime/gangs/{id}/shares", this::share);
    }

    static AccessRequest intelligence() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    private static String purposeQuery(Context ctx) {
        String purpose = Web.statedPurpose(ctx);
        return purpose == null ? "" : "?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8);
    }

    private void matrixPage(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, intelligence().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "gang-matrix", borough).isPresent()) {
            showMatrix(ctx, borough, 200, FormErrors.none(), Map.of());
        }
    }

    private void showMatrix(Context ctx, String borough, int status, FormErrors errors, Map<String, String> values) {
        Map<String, Object> params = new HashMap<>();
        params.put("included", matrix.store().withStatus("included", borough));
        params.put("counts", matrix.store().statusCounts(matrix.today()));
        params.put("today", matrix.today());
        params.put("boroughNames", boroughNames.get());
        params.put("errors", errors);
        params.put("values", values);
        params.put("settings", matrix.settings());
        params.put("purposeQuery", purposeQuery(ctx));
        params.put("canChange", !Web.signedIn(ctx).role().readOnly());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/gangs.jte", web.page(ctx, "Gangs matrix", Section.ORGANISED_CRIME), params);
    }

    private GangStore.Nominal nominalOf(Context ctx) {
        String id = ctx.pathParam("id");
        return matrix.store().find(id).orElseThrow(() -> new NotFoundResponse("No one on the gangs matrix is " + id));
    }

    private void person(Context ctx) {
        GangStore.Nominal n = nominalOf(ctx);
        if (web.authorizePage(ctx, intelligence().inBorough(n.boroughCode()).withPersonalData(Web.statedPurpose(ctx)),
                "gang_nominal", n.id()).isPresent()) {
            showPerson(ctx, n, 200, FormErrors.none(), Map.of(), null);
        }
    }

    private void showPerson(Context ctx, GangStore.Nominal n, int status, FormErrors errors, Map<String, String> values,
                            GangMatrix.ShareOutcome shared) {
        Map<String, Object> params = new HashMap<>();
        List<GangStore.Involvement> all = matrix.store().involvements(n.id());
        params.put("n", n);
        params.put("perpetrator", all.stream().filter(i -> i.role() == GangHarmAssessment.Role.PERPETRATOR).toList());
        params.put("victim", all.stream().filter(i -> i.role() == GangHarmAssessment.Role.VICTIM).toList());
        params.put("shares", matrix.store().shares(n.id()));
        params.put("boroughName", boroughNames.get().getOrDefault(n.boroughCode(), n.boroughCode()));
        params.put("today", matrix.today());
        params.put("errors", errors);
        params.put("values", values);
        params.put("shared", shared);
        params.put("kinds", matrix.settings().harm().points().keySet().stream().sorted().toList());
        params.put("purposeQuery", purposeQuery(ctx));
        params.put("canChange", !Web.signedIn(ctx).role().readOnly());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/gang-person.jte", web.page(ctx, n.name(), Section.ORGANISED_CRIME), params);
    }

    private static Map<String, String> values(Context ctx, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        return values;
    }

    private static LocalDate date(Map<String, String> values, String field, String words, FormErrors errors,
                                  boolean required) {
        String text = values.get(field);
        if (text.isEmpty()) {
            if (required) {
                errors.add(field, "Enter " + words + " as YYYY-MM-DD");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter " + words + " as YYYY-MM-DD, for example 2024-03-14");
            return null;
        }
    }

    /** Reads an involvement from the form (kind, role, occurredOn, source), adding errors against those fields. */
    private GangHarmAssessment.Involvement involvement(Map<String, String> values, FormErrors errors) {
        String kind = values.get("kind");
        if (!matrix.settings().harm().points().containsKey(kind)) {
            errors.add("kind", "Choose the kind of offending: "
                    + String.join(", ", matrix.settings().harm().points().keySet().stream().sorted().toList()));
        }
        GangHarmAssessment.Role role = switch (values.get("role")) {
            case "perpetrator" -> GangHarmAssessment.Role.PERPETRATOR;
            case "victim" -> GangHarmAssessment.Role.VICTIM;
            default -> null;
        };
        if (role == null) {
            errors.add("role", "Choose whether the person was the perpetrator or the victim");
        }
        LocalDate on = date(values, "occurredOn", "the date it happened", errors, true);
        if (on != null && on.isAfter(matrix.today())) {
            errors.add("occurredOn", "The date it happened cannot be in the future");
        }
        if (values.get("source").isEmpty()) {
            errors.add("source", "Name the source (a crime reference, an intelligence report): corroboration counts sources");
        }
        return errors.any() ? null : new GangHarmAssessment.Involvement(kind, role, on, values.get("source"));
    }

    private void consider(Context ctx) {
        User user = web.authorize(ctx, intelligence().inBorough(ctx.formParam("borough")).changing(), "gang_nominal",
                null);
        Map<String, String> values = values(ctx, List.of("forenames", "surname", "dateOfBirth", "sex", "ethnicity",
                "gangName", "ocgId", "borough", "dpia", "kind", "role", "occurredOn", "source"));
        FormErrors errors = FormErrors.none();
        if (values.get("surname").isEmpty()) {
            errors.add("surname", "Enter the person's surname");
        }
        LocalDate dob = date(values, "dateOfBirth", "the date of birth", errors, false);
        String sex = values.get("sex").isEmpty() ? null : values.get("sex");
        if (sex != null && !List.of("F", "M").contains(sex)) {
            errors.add("sex", "Choose F or M, or leave it blank when not known");
        }
        if (!GangMatrix.ETHNICITIES.contains(values.get("ethnicity"))) {
            errors.add("ethnicity", "Choose the ethnic group, or Not stated");
        }
        if (values.get("gangName").isEmpty()) {
            errors.add("gangName", "Enter the gang the person is linked to");
        }
        if (!boroughNames.get().containsKey(values.get("borough"))) {
            errors.add("borough", "Choose the borough");
        }
        if (values.get("dpia").isEmpty()) {
            errors.add("dpia", "Name the data-protection impact assessment the matrix is processed under");
        }
        GangHarmAssessment.Involvement first = involvement(values, errors);
        if (errors.any()) {
            showMatrix(ctx, AccessPolicy.boroughInView(user, null), 400, errors, values);
            return;
        }
        String id = matrix.consider(user, new GangMatrix.NewNominal(values.get("forenames"), values.get("surname"), dob,
                sex, values.get("ethnicity"), values.get("gangName"), values.get("ocgId").isEmpty() ? null
                : values.get("ocgId"), values.get("borough"), values.get("dpia")), List.of(first), ctx.ip());
        ctx.redirect("/organised-crime/gangs/" + id + purposeQuery(ctx));
    }

    private void addInvolvement(Context ctx) {
        GangStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(n.boroughCode()).changing(), "gang_nominal", n.id());
        Map<String, String> values = values(ctx, List.of("kind", "role", "occurredOn", "source"));
        FormErrors errors = FormErrors.none();
        GangHarmAssessment.Involvement i = involvement(values, errors);
        if (errors.any()) {
            showPerson(ctx, n, 400, errors, values, null);
            return;
        }
        matrix.addInvolvement(user, n.id(), i, ctx.ip());
        ctx.redirect("/organised-crime/gangs/" + n.id() + purposeQuery(ctx));
    }

    private void review(Context ctx) {
        GangStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(n.boroughCode()).changing(), "gang_nominal", n.id());
        matrix.review(user, n.id(), ctx.ip());
        ctx.redirect("/organised-crime/gangs/" + n.id() + purposeQuery(ctx));
    }

    private void removeLapsed(Context ctx) {
        User user = web.authorize(ctx, intelligence().changing(), "gang-matrix", null);
        matrix.removeLapsed(user, ctx.ip());
        ctx.redirect("/organised-crime/gangs" + purposeQuery(ctx));
    }

    private void share(Context ctx) {
        GangStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(n.boroughCode()).changing(), "gang_nominal", n.id());
        Map<String, String> values = values(ctx, List.of("recipient", "agreement", "sharePurpose"));
        FormErrors errors = FormErrors.none();
        if (values.get("recipient").isEmpty()) {
            errors.add("recipient", "Enter the partner organisation's id");
        }
        if (values.get("sharePurpose").isEmpty()) {
            errors.add("sharePurpose", "State why this person's entry is shared");
        }
        if (errors.any()) {
            showPerson(ctx, n, 400, errors, values, null);
            return;
        }
        GangMatrix.ShareOutcome outcome = matrix.share(user, n.id(), values.get("recipient"), values.get("agreement"),
                values.get("sharePurpose"), ctx.ip());
        showPerson(ctx, matrix.store().find(n.id()).orElseThrow(), outcome.allowed() ? 200 : 409, FormErrors.none(),
                Map.of(), outcome);
    }

    private void equalityPage(Context ctx) {
        web.authorize(ctx, intelligence(), "gang-equality", null);
        Map<String, Object> params = new HashMap<>();
        params.put("dimensions", equality.report(matrix.today()));
        params.put("byBorough", equality.ethnicityByBorough());
        params.put("included", matrix.store().statusCounts(matrix.today()).get("included"));
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/gang-equality.jte",
                web.page(ctx, "Gangs matrix: equality and disproportionality", Section.ORGANISED_CRIME), params);
    }

    private void safeguards(Context ctx) {
        User user = web.authorize(ctx, intelligence(), "gang-safeguards", null);
        Map<String, Object> params = new HashMap<>();
        params.put("findings", IcoFindings.findings(matrix, equality).stream().map(f -> f.shownTo(user)).toList());
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/gang-safeguards.jte",
                web.page(ctx, "Gangs matrix: the Information Commissioner's findings", Section.ORGANISED_CRIME), params);
    }
}
