package org.peel.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The inspectorate's "Force in numbers" for one force and the 12 months to a month end, each figure beside England
 * and Wales (the 43 territorial forces), from the same definition. The force's figures come from the origin chosen
 * (published open data or Peel's own records); England and Wales's always from the published open data, since
 * Peel's own records are one force's.
 */
public record ForceInNumbers(Place.Area force, Period period, Origin origin, List<Row> rows) {

    public static final String ENGLAND_AND_WALES = "England and Wales";

    /** One indicator: the force's figure and England and Wales's. */
    public record Row(IndicatorDefinition definition, Figure force, Figure englandAndWales) {

        /** Both figures present and neither missing anything. */
        public boolean complete() {
            return force.available() && force.complete() && englandAndWales.available() && englandAndWales.complete();
        }

        /** The notes of both figures, each saying which it is about. */
        public List<String> notes() {
            List<String> all = new ArrayList<>();
            force.notes().forEach(n -> all.add(force.place().name() + ": " + n));
            englandAndWales.notes().forEach(n -> all.add(ENGLAND_AND_WALES + ": " + n));
            if (force.source() != null) {
                all.add("source: " + force.source() + "; definition " + definition.id() + " v" + definition.version());
            }
            if (englandAndWales.source() != null && !englandAndWales.source().equals(force.source())) {
                all.add(ENGLAND_AND_WALES + " source: " + englandAndWales.source());
            }
            return all;
        }
    }

    /** Every indicator defined, for the force from the engine's origin and for England and Wales. */
    public static ForceInNumbers of(IndicatorEngine shared, Place.Area force, Period period) {
        IndicatorEngine engine = shared.remembering();
        IndicatorEngine national = engine.over(Origin.PUBLIC);
        Place.Forces ew = englandAndWales(engine.store());
        List<Row> rows = new ArrayList<>();
        for (IndicatorDefinition d : engine.store().definitions()) {
            rows.add(new Row(d, engine.figure(d, force, period), national.figure(d, ew, period)));
        }
        return new ForceInNumbers(force, period, engine.origin(), rows);
    }

    public static Place.Forces englandAndWales(MeasureStore store) {
        return new Place.Forces(ENGLAND_AND_WALES, store.forceGroup(ENGLAND_AND_WALES));
    }

    public Row row(String id) {
        return rows.stream().filter(r -> r.definition().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + id));
    }
}
