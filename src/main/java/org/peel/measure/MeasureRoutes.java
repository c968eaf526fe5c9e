package org.peel.measure;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.common.BadInput;
import org.peel.place.PlaceStore;
import org.peel.web.Web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Measure pages: Force in numbers for any force and the 12 months to any month, with the trend, every force's
 * figure and the boroughs; a borough's wards; and the indicator definitions with their exact meaning. Thin: the
 * engine does the work.
 */
public final class MeasureRoutes {

    private static final String DEFAULT_FORCE = "E23000001";

    private final Web web;
    private final IndicatorEngine engine;
    private final PlaceStore places;
    private final Clock clock;

    public MeasureRoutes(Web web, MeasureStore store, PlaceStore places, Clock clock) {
        this.web = web;
        this.clock = clock;
        this.engine = new IndicatorEngine(store);
        this.places = places;
    }

    public void register(RoutesConfig routes) {
        routes.get("/measure/force-in-numbers", this::forceInNumbers);
        routes.get("/measure/area", this::area);
        routes.get("/measure/indicators", this::definitions);
    }

    private void allow(Context ctx) {
        web.authorize(ctx, AccessRequest.view(Section.MEASURE), "indicator", null);
    }

    /** The month asked for; without one, the newest month the force has data for from the origin. */
    private YearMonth yearTo(Context ctx, String forceCode, Origin origin) {
        String to = ctx.queryParam("to");
        if (to == null || to.isBlank()) {
            return engine.store().newestMonth(forceCode, origin)
                    .or(() -> engine.store().latestQuarterEnd())
                    .orElse(YearMonth.now(clock).minusMonths(1));
        }
        try {
            return YearMonth.parse(to.strip());
        } catch (DateTimeParseException ex) {
            throw BadInput.field("to", "'" + to + "' is not a month YYYY-MM");
        }
    }

    /** The origin asked for: the published data unless {@code source=peel}. */
    private static Origin origin(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null || source.isBlank()) {
            return Origin.PUBLIC;
        }
        return Origin.of(source).orElseThrow(() -> BadInput.field("source", "is public or peel, not '" + source + "'"));
    }

    private void forceInNumbers(Context ctx) {
        allow(ctx);
        Origin origin = origin(ctx);
        IndicatorEngine engine = this.engine.over(origin);
        MeasureFigures figures = new MeasureFigures(engine, places);
        Map<String, String> forces = engine.store().territorialForces();
        String code = ctx.queryParam("force") == null ? DEFAULT_FORCE : ctx.queryParam("force").strip().toUpperCase(Locale.ROOT);
        if (!forces.containsKey(code)) {
            throw BadInput.field("force", "'" + code + "' is not one of the 43 territorial forces");
        }
        YearMonth to = yearTo(ctx, code, origin);
        String indicator = ctx.queryParam("indicator") == null ? MeasureFigures.CRIME_RATE : ctx.queryParam("indicator");
        List<IndicatorDefinition> definitions = engine.store().definitions();
        if (definitions.stream().noneMatch(d -> d.id().equals(indicator))) {
            throw BadInput.field("indicator", "'" + indicator + "' is not an indicator Peel defines");
        }
        Place.Area force = new Place.Area(Place.Level.FORCE, code, forces.get(code));
        Period period = Period.yearTo(to);
        Map<String, Object> params = new HashMap<>();
        params.put("forces", forces);
        params.put("definitions", definitions);
        params.put("indicator", indicator);
        params.put("to", to.toString());
        params.put("origins", List.of(Origin.values()));
        params.put("report", ForceInNumbers.of(engine, force, period));
        params.put("trend", figures.trend(force, MeasureFigures.CRIME_RATE, to));
        params.put("bars", figures.byForce(indicator, period, code));
        params.put("boroughs", figures.breakdown(force, ReportDocument.BOROUGH_INDICATORS, period));
        web.render(ctx, "measure/forceinnumbers.jte", web.page(ctx, "Force in numbers", Section.MEASURE), params);
    }

    private void area(Context ctx) {
        allow(ctx);
        Origin origin = origin(ctx);
        IndicatorEngine engine = this.engine.over(origin);
        MeasureFigures figures = new MeasureFigures(engine, places);
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            throw BadInput.field("code", "a borough or ward code is needed");
        }
        Place.Level level;
        try {
            level = Place.Level.valueOf(String.valueOf(ctx.queryParam("level")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw BadInput.field("level", "is borough or ward");
        }
        if (level != Place.Level.BOROUGH && level != Place.Level.WARD) {
            throw BadInput.field("level", "is borough or ward");
        }
        String name = engine.store().areaName(level, code.strip())
                .orElseThrow(() -> BadInput.field("code", "Peel holds no " + level.key() + " " + code));
        YearMonth to = yearTo(ctx, engine.store().forceOf(new Place.Area(level, code.strip(), name)).orElse(DEFAULT_FORCE),
                origin);
        Period period = Period.yearTo(to);
        Place.Area area = new Place.Area(level, code.strip(), name);
        List<Figure> own = ReportDocument.BOROUGH_INDICATORS.stream()
                .map(id -> engine.figure(engine.store().definition(id).orElseThrow(), area, period)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("area", area);
        params.put("origin", origin);
        params.put("to", to.toString());
        params.put("period", period.describe());
        params.put("figures", own);
        params.put("breakdown", figures.breakdown(area, ReportDocument.BOROUGH_INDICATORS, period));
        web.render(ctx, "measure/area.jte", web.page(ctx, name, Section.MEASURE), params);
    }

    private void definitions(Context ctx) {
        allow(ctx);
        MeasureStore store = engine.store();
        Map<String, Map<String, List<String>>> categories = new HashMap<>();
        store.offenceGroups().forEach(g -> categories.put(g.id(), store.categories(g.id())));
        Map<String, Object> params = new HashMap<>();
        params.put("definitions", store.definitions());
        params.put("groups", store.offenceGroups());
        params.put("outcomes", store.outcomeGroups());
        params.put("categories", categories);
        web.render(ctx, "measure/indicators.jte", web.page(ctx, "Indicator definitions", Section.MEASURE), params);
    }
}
