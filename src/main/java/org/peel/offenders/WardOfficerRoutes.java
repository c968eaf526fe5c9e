package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator's page for assigning neighbourhood officers to wards, under Administration: the live assignments
 * and the form; {@link WardOfficers} checks and audits, as it does for {@code peel iom assign-ward}.
 */
public final class WardOfficerRoutes {

    private final Web web;
    private final WardOfficers officers;

    private final java.util.function.Supplier<Map<String, String>> boroughNames;

    public WardOfficerRoutes(Web web, WardOfficers officers, java.util.function.Supplier<Map<String, String>> boroughNames) {
        this.boroughNames = boroughNames;
        this.web = web;
        this.officers = officers;
    }

    public void register(RoutesConfig routes) {
        routes.get("/administration/neighbourhood-wards", this::list);
        routes.post("/administration/neighbourhood-wards", this::assign);
        routes.post("/administration/neighbourhood-wards/{id}/end", this::end);
    }

    private User admin(Context ctx, boolean change) {
        AccessRequest request = AccessRequest.view(Section.ADMINISTRATION);
        return web.authorize(ctx, change ? request.changing() : request, "neighbourhood-ward-officer", null);
    }

    private void list(Context ctx) {
        admin(ctx, false);
        show(ctx, 200, FormErrors.none(), Map.of(), "");
    }

    private void show(Context ctx, int status, FormErrors errors, Map<String, String> values, String done) {
        Web.noStore(ctx);
        ctx.status(status);
        User admin = Web.signedIn(ctx);
        web.render(ctx, "offenders/ward-officers.jte", web.page(ctx, "Neighbourhood officers and their wards",
                Section.ADMINISTRATION), Map.of("assignments", officers.assignments(null), "errors", errors,
                "values", values, "done", done, "officers", officers.officers(admin),
                "wardChoices", officers.wardChoices(admin), "boroughNames", boroughNames.get()));
    }

    private void assign(Context ctx) {
        User admin = admin(ctx, true);
        Map<String, String> values = new HashMap<>();
        for (String f : new String[]{"username", "ward"}) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        try {
            WardOfficers.Assignment a = officers.assign(values.get("username"), values.get("ward"), admin, "web");
            show(ctx, 200, FormErrors.none(), Map.of(), a.username() + " is assigned to " + a.wardName());
        } catch (BadInput bad) {
            show(ctx, 400, FormErrors.of(bad.field(), bad.getMessage().replaceFirst("^.*?field '[^']*': ", "")),
                    values, "");
        }
    }

    private void end(Context ctx) {
        User admin = admin(ctx, true);
        long id = Web.pathId(ctx, "id", "assignment");
        WardOfficers.Assignment a = officers.assignment(id)
                .orElseThrow(() -> new NotFoundResponse("No live assignment " + id));
        officers.end(id, admin, "web");
        show(ctx, 200, FormErrors.none(), Map.of(), a.username() + " is no longer assigned to " + a.wardName());
    }
}
