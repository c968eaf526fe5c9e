package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.access.ShareGate;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Capability;
import org.peel.web.SectionSummary;

import java.util.List;

/**
 * Serious and organised crime wired as a whole: the OCG register and tracker, scoring under a versioned model with
 * reassessment after significant events, disruptions and their effect, and the section's figures.
 */
public final class OrganisedCrimeModule implements Module {

    private final OrganisedCrimeSummary summary;
    private final OcgRegister register;
    private final ModuleContext context;
    private final GangMatrix gangs;
    private final GangEquality equality;

    public OrganisedCrimeModule(ModuleContext context) {
        this.context = context;
        OcgStore store = new OcgStore(context.jdbi());
        this.summary = new OrganisedCrimeSummary(store);
        this.register = new OcgRegister(store, context.audit(), OcgSettings.from(context.environment()),
                context.clock());
        GangStore gangStore = new GangStore(context.jdbi());
        // the force's share gate is the one way gang data leaves: organised crime asks it, never its tables
        ShareGate gate = new SharingStore(context.jdbi(), context.audit(), context.clock());
        this.gangs = new GangMatrix(gangStore, context.audit(), gate, GangMatrix.Settings.from(context.environment()),
                context.clock());
        this.equality = new GangEquality(gangStore, new PopulationFigures(context.sharedData()), context::boroughNames,
                () -> context.places().forceAreas().stream().map(f -> f.name()).toList());
    }

    @Override
    public void routes(RoutesConfig routes) {
        new OcgRoutes(context.web(), register, context::boroughNames, context.clock()).register(routes);
        new GangRoutes(context.web(), gangs, equality, context::boroughNames).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.ORGANISED_CRIME, "OCG tracker",
                        "Active organised crime groups by current score, with stale and due reassessments flagged",
                        "/organised-crime/groups"),
                new Capability(Section.ORGANISED_CRIME, "Scoring models compared",
                        "Every active group under two scoring models side by side, and the groups whose band changes",
                        "/organised-crime/models"),
                new Capability(Section.ORGANISED_CRIME, "Disruptions by month",
                        "Pursue, prevent, protect and prepare disruptions with arrests, charges, seizures and SCPOs",
                        "/organised-crime/disruptions"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix",
                        "People on the matrix after a harm assessment that never scores victims, with review dates,"
                                + " removals and the recipient log of every share",
                        "/organised-crime/gangs"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix: equality report",
                        "The matrix by age, sex and ethnic group against the population, where it is held",
                        "/organised-crime/gangs/equality"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix: the Information Commissioner's findings",
                        "Each finding on the gangs matrix, how Peel meets it and the live figure behind it",
                        "/organised-crime/gangs/safeguards"));
    }

    @Override
    public List<SectionSummary> summary(User user) {
        return summary.forUser(user);
    }

    /** This module's commands under {@code peel}: scoring groups from a file, and comparing two scoring models. */
    public static List<Class<?>> commands() {
        return List.of(OcgCommand.class);
    }
}
