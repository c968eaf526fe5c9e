package org.peel.module;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.people.PeopleRoutes;
import org.peel.web.Capability;

import java.util.List;

/** People across every record: search, a person's records, and the review of likely duplicates. */
public final class PeopleModule implements Module {

    private final ModuleContext context;

    public PeopleModule(ModuleContext context) {
        this.context = context;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new PeopleRoutes(context.web(), context.jdbi()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(new Capability(Section.INVESTIGATION, "People",
                "Find a person across every record; review likely duplicates", "/people/search"));
    }
}
