package org.peel.platform;

import org.jdbi.v3.core.Jdbi;
import org.peel.inspection.ForceFigures;
import org.peel.measure.Figure;
import org.peel.measure.ForceInNumbers;
import org.peel.measure.IndicatorEngine;
import org.peel.measure.MeasureStore;
import org.peel.measure.Origin;
import org.peel.measure.Period;
import org.peel.measure.Place;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The inspection's Force in numbers, filled from measure: each figure from the force's own records in Peel where
 * they give it, else from the published tables; England and Wales always from the published tables. Each figure is
 * still made from one origin only, and says its period and count basis.
 */
public final class MeasureForceFigures implements ForceFigures {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Jdbi jdbi;

    public MeasureForceFigures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> forceName(String forceCode) {
        return Optional.ofNullable(new MeasureStore(jdbi).territorialForces().get(forceCode));
    }

    @Override
    public Sheet sheet(String forceCode, YearMonth yearTo) {
        MeasureStore store = new MeasureStore(jdbi);
        String name = forceName(forceCode).orElseThrow(() -> new IllegalArgumentException(
                "'" + forceCode + "' is not one of the 43 territorial forces"));
        Place.Area force = new Place.Area(Place.Level.FORCE, forceCode, name);
        Period period = Period.yearTo(yearTo);
        IndicatorEngine engine = new IndicatorEngine(store, Origin.PEEL).remembering();
        ForceInNumbers own = ForceInNumbers.of(engine, force, period);
        ForceInNumbers published = ForceInNumbers.of(engine.over(Origin.PUBLIC), force, period);
        List<Line> lines = new ArrayList<>();
        Set<String> imports = new LinkedHashSet<>();
        boolean any = false;
        for (ForceInNumbers.Row row : own.rows()) {
            ForceInNumbers.Row other = published.row(row.definition().id());
            ForceInNumbers.Row chosen = row.force().available() || !other.force().available() ? row : other;
            Figure f = chosen.force();
            any |= f.available();
            if (!f.available() && chosen.fill() != null) {
                imports.add(chosen.fill());
            }
            String basis = row.definition().countBasis();
            String when = basis != null && basis.contains("as at") ? "as at " + f.period().lastDay().format(DAY)
                    : "12 months to " + f.period().lastDay().format(DAY);
            String source = f.available() ? " (" + (chosen == row ? Origin.PEEL.title() : Origin.PUBLIC.title()) + ")"
                    : "";
            lines.add(new Line(row.definition().id(), row.definition().title(), row.definition().unit(), f.value(),
                    f.shown(), chosen.englandAndWales().value(), chosen.englandAndWales().shown(), when + source,
                    basis, chosen.fill(), f.available() && f.complete()));
        }
        return new Sheet(forceCode, name, period.describe(), lines, !any,
                ForceInNumbers.commandsIn(List.copyOf(imports)));
    }
}
