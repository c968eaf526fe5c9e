package org.peel.inspection;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Capability;

import java.util.List;

/**
 * Inspection wired as a whole: the PEEL effectiveness framework, the judgements and areas for improvement the
 * force's assurance team and the inspectors record, case-file samples, and the report. The force's figures come
 * through the {@link ForceFigures} port the platform hands in.
 */
public final class InspectionModule implements Module {

    private final ModuleContext context;
    private final ForceFigures figures;

    public InspectionModule(ModuleContext context, ForceFigures figures) {
        this.context = context;
        this.figures = figures;
    }

    /** Its commands are the platform's {@code peel inspect}, which joins measure's figures to the inspection's. */
    public static List<Class<?>> commands() {
        return List.of();
    }

    @Override
    public void routes(RoutesConfig routes) {
        InspectionSettings settings = InspectionSettings.from(context.environment());
        InspectionStore store = new InspectionStore(context.jdbi());
        new InspectionRoutes(context.web(), store, new InspectionReports(store, figures, settings, context.clock()),
                figures, settings, context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(new Capability(Section.MEASURE, "PEEL inspection",
                "The effectiveness inspection: the four questions, judgements with their evidence, areas for"
                        + " improvement tracked to closure, case-file samples, and the report.", "/inspection"));
    }
}
