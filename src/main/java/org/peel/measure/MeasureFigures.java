package org.peel.measure;

import org.locationtech.jts.geom.Geometry;
import org.peel.place.Borough;
import org.peel.place.BoroughSummary;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures beside Force in numbers: the five-year trend of an indicator for a force against England and Wales,
 * every force's value of an indicator, and a force's boroughs (or a borough's wards) with a map where Peel holds
 * their boundaries.
 */
public final class MeasureFigures {

    public static final String CRIME_RATE = "recorded_crime_excl_fraud_per_1000";
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    private final IndicatorEngine engine;
    private final PlaceStore places;

    public MeasureFigures(IndicatorEngine engine, PlaceStore places) {
        this.engine = engine;
        this.places = places;
    }

    /** One area's figures for the indicators asked for, in their order. */
    public record AreaRow(Place.Area area, List<Figure> figures) {
    }

    /** The areas under a place, and the map of the first indicator where boundaries are held. */
    public record Breakdown(List<IndicatorDefinition> indicators, List<AreaRow> rows, String map) {
    }

    private IndicatorDefinition definition(String id) {
        return engine.store().definition(id).orElseThrow(() -> new IllegalArgumentException("no indicator " + id));
    }

    /**
     * The 12 months to each quarter end over five years to {@code to}, force (from the engine's origin) and England
     * and Wales (from the published data), as an SVG.
     */
    public String trend(Place.Area force, String indicatorId, YearMonth to) {
        IndicatorDefinition d = definition(indicatorId);
        IndicatorEngine engine = this.engine.remembering();
        IndicatorEngine national = engine.over(Origin.PUBLIC);
        Place.Forces ew = ForceInNumbers.englandAndWales(engine.store());
        List<Charts.Point> mine = new ArrayList<>();
        List<Charts.Point> all = new ArrayList<>();
        for (int back = 60; back >= 0; back -= 3) {
            YearMonth end = to.minusMonths(back);
            Period p = Period.yearTo(end);
            mine.add(new Charts.Point(end.format(LABEL), engine.figure(d, force, p).value()));
            all.add(new Charts.Point(end.format(LABEL), national.figure(d, ew, p).value()));
        }
        String label = engine.origin().own() ? force.name() + " (" + engine.origin().title() + ")" : force.name();
        return Charts.trend(d.title() + ", rolling 12 months", d.unit(), label, mine,
                ForceInNumbers.ENGLAND_AND_WALES, all);
    }

    /**
     * Every territorial force's figure (those with one), the chosen force picked out, as an SVG: always from the
     * published data, the one source that speaks for every force alike.
     */
    public String byForce(String indicatorId, Period period, String highlightCode) {
        IndicatorDefinition d = definition(indicatorId);
        IndicatorEngine engine = this.engine.remembering().over(Origin.PUBLIC);
        List<Charts.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, String> f : engine.store().territorialForces().entrySet()) {
            Figure fig = engine.figure(d, new Place.Area(Place.Level.FORCE, f.getKey(), f.getValue()), period);
            if (fig.value() != null) {
                bars.add(new Charts.Bar(f.getValue(), fig.value(), f.getKey().equals(highlightCode)));
            }
        }
        return Charts.bars(d.title() + ", " + period.describe() + " (" + Origin.PUBLIC.title() + ")", "", bars);
    }

    /** A force's boroughs, or a borough's wards, with the indicators given and a map of the first. */
    public Breakdown breakdown(Place.Area parent, List<String> indicatorIds, Period period) {
        List<IndicatorDefinition> defs = indicatorIds.stream().map(this::definition).toList();
        IndicatorEngine engine = this.engine.remembering();
        List<Place.Area> children = new ArrayList<>();
        if (parent.level() == Place.Level.FORCE) {
            for (BoroughSummary b : places.boroughs()) {
                Borough borough = b.borough();
                if (borough.forceCode().equals(parent.code())) {
                    children.add(new Place.Area(Place.Level.BOROUGH, borough.code(), borough.name()));
                }
            }
        } else if (parent.level() == Place.Level.BOROUGH) {
            for (Ward w : places.wardsIn(parent.code())) {
                children.add(new Place.Area(Place.Level.WARD, w.code(), w.name()));
            }
        }
        children.sort((a, b) -> a.name().compareTo(b.name()));
        List<AreaRow> rows = new ArrayList<>();
        List<Charts.Area> shaded = new ArrayList<>();
        for (Place.Area child : children) {
            List<Figure> figures = defs.stream().map(d -> engine.figure(d, child, period)).toList();
            rows.add(new AreaRow(child, figures));
            Optional<Geometry> outline = child.level() == Place.Level.BOROUGH ? places.boroughBoundary(child.code())
                    : places.wardBoundary(child.code());
            outline.ifPresent(g -> shaded.add(new Charts.Area(child.name(), g, figures.get(0).value())));
        }
        String map = shaded.isEmpty() || defs.isEmpty() ? null
                : Charts.choropleth(defs.get(0).title() + ", " + period.describe(), defs.get(0).unit(), shaded);
        return new Breakdown(defs, rows, map);
    }
}
