package org.peel.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The inspectorate's "Force in numbers" for one force and the 12 months to a month end, each figure beside England
 * and Wales (the 43 territorial forces), from the same definition and the same source.
 */
public record ForceInNumbers(Place.Area force, Period period, List<Row> rows) {

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
            return all;
        }
    }

    /** Every indicator defined, for the force and for England and Wales. */
    public static ForceInNumbers of(IndicatorEngine shared, Place.Area force, Period period) {
        IndicatorEngine engine = shared.remembering();
        Place.Forces ew = englandAndWales(engine.store());
        List<Row> rows = new ArrayList<>();
        for (IndicatorDefinition d : engine.store().definitions()) {
            rows.add(new Row(d, engine.figure(d, force, period), engine.figure(d, ew, period)));
        }
        return new ForceInNumbers(force, period, rows);
    }

    public static Place.Forces englandAndWales(MeasureStore store) {
        return new Place.Forces(ENGLAND_AND_WALES, store.forceGroup(ENGLAND_AND_WALES));
    }

    public Row row(String id) {
        return rows.stream().filter(r -> r.definition().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + id));
    }
}
