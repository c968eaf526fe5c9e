package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
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

    public OrganisedCrimeModule(ModuleContext context) {
        this.context = context;
        OcgStore store = new OcgStore(context.jdbi());
        this.summary = new OrganisedCrimeSummary(store);
        this.register = new OcgRegister(store, context.audit(), OcgSettings.from(context.environment()),
                context.clock());
    }

    @Override
    public void routes(RoutesConfig routes) {
        new OcgRoutes(context.web(), register, context::boroughNames, context.clock()).register(routes);
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
                        "/organised-crime/disruptions"));
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
