package org.peel.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inspectorate's "Force in numbers" for one force and the 12 months to a month end, each figure beside England
 * and Wales (the 43 territorial forces), from the same definition. The force's figures come from the origin chosen
 * (published open data or Peel's own records); England and Wales's always from the published open data, since
 * Peel's own records are one force's.
 */
public record ForceInNumbers(Place.Area force, Period period, Origin origin, List<Row> rows) {

    public static final String ENGLAND_AND_WALES = "England and Wales";

    /** The figures on the one glanceable page, in the inspectorate's order; the rest are in the table after it. */
    public static final List<String> AT_A_GLANCE = List.of(
            "calls_for_assistance_per_1000", "recorded_crime_excl_fraud_per_1000",
            "recorded_crime_excl_fraud_change_1y_pct", "victim_based_crime_per_1000",
            "burglary_dwelling_per_1000_households", "assault_with_injury_per_1000", "asb_incidents_per_1000",
            "domestic_abuse_pct", "ocgs_per_million", "victim_satisfaction_pct", "charge_rate_pct",
            "charge_rate_offences_recorded_pct");

    /**
     * One indicator: the force's figure and England and Wales's, and the import (or record-keeping) that would fill
     * the indicator where the definitions name one.
     */
    public record Row(IndicatorDefinition definition, Figure force, Figure englandAndWales, String fill) {

        /** Both figures present and neither missing anything. */
        public boolean complete() {
            return force.available() && force.complete() && englandAndWales.available() && englandAndWales.complete();
        }

        /** The notes of both figures, each saying which it is about. */
        public List<String> notes() {
            List<String> all = new ArrayList<>();
            if (!force.available() && fill != null) {
                all.add("to fill it: " + fill);
            }
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

    /**
     * Every indicator defined, for the force from the engine's origin and for England and Wales. The force's figures
     * are counted afresh each time; England and Wales's are held from one report to the next until the published data
     * changes ({@link IndicatorEngine#comparison}).
     */
    public static ForceInNumbers of(IndicatorEngine shared, Place.Area force, Period period) {
        IndicatorEngine engine = shared.remembering();
        IndicatorEngine national = engine.over(Origin.PUBLIC);
        MeasureStore store = engine.store();
        Place.Forces ew = englandAndWales(store);
        Map<String, MeasureStore.Filling> fillings = store.fillings();
        boolean populationHeld = !store.populations(Place.Level.FORCE, List.of(force.code()),
                period.to().getYear(), false).isEmpty();
        List<Row> rows = new ArrayList<>();
        for (IndicatorDefinition d : store.definitions()) {
            Figure own = engine.figure(d, force, period);
            rows.add(new Row(d, own, national.comparison(d, ew, period),
                    fill(own, fillings.get(d.numeratorGroup()), force, populationHeld, period)));
        }
        return new ForceInNumbers(force, period, engine.origin(), rows);
    }

    /**
     * What would fill a figure the force lacks, by the input it lacked: the population file when the offences are
     * held but the people are not; the import of the offences when they are not (then the population file too, for a
     * rate per head when none is held); and, where that import speaks for other forces only, why none fills it. Null
     * when the figure has a value or nothing can be named.
     */
    static String fill(Figure f, MeasureStore.Filling filling, Place.Area force, boolean populationHeld) {
        return fill(f, filling, force, populationHeld, null);
    }

    /**
     * As {@link #fill(Figure, MeasureStore.Filling, Place.Area, boolean)}, and when the period does not end at a
     * quarter's end, says first that the Home Office table counts only years to a quarter's end: importing it again
     * would not fill a year to November.
     */
    static String fill(Figure f, MeasureStore.Filling filling, Place.Area force, boolean populationHeld,
                       Period period) {
        String hint = fillFor(f, filling, force, populationHeld);
        if (hint != null && period != null && period.to().getMonthValue() % 3 != 0
                && hint.contains("home-office-prc")) {
            return "the Home Office table counts years to the end of March, June, September or December: choose a"
                    + " year to one of those, or " + hint;
        }
        return hint;
    }

    private static String fillFor(Figure f, MeasureStore.Filling filling, Place.Area force, boolean populationHeld) {
        if (f.available() || f.gap() == null || f.gap() == Figure.Gap.NONE) {
            return null;
        }
        return switch (f.gap()) {
            case POPULATION -> "peel import population FILE (a mid-year population estimate for " + force.name()
                    + ", area_code,area_name,year,population,households)";
            case HOUSEHOLDS -> "peel import population FILE with the households column filled for " + force.name();
            case FACTS -> {
                if (filling == null || filling.filledBy() == null) {
                    yield null;
                }
                if (!filling.fills(force.code())) {
                    yield "no import fills it for " + force.name()
                            + (filling.unheld() == null ? "" : ": " + filling.unheld());
                }
                boolean perHead = f.definition().denominator() == IndicatorDefinition.Denominator.POPULATION
                        || f.definition().denominator() == IndicatorDefinition.Denominator.HOUSEHOLDS;
                // the population only once something can fill the offences: "no import" needs no second step
                boolean fillable = COMMAND.matcher(filling.filledBy()).find();
                yield filling.filledBy() + (perHead && fillable && !populationHeld
                        && !filling.filledBy().contains("population")
                        ? "; then peel import population FILE (" + force.name() + "'s population)" : "");
            }
            case NONE -> null;
        };
    }

    public static Place.Forces englandAndWales(MeasureStore store) {
        return new Place.Forces(ENGLAND_AND_WALES, store.forceGroup(ENGLAND_AND_WALES));
    }

    /** True when not one of the force's figures could be made: the database holds nothing for it in the period. */
    public boolean noData() {
        return rows.stream().noneMatch(r -> r.force().available());
    }

    /** The commands that would fill the figures missing ("peel import police-uk" …), each once, in row order. */
    public List<String> importsToRun() {
        return commandsIn(rows.stream().filter(r -> !r.force().available() && r.fill() != null).map(Row::fill)
                .toList());
    }

    private static final java.util.regex.Pattern COMMAND =
            java.util.regex.Pattern.compile("\\bpeel (?:import [a-z-]+|generate)");

    /** The Peel commands named in what fills figures, each once, in order. */
    public static List<String> commandsIn(List<String> fills) {
        java.util.LinkedHashSet<String> commands = new java.util.LinkedHashSet<>();
        for (String fill : fills) {
            java.util.regex.Matcher m = COMMAND.matcher(fill);
            while (m.find()) {
                commands.add(m.group());
            }
        }
        return List.copyOf(commands);
    }

    public Row row(String id) {
        return rows.stream().filter(r -> r.definition().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + id));
    }

    /** The rows of the glanceable page that are defined, in its order. */
    public List<Row> atAGlance() {
        return AT_A_GLANCE.stream().flatMap(id -> rows.stream().filter(r -> r.definition().id().equals(id)))
                .toList();
    }

    /** Whether the force's figure is markedly higher or lower than England and Wales's. */
    public static org.peel.common.Marker.Decision marker(Row row) {
        return org.peel.common.Marker.of(row.force().value(), row.englandAndWales().value(),
                org.peel.common.Marker.DEFAULT_THRESHOLD_PCT);
    }

    /** The row's small chart: the force's bar over England and Wales's, marked where they differ markedly. */
    public static String chart(Row row) {
        return org.peel.common.PairChart.svg(row.force().place().name(), row.force().value(), row.force().shown(),
                row.englandAndWales().value(), row.englandAndWales().shown(), marker(row).marker());
    }

    /** "12 months to 31 March 2016", or "as at 31 March 2016" for a count on a day. */
    public static String periodOf(Row row) {
        String basis = row.definition().countBasis();
        String last = row.force().period().lastDay()
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        return basis != null && basis.contains("as at") ? "as at " + last : "12 months to " + last;
    }
}
