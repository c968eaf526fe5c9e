package org.peel.measure;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Capability;

import java.util.List;

/** Measure wired as a whole: Force in numbers and the indicator definitions, read through measure's own views. */
public final class MeasureModule implements Module {

    private final ModuleContext context;

    public MeasureModule(ModuleContext context) {
        this.context = context;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new MeasureRoutes(context.web(), new MeasureStore(context.jdbi()), context.places(), context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.MEASURE, "Force in numbers",
                        "Any force and 12 months to any month, beside England and Wales: crime rates, outcomes, trends,"
                                + " every force compared, and boroughs and wards.", "/measure/force-in-numbers"),
                new Capability(Section.MEASURE, "Indicator definitions",
                        "What each figure counts, exactly, and in which version.", "/measure/indicators"));
    }
}
