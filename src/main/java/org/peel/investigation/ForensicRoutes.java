package org.peel.investigation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Forensic and digital requests over HTTP: a request from a crime's page ({@code POST /investigation/crimes/{id}/forensic}),
 * the queues by route with their ages and median waits ({@code GET /investigation/forensic}), and starting, completing
 * and cancelling a request. Handlers parse, check access and render; {@link ForensicRequests} decides and writes.
 */
public final class ForensicRoutes {

    private final Web web;
    private final CrimeStore crimes;
    private final ForensicStore store;
    private final ForensicRequests requests;
    private final InvestigationRoutes crimePage;
    private final Supplier<Map<String, String>> boroughs;
    private final Clock clock;

    public ForensicRoutes(Web web, CrimeStore crimes, ForensicStore store, ForensicRequests requests,
                          InvestigationRoutes crimePage, Supplier<Map<String, String>> boroughs, Clock clock) {
        this.web = web;
        this.crimes = crimes;
        this.store = store;
        this.requests = requests;
        this.crimePage = crimePage;
        this.boroughs = boroughs;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/investigation/crimes/{id}/forensic", this::request);
        routes.get("/investigation/forensic", this::queues);
        routes.post("/investigation/forensic/{request}/start", this::start);
        routes.post("/investigation/forensic/{request}/complete", this::complete);
        routes.post("/investigation/forensic/{request}/cancel", this::cancel);
    }

    private void request(Context ctx) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = crimes.crime(id).orElseThrow(() -> new NotFoundResponse("No crime " + id));
        String purpose = Web.statedPurpose(ctx) == null ? "requesting a forensic examination" : Web.statedPurpose(ctx);
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION).inBorough(view.boroughCode()).changing()
                .touching(InvestigationRoutes.sensitivities(view.domesticAbuse(), view.offenceGroup()))
                .withPersonalData(purpose), "crime", id);
        ForensicTriage.ItemType type = null;
        String typeText = ctx.formParam("item_type");
        if (typeText != null && !typeText.isBlank()) {
            try {
                type = ForensicTriage.ItemType.valueOf(typeText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                type = null;
            }
        }
        ForensicTriage.Needs needs = new ForensicTriage.Needs(on(ctx, "full_extraction"), on(ctx, "deleted_data"),
                on(ctx, "specialist"));
        try {
            ForensicTriage.SuspectStatus suspect = ForensicTriage.SuspectStatus.NONE;
            String status = ctx.formParam("suspect_status");
            if (status != null && !status.isBlank()) {
                try {
                    suspect = ForensicTriage.SuspectStatus.valueOf(status.strip());
                } catch (IllegalArgumentException ex) {
                    throw BadInput.field("suspect_status", "Choose where the suspect is");
                }
            }
            requests.request(view.id(), type, ctx.formParam("item_description"), needs, suspect, user, ctx.ip());
        } catch (BadInput bad) {
            ctx.status(400);
            crimePage.renderCrime(ctx, view, FormErrors.of(bad.field() == null ? "item_type" : bad.field(),
                    bad.getMessage().replaceFirst("^.*?: ", "")));
            return;
        }
        ctx.redirect("/investigation/crimes/" + view.id() + "#forensic");
    }

    private void queues(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION), "forensic_queue", null);
        Web.noStore(ctx);
        renderQueues(ctx, user, FormErrors.none());
    }

    private void renderQueues(Context ctx, User user, FormErrors errors) {
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        LocalDateTime now = LocalDateTime.now(clock);
        Map<ForensicTriage.Route, List<ForensicStore.Request>> queues = new LinkedHashMap<>();
        for (ForensicTriage.Route r : ForensicTriage.Route.values()) {
            queues.put(r, store.queue(r, borough, now));
        }
        web.render(ctx, "investigation/forensic.jte", web.page(ctx, "Forensic and digital queues", Section.INVESTIGATION),
                Map.of("queues", queues, "waits", store.waits(borough, now), "errors", errors, "boroughs", boroughs.get(),
                        "borough", borough == null ? "" : borough));
    }

    private void start(Context ctx) {
        change(ctx, (id, user) -> requests.start(id, user, ctx.ip()));
    }

    private void complete(Context ctx) {
        change(ctx, (id, user) -> requests.complete(id, numbered(ctx, "result", id), user, ctx.ip()));
    }

    private void cancel(Context ctx) {
        change(ctx, (id, user) -> requests.cancel(id, numbered(ctx, "reason", id), user, ctx.ip()));
    }

    private interface Change {
        void apply(long id, User user);
    }

    private void change(Context ctx, Change change) {
        long id = Web.pathId(ctx, "request", "forensic request");
        ForensicStore.Request r = store.request(id, LocalDateTime.now(clock))
                .orElseThrow(() -> new NotFoundResponse("No forensic request " + id));
        CrimeStore.CrimeView view = crimes.crime(r.crimeId()).orElseThrow();
        String purpose = Web.statedPurpose(ctx) == null ? "progressing a forensic examination" : Web.statedPurpose(ctx);
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION).inBorough(view.boroughCode()).changing()
                .touching(InvestigationRoutes.sensitivities(view.domesticAbuse(), view.offenceGroup()))
                .withPersonalData(purpose), "crime", view.id());
        try {
            change.apply(id, user);
        } catch (BadInput bad) {
            ctx.status(400);
            renderQueues(ctx, user, FormErrors.of(bad.field() == null ? "request" : bad.field(),
                    bad.getMessage().replaceFirst("^.*?: ", "")));
            return;
        }
        ctx.redirect("/investigation/forensic#" + r.route().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The queue page names each request's field by its id ({@code result_12}); a plain name is taken too. */
    private static String numbered(Context ctx, String name, long id) {
        String v = ctx.formParam(name + "_" + id);
        return v == null ? ctx.formParam(name) : v;
    }

    private static boolean on(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v != null && !v.isBlank();
    }
}
