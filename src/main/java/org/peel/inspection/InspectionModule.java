package org.peel.inspection;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
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

    /**
     * What an inspector (or the analyst who records with them) must review: the latest case-file sample's files not
     * yet reviewed, and areas for improvement still open past the date the force agreed to.
     */
    @Override
    public List<Attention> attention(User user) {
        if (!InspectionRoutes.RECORDERS.contains(user.role())) {
            return List.of();
        }
        InspectionSettings settings = InspectionSettings.from(context.environment());
        InspectionStore store = new InspectionStore(context.jdbi());
        List<java.time.YearMonth> periods = store.periods(settings.forceCode());
        if (periods.isEmpty()) {
            return List.of();
        }
        java.time.YearMonth period = periods.get(0);
        String query = "force=" + settings.forceCode() + "&to=" + period;
        List<Attention> items = new java.util.ArrayList<>();
        store.latestSample(settings.forceCode(), period).ifPresent(sample -> {
            java.util.Set<String> reviewed = new java.util.HashSet<>();
            store.reviews(sample.id()).forEach(r -> reviewed.add(r.crimeId()));
            List<String> left = sample.crimes().stream().map(CaseFileSample.Drawn::crimeId)
                    .filter(c -> !reviewed.contains(c)).toList();
            if (!left.isEmpty()) {
                // the link opens the first file still to review
                items.add(new Attention(left.size() + " case file" + (left.size() == 1 ? "" : "s") + " in the sample to review",
                        reviewed.size() + " of " + sample.crimes().size() + " reviewed so far, for the year to " + period,
                        "/inspection/review?" + query + "&crime=" + left.get(0), Attention.Urgency.SOON));
            }
        });
        java.time.LocalDate today = java.time.LocalDate.now(context.clock());
        long overdue = store.improvements(settings.forceCode(), period).stream().filter(i -> i.overdue(today)).count();
        if (overdue > 0) {
            items.add(new Attention(overdue + " area" + (overdue == 1 ? "" : "s") + " for improvement past due",
                    "Still open after the date the force agreed: ask for the evidence, or record why not",
                    "/inspection?" + query + "#improvements", Attention.Urgency.SOON));
        }
        return items;
    }
}
