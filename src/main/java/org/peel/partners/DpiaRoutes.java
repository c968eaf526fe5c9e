package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.Section;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The impact assessment register's pages: the register, one assessment, and the published link a capability's page
 * gives for its processing ({@code /partners/dpia/for/{activity}}), which opens that activity's assessment. The
 * register holds no personal data, so every signed-in user may read it: those whose work is the processing most.
 */
public final class DpiaRoutes {

    private final Web web;
    private final DpiaStore store;
    private final Clock clock;

    public DpiaRoutes(Web web, DpiaStore store, Clock clock) {
        this.web = web;
        this.store = store;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/dpia", this::list);
        routes.get("/partners/dpia/for/{activity}", this::forActivity);
        routes.get("/partners/dpia/{id}", this::show);
    }

    private void list(Context ctx) {
        Web.signedIn(ctx);
        web.render(ctx, "partners/dpias.jte", web.page(ctx, "Data protection impact assessments", Section.PARTNERSHIP),
                Map.of("dpias", store.all(), "today", LocalDate.now(clock)));
    }

    private void show(Context ctx) {
        Web.signedIn(ctx);
        String id = ctx.pathParam("id");
        DpiaStore.Dpia d = store.find(id).orElseThrow(() -> new NotFoundResponse("No impact assessment " + id));
        web.render(ctx, "partners/dpia.jte", web.page(ctx, d.title(), Section.PARTNERSHIP),
                Map.of("d", d, "today", LocalDate.now(clock)));
    }

    private void forActivity(Context ctx) {
        Web.signedIn(ctx);
        String activity = ctx.pathParam("activity");
        DpiaStore.Dpia d = store.forActivity(activity).orElseThrow(() -> new NotFoundResponse(
                "No impact assessment is registered for the processing '" + activity + "'"));
        ctx.redirect("/partners/dpia/" + d.id());
    }
}
