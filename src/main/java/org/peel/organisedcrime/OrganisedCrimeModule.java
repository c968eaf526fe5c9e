package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.SectionSummary;

import java.util.List;

/** Serious and organised crime wired as a whole: so far the section's figures on the OCG register; no pages yet. */
public final class OrganisedCrimeModule implements Module {

    private final OrganisedCrimeSummary summary;

    public OrganisedCrimeModule(ModuleContext context) {
        this.summary = new OrganisedCrimeSummary(new OcgStore(context.jdbi()));
    }

    @Override
    public void routes(RoutesConfig routes) {
        // no pages of its own yet: the section page shows its figures
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
