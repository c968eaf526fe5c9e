package org.peel.prevention;

import io.javalin.config.RoutesConfig;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.SectionSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prevention wired as a whole: ASB calls (first-call history, risk grade and flags), problem-solving cases, ward
 * profiles and hotspot forecasts, with their menu entries, the neighbourhood team's home-page items and the
 * section's ASB figures.
 */
public final class PreventionModule implements Module {

    private final ModuleContext context;
    private final AsbRoutes asb;
    private final ProblemSolvingStore problemCases;
    private final WardProfileRoutes wardProfiles;
    private final PreventionSummary summary;

    public PreventionModule(ModuleContext context) {
        this.context = context;
        AsbRiskSettings settings = AsbRiskSettings.from(context.environment());
        AsbStore store = new AsbStore(context.jdbi());
        this.asb = new AsbRoutes(context.web(), store, context.places(),
                new RecordAsbIncident(context.jdbi(), store, victimHistory(context.environment()), context.audit(),
                        settings),
                new PoliceUkAsbImport(context.jdbi()), context.clock(), context.personIndex());
        this.problemCases = new ProblemSolvingStore(context.jdbi());
        this.wardProfiles = new WardProfileRoutes(context.web(),
                new WardProfileStore(context.jdbi(), problemCases, context.clock()), context.places(), settings,
                context.clock());
        this.summary = new PreventionSummary(store);
    }

    /**
     * How the first call finds a victim's history: exact details, widened through the persons identity resolution
     * made (on the demo force, pairwise precision 0.990 and recall 0.991 against the generator's truth), so that
     * one caller recorded five ways is one history. PEEL_ASB_HISTORY=exact narrows it to exact details, for a force
     * that has not yet checked linkage on its own records.
     */
    static VictimHistory victimHistory(Map<String, String> environment) {
        return "exact".equals(environment.get("PEEL_ASB_HISTORY"))
                ? new ExactDetailsVictimHistory() : ExactDetailsVictimHistory.throughResolvedPersons();
    }

    @Override
    public void routes(RoutesConfig routes) {
        new HotspotRoutes(context.web(), context.places(), context.sharedData().orElse(null)).register(routes);
        asb.register(routes);
        new ProblemSolvingRoutes(context.web(), problemCases, context.places(), context.clock()).register(routes);
        wardProfiles.register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.PREVENTION, "Hotspot forecasts",
                        "Where crime and ASB are likely next month, and how often each map would have been right",
                        "/prevention/hotspots"),
                new Capability(Section.PREVENTION, "Record an ASB incident",
                        "Take an ASB call: the victim's history, earlier incidents at the place and the risk grade at once",
                        "/prevention/asb/new").opening(AccessRequest.view(Section.PREVENTION).changing()),
                new Capability(Section.PREVENTION, "Problem-solving cases",
                        "SARA cases for a person, a place or a ward problem: incidents, partner actions, before and after",
                        "/prevention/cases"),
                new Capability(Section.PREVENTION, "Ward profiles",
                        "Each ward's crime, ASB, repeat victims and cases beside its team's priorities; reviews overdue",
                        "/prevention/wards"),
                new Capability(Section.PREVENTION, "Flagged ASB victims",
                        "High-risk and repeat victims flagged to the neighbourhood team", "/prevention/asb/flags"));
    }

    @Override
    public List<Attention> attention(User user) {
        List<Attention> items = new ArrayList<>(asb.attention().forUser(user));
        items.addAll(wardProfiles.attention().forUser(user));
        return items;
    }

    @Override
    public List<SectionSummary> summary(User user) {
        return summary.forUser(user);
    }

    /** This module's commands under {@code peel}: hotspot forecasts and their evaluation from police.uk files. */
    public static List<Class<?>> commands() {
        return List.of(HotspotsCommand.class, AsbImportCommand.class);
    }
}
