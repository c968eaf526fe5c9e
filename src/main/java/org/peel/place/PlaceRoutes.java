package org.peel.place;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.Web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Borough and ward profiles, the places a local officer works in, and the point-to-place lookup for integrations.
 * A local role sees only its own borough's profile.
 */
public final class PlaceRoutes {

    private final Web web;
    private final PlaceStore store;
    private volatile AreaIndex index;

    public PlaceRoutes(Web web, PlaceStore store) {
        this.web = web;
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/places", this::forces);
        routes.get("/places/boroughs/{code}", this::borough);
        routes.get("/places/wards/{code}", this::ward);
        routes.get("/api/v1/places/boroughs", this::boroughsJson);
        routes.get("/api/v1/places/lookup", this::lookup);
    }

    private void forces(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.PREVENTION), "places", null);
        String force = Optional.ofNullable(ctx.queryParam("force")).orElse("E23000001");
        List<BoroughSummary> boroughs = store.boroughs().stream()
                .filter(b -> b.borough().forceCode().equals(force)).toList();
        web.render(ctx, "place/places.jte", web.page(ctx, "Places", Section.PREVENTION), Map.of(
                "forces", store.forceAreas(), "force", force, "boroughs", boroughs, "counts", store.counts(),
                "ownBorough", user.role().isLocal() && user.boroughCode() != null ? user.boroughCode() : ""));
    }

    private void borough(Context ctx) {
        String code = ctx.pathParam("code");
        Borough borough = store.borough(code).orElseThrow(() -> new NotFoundResponse("No borough with code " + code));
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(code), "borough", code);
        List<Ward> wards = store.wardsIn(code);
        Map<String, SvgMap.Area> areas = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        wards.forEach(w -> names.put(w.code(), w.name()));
        store.wardBoundariesIn(code).forEach((wardCode, g) -> areas.put(wardCode, new SvgMap.Area(g,
                "/places/wards/" + wardCode, names.getOrDefault(wardCode, wardCode), "peel-map__area")));
        web.render(ctx, "place/borough.jte", web.page(ctx, borough.name(), Section.PREVENTION), Map.of(
                "borough", borough, "wards", wards, "map", areas.isEmpty() ? "" : SvgMap.draw(areas, 640)));
    }

    private void ward(Context ctx) {
        String code = ctx.pathParam("code");
        Ward ward = store.ward(code).orElseThrow(() -> new NotFoundResponse("No ward with code " + code));
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(ward.boroughCode()), "ward", code);
        Borough borough = store.borough(ward.boroughCode()).orElseThrow();
        List<Lsoa> lsoas = store.lsoasIn(code);
        Map<String, SvgMap.Area> areas = new LinkedHashMap<>();
        store.lsoaBoundariesIn(code).forEach((lsoaCode, g) -> areas.put(lsoaCode,
                new SvgMap.Area(g, "#" + lsoaCode, lsoaCode, "peel-map__area")));
        web.render(ctx, "place/ward.jte", web.page(ctx, ward.name(), Section.PREVENTION), Map.of(
                "ward", ward, "borough", borough, "lsoas", lsoas, "map", areas.isEmpty() ? "" : SvgMap.draw(areas, 480)));
    }

    private void boroughsJson(Context ctx) {
        Web.signedIn(ctx);
        ctx.json(store.boroughs().stream().map(b -> new BoroughJson(b.borough().code(), b.borough().name(),
                b.borough().forceCode(), b.wards(), b.lsoas())).toList());
    }

    /** One borough as {@code GET /api/v1/places/boroughs} lists it. */
    public record BoroughJson(String code, String name, String force, int wards, int lsoas) {
    }

    private void lookup(Context ctx) {
        Web.signedIn(ctx);
        double lat = coordinate(ctx, "lat", -90, 90);
        double lon = coordinate(ctx, "lon", -180, 180);
        AreaIndex areaIndex = index;
        if (areaIndex == null) {
            areaIndex = AreaIndex.load(store);
            index = areaIndex;
        }
        PlaceMatch match = areaIndex.locate(lat, lon)
                .orElseThrow(() -> new NotFoundResponse("No area is known near " + lat + ", " + lon
                        + " (has the geography been imported?)"));
        ctx.json(match);
    }

    private static double coordinate(Context ctx, String name, double min, double max) {
        String text = ctx.queryParam(name);
        try {
            double v = Double.parseDouble(text);
            if (v < min || v > max || Double.isNaN(v)) {
                throw new BadRequestResponse("'" + name + "' must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException | NullPointerException ex) {
            throw new BadRequestResponse("'" + name + "' must be a decimal number, e.g. lat=51.5080&lon=-0.1281");
        }
    }
}
