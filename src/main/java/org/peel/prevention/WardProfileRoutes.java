package org.peel.prevention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ward profiles: each ward's computed facts beside its team's priorities, the form to write them (due for review a
 * year on), and the list of profiles overdue for review or never written.
 */
public final class WardProfileRoutes {

    private final Web web;
    private final WardProfileStore store;
    private final PlaceStore places;
    private final AsbRiskSettings settings;
    private final Clock clock;
    /** Recent wards' forecasts, by ward, period and incident count: new incidents make a new forecast. */
    private final Map<String, Optional<WardHotspots>> hotspots = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<WardHotspots>> eldest) {
                    return size() > 64;
                }
            });

    public WardProfileRoutes(Web web, WardProfileStore store, PlaceStore places, AsbRiskSettings settings,
                             Clock clock) {
        this.web = web;
        this.clock = clock;
        this.store = store;
        this.places = places;
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/prevention/wards", this::list);
        routes.get("/prevention/wards/{code}", this::profile);
        routes.post("/prevention/wards/{code}/priorities", this::write);
    }

    /** Rows a page of the ward list holds. */
    static final int WARDS_PAGE = 50;

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, null);
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(borough), "ward-profiles", borough);
        LocalDate today = LocalDate.now(clock);
        ListQuery query = ListQuery.of(ctx, WARDS_PAGE, List.of("force", "borough", "name", "review"),
                List.of("pressing", "name"));
        List<org.peel.place.BoroughSummary> all = places.boroughs();
        // a force-wide role sees its own force (the one whose boroughs Peel holds most of) unless it chooses another
        Map<String, Long> byForce = new HashMap<>();
        all.forEach(b -> byForce.merge(b.borough().forceCode(), 1L, Long::sum));
        Map<String, String> forces = new java.util.LinkedHashMap<>();
        places.forceAreas().stream().filter(f -> byForce.containsKey(f.code()))
                .sorted(java.util.Comparator.comparing(org.peel.place.ForceArea::name))
                .forEach(f -> forces.put(f.code(), f.name()));
        String force = borough != null ? null : forces.containsKey(query.filter("force")) ? query.filter("force")
                : byForce.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Map<String, String> boroughNames = new java.util.TreeMap<>();
        all.forEach(b -> boroughNames.put(b.borough().code(), b.borough().name()));
        Map<String, String> boroughChoice = new java.util.LinkedHashMap<>();
        boroughChoice.put("", force == null ? "Every borough" : "Every borough of the force");
        all.stream().filter(b -> force == null || force.equals(b.borough().forceCode()))
                .sorted(java.util.Comparator.comparing(b -> b.borough().name()))
                .forEach(b -> boroughChoice.put(b.borough().code(), b.borough().name()));
        String chosenBorough = borough != null ? borough
                : boroughChoice.containsKey(query.filter("borough")) ? query.filterOrNull("borough") : null;
        boolean dueOnly = "due".equals(query.filter("review"));
        WardProfileStore.WardFilter filter = new WardProfileStore.WardFilter(chosenBorough == null ? force : null,
                chosenBorough, query.filterOrNull("name"), dueOnly, today, "name".equals(query.sort()));
        ListQuery.Shown<WardProfile.Review> shown = query.fetch(() -> store.countWards(filter),
                (offset, limit) -> store.wards(filter, offset, limit));
        long due = store.countWards(new WardProfileStore.WardFilter(chosenBorough == null ? force : null,
                chosenBorough, null, true, today, false));
        List<ListQuery.Field> fields = new java.util.ArrayList<>();
        if (borough == null) {
            fields.add(ListQuery.Field.select("force", "Force area", forces));
            fields.add(ListQuery.Field.select("borough", "Borough", boroughChoice));
        }
        fields.add(ListQuery.Field.text("name", "Ward name contains"));
        fields.add(ListQuery.Field.select("review", "Profiles", ListQuery.options(
                "", "Every ward", "due", "Overdue or never written")));
        Map<String, Object> params = new HashMap<>();
        params.put("wards", shown.rows());
        params.put("paging", shown.paging());
        params.put("query", query);
        params.put("fields", fields);
        params.put("due", due);
        params.put("today", today);
        params.put("boroughNames", boroughNames);
        params.put("area", chosenBorough != null ? boroughNames.getOrDefault(chosenBorough, chosenBorough)
                : forces.getOrDefault(force, ""));
        web.render(ctx, "prevention/asb/wards.jte", web.page(ctx, "Ward profiles", Section.PREVENTION), params);
    }

    private Ward ward(Context ctx, boolean change) {
        String code = ctx.pathParam("code");
        Ward ward = places.ward(code).orElseThrow(() -> new NotFoundResponse("No ward with code " + code));
        AccessRequest request = AccessRequest.view(Section.PREVENTION).inBorough(ward.boroughCode());
        web.authorize(ctx, change ? request.changing() : request, "ward-profile", code);
        return ward;
    }

    private void profile(Context ctx) {
        show(ctx, ward(ctx, false), 200, FormErrors.none(), null);
    }

    private void show(Context ctx, Ward ward, int status, FormErrors errors, String typed) {
        WardProfile profile = new WardProfile(ward.code(), ward.name(), ward.boroughCode(),
                store.facts(ward.code(), ward.boroughCode(), settings), store.priorities(ward.code()).orElse(null));
        Map<String, Object> params = new HashMap<>();
        params.put("profile", profile);
        params.put("errors", errors);
        params.put("typed", typed != null ? typed : profile.priorities() == null ? "" : profile.priorities().text());
        params.put("today", LocalDate.now(clock));
        params.put("settings", settings);
        params.put("hotspots", hotspots(ward, profile.facts().periodEnd()).orElse(null));
        ctx.status(status);
        web.render(ctx, "prevention/asb/ward.jte", web.page(ctx, ward.name() + " ward profile", Section.PREVENTION),
                params);
    }

    /**
     * The ward's cells among its borough's forecast ASB hotspots, from the newest month held and the months before
     * it (enough for the forecast and for judging the method on the newest month).
     */
    private Optional<WardHotspots> hotspots(Ward ward, LocalDateTime periodEnd) {
        YearMonth newest = YearMonth.from(periodEnd.minusDays(1));
        LocalDateTime from = newest.minusMonths(WardHotspots.TRAIN_MONTHS + 1L).atDay(1).atStartOfDay();
        List<WardHotspots.Located> incidents = store.hotspotIncidents(ward.code(), ward.boroughCode(), from, periodEnd);
        String key = ward.code() + "|" + periodEnd + "|" + incidents.size();
        Optional<WardHotspots> known = hotspots.get(key);
        if (known == null) {
            known = WardHotspots.of(incidents);
            hotspots.put(key, known);
        }
        return known;
    }

    private void write(Context ctx) {
        Ward ward = ward(ctx, true);
        String text = ctx.formParam("priorities") == null ? "" : ctx.formParam("priorities").strip();
        if (text.isEmpty()) {
            show(ctx, ward, 400, FormErrors.of("priorities", "Write the ward's priorities"), text);
            return;
        }
        if (text.length() > 8000) {
            show(ctx, ward, 400, FormErrors.of("priorities", "Keep the priorities under 8,000 characters"), text);
            return;
        }
        User user = Web.signedIn(ctx);
        store.jdbi().useTransaction(h -> {
            store.writePriorities(h, ward.code(), text, user.username(), LocalDate.now(clock));
            web.audit(h, ctx, AuditEvent.by(user, "priorities", "ward-profile", ward.code(), AuditEvent.SUCCESS));
        });
        ctx.redirect("/prevention/wards/" + ward.code());
    }

    /** For a neighbourhood officer's home page: ward profiles in their borough past their review date. */
    public Attention.Source attention() {
        return user -> {
            if (user.role() != Role.NEIGHBOURHOOD_OFFICER || user.boroughCode() == null) {
                return List.of();
            }
            long overdue = store.dueForReview(user.boroughCode(), LocalDate.now(clock)).stream()
                    .filter(r -> !r.neverWritten()).count();
            if (overdue == 0) {
                return List.of();
            }
            return List.of(new Attention(overdue + " ward profile" + (overdue == 1 ? "" : "s") + " overdue for review",
                    "Priorities written more than a year ago", "/prevention/wards", Attention.Urgency.SOON));
        };
    }
}
