package org.peel.module;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.people.PeopleRoutes;
import org.peel.people.PersonIndex;
import org.peel.web.Capability;

import java.util.List;

/** People across every record: search, a person's records, and the review of likely duplicates. */
public final class PeopleModule implements Module {

    private final ModuleContext context;
    /** Search before create: built in the background from when the server starts, stopped with it. */
    private final PersonIndex index;

    public PeopleModule(ModuleContext context) {
        this.context = context;
        this.index = context.personIndex();
    }

    @Override
    public void start() {
        index.start();
    }

    @Override
    public void stop() {
        index.close();
    }

    @Override
    public void routes(RoutesConfig routes) {
        new PeopleRoutes(context.web(), context.jdbi(), index, context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(new Capability(Section.INVESTIGATION, "People",
                "Every person you may see, paged and filtered; find a person; review likely duplicates", "/people"));
    }
}
